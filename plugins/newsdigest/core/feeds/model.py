"""Feeds and their items as plain data, built from Pelican articles and editions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from newsdigest.core.text.render import absolutize_links

FORMATS = {
    "rss": ("application/rss+xml", "rss.xml"),
    "atom": ("application/atom+xml", "atom.xml"),
    "json": ("application/feed+json", "json"),
}
_GUID_UNSAFE = re.compile(r"[^A-Za-z0-9/._~-]+")


@dataclass
class FeedItem:
    """One story (or edition) as every feed format needs it."""

    id: str
    url: str
    title: str
    summary: str
    content: str  # the page's HTML, links as on the site
    published: dt.datetime
    modified: dt.datetime | None = None
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)

    @cached_property
    def content_html(self) -> str:
        """The content with every link absolute (feeds are read off-site); made only when
        a feed that carries the item is written."""
        return absolutize_links(self.content, self.url)


@dataclass
class Feed:
    """One feed, written once per format at ``{path}.{suffix}``."""

    key: str  # "", "sections/world", "entities/nato", "editions"
    title: str
    description: str
    home_url: str  # the page this feed follows, absolute
    path: str  # output path without the format suffix, e.g. "feeds/sections/world"
    items: list[FeedItem] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Newest first by the time each item carries (stories of one day have times of
        their own), so readers and the feed's ``updated`` agree."""
        self.items.sort(key=lambda item: (item.published, item.id), reverse=True)

    def file(self, fmt: str) -> str:
        return f"{self.path}.{FORMATS[fmt][1]}" if self.path != "feeds/" else self.main_file(fmt)

    @staticmethod
    def main_file(fmt: str) -> str:
        return {"rss": "feeds/rss.xml", "atom": "feeds/atom.xml", "json": "feeds/feed.json"}[fmt]

    @property
    def updated(self) -> dt.datetime | None:
        """The newest item's date: a rebuild with the same content changes nothing."""
        dates = [item.modified or item.published for item in self.items]
        return max(dates) if dates else None


def tag_uri(authority: str, date: dt.date, specific: str) -> str:
    """RFC 4151 tag URI: stable across domain moves, URL and title changes."""
    return f"tag:{authority},{date:%Y-%m-%d}:{_GUID_UNSAFE.sub('-', specific).strip('-')}"
