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
from pathlib import Path

from newsdigest.core.enrich import Enrichment, EnrichmentOptions, StoryInputs
from newsdigest.core.fingerprint import PACKAGE, source_fingerprint
from newsdigest.core.nlp.cache import JsonStore

# Bump when the stored shape changes without a code change in the modules below.
ENRICHMENT_FORMAT = 1
# The code a result depends on: a change to any of these files invalidates every entry.
CODE = ("enrich", "entities", "quotes", "facts", "text", "nlp/document.py")
# Installed data the results depend on (country names and aliases).
DATA_PACKAGES = ("countryinfo",)


@cache
def code_fingerprint() -> str:
    """A hash of the enrichment code and data, so an upgrade never reuses old results."""
    return fingerprint_of(PACKAGE)


def fingerprint_of(package: Path) -> str:
    return source_fingerprint(CODE, DATA_PACKAGES, package, salt=str(ENRICHMENT_FORMAT))


def results_salt(options: EnrichmentOptions, directory_hash: str) -> str:
    """What every story's key shares in one build: code, settings and the entity file."""
    return json.dumps([code_fingerprint(), options.key_data(), directory_hash])


def enrichment_key(analysis_key: str, story: StoryInputs, salt: str) -> str:
    payload = json.dumps([salt, analysis_key, story.key_data()], ensure_ascii=False)
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
