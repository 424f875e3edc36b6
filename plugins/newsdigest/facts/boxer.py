"""Building and placing every story's fact box."""

from __future__ import annotations

from ..articles import warn
from ..enrichment import enrich_each, entities_for
from ..factbox import FactOptions, build_fact_box
from ..text.render import fact_box_html, insert_after_paragraph


def box_articles(generator) -> None:
    """Set ``article.facts``; place the fact box after the lede."""
    options = FactOptions.from_settings(generator.settings)
    heading = generator.settings.get("NEWSDIGEST_FACTS_HEADING", "Key facts")

    def box(article, directory) -> None:
        entities = entities_for(article, generator.settings, directory)
        warnings: list[str] = []
        facts = build_fact_box(
            article.analysis, entities, article.metadata["paragraphs"], options,
            article.metadata.get("facts"), warnings,
        )  # fmt: skip
        for warning in warnings:
            warn(article, warning)
        article.facts = facts
        if facts:
            rows = [(fact.label, fact.value) for fact in facts]
            article._content = insert_after_paragraph(
                article._content, 0, fact_box_html(rows, heading)
            )

    enrich_each(generator, "fact boxes", box)
