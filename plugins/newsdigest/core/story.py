"""One story's way from a source file to clean text and HTML, without Pelican.

``load_story`` is what both the Pelican readers and ``newsdigest inspect`` call, so
the CLI shows exactly what the site will publish.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newsdigest.core.dates import (
    DateLedger,
    back_to_weekday,
    first_commit_date,
    weekday_in_lede,
)
from newsdigest.core.editions.file import edition_dates, parse_date, reference_keys
from newsdigest.core.settings import setting
from newsdigest.core.text.byline import Byline, is_affiliation_line, parse_byline
from newsdigest.core.text.casing import smart_title
from newsdigest.core.text.dateline import agency_credit, split_dateline
from newsdigest.core.text.headline import (
    HEADLINE_MAX,
    SUMMARY_MAX,
    derive_headline,
    derive_summary,
    derive_teaser,
)
from newsdigest.core.text.junk import (
    DEFAULT_RULES,
    JunkRule,
    Removal,
    classify,
    compile_extra_rules,
)
from newsdigest.core.text.normalize import (
    BinaryData,
    decode_bytes,
    normalize_whitespace,
    repair_text,
)
from newsdigest.core.text.rawformat import is_table_block, split_header, split_paragraphs
from newsdigest.core.text.render import paragraphs_to_html, render_markdown

MARKDOWN_SUFFIXES = (".md", ".markdown")
_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})[-_]")
_MARKDOWN_SYNTAX = re.compile(r"^(?: {0,3}(?:#|>|[-*+]\s|\d+[.)]\s|```|~~~|\||<)| {4}|\t)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


class StoryError(Exception):
    """A story file that cannot be read at all; the message is meant for the editor."""


@dataclass(frozen=True)
class CleanOptions:
    """Settings that change what cleaning makes of a story (from Pelican settings)."""

    headline_max: int = HEADLINE_MAX
    summary_max: int = SUMMARY_MAX
    extra_junk_patterns: tuple[str, ...] = ()
    disabled_rules: frozenset[str] = frozenset()
    timezone: str = "UTC"
    editions_dir: str = "editions"

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> CleanOptions:
        return cls(
            headline_max=int(setting(settings, "NEWSDIGEST_HEADLINE_MAX")),
            summary_max=int(setting(settings, "NEWSDIGEST_SUMMARY_MAX")),
            extra_junk_patterns=tuple(setting(settings, "NEWSDIGEST_JUNK_PATTERNS")),
            disabled_rules=frozenset(setting(settings, "NEWSDIGEST_DISABLED_RULES")),
            timezone=settings.get("TIMEZONE") or "UTC",
            editions_dir=setting(settings, "NEWSDIGEST_EDITIONS_DIR"),
        )

    @property
    def rules(self) -> tuple[JunkRule, ...]:
        rules = tuple(r for r in DEFAULT_RULES if r.name not in self.disabled_rules)
        return rules + compile_extra_rules(self.extra_junk_patterns)

    @property
    def tzinfo(self) -> dt.tzinfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return dt.UTC


@dataclass
class Story:
    """A cleaned story: the contract of ``newsdigest inspect`` and the readers' output."""

    source: str
    format: str
    header: dict[str, str]
    title: str
    title_derived: bool
    dateline: str | None
    agency: str | None
    byline: Byline | None
    date: dt.datetime | None
    date_source: str | None
    section: str | None
    summary: str
    paragraphs: list[str]
    removed: list[Removal]
    html: str
    warnings: list[str] = field(default_factory=list)
    # The editor's own standfirst (a Summary: header), shown under the headline.
    standfirst: str | None = None
    # The text under the headline on story cards: never the headline said again.
    teaser: str = ""

    def inspect_dict(self) -> dict[str, Any]:
        """The JSON shape documented in DESIGN.md (later issues add keys, never rename)."""
        return {
            "source": self.source,
            "title": self.title,
            "title_derived": self.title_derived,
            "dateline": self.dateline,
            "agency": self.agency,
            "credit": agency_credit(self.agency),
            "byline": self.byline.display if self.byline else None,
            "date": self.date.isoformat() if self.date else None,
            "section": self.section,
            "summary": self.summary,
            "standfirst": self.standfirst,
            "teaser": self.teaser,
            "paragraphs": list(self.paragraphs),
            "removed": [removal.as_dict() for removal in self.removed],
            "warnings": list(self.warnings),
        }


