"""On-disk cache of analyses, one small JSON file per story key.

Writes go to a temporary file then ``os.replace``, which is atomic, so two builds
sharing a cache never see a half-written entry. A corrupt or unreadable entry is
treated as a miss.
"""

from __future__ import annotations

import json
import os
import tempfile
import zlib
from pathlib import Path

from .document import Analysis


class AnalysisCache:
    """Stores ``Analysis`` objects under ``folder`` by their key (a sha256)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json.z"

    def get(self, key: str) -> Analysis | None:
        if self.folder is None:
            self.misses += 1
            return None
        try:
            data = json.loads(zlib.decompress(self._path(key).read_bytes()))
            analysis = Analysis.from_json(data)
        except (OSError, ValueError, KeyError, TypeError, zlib.error):
            self.misses += 1
            return None
        if analysis.key != key:
            self.misses += 1
            return None
        self.hits += 1
        return analysis

    def put(self, analysis: Analysis) -> None:
        if self.folder is None:
            return
        target = self._path(analysis.key)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = zlib.compress(json.dumps(analysis.to_json(), ensure_ascii=False).encode(), 6)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, target)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise
