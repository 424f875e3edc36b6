"""Pelican plugin ``newsdigest.facts``: a "Key facts" box on every story that has them.

Builds 3 to 6 label/value rows (key figures, when, who, where; see
``newsdigest.factbox``) from the shared analysis, sets ``article.facts``, and places
``<aside class="fact-box">`` after the lede. Every value is a stretch of a sentence of
the story. Editors add, replace or remove rows with ``Facts: Label = value; -Label``
and turn the box off with ``Facts: none``.
"""

from __future__ import annotations

from pelican import signals

from ..analysis.stories import require
from .boxer import box_articles


def require_analysis(pelican) -> None:
    require(pelican.settings, "entities")  # the who and the where
    require(pelican.settings, "syntax")  # what a number counts


def register() -> None:
    signals.initialized.connect(require_analysis)
    signals.article_generator_pretaxonomy.connect(box_articles)