def load_story(
    path: Path,
    options: CleanOptions | None = None,
    content_root: Path | None = None,
    ledger: DateLedger | None = None,
) -> Story:
    """Read and clean the story file at ``path``; raise StoryError if it cannot be read.
    An undated story is dated through ``ledger`` (see ``newsdigest.core.dates``), which
    remembers a date it had to find."""
    options = options or CleanOptions()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StoryError(f"cannot read {path}: {error.strerror or error}") from error
    try:
        text, decode_warning = decode_bytes(data)
    except BinaryData as error:
        raise StoryError(str(error)) from error
    source = _relative(path, content_root)
    story = clean_story(text, source, options, markdown=path.suffix.lower() in MARKDOWN_SUFFIXES)
    if decode_warning:
        story.warnings.insert(0, decode_warning)
    if story.section is None and content_root is not None:
        story.section = _section_from_folder(source)
    if story.date is None:
        ledger = ledger or DateLedger(None)
        story.date, story.date_source = _undated_date(story, path, content_root, options, ledger)
    if story.date_source in DATED_BY_CONTEXT:
        _date_by_weekday(story, ledger)
    return story


# Where a date was found for a story, not chosen for it: the lede's weekday may refine it.
DATED_BY_CONTEXT = ("edition", "git", "build")


def _undated_date(
    story: Story,
    path: Path,
    content_root: Path | None,
    options: CleanOptions,
    ledger: DateLedger,
) -> tuple[dt.datetime, str]:
    """File name, edition, ledger, git, this build's day: the first that dates it."""
    named = _DATED_NAME.match(path.name)
    if named:
        return _aware(parse_date(named.group(1)), options), "filename"
    if content_root is not None:
        dates = edition_dates(content_root, options.editions_dir)
        day = next((dates[k] for k in reference_keys(story.source) if k in dates), None)
        if day is not None:
            return _midnight(day, options), "edition"
    first_seen = ledger.get(story.source)
    if first_seen is not None:
        return _midnight(first_seen, options), "first-seen"
    committed = first_commit_date(path)
    if committed is not None:
        return _midnight(committed, options), "git"
    return _midnight(dt.datetime.now(options.tzinfo).date(), options), "build"


def _date_by_weekday(story: Story, ledger: DateLedger | None) -> None:
    """Move the date back to the weekday the lede names; a date found in git or by this
    build is kept in the ledger, with a warning that says how to pin it."""
    weekday = weekday_in_lede(story.paragraphs)
    story.date = back_to_weekday(story.date, weekday)
    if story.date_source not in ("git", "build") or ledger is None:
        return
    ledger.remember(story.source, story.date.date())
    where = f" and kept in {ledger.path.name}" if ledger.path else ""
    found = "first committed" if story.date_source == "git" else "first seen"
    story.warnings.append(
        f"no Date: header; dated {story.date:%Y-%m-%d} ({found}"
        f"{', the weekday its lede names' if weekday is not None else ''}){where}; "
        f"add 'Date: {story.date:%Y-%m-%d}' to its header to pin it"
    )


# Header values that are plain text on the page, in feeds and in JSON-LD: markup in them
# is a paste accident or an attack, never meant.
PLAIN_HEADERS = (
    "title",
    "byline",
    "author",
    "tags",
    "section",
    "category",
    "dateline",
    "summary",
    "note",
    "source",
    "pullquote",
)
_MARKUP = re.compile(r"</?[A-Za-z!?][^<>]*>")


def without_markup(text: str) -> str:
    """Text with tag-like runs removed: a headline or summary derived from a body that
    quotes markup must not look like HTML to a feed reader that renders titles as HTML
    (the body keeps the words, escaped)."""
    return normalize_whitespace(_MARKUP.sub(" ", text)) if _MARKUP.search(text) else text


def _strip_header_markup(header: dict[str, str]) -> list[str]:
    """Remove tags from plain-text header values; a warning names each header changed."""
    warnings = []
    for key in PLAIN_HEADERS:
        value = header.get(key)
        cleaned = without_markup(value) if value else value
        if cleaned != value:
            warnings.append(
                f"{key.title()}: header contained markup; removed it, keeping '{cleaned}'"
                if cleaned
                else f"{key.title()}: header was only markup; ignored"
            )
            if cleaned:
                header[key] = cleaned
            else:
                del header[key]
    return warnings


