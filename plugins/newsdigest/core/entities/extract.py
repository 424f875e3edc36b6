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
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from newsdigest.core.entities.aliases import (
    ORGANIZATION,
    PERSON,
    PLACE,
    SHIPPED_ALIASES,
    country_aliases,
    demonyms,
)
from newsdigest.core.entities.directory import EntityDirectory
from newsdigest.core.entities.gazetteer import places, regions, us_states
from newsdigest.core.entities.names import (
    GENERIC_WORDS,
    LEGAL_FORMS,
    ORG_HEADS,
    ROLE_NOUNS,
    ends_in_company_word,
    ends_in_org_head,
    expansion,
    in_title,
    initials,
    is_event_or_thing,
    is_facility,
    is_leaning,
    is_one_name,
    is_publication,
    is_role,
    name_after_title,
    names_a_jobs_field,
    names_an_organisation,
    org_head_before,
    split_org_person,
    starts_as_foreign_org,
    surname,
    tidy,
    whole_org_name,
    without_suffix,
)
from newsdigest.core.entities.slug import entity_slug, spelling_key
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
    r"|(?:Surgeon|Attorney|Solicitor|Inspector|Postmaster)[ -]General"
    r"|Sen\.|Senator|Rep\.|Mayor|Gen\.|General|Col\.|Lt\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.|Judge"
    r"|Pope|King|Queen|Prince|Princess|Crown Prince|Crown Princess|First Lady|Cardinal"
    r"|Lady(?=\s+[A-Z][\w'’-]*\s+[A-Z])"  # "(First) Lady Melania Trump", not "Lady Gaga"
    r"|Archbishop|Sheikh|Chief|Director|Ambassador|Historian|Analyst"
    r"|Spokesman|Spokeswoman|Spokesperson|Professor|Forecaster|Astronomer|Economist|Lawyer"
    r"|Broadcaster|Journalist|Actor|Actress|Singer|Comedian|Presenter|Filmmaker|Novelist"
    r"|(?:Assembly|Congress|Council|Alder|Chair)(?:man|woman|member|person)|Councill?or"
    r"|Legislator|Commissioner|Sheriff|Detective|Sergeant|Sgt\.|Lieutenant|Colonel|Rabbi|Imam"
    r"|Reverend|Rev\.|Magistrate"
    # Words that also begin names of things ("Bishop Museum", "Speaker of the House"):
    # titles only before a whole name.
    r"|(?:Speaker|Justice|Bishop|Captain|Admiral|Pastor|Coach|Delegate|Representative)"
    r"(?=\s+[A-Z][\w'’-]*\s+[A-Z])"
    # A party label before a name ("Nonpartisan Paul Tse", "Pan-democrat Lam Cheuk-ting"),
    # not a party's own name ("Liberal Democrats"): two words must follow.
    r"|(?:Nonpartisan|Independent|Democrat|Democratic|Republican|Labour|Conservative|Liberal"
    r"|Tory|Socialist|[Pp]an-democrat(?:ic)?|[Pp]ro-Beijing|[Pp]ro-democracy"
    r"|[Pp]ro-establishment)(?=\s+\S+\s+\S))\s+"
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
_THE = re.compile(r"^(?:the|these)\s+", re.IGNORECASE)  # "these United States"
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
    cued: bool = False  # the story says it is an organisation ("automaker Toyota")
    short_form: str | None = None  # as written, when the story defines it ("EADS")


def _story_text(analysis: Analysis) -> str:
    """The headline and paragraphs as one text, which the story-wide cues are read on."""
    return "\n".join(unit.text for unit in analysis.units)


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
    text = _story_text(analysis)
    mentions = _collect(analysis, dateline, text)
    mentions += _unlabelled_people(analysis)
    mentions = _unglued(mentions)
    acronyms = _story_acronyms(analysis, mentions)
    for mention in mentions:
        _resolve_alias(mention, directory, acronyms)
    _american_bodies(mentions)
    _resolve_surnames(mentions, text)
    _settle_kinds(mentions, analysis, text)
    _merge_variants(mentions)
    entities = _group(mentions, directory)
    _apply_header(entities, tags_header, directory, warnings if warnings is not None else [])
    ranked = sorted(entities.values(), key=lambda e: (-e.salience, e.name))
    return [e for e in ranked if e.salience >= options.min_salience or e.from_header]


def rank_with_speakers(entities: list[Entity], speakers: list[str | None]) -> list[Entity]:
    """The story is about the people and organisations it quotes: each quotation a tag
    speaks adds to its salience (up to three), and the tags are ranked again."""
    spoken = Counter(name for name in speakers if name)
    for entity in entities:
        if not entity.from_header:
            entity.salience = round(entity.salience + min(spoken[entity.name], 3), 3)
    return sorted(entities, key=lambda e: (-e.salience, e.name))


_DISTRICT = re.compile(r",?\s*D\.\s?C\.?(?![\w])|,?\s*DC\b")
_OF_A_PLACE = re.compile(r"\bof (?:the )?[A-Z][\w-]+$")
_AND_PLACE = re.compile(r" and (?P<place>[A-Z][\w-]+)(?![\w-]| [A-Z&])")
_TWO_BODIES = re.compile(r"(?P<first>[A-Z][^,;]+?) and the (?P<second>[A-Z][^,;]+)")


