"""Turn SHOUTED wire-style names ("RIO DE JANEIRO", "JANE DOE") into title case."""

from __future__ import annotations

import re

PARTICLES = frozenset(
    {
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "of",
        "the",
        "and",
        "y",
        "al",
        "el",
        "bin",
    }
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def smart_title(text: str) -> str:
    """Title-case ``text`` if it is all upper case; leave mixed case as the writer had it."""
    if not text or text != text.upper():
        return text
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index and lower in PARTICLES:
            out.append(lower)
        else:
            out.append(_WORD.sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), word))
    return " ".join(out)
