"""Remembering which feed files were written from which inputs, so a warm build does not
render an unchanged feed again (there is one per section and per entity, in 3 formats).

A feed's fingerprint covers everything ``render`` reads: the feed, its items (with their
content), the site values and the rendering code and libraries. A file is skipped only
when its fingerprint matches and it is still the very file that was written (same size
and modification time), so a wiped or edited output folder is simply written again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

from newsdigest.core.feeds.model import Feed, FeedItem
from newsdigest.core.files import read_json, write_json_atomically
from newsdigest.core.fingerprint import source_fingerprint


@cache
def renderer_fingerprint() -> str:
    return source_fingerprint(
        ("feeds/render.py", "feeds/model.py", "jsonld.py"), ("feedgen", "lxml")
    )


class WrittenFeeds:
    """The manifest ``{absolute file: [fingerprint, size, mtime_ns]}`` kept at ``path``."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._item_hashes: dict[int, str] = {}
        entries = read_json(path) if path is not None else None
        self.entries: dict[str, list] = entries if isinstance(entries, dict) else {}

    def fingerprint(self, feed: Feed, fmt: str, site: dict[str, Any]) -> str:
        items = [self._item_hash(item) for item in feed.items]
        header = {f.name: getattr(feed, f.name) for f in fields(feed) if f.name != "items"}
        payload = json.dumps([renderer_fingerprint(), fmt, header, site, items], default=str)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def unchanged(self, target: str, fingerprint: str) -> bool:
        entry = self.entries.get(target)
        if entry is None or entry[0] != fingerprint:
            return False
        try:
            stat = os.stat(target)
        except OSError:
            return False
        return [stat.st_size, stat.st_mtime_ns] == entry[1:]

    def record(self, target: str, fingerprint: str) -> None:
        stat = os.stat(target)
        self.entries[target] = [fingerprint, stat.st_size, stat.st_mtime_ns]

    def save(self) -> None:
        if self.path is not None:
            write_json_atomically(self.path, self.entries)

    def _item_hash(self, item: FeedItem) -> str:
        """One hash per item per build, however many feeds carry it."""
        if id(item) not in self._item_hashes:
            data = {f.name: getattr(item, f.name) for f in fields(item)}  # not content_html
            payload = json.dumps(data, default=str, ensure_ascii=False)
            self._item_hashes[id(item)] = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        return self._item_hashes[id(item)]
