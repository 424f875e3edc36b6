"""Pelican plugin ``newsdigest.quotes``: every quotation attributed, one pulled out.

Finds every direct quotation in a story and its speaker (see ``newsdigest.quoting``)
from the shared analysis, sets ``article.quotes`` and ``article.pull_quote``, and
places the pull-quote in the story body as
``<aside class="pull-quote" aria-hidden="true">``. Editors choose with
``PullQuote: opening words`` or turn it off with ``PullQuote: none``.
"""

from __future__ import annotations

from pelican import signals

from ..analysis.stories import require
from .quoter import quote_articles


def require_analysis(pelican) -> None:
    require(pelican.settings, "entities")  # speakers are named entities
    require(pelican.settings, "syntax")  # the parse fallback and complete-clause test


def register() -> None:
    signals.initialized.connect(require_analysis)
    signals.article_generator_pretaxonomy.connect(quote_articles)