def _collect(analysis: Analysis, dateline: str | None, text: str) -> list[_Mention]:
    mentions = []
    if dateline:
        city, _sep, region = dateline.partition(",")
        mentions.append(_Mention(city.strip(), "GPE", 0))
        region = region.strip()
        if region in country_aliases():
            mentions.append(_Mention(region, "GPE", 0))
    title = analysis.title
    headline_in_title_case = title is not None and is_title_case(title.text)
    # the story's text, which a title-case headline's names are checked against
    body = "\n".join(u.text for u in analysis.paragraphs) if headline_in_title_case else ""
    # titles the story writes as works' ("the film Chasing Liberty", "Chasing Liberty
    # (2004)"): none of their mentions is a tag
    works: set[str] = set()
    for index, unit in enumerate(analysis.units):
        paragraph = index - 1 if analysis.title_unit else index
        in_title_case = paragraph == -1 and headline_in_title_case
        taken_until = 0  # the end of a name that took in the model's next one
        for span in unit.ents:
            if span.start < taken_until:
                continue  # "Wales" of "the High Court of England and Wales"
            if span.label in LABEL_KINDS:
                label = span.label
                surface = clean_surface(span.text(unit.text), label)
                if label == "ORG" and _TITLES.match(surface) and not ends_in_company_word(surface):
                    # "Historian Jean-Paul Njoya" tagged ORG: a title before a name.
                    surface, label = _TITLES.sub("", surface), "PERSON"
                    if surface.startswith("of "):
                        continue  # "the Archbishop of Gdańsk": a title, no name
                surface = surface.replace("[", "").replace("]", "")  # "[Bashir al] Assad"
                if re.search(r"[“”\"]", surface):
                    continue  # 'Twitter "Youtube-dl': the model ran across a quote mark
                if label == "PERSON" and _cut_thing(surface, unit.text[span.end :]):
                    continue  # "James Webb Space" of "… Telescope": a thing's name, cut
                if _WORK_BEFORE.search(unit.text[: span.start]):
                    if label in ("PERSON", "ORG"):  # a place's name may title a work once
                        works.add(tidy(surface))
                    continue  # "the novel Dark Matters": a work's title
                surface = tidy(surface)
                if label == "PERSON" and _DATED.match(unit.text[span.end :]):
                    works.add(surface)
                    continue
                if in_title_case and label in ("PERSON", "ORG"):
                    surface = _headline_run_on(surface, body)
                pair = _TWO_BODIES.fullmatch(surface) if label == "ORG" else None
                # "the Investigative Committee and the Federal Security Service", not a band
                if pair and ends_in_org_head(pair["first"]):
                    mentions.append(_Mention(pair["first"], label, paragraph))
                    surface = pair["second"]
                district = _DISTRICT.match(unit.text[span.end :]) if label == "GPE" else None
                if district and surface == "Washington":
                    surface = "Washington DC"  # "Washington, D.C.", which the model splits
                    taken_until = span.end + district.end()
                if label == "ORG":
                    surface = org_head_before(surface, unit.text[: span.start])
                    surface = whole_org_name(surface, unit.text[span.end :])
                    joined = _AND_PLACE.match(unit.text[span.end :])
                    if joined and _OF_A_PLACE.search(surface) and joined["place"] in places():
                        surface += joined.group(0)  # "High Court of England" and Wales
                        taken_until = span.end + joined.end()
                if not is_one_name(surface):
                    continue
                if label == "PERSON" and in_title(surface, unit.text[: span.start]):
                    continue  # "Secretary for Preparedness …": the title, not a person
                if label == "PERSON" and names_a_jobs_field(unit.text[span.end :]):
                    continue  # "the Tory Shadow Health Secretary": the job's field, no one
                glued = split_org_person(surface) if label in ("ORG", "PERSON") else None
                at = unit.text.find(surface, span.start)
                titled = name_after_title(surface, unit.text[: at if at >= 0 else span.start])
                if glued is not None:  # "the Refugee Council Enver Solomon": two names
                    mentions.append(_Mention(glued[0], "ORG", paragraph))
                    surface, label = glued[1], "PERSON"
                elif titled is not None and label in ("PERSON", "ORG"):
                    surface, label = titled, "PERSON"  # "… for Competition Neelie Kroes"
                if surface:
                    mentions.append(_Mention(surface, label, paragraph))
    works |= _storm_names(text)  # "Phailin" of a story about "Cyclone Phailin": an event
    return [mention for mention in mentions if mention.surface not in works]


def _storm_names(text: str) -> set[str]:
    """The one-word names the story gives storms ("Cyclone Phailin", "T C Phailin")."""
    return {match.group(1) for match in _STORM.finditer(text)}


_STORM = re.compile(
    r"\b(?:Cyclone|Hurricane|Typhoon|Tropical Storm|Storm|Superstorm|TC|T\.? ?C\.?)"
    r"\s+([A-Z][\w'’-]*[\w])"
)


# The kind of work a title names, just before it ("in the novel Dark Matters").
# Nouns that are verbs too ("results show Ford is", "play Arsenal") count after a word
# that makes them nouns ("the show", "a hit single", "his production").
_WORK_BEFORE = re.compile(
    r"(?:\b(?:novel|book|memoir|film|movie|album|song|musical|sitcom|documentary|poem"
    r"|opera|painting|video game|comedy|drama|thriller|sequel|prequel|miniseries)"
    r"|\b(?:the|a|an|his|her|their|its|hit|new|latest|debut|TV|television|radio|stage|talk"
    r"|reality|game)\s+(?:single|play|series|production|programme|show))\s+$"
)
# A year in brackets straight after a title the model took for a person's, the way works
# are dated ("Copying Beethoven (2006)", "Les Amants, 1959)"); a person's dates read
# "(born 1958)", "(b. …". Not after an organisation's: "Pittsburgh Pirates (2012)" is a
# team's years in a career.
_DATED = re.compile(r"\s*(?:\(\d{4}\)|,\s*\d{4}\))")
_NEXT_WORD = re.compile(r"\s+([A-Z][\w'’-]*)")


def _cut_thing(surface: str, after: str) -> bool:
    """The model's person stops one capitalised word short of a thing's or an event's
    name ("James Webb Space" Telescope, "Nobel" Prize). (An organisation's name before
    an event's, "NATO" Summit, is the organisation's mention.)"""
    following = _NEXT_WORD.match(after)
    return following is not None and is_event_or_thing(f"{surface} {following.group(1)}")


