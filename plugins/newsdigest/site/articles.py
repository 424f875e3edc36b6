"""Small helpers for Pelican articles that are our stories (no heavy imports here)."""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)


def story_articles(generator: Any) -> list[Any]:
    """Every article the generator read (published, draft, hidden) that is one of our stories."""
    articles = [*generator.articles, *generator.drafts, *generator.hidden_articles]
    return [article for article in articles if "paragraphs" in article.metadata]


def warn(article: Any, message: str) -> None:
    """A story warning: logged with the file name and kept for the cleaning report."""
    logger.warning("%s: %s", article.relative_source_path, message)
    article.metadata.setdefault("story_warnings", []).append(message)
