"""Editions as the templates see them: resolved stories grouped by section."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass
class EditionStory:
    """A story's place in an edition: the article and the curator's note on it."""

    article: Any
    note: str | None = None


@dataclass
class Edition:
    """One published edition of the digest."""

    date: dt.date
    title: str
    intro: str  # sanitized HTML
    url: str
    save_as: str
    source: str | None = None
    stories: list[EditionStory] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.date.isoformat()

    @property
    def sections(self) -> list[tuple[Any, list[EditionStory]]]:
        """Stories grouped by section, sections in the order the curator first used them."""
        groups: dict[Any, list[EditionStory]] = {}
        for entry in self.stories:
            groups.setdefault(entry.article.category, []).append(entry)
        return list(groups.items())

    def __contains__(self, article: Any) -> bool:
        return any(entry.article is article for entry in self.stories)
