"""Setting every story's entity tags from its enrichment."""

from __future__ import annotations

from newsdigest.core.entities.extract import group_by_kind
from newsdigest.core.settings import setting
from newsdigest.site.enrichment import apply_each


def tag_articles(generator) -> None:
    """Set ``article.entities`` (all, most salient first), ``article.entity_tags`` (the
    first NEWSDIGEST_ENTITY_MAX, what the story is about), ``article.entity_more`` (the
    rest, which the page lists as "and N more") and ``article.entity_groups``."""
    shown = int(setting(generator.settings, "NEWSDIGEST_ENTITY_MAX"))

    def tag(article, enrichment) -> None:
        article.entities = enrichment.entities
        article.entity_tags = enrichment.entities[:shown]
        article.entity_more = enrichment.entities[shown:]
        article.entity_groups = group_by_kind(article.entity_tags)

    apply_each(generator, "entity tags", tag)