def is_title_case(text: str) -> bool:
    """A headline in title case ("Secretary Azar Attends the World Health Assembly"):
    four words or more, nearly all the longer ones capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _headline_run_on(surface: str, body: str) -> str:
    """'Azar Attends' of "Secretary Azar Attends the …": in a title-case headline the
    model runs a name into the capitalised verb after it. A name the story's text never
    uses is cut back to the longest leading part it does use; else it stays."""

    def used(name: str) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body) is not None

    words = surface.split()
    if len(words) < 2 or used(surface):
        return surface
    for end in range(len(words) - 1, 0, -1):
        head = " ".join(words[:end])
        if used(head):
            return head
    return surface


def _unglued(mentions: list[_Mention]) -> list[_Mention]:
    """ "Chief Executive of Hong Kong Carrie Lam" read as one place: the place and the
    person, when the story names both apart (the person in two words or more); "told
    NPR Hamza bin Laden had …" read as one organisation: the two, when the story names
    the person apart."""
    people = {m.surface for m in mentions if m.label == "PERSON" and " " in m.surface}
    named = {m.surface for m in mentions}
    result = []
    for mention in mentions:
        glued = None
        if mention.label != "PERSON":
            glued = next(
                (
                    p
                    for p in people
                    if mention.surface.endswith(" " + p)
                    and (mention.label == "ORG" or mention.surface[: -len(p) - 1] in named)
                ),
                None,
            )
        if glued is None:
            result.append(mention)
            continue
        head = mention.surface[: -len(glued) - 1]
        result.append(_Mention(head, mention.label, mention.paragraph))
        result.append(_Mention(glued, "PERSON", mention.paragraph))
    return result


def _unlabelled_people(analysis: Analysis) -> list[_Mention]:
    """People the model missed: a run of two or three proper nouns outside every
    entity it found ("Aner Shalev"), whose last word the story then uses alone
    ("Currently Shalev is a professor"), the way news names a person. Needs the tagger;
    without it, nothing."""
    runs: list[tuple[int, str]] = []
    for index, unit in enumerate(analysis.units):
        tokens = unit.tokens
        if not tokens.pos:
            return []
        paragraph = index - 1 if analysis.title_unit else index
        covered = [(e.start, e.end) for e in unit.ents]
        run: list[int] = []
        for i in [*range(len(tokens)), None]:
            word = unit.text[tokens.starts[i] : tokens.ends[i]] if i is not None else ""
            if (
                i is not None
                and tokens.pos[i] == "PROPN"
                and word[:1].isupper()
                and word.isalpha()
                and not any(a <= tokens.starts[i] < b for a, b in covered)
            ):
                run.append(i)
                continue
            if 2 <= len(run) <= 3:
                start = tokens.starts[run[0]]
                name = unit.text[start : tokens.ends[run[-1]]]
                runs.append((paragraph, name_after_title(name, unit.text[:start]) or name))
            run = []
    if not runs:
        return []
    text = _story_text(analysis)
    words = re.findall(r"[\w'’-]+", text)
    seen, after = Counter(words), Counter(pairwise(words))
    found = []
    for paragraph, name in runs:
        given, surname = name.split()[0], name.split()[-1]
        alone = seen[surname] - after[(given, surname)]  # "Shalev" not after "Aner"
        if alone > 0 and not _NOT_A_NAME.search(name) and _person_cue(name).search(text):
            found.append(_Mention(name, "PERSON", paragraph))
    return found


# What stands before a surname ("Prof. Shalev") and after a whole name ("Brock Holt
# (born June 11, 1988)") in no one's name but a person's.
_COURTESY = r"(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+"
_BORN = r"\s+\((?:born|b\.)\s"


@lru_cache(maxsize=1024)
def _person_cue(name: str) -> re.Pattern[str]:
    """What news writes beside a person's name: "Aner Shalev is an Israeli
    mathematician", "Shalev said", "Professor Shalev", "Aner Shalev, a writer",
    "Aner Shalev (born 1958)"."""
    full, surname = re.escape(name), re.escape(name.split()[-1])
    verbs = r"said|says|told|tells|added|explained|asked|wrote|recalled|is an?|was an?"
    return re.compile(
        rf"\b(?:{full}|{surname})\s+(?:{verbs})\b|\b{full},\s+(?:a|an|the)\s+[a-z]"
        rf"|\b{_COURTESY}{surname}\b|\b{full}{_BORN}"
    )


_NOT_A_NAME = re.compile(
    r"\b(?:Street|Road|Avenue|University|College|Institute|Church|Museum|Center|Centre"
    r"|Council|Party|Ministry|Department|Court|River|Mountains?|Lake|Island|Bay|Sea|Ocean"
    r"|North|South|East|West|New|San|Saint|St|Fort|Mount|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|News|Wiki)\b"
)


_LONG_AND_SHORT = re.compile(
    r"\b(?P<long>(?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|the|on|de)\s+)*){1,7}[A-Z][\w'’&.-]*)"
    r"\s+\((?P<short>[A-Z][A-Za-z&]{1,7})\)"  # "(PG&E)" too
)


def _story_acronyms(analysis: Analysis, mentions: list[_Mention]) -> dict[str, str]:
    """Short forms the story defines or implies: "Korean Central News Agency (KCNA)",
    or "KSC" beside "Kennedy Space Center" (its initials)."""
    found: dict[str, str] = {}
    for unit in analysis.units:
        for match in _LONG_AND_SHORT.finditer(unit.text):
            short = match.group("short")
            found.setdefault(short, clean_surface(expansion(match.group("long"), short), "ORG"))
    long_names = {m.surface for m in mentions if len(m.surface.split()) > 1}
    for mention in mentions:
        short = mention.surface
        if short in found or not (short.isupper() and 2 <= len(short) <= 6):
            continue
        expansions = {name for name in long_names if initials(name) == short}
        if len(expansions) == 1:
            found[short] = expansions.pop()
    return found


def without_credentials(text: str) -> str:
    """ "Mira Lund M.D. M.P.H." -> "Mira Lund": degrees and honours after a name."""
    stripped = text.rstrip(" .")
    bare = _CREDENTIALS.sub("", stripped)
    return bare if bare != stripped else text


def clean_surface(text: str, label: str) -> str:
    """A mention as a name: no "the", no possessive, no title before a person's name."""
    text = " ".join(text.split())
    initial_end = re.search(r"\s[A-Z]\.$", text)  # "Ola S." keeps the full stop it had
    text = _POSSESSIVE.sub("", _THE.sub("", text)).strip(" .,;:-—–\"'“”‘’") if text else ""
    if text.endswith(".") is False and text + "." in SHIPPED_ALIASES:
        text += "."  # "U.S" after stripping -> "U.S."
    elif _ABBREVIATED_END.search(text) or _INITIALS_END.search(text) or initial_end:
        text += "."  # "Martin Luther King Jr." and "East L.A." keep their full stop
    if label == "PERSON":
        text = _SPACED_APOSTROPHE.sub(r"\1", text)  # "O' Leary" -> "O'Leary"
        untitled = _CREDENTIALS.sub("", _TITLES.sub("", _LOWER_FRAGMENT.sub("", text)))
        # "General Motors" is no General named Motors
        text = text if ends_in_company_word(untitled) and " " not in untitled else untitled
        affiliated = _AFFILIATION_END.search(text)
        kept = text[: affiliated.start()] if affiliated else ""
        if len(kept.split()) >= 2 and not kept.isupper():
            text = kept  # "Roger Severino OCR (Director)": the name
    return text


