"""The pure side of newsdigest: text cleaning, language analysis, enrichment, feeds,
deploy and intake logic. Nothing under ``newsdigest.core`` imports Pelican (a test
checks it), so the command line, the tests and other programs use it directly.

- ``text``: cleaning rules for one story's text (junk, unicode, dateline, byline, headline)
- ``story``: the story model every reader and the CLI share
- ``editions``: edition files and the edition model
- ``nlp``: one spaCy analysis per story, cached by content hash
- ``entities``, ``quotes``, ``facts``: what each enrichment makes of an analysis
- ``enrich``: the three composed, cached and run in worker processes
- ``feeds``: the feed model and its RSS, Atom and JSON Feed renderings
- ``deploy``, ``intake``: publishing the output, and taking stories in from the web
- ``settings``: every ``NEWSDIGEST_*`` setting with its default, validated
"""
