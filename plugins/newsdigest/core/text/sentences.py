"""A small rule-based sentence splitter for news English.

Cleaning runs before any language model, and needs only lede sentences (headline,
summary), so a regex splitter that knows news abbreviations ("U.S.", "Gen.", "Nov.")
is enough here; the enrichment plugins use spaCy's own sentences.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "brig",
        "gov",
        "sen",
        "rep",
        "pres",
        "rev",
        "hon",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "inc",
        "corp",
        "ltd",
        "co",
        "no",
        "nos",
        "vs",
        "etc",
        "approx",
        "dept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)

# A candidate boundary: terminal punctuation, optional closing quotes or brackets,
# whitespace, then something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence in ``text``, trailing space excluded."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        head = text[start : match.start() + 1]
        word = _WORD_BEFORE.search(head)
        token = word.group(1) if word else ""
        if _is_abbreviation(token):
            continue
        end = match.end()
        spans.append((start, len(text[:end].rstrip())))
        start = end
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` in order."""
    return [text[start:end] for start, end in sentence_spans(text)]


def _is_abbreviation(token: str) -> bool:
    if not token.endswith("."):
        return False
    bare = token.rstrip(".").lstrip("(\"“‘'")
    if len(bare) == 1 and bare.isalpha():  # an initial: "Jens A. Stoltenberg"
        return True
    return bare.lower() in ABBREVIATIONS or bool(_ACRONYM.match(token.lstrip("(\"“‘'")))
