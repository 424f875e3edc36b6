"""Building and placing every story's fact box."""

from __future__ import annotations

import logging

from ..analysis.pipeline import ModelError
from ..analysis.stories import analyse_articles
from ..enrichment import directory_for, entities_for, story_articles, warn
from ..factbox import FactOptions, build_fact_box
from ..text.render import fact_box_html, insert_after_paragraph

logger = logging.getLogger(__name__)


def box_articles(generator) -> None:
    articles = story_articles(generator)
    try:
        analyse_articles(articles, generator.settings)
    except ModelError as error:
        logger.error("newsdigest: %s; stories are published without fact boxes", error)
        return
    directory = directory_for(generator.settings)
    options = FactOptions.from_settings(generator.settings)
    heading = generator.settings.get("NEWSDIGEST_FACTS_HEADING", "Key facts")
    for article in articles:
        if getattr(article, "analysis", None) is None:
            continue
        try:
            entities = entities_for(article, generator.settings, directory)
            warnings: list[str] = []
            facts = build_fact_box(
                article.analysis, entities, article.metadata["paragraphs"], options,
                article.metadata.get("facts"), warnings,
            )  # fmt: skip
        except Exception as error:  # one story's bad luck must not stop the build
            warn(article, f"fact box failed ({error}); published without one")
            continue
        for warning in warnings:
            warn(article, warning)
        article.facts = facts
        if facts:
            box = fact_box_html([(fact.label, fact.value) for fact in facts], heading)
            article._content = insert_after_paragraph(article._content, 0, box)