def _midnight(day: dt.date, options: CleanOptions) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=options.tzinfo)


def clean_story(text: str, source: str, options: CleanOptions, *, markdown: bool) -> Story:
    """Clean already-decoded story text (header and body) into a Story."""
    header, body, warnings = split_header(repair_text(text))
    header = {
        key: normalize_whitespace(value) if key != "stories" else value
        for key, value in header.items()
    }
    warnings += _strip_header_markup(header)
    if markdown:
        blocks, removed, byline, dateline = _clean_blocks(_markdown_blocks(body), options, True)
        html, paragraphs = render_markdown("\n\n".join(blocks))
        if dateline and html.startswith("<p>"):
            lede = paragraphs_to_html([""], dateline.shown)[len("<p>") : -len("</p>")]
            html = "<p>" + lede + html[len("<p>") :]
    else:
        raw = [p if is_table_block(p) else normalize_whitespace(p) for p in split_paragraphs(body)]
        blocks, removed, byline, dateline = _clean_blocks([p for p in raw if p], options, False)
        html = paragraphs_to_html(blocks, dateline.shown if dateline else None)
        paragraphs = [block for block in blocks if not is_table_block(block)]
    if not paragraphs:
        warnings.append("nothing left after cleaning: the story has no body paragraphs")

    if header.get("byline") or header.get("author"):
        byline = parse_byline(header.get("byline") or header["author"], require_by=False)
    title = header.get("title", "")
    derived = not title
    if derived:
        title = (
            without_markup(derive_headline(paragraphs[0], options.headline_max))
            if paragraphs
            else ""
        )
    date, date_source = None, None
    for key in ("date", "edition"):
        if date is None and header.get(key):
            try:
                date, date_source = _aware(parse_date(header[key]), options), key
            except ValueError as error:
                warnings.append(f"bad {key.title()}: header: {error}")
    section = header.get("section") or header.get("category") or None
    standfirst = header.get("summary") or None
    return Story(
        source=source,
        format="md" if markdown else "txt",
        header=header,
        title=title,
        title_derived=derived,
        dateline=header.get("dateline") or (dateline.place if dateline else None),
        agency=dateline.agency if dateline else None,
        byline=byline,
        date=date,
        date_source=date_source,
        section=section,
        summary=header.get("summary")
        or without_markup(derive_summary(paragraphs, options.summary_max)),
        paragraphs=paragraphs,
        removed=removed,
        html=html,
        warnings=warnings,
        standfirst=standfirst,
        teaser=standfirst or without_markup(derive_teaser(title, paragraphs)),
    )


def _clean_blocks(blocks: list[str], options: CleanOptions, markdown: bool):
    """Junk, repeats, byline and dateline, applied to prose blocks only."""
    candidates = [
        None
        if is_table_block(block) or (markdown and _MARKDOWN_SYNTAX.match(block))
        else normalize_whitespace(block)
        for block in blocks
    ]
    verdicts = classify(candidates, options.rules)
    kept = [block for block, verdict in zip(blocks, verdicts, strict=True) if verdict is None]
    removed = [verdict for verdict in verdicts if verdict is not None]
    byline = None
    if kept and (parsed := parse_byline(normalize_whitespace(kept[0]))):
        byline = parsed
        kept.pop(0)
        if kept and parsed.affiliation is None and is_affiliation_line(kept[0]):
            byline = Byline(parsed.names, smart_title(normalize_whitespace(kept.pop(0))))
    dateline = None
    if kept and not is_table_block(kept[0]) and not (markdown and _MARKDOWN_SYNTAX.match(kept[0])):
        dateline, rest = split_dateline(kept[0])
        if dateline:
            kept[0] = rest
    return kept, removed, byline, dateline


def _markdown_blocks(body: str) -> list[str]:
    """Split Markdown into top-level blocks at blank lines, keeping fenced code whole."""
    blocks, current, fenced = [], [], False
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def _aware(value: dt.datetime, options: CleanOptions) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=options.tzinfo)


def is_inside(path: Path, root: Path) -> bool:
    """True when ``path`` (with every link resolved) lies under ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def _relative(path: Path, content_root: Path | None) -> str:
    if content_root is not None:
        try:
            return path.resolve().relative_to(content_root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _section_from_folder(source: str) -> str | None:
    parts = source.split("/")
    return smart_title(parts[0].replace("-", " ").upper()) if len(parts) > 1 else None
