"""URL slugs for entity names ("Jens Stoltenberg" -> "jens-stoltenberg"), and the key
that tells two spellings of one name apart from two names."""

from __future__ import annotations

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")


def entity_slug(name: str) -> str:
    """ASCII, lower case, words joined by hyphens; "" when nothing is left."""
    return _NON_WORD.sub("-", unidecode(name).lower()).strip("-")


def spelling_key(name: str) -> str:
    """ "South East Asia", "Southeast Asia", "Zahā Ḥadīd" and "Zaha Hadid": names spelt
    with the same letters and digits, whatever the accents, spaces and hyphens, are one
    name spelt two ways."""
    return entity_slug(name).replace("-", "")
