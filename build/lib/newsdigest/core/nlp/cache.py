"""On-disk caches of small JSON documents, one zlib-compressed file per key.

Writes go to a temporary file then ``os.replace``, which is atomic, so two builds
sharing a cache never see a half-written entry. A corrupt or unreadable entry is
treated as a miss. Both the analyses and the enrichment results are kept this way.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from newsdigest.core.files import replace_atomically
from newsdigest.core.nlp.document import Analysis


class JsonStore:
    """JSON documents under ``folder`` by key (a sha256 hex digest); no folder = no cache."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json.z"

    def has(self, key: str) -> bool:
        return self.folder is not None and self._path(key).is_file()

    def load(self, key: str) -> Any | None:
        """The document stored under ``key``, or None (absent, unreadable or corrupt)."""
        if self.folder is None:
            self.misses += 1
            return None
        try:
            data = json.loads(zlib.decompress(self._path(key).read_bytes()))
        except (OSError, ValueError, zlib.error):
            self.misses += 1
            return None
        self.hits += 1
        return data

    def store(self, key: str, document: Any) -> None:
        if self.folder is None:
            return
        data = zlib.compress(json.dumps(document, ensure_ascii=False).encode(), 6)
        replace_atomically(self._path(key), data)


class AnalysisCache(JsonStore):
    """Stores ``Analysis`` objects by their key."""

    def get(self, key: str) -> Analysis | None:
        data = self.load(key)
        if data is None:
            return None
        try:
            analysis = Analysis.from_json(data)
        except (KeyError, TypeError, ValueError):
            analysis = None
        if analysis is None or analysis.key != key:
            self.hits -= 1
            self.misses += 1
            return None
        return analysis

    def put(self, analysis: Analysis) -> None:
        self.store(analysis.key, analysis.to_json())
