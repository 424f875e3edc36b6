"""Tagging every story the article generator read, from the shared analysis."""

from __future__ import annotations

from ..articles import warn
from ..enrichment import enrich_each
from ..tagging import TaggingOptions
from ..tagging.extract import extract_entities, group_by_kind


def tag_articles(generator) -> None:
    """Set ``article.entities`` (all, most salient first) and ``article.entity_groups``."""
    options = TaggingOptions.from_settings(generator.settings)

    def tag(article, directory) -> None:
        warnings: list[str] = []
        entities = extract_entities(
            article.analysis, directory, dateline=article.metadata.get("dateline"),
            tags_header=article.metadata.get("tags_header"), options=options,
            warnings=warnings,
        )  # fmt: skip
        for warning in warnings:
            warn(article, warning)
        article.entities = entities
        article.entity_tags = entities[: options.max_shown]
        article.entity_groups = group_by_kind(article.entity_tags)

    enrich_each(generator, "entity tags", tag)
