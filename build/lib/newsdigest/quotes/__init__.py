"""Pelican plugin ``newsdigest.quotes``: every quotation attributed, one pulled out.

Finds every direct quotation in a story and its speaker (see ``newsdigest.core.quotes``)
from the shared analysis, sets ``article.quotes`` and ``article.pull_quote``, and
places the pull-quote in the story body as
``<aside class="pull-quote" aria-hidden="true">``. Editors choose with
``PullQuote: opening words`` or turn it off with ``PullQuote: none``.
"""

from __future__ import annotations

from pelican import signals

from newsdigest.core.enrich import enable
from newsdigest.quotes.quoter import quote_articles
from newsdigest.site.enrichment import register_build_hooks
from newsdigest.site.startup import register_startup


def enable_quotes(pelican) -> None:
    enable(pelican.settings, "quotes")


def register() -> None:
    register_startup()
    signals.initialized.connect(enable_quotes)
    register_build_hooks()
    signals.article_generator_pretaxonomy.connect(quote_articles)
