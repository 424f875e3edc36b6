"""The edition file format: which stories an edition carries, in the curator's order.

An edition is a Markdown file (``content/editions/2026-11-23.md``) whose header names
the stories, one per indented line, each optionally followed by ``|`` and a one-line
curator's note; the body is the edition's intro::

    Title: Monday, 23 November
    Date: 2026-11-23
    Stories:
        world/nato-iraq.txt | Why the alliance wants to do more in Iraq.
        business/port-strike

    The intro, in Markdown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dateutil import parser as date_parser

from newsdigest.core.text.normalize import normalize_whitespace, repair_text
from newsdigest.core.text.rawformat import split_header

_LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_DATE_STEM = re.compile(r"^(\d{4}-\d{2}-\d{2})")
EDITION_SUFFIXES = (".md", ".markdown")


class EditionError(ValueError):
    """An edition file that cannot be used; the message names the problem."""


@dataclass(frozen=True)
class EditionEntry:
    """One story reference in an edition and the curator's note on it."""

    ref: str
    note: str | None = None


@dataclass
class EditionSpec:
    """What an edition file says, before its references are resolved to stories."""

    source: str
    date: dt.date
    title: str | None
    entries: list[EditionEntry] = field(default_factory=list)
    intro: str = ""
    header: dict[str, str] = field(default_factory=dict)


def parse_date(value: str) -> dt.datetime:
    """Parse a header date ("2026-11-23", "23 Nov 2026 14:05"); raise ValueError if bad."""
    try:
        return date_parser.parse(value, default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError) as error:
        raise ValueError(f"cannot read the date '{value}'") from error


def parse_edition(text: str, source: str) -> EditionSpec:
    """Parse one edition file's text; ``source`` is its path, used for messages and dates."""
    header, body, _problems = split_header(repair_text(text))
    raw_date = header.get("date") or _date_from_name(source)
    if not raw_date:
        raise EditionError(f"{source}: an edition needs a Date: header or a dated file name")
    try:
        date = parse_date(raw_date).date()
    except ValueError as error:
        raise EditionError(f"{source}: {error}") from error
    entries = []
    for line in header.get("stories", "").splitlines():
        line = _LIST_MARKER.sub("", line.strip())
        if not line:
            continue
        ref, _sep, note = line.partition("|")
        entries.append(EditionEntry(ref.strip(), normalize_whitespace(note) or None))
    title = normalize_whitespace(header.get("title", "")) or None
    return EditionSpec(source, date, title, entries, body.strip(), header)


def _date_from_name(source: str) -> str | None:
    match = _DATE_STEM.match(Path(source).name)
    return match.group(1) if match else None


def reference_keys(relative_path: str) -> tuple[str, ...]:
    """The ways an edition may name a story: its path, the path without suffix, its slug."""
    posix = relative_path.replace("\\", "/")
    stem = posix.rsplit(".", 1)[0] if "." in posix.rsplit("/", 1)[-1] else posix
    return (posix, stem, stem.rsplit("/", 1)[-1])


def edition_files(content_root: Path, editions_dir: str) -> list[Path]:
    """Edition files under the content root, sorted by name."""
    folder = content_root / editions_dir
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in EDITION_SUFFIXES and p.is_file())


def edition_dates(content_root: Path, editions_dir: str) -> dict[str, dt.date]:
    """Map every story reference found in edition files to the earliest edition date.

    Used to date a story that has no Date: header of its own. Cached on the files'
    names, sizes and modification times, so a preview server sees edits.
    """
    files = edition_files(content_root, editions_dir)
    signature = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return dict(_edition_dates(signature))


@lru_cache(maxsize=8)
def _edition_dates(signature: tuple[tuple[str, int, int], ...]) -> tuple[tuple[str, dt.date], ...]:
    dates: dict[str, dt.date] = {}
    for name, _mtime, _size in signature:
        try:
            spec = parse_edition(Path(name).read_text(encoding="utf-8-sig"), name)
        except (OSError, UnicodeDecodeError, EditionError):
            continue  # the editions plugin reports broken edition files
        for entry in spec.entries:
            for key in reference_keys(entry.ref):
                if key not in dates or spec.date < dates[key]:
                    dates[key] = spec.date
    return tuple(dates.items())
