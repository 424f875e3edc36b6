"""Setting every story's fact box and placing it after the lede."""

from __future__ import annotations

from newsdigest.core.settings import setting
from newsdigest.core.text.render import fact_box_html
from newsdigest.site.body import place_aside
from newsdigest.site.enrichment import apply_each


def box_articles(generator) -> None:
    """Set ``article.facts``; place the fact box after the lede."""
    heading = setting(generator.settings, "NEWSDIGEST_FACTS_HEADING")

    def box(article, enrichment) -> None:
        facts = enrichment.facts or []
        article.facts = facts
        if facts:
            rows = [(fact.label, fact.value) for fact in facts]
            place_aside(article, "fact-box", 0, fact_box_html(rows, heading))

    apply_each(generator, "fact boxes", box)
