"""Guessing, before Pelican reads a story, how many stories this build will analyse.

Loading spaCy takes about a second. If a build knows early that some story changed,
a worker can load the model while Pelican is still reading, instead of after the
changed story turns up. The guess compares the story files' sizes and modification
times, and the enrichment settings, with the last build's (``last-build.json`` in the
cache folder). It only decides when and how many workers start: results still come
from the content-hash caches, so a wrong guess costs time, never correctness.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdigest.core.files import read_json, write_json_atomically

STORY_EXTENSIONS = (".txt", ".md", ".markdown")  # what the story readers take


def story_files(settings: dict[str, Any]) -> dict[str, list[int]]:
    """``{path: [size, mtime_ns]}`` of every story file under the article paths."""
    root = Path(settings.get("PATH") or ".")
    excluded = {os.path.normpath(root / p) for p in settings.get("ARTICLE_EXCLUDES") or ()}
    found: dict[str, list[int]] = {}
    for relative in settings.get("ARTICLE_PATHS") or [""]:
        for folder, dirs, files in os.walk(root / relative):
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".")
                and os.path.normpath(os.path.join(folder, d)) not in excluded
            )
            for name in files:
                if name.endswith(STORY_EXTENSIONS) and not name.startswith("."):
                    path = os.path.join(folder, name)
                    try:
                        stat = os.stat(path)
                    except OSError:
                        continue
                    found[path] = [stat.st_size, stat.st_mtime_ns]
    return found


@dataclass(frozen=True)
class Expected:
    """About how many stories this build will analyse with the model, and enrich."""

    analyses: int
    enrichments: int


class Forecast:
    """This build's story files, compared with the last build's record at ``path``.

    ``analysis_id`` names the model and pipes (a change means every story is analysed
    again); ``salt`` the enrichment settings and code (every story is enriched again,
    from its cached analysis)."""

    def __init__(
        self, path: Path | None, settings: dict[str, Any], analysis_id: str, salt: str
    ) -> None:
        self.path, self.analysis_id, self.salt = path, analysis_id, salt
        self.files = story_files(settings)

    def expected(self) -> Expected:
        everything = len(self.files)
        last = self._last_build()
        if last is None or last.get("analysis") != self.analysis_id:
            return Expected(everything, everything)
        before = last.get("files") or {}
        changed = sum(1 for path, stat in self.files.items() if before.get(path) != stat)
        return Expected(changed, changed if last.get("salt") == self.salt else everything)

    def remember(self) -> None:
        """Record this build's files for the next one (atomically: builds may overlap)."""
        if self.path is not None:
            record = {"analysis": self.analysis_id, "salt": self.salt, "files": self.files}
            write_json_atomically(self.path, record)

    def _last_build(self) -> dict[str, Any] | None:
        last = read_json(self.path) if self.path is not None else None
        return last if isinstance(last, dict) else None
