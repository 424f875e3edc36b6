"""The raw story file format: an optional ``Key: value`` header, a blank line, a body.

The header is only taken as a header when every line of the first block looks like
``Key: value`` (or is an indented continuation) and at least one key is one we know,
so a lede such as "BRUSSELS: NATO said ..." is never mistaken for metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KNOWN_KEYS = frozenset(
    {
        "title",
        "date",
        "modified",
        "section",
        "category",
        "byline",
        "author",
        "authors",
        "source",
        "url",
        "tags",
        "pullquote",
        "edition",
        "note",
        "slug",
        "status",
        "summary",
        "lang",
        "guid",
        "facts",
        "template",
        "dateline",
        "stories",
        "intro",
    }
)

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]{0,40}):(?:[ \t]+(?P<value>.*))?$")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_TERMINAL = (".", "!", "?", ":", '"', "”", "’", "'", ")", "»")
# Hard-wrapped prose (email, terminal paste) breaks lines around this width.
_HARD_WRAP_MIN = 55


@dataclass
class RawDocument:
    """A story file split into its header fields and body paragraphs, before cleaning."""

    header: dict[str, str] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def split_header(text: str) -> tuple[dict[str, str], str, list[str]]:
    """Split ``text`` into (header, body, problems); keys are lower-cased."""
    text = text.lstrip("\n")
    first_block, sep, rest = text.partition("\n\n")
    lines = first_block.split("\n")
    header: dict[str, str] = {}
    problems: list[str] = []
    current = None
    malformed: list[str] = []
    for number, line in enumerate(lines, start=1):
        if current and line[:1] in (" ", "\t") and line.strip():
            header[current] = f"{header[current]}\n{line.strip()}".strip()
            continue
        match = _HEADER_LINE.match(line.strip())
        if not match:
            if number == 1:
                return {}, text, []  # prose from the first line: no header at all
            malformed.append(f"header line {number} is not 'Key: value' and was ignored: {line!r}")
            current = None
            continue
        current = match.group("key").lower()
        if current in header:
            problems.append(f"header key '{match.group('key')}' given twice; the last one wins")
        header[current] = (match.group("value") or "").strip()
    if not any(key in KNOWN_KEYS for key in header):
        return {}, text, []
    problems.extend(malformed)
    for key in header:
        if key not in KNOWN_KEYS:
            problems.append(f"unknown header key '{key}' (kept, but no plugin uses it)")
    return header, rest if sep else "", problems


_TABLE_ROW = re.compile(r"^\|.*\|$")
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")


def is_table_row(line: str) -> bool:
    """A ``| a | b |`` line of a pipe table."""
    return bool(_TABLE_ROW.match(line.strip()))


def is_table_block(block: str) -> bool:
    """A table as a pipe table: ``| a | b |`` rows, the second a ``|---|---|`` rule (as
    ``newsdigest add`` writes a page's table, and as Markdown writes one)."""
    lines = [line.strip() for line in block.strip().split("\n")]
    return (
        len(lines) >= 2
        and all(is_table_row(line) for line in lines)
        and bool(_TABLE_RULE.match(lines[1].replace(" ", "")))
    )


def split_paragraphs(body: str) -> list[str]:
    """Split a body into paragraphs: blank lines always separate them.

    Inside a block, a single newline also separates paragraphs (web pastes put one
    paragraph per line) unless the line looks hard-wrapped: long, not ending a
    sentence, and followed by a line that continues it in lower case. A pipe table is
    kept whole, one block with its rows on their own lines.
    """
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(body):
        lines = [line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if is_table_block("\n".join(lines)):
            paragraphs.append("\n".join(lines))
            continue
        current = ""
        for line in lines:
            if current and _continues(current, line):
                current = f"{current} {line}"
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    if previous.endswith(_TERMINAL):
        return False
    if line[:1].islower() or line[:1] in ",;":
        return True
    return len(previous) >= _HARD_WRAP_MIN


def parse_document(text: str) -> RawDocument:
    """Parse already-decoded text into header and raw (uncleaned) paragraphs."""
    header, body, problems = split_header(text)
    return RawDocument(header=header, paragraphs=split_paragraphs(body), problems=problems)
