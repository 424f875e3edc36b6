"""From a story's analysis to its entity tags, each under one canonical name.

Steps: collect the model's PERSON/ORG/GPE/LOC/FAC/NORP mentions (and the dateline);
clean their surface ("the", possessives, titles); resolve aliases (editor file,
shipped table, country names); resolve surnames to the full name used elsewhere in
the story; settle each entity's kind by the story's own consensus; apply the
editor's blocklist and the story's ``Tags:`` header; rank by salience.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsdigest.core.entities.aliases import (
    ORGANIZATION,
    PERSON,
    PLACE,
    SHIPPED_ALIASES,
    country_aliases,
    demonyms,
)
from newsdigest.core.entities.directory import EntityDirectory
from newsdigest.core.entities.slug import entity_slug
from newsdigest.core.nlp import Analysis
from newsdigest.core.settings import setting

LABEL_KINDS = {
    "PERSON": PERSON,
    "ORG": ORGANIZATION,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "NORP": ORGANIZATION,  # only when an alias or the editor says it is one
}
# Mentions with these labels are weak evidence: a single one is not a tag.
WEAK_LABELS = frozenset({"FAC"})
_TITLES = re.compile(
    r"^(?:(?:U\.S\.|US|UN|NATO|EU|former|acting|deputy|then-)\s+)*"
    r"(?:President|Prime Minister|Minister|Secretary-General|Secretary|Chancellor|Gov\.|Governor"
    r"|Sen\.|Senator|Rep\.|Mayor|Gen\.|General|Col\.|Lt\.|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Judge"
    r"|Pope|King|Queen|Prince|Princess|Sheikh|Chief|Director|Ambassador|Historian|Analyst"
    r"|Spokesman|Spokeswoman|Spokesperson|Professor|Forecaster|Astronomer|Economist|Lawyer)\s+"
)
# Not tags however often the model finds them.
GENERIC_NAMES = frozenset(
    {
        "Earth",
        "Northern Hemisphere",
        "Southern Hemisphere",
        "Easter",
        "Christmas",
        "Ramadan",
        "Internet",
        "Web",
    }
)
_DANGLING_END = re.compile(r"\s(?:and|or|of|for|the|in|on|at|to|&)$", re.IGNORECASE)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_TAG_WITH_KIND = re.compile(r"^(?P<name>.+?)\s*\((?P<kind>person|organization|place)\)$", re.I)
KIND_ORDER = (PERSON, ORGANIZATION, PLACE)


@dataclass(frozen=True)
class EntityOptions:
    """Settings that shape the tags; none of them changes the cached analysis.
    (How many tags a page shows, NEWSDIGEST_ENTITY_MAX, is the site's business.)"""

    min_salience: float = 0.0

    @classmethod
    def from_settings(cls, settings: dict) -> EntityOptions:
        return cls(min_salience=float(setting(settings, "NEWSDIGEST_ENTITY_MIN_SALIENCE")))


@dataclass
class Entity:
    """One canonical entity in one story."""

    name: str
    kind: str
    mentions: int = 0
    salience: float = 0.0
    first_paragraph: int | None = None
    wikidata: str | None = None
    description: str | None = None
    surfaces: list[str] = field(default_factory=list)
    from_header: bool = False
    url: str = ""  # set by the site: where the entity's page is

    @property
    def slug(self) -> str:
        return entity_slug(self.name)

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "kind": self.kind, "slug": self.slug, "mentions": self.mentions}


@dataclass
class _Mention:
    surface: str
    label: str
    paragraph: int  # -1 for the headline
    name: str = ""
    kind: str | None = None
    certain: bool = False  # kind fixed by an alias, the editor or a surname match


