"""A story's date when no ``Date:`` header gives one, fixed once and never moved.

A story's date is in its page, its feed GUID and its place in every list, so it must
not depend on anything a checkout, a ``touch`` or a CI runner changes (file times).
After the file name and the edition that lists it, an undated story is dated by:

1. the ledger, ``content/dates.yml``: the date each undated story was first seen,
   written by the build and meant to be committed;
2. else the first commit of the file in git (the same in every clone);
3. else the day of this build, which the ledger then keeps.

Wire copy says "said Wednesday" rather than a date: when the lede names a weekday, the
date moves back to the last such day on or before the date found (never for a
``Date:`` header or a dated file name, which an editor chose).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import yaml

from newsdigest.core.files import replace_atomically

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "said Wednesday", "on Tuesday", "Wednesday's vote": a weekday as the story's day, not
# in a name ("Ash Wednesday", "Black Friday", "Good Friday").
_WEEKDAY = re.compile(
    r"(?<!Ash )(?<!Black )(?<!Good )(?<!Cyber )(?<!Super )\b(Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b(?!\s+(?:Night|Morning Show|Club|Times|Post))"
)
LEDGER_HEADER = (
    "# First-seen dates of stories that have no Date: header, written by the build.\n"
    "# Commit this file: it keeps every undated story's date (and feed id) stable.\n"
    "# To pin a date for good, give the story a Date: header instead.\n"
)


# "will vote on Friday", "next Tuesday", "is expected Monday": a day still to come.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|next|expected|scheduled|plans?|planned|due|set to|to be|until)\b"
    r"[^.;,]{0,30}$",
    re.I,
)


def weekday_in_lede(paragraphs: list[str]) -> int | None:
    """The weekday (0 = Monday) the lede says the news happened: the first one named
    that is not a day still to come."""
    if not paragraphs:
        return None
    for found in _WEEKDAY.finditer(paragraphs[0]):
        if not _FUTURE.search(paragraphs[0][: found.start()]):
            return WEEKDAYS.index(found.group(1).lower())
    return None


def back_to_weekday(date: dt.datetime, weekday: int | None) -> dt.datetime:
    """The last ``weekday`` on or before ``date`` (unchanged when ``weekday`` is None)."""
    if weekday is None:
        return date
    return date - dt.timedelta(days=(date.weekday() - weekday) % 7)


def first_commit_date(path: Path) -> dt.date | None:
    """The day ``path`` was first committed to git (None: not in a git repository,
    not committed yet, or no git)."""
    try:
        result = subprocess.run(
            ["git", "log", "--follow", "--diff-filter=A", "--format=%aI", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamps = result.stdout.split()
    if result.returncode != 0 or not stamps:
        return None
    return dt.datetime.fromisoformat(stamps[-1]).date()


class DateLedger:
    """``{story source: first-seen date}``, read from and written to a YAML file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.problem: str | None = None
        self.dates: dict[str, dt.date] = {}
        self.added: dict[str, dt.date] = {}
        if path is not None and path.is_file():
            self._read(path)

    @classmethod
    def in_folder(cls, folder: Path | None, name: str | None) -> DateLedger:
        """The ledger file ``name`` in the content ``folder`` (none when either is unset)."""
        return cls(folder / name if folder is not None and name else None)

    def _read(self, path: Path) -> None:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            self.problem = f"{path.name}: cannot read the dates file ({error}); dating anew"
            return
        if not isinstance(data, dict):
            self.problem = f"{path.name}: not a mapping of story: date; dating anew"
            return
        for source, value in data.items():
            if isinstance(value, dt.date):
                self.dates[str(source)] = value
            else:
                try:
                    self.dates[str(source)] = dt.date.fromisoformat(str(value))
                except ValueError:
                    self.problem = f"{path.name}: {source}: '{value}' is not a date; ignored"

    def get(self, source: str) -> dt.date | None:
        return self.dates.get(source)

    def remember(self, source: str, date: dt.date) -> None:
        if source not in self.dates:
            self.dates[source] = self.added[source] = date

    def save(self) -> bool:
        """Write the ledger when it gained dates (sorted, so it diffs well). True if written."""
        if self.path is None or not self.added:
            return False
        lines = [f"{source}: {self.dates[source].isoformat()}\n" for source in sorted(self.dates)]
        replace_atomically(self.path, (LEDGER_HEADER + "".join(lines)).encode("utf-8"))
        self.added.clear()
        return True
