"""Small helpers for Pelican articles that are our stories (no heavy imports here)."""

from __future__ import annotations

import logging
from html.parser import HTMLParser
from typing import Any

logger = logging.getLogger(__name__)


def read_articles(generator: Any) -> list[Any]:
    """Every article the generator read: published, draft and hidden."""
    return [*generator.articles, *generator.drafts, *generator.hidden_articles]


def story_articles(generator: Any) -> list[Any]:
    """Every article the generator read that is one of our stories."""
    return [article for article in read_articles(generator) if "paragraphs" in article.metadata]


def warn(article: Any, message: str) -> None:
    """A story warning: logged with the file name and kept for the cleaning report."""
    logger.warning("%s: %s", article.relative_source_path, message)
    article.metadata.setdefault("story_warnings", []).append(message)


class _ParagraphText(HTMLParser):
    """The plain text of every ``<p>`` in an HTML body, as ``newsdigest inspect`` counts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._open = 0
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "p":
            self._open += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._open:
            self._open -= 1
            text = " ".join("".join(self._parts).split())
            if text:
                self.paragraphs.append(text)
            self._parts = []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._parts.append(data)


def adopt_article(article: Any) -> bool:
    """Make an article another reader made (reST, Python-Markdown …) a story the
    enrichment plugins can read: its paragraphs are the text of its ``<p>`` elements.
    True when the article is a story (ours already are)."""
    metadata = article.metadata
    if "paragraphs" not in metadata:
        parser = _ParagraphText()
        parser.feed(article._content or "")
        parser.close()
        if not parser.paragraphs:
            return False
        metadata["paragraphs"] = parser.paragraphs
        metadata.setdefault("title_derived", False)
    return True