def extract_entities(
    analysis: Analysis,
    directory: EntityDirectory | None = None,
    *,
    dateline: str | None = None,
    tags_header: str | None = None,
    options: EntityOptions | None = None,
    warnings: list[str] | None = None,
) -> list[Entity]:
    """Return the story's entities, most salient first."""
    directory = directory or EntityDirectory()
    options = options or EntityOptions()
    mentions = _collect(analysis, dateline)
    for mention in mentions:
        _resolve_alias(mention, directory)
    _resolve_surnames(mentions)
    entities = _group(mentions, directory)
    _apply_header(entities, tags_header, directory, warnings if warnings is not None else [])
    ranked = sorted(entities.values(), key=lambda e: (-e.salience, e.name))
    return [e for e in ranked if e.salience >= options.min_salience or e.from_header]


def _collect(analysis: Analysis, dateline: str | None) -> list[_Mention]:
    mentions = []
    if dateline:
        city, _sep, region = dateline.partition(",")
        mentions.append(_Mention(city.strip(), "GPE", 0))
        region = region.strip()
        if region in country_aliases():
            mentions.append(_Mention(region, "GPE", 0))
    for index, unit in enumerate(analysis.units):
        paragraph = index - 1 if analysis.title_unit else index
        for span in unit.ents:
            if span.label in LABEL_KINDS:
                label = span.label
                surface = clean_surface(span.text(unit.text), label)
                if label == "ORG" and _TITLES.match(surface):
                    # "Historian Jean-Paul Njoya" tagged ORG: a title before a name.
                    surface, label = _TITLES.sub("", surface), "PERSON"
                if surface:
                    mentions.append(_Mention(surface, label, paragraph))
    return mentions


def clean_surface(text: str, label: str) -> str:
    """A mention as a name: no "the", no possessive, no title before a person's name."""
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", _THE.sub("", text)).strip(" .,;:-—–\"'“”‘’") if text else ""
    if text.endswith(".") is False and text + "." in SHIPPED_ALIASES:
        text += "."  # "U.S" after stripping -> "U.S."
    if label == "PERSON":
        text = _TITLES.sub("", text)
    return text


def _resolve_alias(mention: _Mention, directory: EntityDirectory) -> None:
    """Name from the editor's file first, then the shipped tables; the kind from the
    first of those that gives one, else from the model's label."""
    edited = directory.resolve(mention.surface)
    name, kind = (edited.name, edited.kind) if edited is not None else (None, None)
    for table in (SHIPPED_ALIASES, country_aliases()):
        found = table.get(name or mention.surface)
        if found is not None:
            name, kind = name or found[0], kind or found[1]
            break
    mention.certain = name is not None
    mention.name = name or mention.surface
    mention.kind = kind or LABEL_KINDS[mention.label]
    if mention.label == "NORP" and not mention.certain:
        mention.kind = None  # nationalities and groups of people are not tags by default


def _resolve_surnames(mentions: list[_Mention]) -> None:
    """ "Stoltenberg" (tagged ORG or PERSON) is the "Jens Stoltenberg" of the same story."""
    full_names = {m.name for m in mentions if m.label == "PERSON" and len(m.name.split()) > 1}
    for mention in mentions:
        if mention.certain or len(mention.name.split()) > 2:
            continue
        matches = [
            full
            for full in full_names
            if full != mention.name and _is_name_part(mention.name, full)
        ]
        if len(matches) == 1:
            mention.name, mention.kind, mention.certain = matches[0], PERSON, True


def _is_name_part(short: str, full: str) -> bool:
    """True when ``short`` is the surname (or trailing names) of ``full``."""
    short_words, full_words = short.split(), full.split()
    return len(short_words) < len(full_words) and full_words[-len(short_words) :] == short_words


def _group(mentions: list[_Mention], directory: EntityDirectory) -> dict[str, Entity]:
    by_name: dict[str, list[_Mention]] = {}
    for mention in mentions:
        if mention.kind is None and not mention.certain:
            continue
        if mention.label == "NORP" and not mention.certain:
            continue
        if mention.surface in demonyms() and not mention.certain:
            continue
        by_name.setdefault(mention.name, []).append(mention)
    entities = {}
    for name, group in by_name.items():
        if directory.blocked(name) or name in GENERIC_NAMES or not entity_slug(name):
            continue
        if len(group) < 2 and _weak(group[0]):
            continue
        info = directory.info(name)
        kind = (info.kind if info and info.kind else None) or _consensus_kind(group)
        entities[name] = Entity(
            name=name,
            kind=kind,
            mentions=len(group),
            salience=_salience(group),
            first_paragraph=min(max(m.paragraph, 0) for m in group),
            wikidata=info.wikidata if info else None,
            description=info.description if info else None,
            surfaces=sorted({m.surface for m in group}),
        )
    return entities


