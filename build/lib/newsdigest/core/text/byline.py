"""Bylines: "By JANE DOE, Associated Press" pasted above a story.

A byline paragraph is short, starts with "By", and holds only names and an
affiliation. A following paragraph that is only a news organisation's name
("Associated Press") is the byline's affiliation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdigest.core.text.casing import PARTICLES, smart_title

_BYLINE = re.compile(r"^by\s+(?P<rest>[^\W\d_][^!?;:]*?)\.?$", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*", re.I)
_ORGANISATION_WORDS = re.compile(
    r"\b(?:ap|upi|dpa|press|reuters|afp|agence|bloomberg|news|times|post|journal|guardian|bbc|service"
    r"|agency|wire|correspondent|writer|reporter|staff|editor|desk|bureau|media|herald"
    r"|tribune|telegraph|gazette|network|radio|television|tv)\b",
    re.I,
)
_MAX_WORDS = 14


@dataclass(frozen=True)
class Byline:
    """The writers' names (for feeds and authors) and their affiliation (for display)."""

    names: tuple[str, ...]
    affiliation: str | None

    @property
    def display(self) -> str:
        names = (
            " and ".join(self.names)
            if len(self.names) < 3
            else (", ".join(self.names[:-1]) + " and " + self.names[-1])
        )
        return f"{names}, {self.affiliation}" if self.affiliation else names


def is_affiliation_line(paragraph: str) -> bool:
    """True for a short line that names only a news organisation, e.g. "Associated Press"."""
    words = paragraph.split()
    return (
        0 < len(words) <= 5
        and bool(_ORGANISATION_WORDS.search(paragraph))
        and not (paragraph.endswith((".", "!", "?")))
    )


def parse_byline(text: str, *, require_by: bool = True) -> Byline | None:
    """Parse "By A and B, Org" (or, from a header, "A and B, Org"); None if not a byline."""
    text = text.strip()
    if require_by:
        match = _BYLINE.match(text)
        if not match or len(text.split()) > _MAX_WORDS:
            return None
        text = match.group("rest")
    elif not text:
        return None
    else:
        text = re.sub(r"^by\s+", "", text, flags=re.I)
    affiliation = None
    for separator in ("|", " — ", " – ", " - ", ","):
        head, sep, tail = text.rpartition(separator)
        if sep and head and _ORGANISATION_WORDS.search(tail):
            text, affiliation = head, tail.strip()
            break
    names = tuple(smart_title(name.strip()) for name in _NAME_SPLIT.split(text) if name.strip())
    if not names or not all(_looks_like_name(name) for name in names):
        return None
    if affiliation and (" " in affiliation or len(affiliation) > 4):
        affiliation = smart_title(affiliation)  # "ASSOCIATED PRESS", but not "AP"
    return Byline(names, affiliation)


def _looks_like_name(name: str) -> bool:
    """Every word capitalised ("Jane Doe", "J. R. Roe"): rules out "By the time ..."."""
    words = name.split()
    return (
        0 < len(words) <= 5
        and all(word[:1].isupper() or word in PARTICLES for word in words[1:] + words[:1])
        and words[0][:1].isupper()
    )
