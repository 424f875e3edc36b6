"""Setting every story's entity tags from its enrichment."""

from __future__ import annotations

from ..enrich.site import apply_each
from ..tagging.extract import group_by_kind


def tag_articles(generator) -> None:
    """Set ``article.entities`` (all, most salient first), ``article.entity_tags`` (the
    first NEWSDIGEST_ENTITY_MAX) and ``article.entity_groups``."""
    shown = int(generator.settings.get("NEWSDIGEST_ENTITY_MAX", 12))

    def tag(article, enrichment) -> None:
        article.entities = enrichment.entities
        article.entity_tags = enrichment.entities[:shown]
        article.entity_groups = group_by_kind(article.entity_tags)

    apply_each(generator, "entity tags", tag)
