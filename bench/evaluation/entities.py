"""Scoring the entity tags against GUM's hand-annotated entities (issue #17).

GUM's annotators marked every entity mention of each Wikinews document with its type
(person, organization, place, event, object …), grouped mentions of one entity, and
linked many to their Wikipedia article. The gold tags of a story are its entities of
type person, organization or place that the text names: at least one mention made of
proper nouns only. The headline counts (the system reads it, as a build does); the
other headings (an interview's date line, section titles) do not.

A tag matches a gold entity when its name or one of its surfaces is, after
normalising case, "the", possessives and punctuation, one of the entity's names or
its Wikipedia title. Figures:

- precision: tags that match a named person, organisation or place (a second tag for
  an entity already matched counts against it: one entity, one name);
- recall: gold entities some tag matches;
- kind accuracy: matched tags whose kind is the annotated type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

KINDS = {"person": "person", "organization": "organization", "place": "place"}
_PROPER = ("NNP", "NNPS")
# Letters after a person's name that are no part of it (senior counsel, degrees, honours).
_POST_NOMINALS = frozenset({"sc", "qc", "kc", "md", "phd", "mp", "obe", "mbe", "cbe"})
_IGNORED_POS = frozenset({"DET", "PUNCT", "PART", "ADP", "CCONJ", "NUM"})


@dataclass
class GoldEntity:
    key: str
    etype: str
    identity: str | None = None
    names: set[str] = field(default_factory=set)  # normalised
    mentions: int = 0
    also: frozenset[str] = frozenset()  # other kinds a tag may rightly give it
    optional: bool = False  # a tag on it is neither right nor wrong

    @property
    def label(self) -> str:
        return self.identity or (sorted(self.names, key=len)[-1] if self.names else self.key)


def normal(name: str) -> str:
    """The form names are compared in: "the U.S.'s" and "US" meet as "us"."""
    name = name.replace("_", " ").lower()
    name = re.sub(r"\b([od])['’]\s+", r"\1", name)  # "O' Leary" as typed is O'Leary
    name = re.sub(r"['’]s?\b", "", name)
    name = re.sub(r"[^\w\s-]", "", name)
    name = re.sub(r"^(?:the)\s+", "", name.strip())
    return " ".join(name.split())


def gold_entities(conllu: str) -> dict[str, GoldEntity]:
    """Every entity of a GUM document, from the ``Entity=`` annotations of its tokens."""
    entities: dict[str, GoldEntity] = {}
    open_mentions: dict[str, list[tuple[str, str, str]]] = {}  # id -> [(form, upos, xpos)]
    heading = False
    headings = 0
    pending_space = ""
    for line in conllu.splitlines():
        if line.startswith("# newpar_block = ") or line.startswith("# newpar = "):
            opens_heading = line.split(" = ", 1)[1].startswith("head")
            headings += opens_heading
            heading = opens_heading and headings > 1  # the first heading is the headline
        elif line == "# newpar":
            heading = False
        if not line or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 10 or not columns[0].isdigit():
            continue
        form, upos, xpos, misc = columns[1], columns[3], columns[4], columns[9]
        annotation = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        opened, closed = _parse(annotation)
        for key, etype, identity in opened:
            entity = entities.setdefault(key, GoldEntity(key, etype))
            entity.identity = entity.identity or identity
            open_mentions[key] = []
        for tokens in open_mentions.values():
            tokens.append((pending_space + form, upos, xpos))
        pending_space = "" if "SpaceAfter=No" in misc else " "
        for key in closed:
            tokens = open_mentions.pop(key, [])
            if heading or key not in entities:
                continue
            entities[key].mentions += 1
            entities[key].names.update(_name_forms(tokens, entities[key].etype))
    return _merged(entities)


def _name_forms(tokens: list[tuple[str, str, str]], etype: str) -> set[str]:
    """The names a mention gives. A mention of proper nouns only is a name ("Huntsville,
    Alabama" also gives "Huntsville"). A person's mention also gives the proper nouns it
    ends with after a common noun ("immigration barrister Colin Yeo": "Colin Yeo", and
    "Yeo", the surname a story uses later), a place's after an adjective ("southern
    Finland"). A plural proper noun names a group of people ("Bangladeshis"), which is
    no tag."""
    content = [(form, xpos) for form, upos, xpos in tokens if upos not in _IGNORED_POS]
    if etype == "person" and content and all(xpos == "NNPS" for _f, xpos in content):
        return set()
    whole = bool(content) and all(xpos in _PROPER for _f, xpos in content)
    forms: set[str] = set()
    if whole and not (etype == "person" and any(u == "ADP" for _f, u, _x in tokens)):
        text = "".join(form for form, _upos, _xpos in tokens)
        forms.add(normal(text))
        if etype == "place" and "," in text:
            forms.add(normal(text.split(",")[0]))
    start = len(tokens)
    while start > 0 and (tokens[start - 1][2] in _PROPER or tokens[start - 1][1] == "PART"):
        start -= 1
    run = [form for form, upos, _xpos in tokens[start:] if upos != "PART"]
    before = tokens[start - 1][1] if start > 0 else None
    # "President of the United States" is no "United States" of the person's
    of_something = start >= 2 and before == "DET" and tokens[start - 2][1] == "ADP"
    tail_names_person = before in (None, "NOUN", "PUNCT") or (whole and not of_something)
    if etype == "person" and run and tail_names_person and (len(run) >= 2 or before is None):
        forms.update(normal("".join(run[-size:])) for size in range(1, len(run) + 1))
        while len(run) > 2 and normal(run[-1]) in _POST_NOMINALS:
            run = run[:-1]  # "Tom Molomby SC" is Tom Molomby
            forms.add(normal("".join(run)))
    if etype == "place" and run and before == "ADJ":
        forms.add(normal("".join(run)))
    return {form for form in forms if form}


def _merged(entities: dict[str, GoldEntity]) -> dict[str, GoldEntity]:
    """One entity per Wikipedia title and type: the annotators sometimes left two
    chains for one company ("Google" in the lede and again at the end)."""
    by_identity: dict[tuple[str, str], GoldEntity] = {}
    merged: dict[str, GoldEntity] = {}
    for key, entity in entities.items():
        same = by_identity.get((entity.etype, entity.identity)) if entity.identity else None
        if same is None:
            merged[key] = entity
            if entity.identity:
                by_identity[(entity.etype, entity.identity)] = entity
            continue
        same.names |= entity.names
        same.mentions += entity.mentions
    return merged


def _parse(annotation: str) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    """Openings (id, type, Wikipedia title) and closings (id) in one token's annotation:
    "(1-person-new-…-Iodine" opens, "1)" closes, "(4-time-…)" does both."""
    opened: list[tuple[str, str, str | None]] = []
    closed: list[str] = []
    position = 0
    while position < len(annotation):
        if annotation[position] == "(":
            end = position + 1
            while end < len(annotation) and annotation[end] not in "()":
                end += 1
            fields = annotation[position + 1 : end].split("-", 7)
            identity = unquote(fields[7]).replace("_", " ") if len(fields) > 7 else None
            if identity and identity.endswith(" people"):
                identity = None  # "Rohingya people": a group, not a tag
            opened.append((fields[0], fields[1] if len(fields) > 1 else "", identity or None))
            if end < len(annotation) and annotation[end] == ")":
                closed.append(fields[0])
                end += 1
            position = end
        else:
            match = re.match(r"(\d+)\)", annotation[position:])
            if match is None:
                position += 1
                continue
            closed.append(match.group(1))
            position += match.end()
    return opened, closed


@dataclass
class EntityTally:
    tags: int = 0
    gold: int = 0
    matched_tags: int = 0
    kind_right: int = 0
    found_gold: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: EntityTally) -> None:
        for name in ("tags", "gold", "matched_tags", "kind_right", "found_gold"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)

    def figures(self) -> dict[str, float]:
        return {
            "precision": self.matched_tags / self.tags if self.tags else 0.0,
            "recall": self.found_gold / self.gold if self.gold else 0.0,
            "kind_accuracy": self.kind_right / self.matched_tags if self.matched_tags else 0.0,
        }


def score_tags(
    tags: list[tuple[str, str, list[str]]], gold: dict[str, GoldEntity], article_id: str
) -> EntityTally:
    """``tags``: (name, kind, surfaces) per tag of one story."""
    wanted = {
        k: g
        for k, g in gold.items()
        if g.etype in KINDS and g.names and g.mentions and not g.optional
    }
    # Any named entity (a tag on an event is a wrong tag); where two share a name, the
    # person, organisation or place mentioned most.
    index: dict[str, GoldEntity] = {}
    for entity in sorted(gold.values(), key=lambda e: (e.etype in KINDS, e.mentions)):
        for name in (*entity.names, *([normal(entity.identity)] if entity.identity else [])):
            if name:
                index[name] = entity
    tally = EntityTally(tags=len(tags), gold=len(wanted))
    matched: set[str] = set()
    for name, kind, surfaces in tags:
        entity = next(
            (index[n] for n in (normal(s) for s in (name, *surfaces)) if n in index), None
        )
        if entity is not None and entity.optional:
            tally.tags -= 1  # neither right nor wrong
            continue
        if entity is None or entity.etype not in KINDS or entity.key in matched:
            why = "no such entity" if entity is None else f"is {entity.etype}"
            if entity is not None and entity.key in matched:
                why = f"second name for {entity.label}"
            tally.misses.append(f"{article_id} FALSE {name!r} ({kind}): {why}")
            continue
        matched.add(entity.key)
        tally.matched_tags += 1
        if KINDS[entity.etype] == kind or kind in entity.also:
            tally.kind_right += 1
        else:
            tally.misses.append(f"{article_id} KIND {name!r} {kind}, annotated {entity.etype}")
    tally.found_gold = len(matched & set(wanted))
    for key in sorted(set(wanted) - matched, key=lambda k: (-wanted[k].mentions, k)):
        entity = wanted[key]
        tally.misses.append(
            f"{article_id} MISSED {entity.label!r} ({entity.etype}, {entity.mentions} mentions)"
        )
    return tally


_JUDGED = re.compile(
    r"^(?P<optional>\?)?(?P<name>[^|]+?)\s*\|\s*(?P<kinds>[a-z/]+)\s*(?:\|(?P<also>.*))?$"
)


def judged_entities(text: str) -> dict[str, dict[str, GoldEntity]]:
    """Our hand annotation of a set's entity tags, by article: one line per entity,
    ``[?]Name | kind[/kind] | other name / other name`` (see the file's header)."""
    articles: dict[str, dict[str, GoldEntity]] = {}
    current: dict[str, GoldEntity] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("== "):
            current = articles.setdefault(line[3:].split()[0], {})
            continue
        match = _JUDGED.match(line)
        if match is None or current is None:
            raise ValueError(f"line {number}: not an entity line: {raw!r}")
        kinds = match.group("kinds").split("/")
        if any(kind not in KINDS for kind in kinds):
            raise ValueError(f"line {number}: unknown kind in {raw!r}")
        name = match.group("name")
        others = [n.strip() for n in (match.group("also") or "").split(" / ") if n.strip()]
        current[name] = GoldEntity(
            key=name,
            etype=kinds[0],
            names={normal(n) for n in (name, *others)},
            mentions=1,
            also=frozenset(kinds[1:]),
            optional=bool(match.group("optional")),
        )
    return articles
