"""URL slugs for entity names ("Jens Stoltenberg" -> "jens-stoltenberg")."""

from __future__ import annotations

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")


def entity_slug(name: str) -> str:
    """ASCII, lower case, words joined by hyphens; "" when nothing is left."""
    return _NON_WORD.sub("-", unidecode(name).lower()).strip("-")
