"""Pelican plugin ``newsdigest.entities``: entity tags with a page for each entity.

Tags every story with the people, organizations and places it is about, under
canonical names (see ``newsdigest.core.entities``), from the shared cached analysis. Writes
a page per entity listing its stories, newest first, and an index of all entities
by kind. The editor's ``content/entities.yml`` and a story's ``Tags:`` header steer it.
"""

from __future__ import annotations

from pelican import signals

from newsdigest.core.enrich import enable
from newsdigest.entities.generator import EntitiesGenerator
from newsdigest.entities.tagger import tag_articles
from newsdigest.site.enrichment import register_build_hooks
from newsdigest.site.startup import register_startup


def enable_entities(pelican) -> None:
    enable(pelican.settings, "entities")


def get_generators(_pelican):
    return EntitiesGenerator


def register() -> None:
    register_startup()
    signals.initialized.connect(enable_entities)
    register_build_hooks()
    signals.article_generator_pretaxonomy.connect(tag_articles)
    signals.get_generators.connect(get_generators)