def _resolve_alias(
    mention: _Mention, directory: EntityDirectory, acronyms: dict[str, str] | None = None
) -> None:
    """Name from the editor's file first, then the shipped tables, then the short forms
    the story defines; the kind from the first of those that gives one, else from the
    model's label."""
    if acronyms and mention.surface in acronyms and directory.resolve(mention.surface) is None:
        mention.short_form = mention.surface
        mention.surface = acronyms[mention.surface]
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


# The chambers a story about the United States calls by their common names alone.
_AMERICAN_BODIES = {
    "Congress": "United States Congress",
    "Senate": "United States Senate",
    "House of Representatives": "United States House of Representatives",
}


def _american_bodies(mentions: list[_Mention]) -> None:
    """ "Congress" and "the Senate" of a story set in the United States are its
    Congress and Senate, unless the story names another one ("the Texas Senate",
    "the Indian National Congress"); elsewhere they stay common nouns, no tag."""
    if not any(_american(m.name) for m in mentions):
        return
    names = {m.name for m in mentions}
    for mention in mentions:
        national = _AMERICAN_BODIES.get(mention.name)
        if mention.certain or national is None:
            continue
        if not any(n.endswith(" " + mention.name) and n != national for n in names):
            mention.name, mention.kind, mention.certain = national, ORGANIZATION, True


def _american(name: str) -> bool:
    """The United States, a body of it ("United States Senate") or one of its states."""
    return name == "United States" or name.startswith("United States ") or name in us_states()


def _resolve_surnames(mentions: list[_Mention], text: str) -> None:
    """ "Stoltenberg" (tagged ORG or PERSON) is the "Jens Stoltenberg" of the same story,
    and so is "Jens" when no one else in it is called Jens, and "Pierre Charles" when
    only one longer name starts so. Where two full names share the surname, the one the
    story introduced first. A name the model took for an organisation's is a person's
    when the story writes it as one ("Holt made his debut")."""
    people = {
        m.name
        for m in mentions
        if m.label == "PERSON" or (m.label == "ORG" and _reads_as_person(m.name, text))
    }
    order: dict[str, int] = {}
    for position, mention in enumerate(mentions):
        two_word_org = mention.label == "ORG" and len(mention.name.split()) == 2
        full = (mention.name in people and len(mention.name.split()) > 1) or two_word_org
        if full and not _names_no_one(mention.name):
            order.setdefault(mention.name, position)
    fuller = _with_middle_names(order, people)
    for name in fuller:
        del order[name]  # "Eugene A. Nida" is the story's "Eugene Nida"
    by_last: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for full in order:
        by_last.setdefault(surname(full).casefold(), []).append(full)
        by_first.setdefault(full.split()[0], []).append(full)
    for mention in mentions:
        if mention.name in fuller and not mention.certain:
            mention.name, mention.kind, mention.certain = fuller[mention.name], PERSON, True
        if mention.certain or len(mention.name.split()) > 2:
            continue
        name = mention.name
        person_only = mention.label != "PERSON" or name not in people
        candidates = [
            full
            for full in by_last.get(name.split()[-1].casefold(), [])
            if full != name and (full in people or not person_only)
        ]
        matches = [full for full in candidates if _is_name_part(name, full)]
        if not matches and " " not in name and mention.label == "PERSON":
            matches = [full for full in by_first.get(name, []) if full != name]
            matches = matches if len(matches) == 1 else []
        if not matches and name in people and " " in name:  # "Pierre Charles" L'Enfant
            matches = [full for full in people & set(order) if full.startswith(name + " ")]
            matches = matches if len(matches) == 1 else []
        if matches:
            mention.name = min(matches, key=order.__getitem__)
            mention.kind, mention.certain = PERSON, True
    resolved = {m.name for m in mentions if m.certain and m.kind == PERSON}
    for mention in mentions:  # "Britney Spears" tagged ORG, "Britney" a person
        if mention.name in resolved and not mention.certain:
            mention.kind = PERSON


def _with_middle_names(names: dict[str, int], people: set[str]) -> dict[str, str]:
    """Each person's name with middle names or initials that the story also writes
    without them, mapped to the shorter, usual form ("Antonín Leopold Dvořák" and
    "Eugene A. Nida" to "Antonín Dvořák" and "Eugene Nida"); left alone where the short
    form could be either of two people ("George H. W. Bush", "George W. Bush")."""
    short_forms: dict[tuple[str, str], str] = {}
    for name in names:
        words = without_suffix(name).split()
        if len(words) == 2 and name in people:
            short_forms[(words[0], words[1].casefold())] = name
    longer: dict[str, list[str]] = {}
    for name in names:
        words = without_suffix(name).split()
        middle = words[1:-1]
        if len(words) < 3 or name not in people or not all(w[:1].isupper() for w in middle):
            continue
        short = short_forms.get((words[0], words[-1].casefold()))
        if short is not None:
            longer.setdefault(short, []).append(name)
    return {fuller[0]: short for short, fuller in longer.items() if len(fuller) == 1}


def _names_no_one(name: str) -> bool:
    """ "Space Shuttle Columbia", "Medical Journal", "Irving Police Department": whatever
    the model says, not a person's name (nor one whose surname a person could share)."""
    last = name.split()[-1] if name.split() else ""
    return (
        is_event_or_thing(name)
        or ends_in_org_head(name)
        or ends_in_company_word(name)
        or starts_as_foreign_org(name)
        or is_publication(last)
    )


