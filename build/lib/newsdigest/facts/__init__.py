"""Pelican plugin ``newsdigest.facts``: a "Key facts" box on every story that has them.

Builds 3 to 6 label/value rows (key figures, when, who, where; see
``newsdigest.core.facts``) from the shared analysis, sets ``article.facts``, and places
``<aside class="fact-box">`` after the lede. Every value is a stretch of a sentence of
the story. Editors add, replace or remove rows with ``Facts: Label = value; -Label``
and turn the box off with ``Facts: none``.
"""

from __future__ import annotations

from pelican import signals

from newsdigest.core.enrich import enable
from newsdigest.facts.boxer import box_articles
from newsdigest.site.enrichment import register_build_hooks
from newsdigest.site.startup import register_startup


def enable_facts(pelican) -> None:
    enable(pelican.settings, "facts")


def register() -> None:
    register_startup()
    signals.initialized.connect(enable_facts)
    register_build_hooks()
    signals.article_generator_pretaxonomy.connect(box_articles)
