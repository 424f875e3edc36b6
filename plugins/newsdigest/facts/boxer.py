"""Setting every story's fact box and placing it after the lede."""

from __future__ import annotations

from ..enrich.site import apply_each
from ..text.render import fact_box_html, insert_after_paragraph


def box_articles(generator) -> None:
    """Set ``article.facts``; place the fact box after the lede."""
    heading = generator.settings.get("NEWSDIGEST_FACTS_HEADING", "Key facts")

    def box(article, enrichment) -> None:
        facts = enrichment.facts or []
        article.facts = facts
        if facts:
            rows = [(fact.label, fact.value) for fact in facts]
            article._content = insert_after_paragraph(
                article._content, 0, fact_box_html(rows, heading)
            )

    apply_each(generator, "fact boxes", box)