def _weak(mention: _Mention) -> bool:
    """A lone mention that is more likely the model's slip than a subject of the story:
    a facility, a one-word person or organization the story never names in full,
    a lower-case phrase, or a name cut off mid-phrase ("Institute for Snow and")."""
    if mention.certain:
        return False
    if mention.label in WEAK_LABELS or not mention.name[:1].isupper():
        return True
    one_word = len(mention.name.split()) == 1 and not mention.name.isupper()
    return (one_word and mention.label in ("PERSON", "ORG")) or bool(
        _DANGLING_END.search(mention.name)
    )


def _consensus_kind(group: list[_Mention]) -> str:
    """Kinds fixed by an alias or surname win; otherwise the majority, ties to the first."""
    certain = [m.kind for m in group if m.certain and m.kind]
    votes = Counter(certain or [m.kind for m in group if m.kind])
    best = max(votes.values())
    for mention in group:
        if votes.get(mention.kind) == best:
            return mention.kind
    return ORGANIZATION


def _salience(group: list[_Mention]) -> float:
    """More mentions, a mention in the headline or lede, and an early first mention."""
    first = min(max(m.paragraph, 0) for m in group)
    score = float(len(group))
    if any(m.paragraph == -1 for m in group):
        score += 2.0
    if any(m.paragraph == 0 for m in group):
        score += 1.5
    return round(score + 1.0 / (1 + first), 3)


def _apply_header(
    entities: dict[str, Entity],
    header: str | None,
    directory: EntityDirectory,
    warnings: list[str],
) -> None:
    """``Tags: Name, Name (person), -Name``: add or remove tags by the editor's word."""
    for raw in (header or "").split(","):
        item = raw.strip()
        if not item:
            continue
        if item.startswith("-"):
            name = _canonical(item[1:].strip(), directory)
            if entities.pop(name, None) is None:
                warnings.append(f"Tags: '-{item[1:].strip()}' removes nothing (no such tag)")
            continue
        match = _TAG_WITH_KIND.match(item.lstrip("+").strip())
        name = _canonical(match.group("name") if match else item.lstrip("+").strip(), directory)
        kind = match.group("kind").lower() if match else _known_kind(name, entities, directory)
        if kind is None:
            warnings.append(f"Tags: unknown kind for '{name}'; write it as '{name} (person)'")
            kind = ORGANIZATION
        if not entity_slug(name):
            warnings.append(f"Tags: '{item}' has no letters or digits to make a page from")
            continue
        entity = entities.get(name)
        if entity is None:
            info = directory.info(name)
            entity = entities[name] = Entity(
                name,
                kind,
                wikidata=info.wikidata if info else None,
                description=info.description if info else None,
            )
        entity.kind, entity.from_header = kind, True
        entity.salience = max(entity.salience, 100.0)  # the editor's tags come first


def _canonical(name: str, directory: EntityDirectory) -> str:
    info = directory.resolve(name)
    if info is not None:
        return info.name
    for table in (SHIPPED_ALIASES, country_aliases()):
        if name in table:
            return table[name][0]
    return name


def _known_kind(name: str, entities: dict[str, Entity], directory: EntityDirectory) -> str | None:
    info = directory.info(name)
    if info and info.kind:
        return info.kind
    if name in entities:
        return entities[name].kind
    for table in (SHIPPED_ALIASES, country_aliases()):
        if name in table:
            return table[name][1]
    return None


def group_by_kind(entities: list[Entity]) -> list[tuple[str, list[Entity]]]:
    """Entities grouped under person, organization, place (in that order)."""
    return [
        (kind, [e for e in entities if e.kind == kind])
        for kind in KIND_ORDER
        if any(e.kind == kind for e in entities)
    ]
