"""Helpers the enrichment plugins share when they work on Pelican articles.

No plugin imports another's internals: a plugin that needs the story's entities
(quotes need speakers' canonical names, facts need the who) gets them here, from the
entities plugin's result when it ran first, else by running the pure tagger itself
on the same cached analysis.
"""

from __future__ import annotations

import logging
from typing import Any

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


def story_articles(generator: Any) -> list[Any]:
    """Every article the generator read (published, draft, hidden) that is one of our stories."""
    articles = [*generator.articles, *generator.drafts, *generator.hidden_articles]
    return [article for article in articles if "paragraphs" in article.metadata]


def warn(article: Any, message: str) -> None:
    """A story warning: logged with the file name and kept for the cleaning report."""
    logger.warning("%s: %s", article.relative_source_path, message)
    article.metadata.setdefault("story_warnings", []).append(message)
