"""Helpers the enrichment plugins share when they work on Pelican articles.

No plugin imports another's internals: a plugin that needs the story's entities
(quotes need speakers' canonical names, facts need the who) gets them here, from the
entities plugin's result when it ran first, else by running the pure tagger itself
on the same cached analysis.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from .analysis.pipeline import ModelError
from .analysis.stories import analyse_articles
from .articles import story_articles, warn
from .tagging import DirectoryError, EntityDirectory, TaggingOptions, site_directory
from .tagging.extract import Entity, extract_entities

logger = logging.getLogger(__name__)
_DIRECTORY_ATTRIBUTE = "_newsdigest_directory"


def directory_for(settings: dict[str, Any]) -> EntityDirectory:
    """The editor's entity file, or an empty directory (with a warning) when it is broken."""
    try:
        directory = site_directory(settings)
    except DirectoryError as error:
        logger.warning("%s; tagging without the editor's entity file", error)
        return EntityDirectory()
    for problem in directory.problems:
        logger.warning("%s", problem)
    return directory


def entities_for(
    article: Any, settings: dict[str, Any], directory: EntityDirectory
) -> list[Entity]:
    """The article's entities: the entities plugin's, or computed here and kept private."""
    entities = getattr(article, "entities", None)
    if entities is not None:
        return entities
    private = getattr(article, "_newsdigest_entities", None)
    if private is None:
        private = extract_entities(
            article.analysis, directory, dateline=article.metadata.get("dateline"),
            tags_header=article.metadata.get("tags_header"),
            options=TaggingOptions.from_settings(settings),
        )  # fmt: skip
        article._newsdigest_entities = private
    return private


def enrich_each(generator: Any, feature: str, handle: Callable[[Any, EntityDirectory], None]):
    """Run ``handle(article, directory)`` on every analysed story of the generator.

    The shared analysis runs first (once for all plugins); a model that cannot load
    is one error for the build, and a failure on one story is that story's warning:
    it is published without ``feature``.
    """
    articles = story_articles(generator)
    try:
        analyse_articles(articles, generator.settings)
    except ModelError as error:
        logger.error("newsdigest: %s; stories are published without %s", error, feature)
        return
    directory = directory_for(generator.settings)
    for article in articles:
        if getattr(article, "analysis", None) is None:
            continue
        try:
            handle(article, directory)
        except Exception as error:  # one story's bad luck must not stop the build
            warn(article, f"{feature} failed ({error}); published without them")