def _settle_kinds(mentions: list[_Mention], analysis: Analysis, story_text: str) -> None:
    """Correct the model's kind from what the name itself says, leaving out what is no
    person, organisation or place: an event or a thing ("Google Science Fair", "IE9"),
    a common noun with a capital ("the State"), and a one-word "place" that no gazetteer
    knows and the story never puts anyone in ("Rebecca", "Wonderland")."""
    given = _given_names(mentions)
    # the organisations whose names say so, which a list may join a lone name to
    named = tuple(
        sorted(
            {m.surface for m in mentions if m.label == "ORG" and names_an_organisation(m.surface)},
            key=len,
        )
    )
    people = frozenset(m.surface for m in mentions if m.label == "PERSON" and " " in m.surface)
    cued: dict[str, bool] = {}  # by surface: the story's cues are read once for each
    written = Counter(m.name for m in mentions)
    for mention in mentions:
        if mention.certain:
            continue
        name = mention.name
        # only a lone name that says nothing of an organisation needs the story's word
        lone = mention.kind == ORGANIZATION and written[name] == 1
        lone = lone and not names_an_organisation(mention.surface)
        if lone and mention.surface not in cued:
            cued[mention.surface] = _org_cue(mention.surface, story_text, named, people)
        if lone and cued[mention.surface]:
            mention.cued = True  # "automaker Toyota", "Ford and General Motors"
        if is_event_or_thing(name) or name in GENERIC_WORDS or is_leaning(name):
            mention.kind = None
        elif is_facility(name) or name in regions():
            mention.kind = PLACE
        elif mention.kind == PERSON and (name.isupper() or _names_no_one(name)):
            mention.kind = ORGANIZATION  # "ROTC", "Medical Journal": no one's name
        elif mention.kind == PERSON and made_of_common_words(name, story_text):
            mention.kind = None  # "Deficiency Disorders", "Closing Loopholes": no one
        elif mention.kind == PERSON and _one_word_company(name, story_text, people):
            mention.kind = ORGANIZATION  # "the store chains Woolworths and Coles"
        elif mention.kind == ORGANIZATION and _reads_as_person(name, story_text, given):
            mention.kind = PERSON  # "Aner Shalev" taken for a company: "Shalev said"
        elif (
            mention.kind != PLACE
            and name in places()
            and _placed(name, analysis, story_text, of=False)
        ):
            mention.kind, mention.certain = PLACE, True  # "moved to Helsinki" as a firm
        elif mention.kind == PERSON and _put_in(name, story_text):
            mention.kind = PLACE  # "tombs in Saqqara", "Maidan Shahr, Afghanistan"
        elif mention.kind == PLACE and " and " in name and name not in places():
            mention.kind = None  # "North and South Korea": two places
        elif (
            mention.kind == PLACE
            and " " not in name
            and name not in places()
            and not _placed(name, analysis, story_text)
        ):
            mention.kind = None


_STATE_OF = re.compile(
    r"^(?:State|Republic|Commonwealth|Kingdom|City) of (?P<place>[A-Z][\w .'’-]+)$"
)


# A word in lower case, not a part of an address ("eric.hargan@…", "…/redesign-dialysis").
_LOWER_WORD = re.compile(r"(?<![\w.@/-])[a-z]+(?![\w@/-]|\.\w)")


def made_of_common_words(name: str, text: str) -> bool:
    """A "person" of two or three words that the story also writes in lower case, as
    common words ("iodine deficiency disorders"), and never names the way news names
    a person ("Dahl said", "Ms Dahl")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w.isalpha() for w in words):
        return False
    lower = _lower_words(text)
    return all(w.lower() in lower for w in words) and not _person_cue(name).search(text)


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """The story's words in lower case, read once for all its names."""
    return frozenset(_LOWER_WORD.findall(text))


# Common nouns news puts before a company's or a body's name ("Japanese automaker Toyota",
# "Airbus rival Boeing", "the auto companies Toyota, Nissan and Honda").
_ORG_NOUNS = (
    r"compan(?:y|ies)|firms?|(?:auto|car|chip|plane|drug|steel) ?makers?|makers?|manufacturers?"
    r"|airlines?|carriers?|banks?|lenders?|insurers?|retailers?|rivals?|competitors?|giants?"
    r"|brands?|chains?|conglomerates?|operators?|suppliers?|broadcasters?|publishers?"
    r"|start-?ups?|subsidiar(?:y|ies)|unions?|agenc(?:y|ies)|parties|party"
    r"|groups?|organi[sz]ations?|charit(?:y|ies)|watchdogs?|regulators?|newspapers?"
    r"|magazines?|outlets?|developers?|supermarkets?|news service"
)
# Where news names its sources, which are bodies when the model says so ("according to
# Vyasna", "told NPR", "Al Jazeera reported"); a person would have been found as one.
_SOURCE_BEFORE = re.compile(
    r"\b(?:[Aa]ccording to|told|reported by|[Ss]peaking to|remarks to|interview with)"
    r"(?:\s+the)?\s+$"
    rf"|\b(?i:{ROLE_NOUNS}|columnist|writer)\s+(?:from|at)\s+(?:the\s+)?$"  # "a writer at ESPN"
)
# "Sheldon Yett of UNICEF": where someone the story names in full works
_WORKS_AT = re.compile(r"(?P<who>\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+(?:of|from|at)\s+(?:the\s+)?$")
_SOURCE_AFTER = re.compile(r"\s+(?:reported|reports|quoted|cited)\b")
_RUNS_ON = re.compile(r"\s+(?:and|of|for|&)\s+[A-Z]|[–-][A-Z]")  # a name cut short
_CAPITAL_NEXT = re.compile(r"\s[A-Z]")
# What follows a company's name and no one else's ("Chrysler President", "Ford shares").
_ORG_AFTER = (
    r"shares|stock|spokes(?:man|woman|person)|CEO|chief executive|President|chairman"
    r"|executives|employees|workers|headquarters|Inc|Corp"
)


# The cues around a name's occurrence, compiled once: read on the few characters before
# and after each occurrence rather than over the whole story.
_ORG_NOUN_BEFORE = re.compile(rf"\b(?i:{_ORG_NOUNS})\s+(?P<list>(?:[A-Z][\w&.-]*,\s+)*)")
_ORG_WORD_AFTER = re.compile(rf"(?:['’]s)?\s+(?:{_ORG_AFTER})\b")
_APPOSITIVE_AFTER = re.compile(
    rf",\s+(?:a|an|the|another)\s+(?:[\w.-]+\s+){{0,3}}(?:{_ORG_NOUNS})\b"
)
_AND_OR = r",?\s+(?:and|or)\s+"
_LAST_OF_LIST = re.compile(rf"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?{_AND_OR}(?=[A-Z])")
_LISTED_AFTER = re.compile(rf"(?:,|{_AND_OR})")


@lru_cache(maxsize=4)
def _after_org_nouns(text: str) -> frozenset[int]:
    """Where a name may start right after a company's common noun ("automaker |Toyota",
    "the auto companies |Toyota, |Nissan", "the store chains |Woolworths and |Coles"),
    found once for the whole story."""
    starts: set[int] = set()
    for match in _ORG_NOUN_BEFORE.finditer(text):
        starts.add(match.start("list"))
        for item in re.finditer(r"[A-Z][\w&.-]*,\s+", match.group("list")):
            starts.add(match.start("list") + item.end())
        last = _LAST_OF_LIST.match(text, match.end("list"))  # "… Woolworths and |Coles"
        if last:
            starts.add(last.end())
    return frozenset(starts)


