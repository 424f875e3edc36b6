"""The enrichment cache: a story's finished tags, quotes and facts, by content hash.

A warm build reads these small entries and never loads an analysis or the model. The
key covers everything a result depends on, so an entry is reused exactly when it
would be recomputed the same: the analysis key (story text, model name and version,
pipes), the story's headers, the enrichment settings, the editor's entity file and
a hash of the code that computes the results. Entries are written atomically
(``JsonStore``), so concurrent builds may share the folder.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..analysis.cache import JsonStore
from . import Enrichment, EnrichmentOptions, StoryInputs

# Bump when the stored shape changes without a code change in the modules below.
ENRICHMENT_FORMAT = 1
PACKAGE = Path(__file__).resolve().parent.parent
# The code a result depends on: a change to any of these files invalidates every entry.
CODE = ("enrich", "tagging", "quoting", "factbox", "text", "analysis/document.py")
# Installed data the results depend on (country names and aliases).
DATA_PACKAGES = ("countryinfo",)


@cache
def code_fingerprint() -> str:
    """A hash of the enrichment code and data, so an upgrade never reuses old results."""
    return fingerprint_of(PACKAGE)


def fingerprint_of(package: Path) -> str:
    digest = hashlib.sha256(str(ENRICHMENT_FORMAT).encode())
    for name in CODE:
        path = package / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(package).as_posix().encode())
            digest.update(file.read_bytes())
    for package in DATA_PACKAGES:
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=absent".encode())
    return digest.hexdigest()


def enrichment_key(
    analysis_key: str, story: StoryInputs, options: EnrichmentOptions, directory_hash: str
) -> str:
    payload = json.dumps(
        [code_fingerprint(), analysis_key, story.key_data(), options.key_data(), directory_hash],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class EnrichmentCache(JsonStore):
    """Stores ``Enrichment`` results by ``enrichment_key``."""

    def get(self, key: str) -> Enrichment | None:
        data = self.load(key)
        if data is None:
            return None
        try:
            return Enrichment.from_json(data)
        except (KeyError, TypeError, ValueError, IndexError):
            return None

    def put(self, key: str, enrichment: Enrichment) -> None:
        self.store(key, enrichment.to_json())
