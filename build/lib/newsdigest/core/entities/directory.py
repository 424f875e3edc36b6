"""The editor's entity file (``content/entities.yml``): names, aliases, kinds, blocklist.

::

    entities:
      Jens Stoltenberg:
        kind: person
        aliases: [Stoltenberg]
        wikidata: Q57792
        description: Secretary-General of NATO from 2014 to 2024.
      Iraq:
        aliases: [Iraqi]        # map a nationality to its country
    blocklist: [Reuters, AP]
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from newsdigest.core.settings import setting
from newsdigest.core.text.normalize import normalize_whitespace

KINDS = ("person", "organization", "place")
_WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")


class DirectoryError(ValueError):
    """The entity file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class EntityInfo:
    """What the editor says about one entity."""

    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    description: str | None = None

    @property
    def wikidata_url(self) -> str | None:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else None


@dataclass
class EntityDirectory:
    """All editor entries, looked up by canonical name or alias."""

    entries: dict[str, EntityInfo] = field(default_factory=dict)
    blocklist: frozenset[str] = frozenset()
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._aliases: dict[str, EntityInfo] = {}
        for info in self.entries.values():
            for alias in (info.name, *info.aliases):
                self._aliases[alias] = info
                self._aliases.setdefault(alias.casefold(), info)

    def resolve(self, surface: str) -> EntityInfo | None:
        return self._aliases.get(surface) or self._aliases.get(surface.casefold())

    def info(self, name: str) -> EntityInfo | None:
        return self.entries.get(name)

    def blocked(self, name: str) -> bool:
        folded = name.casefold()
        return any(folded == blocked.casefold() for blocked in self.blocklist)

    def fingerprint(self) -> str:
        """A hash of everything the editor said, for the enrichment cache keys."""
        entries = [asdict(self.entries[name]) for name in sorted(self.entries)]
        payload = json.dumps([entries, sorted(self.blocklist)], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def load_directory(path: Path | None) -> EntityDirectory:
    """Read the entity file; a missing file is an empty directory, a broken one an error."""
    if path is None or not path.is_file():
        return EntityDirectory()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise DirectoryError(f"{path.name}{where}: {problem}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise DirectoryError(f"{path.name}: cannot read: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("entities") or {}, dict):
        raise DirectoryError(f"{path.name}: expected 'entities:' and 'blocklist:' at the top")
    problems: list[str] = []
    entries = {}
    for name, raw in (data.get("entities") or {}).items():
        info = _entry(normalize_whitespace(str(name)), raw or {}, path.name, problems)
        if info is not None:
            entries[info.name] = info
    blocklist = frozenset(str(item) for item in data.get("blocklist") or [])
    return EntityDirectory(entries, blocklist, problems)


def _entry(name: str, raw: object, filename: str, problems: list[str]) -> EntityInfo | None:
    if not isinstance(raw, dict):
        problems.append(f"{filename}: entry '{name}' should be a mapping of kind/aliases/…")
        return None
    kind = raw.get("kind")
    if kind is not None and kind not in KINDS:
        problems.append(f"{filename}: '{name}' has kind '{kind}'; use one of {', '.join(KINDS)}")
        kind = None
    wikidata = raw.get("wikidata")
    if wikidata is not None and not _WIKIDATA_ID.match(str(wikidata)):
        problems.append(f"{filename}: '{name}' has wikidata '{wikidata}'; expected an id like Q42")
        wikidata = None
    aliases = raw.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    return EntityInfo(
        name=name,
        kind=kind,
        aliases=tuple(normalize_whitespace(str(alias)) for alias in aliases),
        wikidata=str(wikidata) if wikidata else None,
        description=normalize_whitespace(str(raw["description"]))
        if raw.get("description")
        else None,
    )


def site_directory(settings: dict) -> EntityDirectory:
    """The entity file a site's settings name (NEWSDIGEST_ENTITIES_FILE under PATH)."""
    name = setting(settings, "NEWSDIGEST_ENTITIES_FILE")
    if not name or not settings.get("PATH"):
        return EntityDirectory()
    return load_directory(Path(settings["PATH"]) / name)