@lru_cache(maxsize=64)
def _list_patterns(others: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Another organisation just before a name ("General Motors and", "General Motors, ")
    and just after it (", General Motors,", " and General Motors"), longest first."""
    alternatives = "|".join(re.escape(o) for o in reversed(others))
    before = re.compile(rf"\b(?:{alternatives})(?:(?P<comma>,\s+)|{_AND_OR})$")
    after = re.compile(rf"(?:,\s+(?:{alternatives})(?=,|{_AND_OR})|{_AND_OR}(?:{alternatives})\b)")
    return before, after


def _org_cue(
    surface: str, text: str, named: tuple[str, ...], people: frozenset[str] = frozenset()
) -> bool:
    """The story's word that a lone name the model took for an organisation's is one:
    a common noun for a company before it, a company's word after it, or a list it
    shares with another organisation whose name says it is one (``named``: "Chrysler,
    Ford, and General Motors"; a list of the model's guesses, "Moon Rocks, Meteorites",
    says nothing, nor does a list of a phrase, "met Moon Rocks and Berg Hall Council");
    or the story names it as a source ("according to Vyasna", "Al Jazeera reported") or
    as where one of its ``people`` works ("Sheldon Yett of UNICEF"), unless the name runs
    on past what the model took ("the Arts| and Humanities Citation Index")."""
    if re.fullmatch(ORG_HEADS, surface) or surface in GENERIC_WORDS:
        return False  # "International President": a word of a title, no name
    lists = _list_patterns(named) if named and " " not in surface else None
    other_before, other_after = lists or (None, None)
    after_org_noun = _after_org_nouns(text)
    for start, end in _written_at(surface, text):
        before = text[max(0, start - 200) : start]
        after = text[end : end + 200]
        if start in after_org_noun and not re.match(r"['’]?\s*[A-Z]", after):
            return True
        if _ORG_WORD_AFTER.match(after) or _APPOSITIVE_AFTER.match(after):
            return True  # "Chrysler President", "Chrysler, another U.S. car maker"
        runs_on = _RUNS_ON.match(after)  # "the Arts| and Humanities Citation Index"
        if not runs_on and (_SOURCE_BEFORE.search(before) or _SOURCE_AFTER.match(after)):
            return True  # "according to Vyasna", "Al Jazeera reported"
        cut = runs_on or _CAPITAL_NEXT.match(after)  # "of UH| Mānoa's Center": cut short
        works_at = None if cut else _WORKS_AT.search(before)
        if works_at and works_at["who"] in people:
            return True  # one of the story's people, not "The Descriptive Analysis of |Words"
        if other_after is not None and other_after.match(after):
            return True
        listed = other_before.search(before) if other_before is not None else None
        if listed and (not listed.group("comma") or _LISTED_AFTER.match(after)):
            return True  # after a comma, a list only if another item follows
    return False


# Read around each time a "person" is written, the story's word that it is a place:
_PLACE_BEFORE = re.compile(  # "catacombs in |Saqqara", "in Saqqara and |Tuna el-Gebel"
    r"\b(?:in|near|outside|throughout)\s+(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+and\s+)?$"
)
_PLACE_AFTER = re.compile(r"-based\b|\s+(?:province|county|district|region)\b")
# "Maidan Shahr|, Afghanistan." and not "John Cornyn|, U.S. Senator": a region, then the
# end of a clause
_REGION_AFTER = re.compile(
    r",\s+(?P<region>[A-Z][\w.-]*(?: [A-Z][\w.-]*)?)"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|and|where|after|before|at|to|from)\b)"
)


@lru_cache(maxsize=256)
def _put_in(name: str, text: str) -> bool:
    """A "person" the story writes as a place and never as a person ("Rowe said"):
    "Kinnear-based", "Afghanistan's Maidan Wardak province", "Maidan Shahr,
    Afghanistan."; a name of one word, or with a particle of places ("Tuna el-Gebel"),
    also "catacombs in Saqqara and Tuna el-Gebel" (not "Holt drove in Daniel Nava")."""
    short = " " not in name or re.search(r"\b(?:el|al|de|la)-", name) is not None
    found = False
    for start, end in _written_at(name, text):
        after = text[end : end + 60]
        if after[:1] in "'’":
            continue  # "in Rowe's office"
        region = _REGION_AFTER.match(after)
        if (
            _PLACE_AFTER.match(after)
            or (region and (region["region"] in regions() or region["region"] in country_aliases()))
            or (short and _PLACE_BEFORE.search(text[max(0, start - 60) : start]))
        ):
            found = True
            break
    return found and not _person_cue(name).search(text)


def _written_at(name: str, text: str) -> Iterator[tuple[int, int]]:
    """Where the story writes ``name`` as a whole word, found without compiling a
    pattern for each name (stories have hundreds of names)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if not (
            (start and (text[start - 1].isalnum() or text[start - 1] == "_"))
            or (end < len(text) and (text[end].isalnum() or text[end] == "_"))
        ):
            yield start, end
        start = text.find(name, start + 1)


@lru_cache(maxsize=256)
def _one_word_company(name: str, text: str, people: frozenset[str]) -> bool:
    """A one-word "person" the story writes as an organisation ("the store chains
    Woolworths and Coles", "according to Vestlys") and never as a person: no one's
    surname, never "Coles said" or "Mr Coles"."""
    if " " in name or any(person.split()[-1] == name for person in people):
        return False
    return not _person_cue(name).search(text) and _org_cue(name, text, (), people)


def _given_names(mentions: list[_Mention]) -> dict[str, set[str]]:
    """The first words of the names the model took for people's, two or three words
    long ("Jean" of "Jean Gabin"): the story's given names, each with its names."""
    given: dict[str, set[str]] = {}
    for m in mentions:
        words = m.name.split()
        if m.label == "PERSON" and 2 <= len(words) <= 3 and not _names_no_one(m.name):
            given.setdefault(words[0], set()).add(m.name)
    return given


def _reads_as_person(name: str, text: str, given: dict[str, set[str]] | None = None) -> bool:
    """Two or three capitalised words, none an organisation's, whose last word the story
    uses alone the way it names a person ("Shalev said", "Prof. Shalev"; an
    organisation is not called by its last word, "Computer said") or whose first word
    is one of the story's given names ("Jean Cocteau" beside "Jean Gabin")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    if names_an_organisation(name) or _names_no_one(name) or name in places():
        return False
    if given and given.get(words[0], set()) - {name}:
        return True
    return _written_as_person(name, text)


@lru_cache(maxsize=256)
def _written_as_person(name: str, text: str) -> bool:
    """The story's cues that a name of two or three words is a person's (see above)."""
    words = name.split()
    if re.search(rf"\b{re.escape(name)}{_BORN}", text):
        return True  # "Brock Holt (born June 11, 1988)"
    if text.count(words[-1]) <= text.count(name):
        return False  # the last word is never written without the rest: no cue can say
    last = re.escape(words[-1])
    if re.search(rf"\b{_COURTESY}{last}\b", text):
        return True
    verbs = r"said|says|told|tells|added|explained|wrote|recalled|(?:is|was)\s+an?\s"
    # "Holt made his debut": a person's pronoun a few words after the last word alone
    his = r"(?:[a-z]+\s+){1,3}(?:his|her)"
    for match in re.finditer(rf"\b{last}\s+(?:(?:{verbs})\b|{his}\s)", text):
        if _alone(text[: match.start()], words):
            return True
    return False


def _alone(before: str, words: list[str]) -> bool:
    """Whether a name's last word, after ``before``, stands alone, not inside a longer
    capitalised name: after a lower-case word, a sentence's end, or a sentence's first
    word that is not one of the name's ("Currently Shalev is", not "Aner Shalev is")."""
    previous = before.rstrip().rsplit(None, 2)
    if not previous or not previous[-1][:1].isupper() or previous[-1][-1:] in ".!?":
        return True
    line = before.rstrip().rsplit("\n", 1)[-1].split()
    opens_sentence = len(line) == 1 or previous[-2][-1:] in ".!?"
    return opens_sentence and previous[-1] not in words


_QUALIFIERS = ("US", "U.S.", "UK", "U.K.", "United States", "United Kingdom", "British")


_LEGAL_FORM = re.compile(rf",?\s+(?:{LEGAL_FORMS}|Company|Group|Holdings|AG|SA)$")


def _merge_variants(mentions: list[_Mention]) -> None:
    """One name for one entity within the story: "US State Department" and "United
    Kingdom Home Office" are the story's "State Department" and "Home Office", "State
    of Texas" its "Texas", "Udvar-Hazy Center" the one longer name ending so; "Museum
    of Flight of Seattle" its "Museum of Flight"; a one-word place its longer name when
    only one starts with it ("Levico" and "Levico Terme")."""
    names = Counter(m.name for m in mentions if m.kind)
    places_named = {  # towns with a two-word name, not "Baghdad Airport"
        m.name
        for m in mentions
        if m.label in ("GPE", "LOC") and len(m.name.split()) == 2 and not is_facility(m.name)
    }
    longer_names = {n for n in names if len(n.split()) >= 3}
    # "Github" is the story's "GitHub", "Zahā Ḥadīd" its "Zaha Hadid" and "South East
    # Asia" its "Southeast Asia": one name for one spelling, the one written most (the
    # first on a tie)
    by_letters: dict[str, str] = {}
    for name in names:
        kept = by_letters.setdefault(spelling_key(name), name)
        if names[name] > names[kept]:
            by_letters[spelling_key(name)] = name
    for mention in mentions:
        if mention.certain or not mention.kind:
            continue
        mention.name = name = by_letters.get(spelling_key(mention.name), mention.name)
        state_of = _STATE_OF.match(name)
        if state_of and (state_of.group("place") in names or state_of.group("place") in regions()):
            mention.name = name = state_of.group("place")  # "State of Texas" is Texas
            mention.kind, mention.certain = PLACE, name in regions()
        if mention.kind == ORGANIZATION and len(name.split()) >= 2:  # not "Los Angeles"
            # "Udvar-Hazy Center" is the story's "Steven F. Udvar-Hazy Center"
            ending = [n for n in longer_names if n.endswith(" " + name) and n != name]
            if len(ending) == 1 and _kind_of(mentions, ending[0]) == mention.kind:
                mention.name = name = ending[0]
        for qualifier in _QUALIFIERS:
            bare = name[len(qualifier) + 1 :]
            if name.startswith(qualifier + " ") and bare in names and _kind_of(mentions, bare):
                mention.name = bare
        if mention.kind == ORGANIZATION:
            # "Thai Raksa Chart" is the story's "Thai Raksa Chart Party"; "Barclays PLC"
            # and "Apple Inc." are its "Barclays" and "Apple", as a newsroom writes them
            fuller, legal = _one_word_longer(name, names, mentions), _LEGAL_FORM.sub("", name)
            if fuller is not None:
                mention.name = name = fuller
            elif legal != name and legal in names and _kind_of(mentions, legal) == ORGANIZATION:
                mention.name = name = legal
        suffix = re.match(
            r"^(?P<org>.+?) (?:of|in) (?:the )?[A-Z][\w.-]+(?: [A-Z][\w.-]+)?$", name
        )  # "Supreme Court of the United Kingdom" is the story's "Supreme Court"
        if suffix and suffix.group("org") in names and " " in suffix.group("org"):
            mention.name = suffix.group("org")
        if mention.kind == PLACE and " " not in name:
            longer = [n for n in places_named if n.split()[0] == name]
            if len(longer) == 1:
                mention.name = longer[0]


_UNIVERSITY = re.compile(r"^[A-Z][\w'’-]+ (?:University|College)$")


def _one_word_longer(name: str, names: Counter, mentions: list[_Mention]) -> str | None:
    """The story's one longer name of the same organisation: "Harvard" of "Harvard
    University", "Major League" of "Major League Baseball", "Thai Raksa Chart" of its
    "… Party" (a name of two words or more that a single word completes)."""
    if " " not in name:
        longer = [n for n in names if n.startswith(name + " ") and _UNIVERSITY.match(n)]
    else:
        longer = [
            n
            for n in names
            if n.startswith(name + " ")
            and n.count(" ") == name.count(" ") + 1
            and not is_role(n)  # "Coast Guard Commandant": a job, the story's "Coast Guard"
            and not _LEGAL_FORM.search(n)  # "Bank of America Corp" is its "Bank of America"
        ]
    if len(longer) == 1 and _kind_of(mentions, longer[0]) == ORGANIZATION:
        return longer[0]
    return None


def _kind_of(mentions: list[_Mention], name: str) -> str | None:
    return next((m.kind for m in mentions if m.name == name and m.kind), None)


def _placed(name: str, analysis: Analysis, text: str, of: bool = True) -> bool:
    """ "in Yeoncheon", "Yeoncheon-based", "Yeoncheon, South Korea": the story's own word
    that a name is a place. ``of``: whether "of Helsinki" counts, which may be the end
    of an organisation's name ("University of Helsinki")."""
    pattern = _placed_pattern(name, of)
    return any(
        pattern.search(unit.text) or _in_region(unit.text, name) for unit in analysis.units
    ) or _listed_with_a_region(text, name)


def _listed_with_a_region(text: str, name: str) -> bool:
    """ "Poland and Czechoslovakia": the name listed after a country, province or state
    that ships in the gazetteer, as places are listed with places."""
    before = (
        rf"((?:[A-Z][\w.-]*\s+){{0,2}}[A-Z][\w.-]*)(?:,\s+|,?\s+(?:and|or)\s+){re.escape(name)}\b"
    )
    for match in re.finditer(before, text):
        words = match.group(1).split()
        if any(" ".join(words[start:]) in regions() for start in range(len(words))):
            return True
    return False


def _in_region(text: str, name: str) -> bool:
    """ "Yeoncheon, South Korea", "Wimborne, UK's Cobham": the name, a comma and a
    country, province or state that ships in the gazetteer (not "Obama, Obama's")."""
    after_comma = rf"\b{re.escape(name)},\s+([A-Z][\w.-]*(?: [A-Z][\w.-]*){{0,2}})"
    for match in re.finditer(after_comma, text):
        words = match.group(1).split()
        for end in range(len(words), 0, -1):
            region = " ".join(words[:end])
            shipped = SHIPPED_ALIASES.get(region, ("", ""))[1]
            if region in regions() or region in country_aliases() or shipped == PLACE:
                return True
    return False


@lru_cache(maxsize=4096)
def _placed_pattern(name: str, of: bool = True) -> re.Pattern[str]:
    name = re.escape(name)
    of_too = "|of" if of else ""
    return re.compile(
        rf"\b(?:in|near|outside|across|throughout|around|to|from{of_too})\s+{name}\b(?!['’])"
        rf"|\b{name}-based\b"
        rf"|\b{name}\s+(?:region|province|county|state|city|district|area)\b"
    )


def _is_name_part(short: str, full: str) -> bool:
    """True when ``short`` is the surname (or trailing names) of ``full``: "King" of
    "Martin Luther King Jr.", "Bin Salman" of "Mohammed bin Salman"."""
    short_words = short.casefold().split()
    full_words = without_suffix(full).casefold().split()
    return len(short_words) < len(full_words) and full_words[-len(short_words) :] == short_words


# A cut-off word before a name ("r. Bao" where "Mr." lost its first letter); not the
# particles a surname may open with ("de Gaulle", "van Gogh", "al-Assad").
_LOWER_FRAGMENT = re.compile(
    r"^(?:(?!(?:de|da|di|du|van|von|der|den|ter|le|la|al|el|bin|ibn|dos|das)\b)"
    r"[a-z][\w.'’]*\s+)+(?=[A-Z])"
)
# Degrees and honours after a name ("Elinore F. McCance-Katz MD", "Rick Bright Ph.D").
_CREDENTIALS = re.compile(
    r"(?:,?\s+(?:M\.D|MD|Ph\.D|PhD|MPH|M\.P\.H|MBA|M\.B\.A|M\.S|D\.O|Pharm\.D|MACM|RN|DDS"
    r"|FASN|FACP|FRCP|OBE|MBE|CBE|Esq)\.?)+$"
)
# An agency's acronym and a job after a name ("Caitlin Oakley HHS Spokesperson").
_AFFILIATION_END = re.compile(
    rf"(?:\s+(?!(?:II|III|IV|VI|VII|VIII|MD|JR|SR)\b)[A-Z]{{2,6}})(?:\s+(?i:{ROLE_NOUNS}))?$"
    rf"|\s+(?i:{ROLE_NOUNS})$"
)
_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$")  # "L.A" once "L.A." lost its dot
# A word in lower case inside a name that is no particle: "Beauveria bassiana", a species.
_LOWER_WORD_INSIDE = re.compile(
    r"\s(?!(?:of|for|and|the|on|in|at|upon|de|da|di|du|del|della|dos|das|van|von|der|den"
    r"|ter|al|el|bin|ibn|la|le|y|e|zu|sur|au|aux)\b)[a-z]+(?:\s|$)"  # not "d'Ettorre"
)
_SPACED_APOSTROPHE = re.compile(r"(?<=\b[OD])(['’])\s+(?=[A-Z])")
_ABBREVIATED_END = re.compile(r"\s(?:Jr|Sr|Inc|Corp|Co|Ltd|Bros)$")


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
        uncertain = not any(m.certain for m in group)
        if uncertain and (name.islower() or _LOWER_WORD_INSIDE.search(name)):
            continue  # "party", "Beauveria bassiana": no one's proper name
        if uncertain and is_role(name) and not ends_in_org_head(name):
            continue  # "our new President and Vice President": a job, no one's name
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
            surfaces=sorted(
                {m.surface for m in group} | {m.short_form for m in group if m.short_form}
            ),
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
    if mention.cued and mention.kind == ORGANIZATION:
        return bool(_DANGLING_END.search(mention.name))
    one_word = len(mention.name.split()) == 1
    unmarked_org = mention.kind == ORGANIZATION and not (
        names_an_organisation(mention.name) or _names_a_team(mention.name)
    )
    return (
        (one_word and mention.label in ("PERSON", "ORG") and not is_publication(mention.name))
        or unmarked_org
        or bool(_DANGLING_END.search(mention.name))
    )


_TEAM = re.compile(r"^(?P<home>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+[A-Z][a-z]+s$")


def _names_a_team(name: str) -> bool:
    """ "Los Angeles Lakers", "Charlotte Hornets": a place's name and a plural, as sports
    teams are named; the name says it is an organisation."""
    match = _TEAM.match(name)
    return match is not None and match["home"] in places()


def _consensus_kind(group: list[_Mention]) -> str:
    """Kinds fixed by an alias or surname win; otherwise the majority, ties to the first.
    A place reading no gazetteer backs loses to the model's other reading of the same
    name ("Scientology" as a place and as an organisation; "Obama" as a place)."""
    certain = [m.kind for m in group if m.certain and m.kind]
    votes = Counter(certain or [m.kind for m in group if m.kind])
    if len(votes) > 1 and PLACE in votes and group[0].name not in places():
        del votes[PLACE]
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
