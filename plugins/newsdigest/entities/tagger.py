"""Tagging every story the article generator read, from the shared analysis."""

from __future__ import annotations

import logging

from ..analysis.pipeline import ModelError
from ..analysis.stories import analyse_articles
from ..enrichment import directory_for, story_articles, warn
from ..tagging import TaggingOptions
from ..tagging.extract import extract_entities, group_by_kind

logger = logging.getLogger(__name__)


def tag_articles(generator) -> None:
    """Set ``article.entities`` (all, most salient first) and ``article.entity_groups``."""
    articles = story_articles(generator)
    try:
        analyse_articles(articles, generator.settings)
    except ModelError as error:
        logger.error("newsdigest: %s; stories are published without entity tags", error)
        return
    directory = directory_for(generator.settings)
    options = TaggingOptions.from_settings(generator.settings)
    for article in articles:
        analysis = getattr(article, "analysis", None)
        if analysis is None:
            continue
        warnings: list[str] = []
        try:
            entities = extract_entities(
                analysis, directory, dateline=article.metadata.get("dateline"),
                tags_header=article.metadata.get("tags_header"), options=options,
                warnings=warnings,
            )  # fmt: skip
        except Exception as error:  # one story's bad luck must not stop the build
            logger.warning("%s: entity tagging failed (%s); published untagged",
                           article.relative_source_path, error)  # fmt: skip
            continue
        for warning in warnings:
            warn(article, warning)
        article.entities = entities
        article.entity_tags = entities[: options.max_shown]
        article.entity_groups = group_by_kind(article.entity_tags)
