"""What a mention says about the name inside it: a job description is not a name
("the State Department Spokesperson"), and an organisation written straight before a
person's name is two names ("the Refugee Council Enver Solomon").

Shared by the entity tags and the quote speakers, so both see the same names.
"""

from __future__ import annotations

import re

# Nouns for a job: a mention that ends in one describes someone, it does not name them.
ROLE_NOUNS = (
    r"spokesperson|spokesman|spokeswoman|spokespeople|undersecretary|secretary|minister|president|chairman"
    r"|chairwoman|chair|director|chief|ceo|cfo|head|leader|official|officer|representative"
    r"|ambassador|governor|mayor|senator|commissioner|campaigner|adviser|advisor|analyst"
    r"|editor|reporter|correspondent|founder|manager|executive|lawyer|attorney|barrister"
    r"|professor|researcher|scientist|economist|member|candidate|councillor|councilor"
    r"|sheriff|prosecutor|judge|coach|captain|inspector|superintendent|principal|general"
    r"|chancellor|archbishop|bishop|cardinal|priest|pastor|imam|rabbi|commandant|commander"
)
_ENDS_IN_ROLE = re.compile(rf"\b(?:{ROLE_NOUNS})s?$", re.IGNORECASE)
# The last word of most organisation names.
ORG_HEADS = (
    r"Council|Department|Ministry|Office|Agency|Authority|Association|Union|Commission"
    r"|Committee|Party|Group|Bank|Court|Institute|University|College|Foundation|Trust"
    r"|Organi[sz]ation|Service|Services|Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|Society"
    r"|Federation|League|Board|Centre|Center|Network|Alliance|Coalition|Movement|Front"
    r"|Church|Police|Army|Navy|Force|Forces|Parliament|Senate|Assembly|Bureau|Fund"
    r"|Program|Programme|Project|Campaign|Watch|International|Relations"
    r"|School|Academy|Club|Conservatory|Seminary|Orchestra"
    r"|Administration|Conference|Centers|Centres|Tribe|Tribes"
)
# Words of the names of newspapers, agencies and broadcasters.
PUBLICATION_WORDS = (
    r"News|Times|Post|Herald|Journal|Gazette|Press|Agency|Magazine|Daily|Tribune"
    r"|Telegraph|Guardian|Reuters|AFP|BBC|CNN|Radio|Television|TV|Weekly|Chronicle"
    r"|Observer|Independent|Express|Mail|Sun|Star|Wire|Associated Press"
)
_PUBLICATION = re.compile(rf"\b(?:{PUBLICATION_WORDS})\b")
# The last word of a company's name: "General Motors", "Douglas Aircraft", "Qatar Airways".
COMPANY_WORDS = (
    r"Motors|Airlines?|Airways|Aircraft|Aerospace|Industries|Holdings|Technologies|Systems"
    r"|Pharmaceuticals|Electronics|Communications|Petroleum|Entertainment|Studios?|Records"
    r"|Ventures|Partners|Capital|Insurance|Securities|Investments"
)
# A company's legal form after its name ("Védelmi Ipari Kft", "Barclays PLC", "Apple Inc.")
LEGAL_FORMS = (
    r"GmbH|Kft\.?|Zrt\.?|Nyrt\.?|LLC|PLC|plc|LLP|Pty|S\.A\.|S\.p\.A\.|SpA|Srl|N\.V\.|B\.V\."
    r"|Limited|Ltd\.?|Inc\.?|Corporation|Corp\.?|Co\."
)
# An organisation's first word in other languages ("Instituto Gonzaga", "Partito
# Democratico"): no one's given name.
FOREIGN_ORG_WORDS = (
    r"Instituto|Istituto|Institut|Universidad|Università|Universität|Université"
    r"|Universidade|Fundación|Fundação|Fondazione|Fondation|Stiftung|Ministerio"
    r"|Ministero|Ministère|Partido|Partito|Parti|Partei|Banco|Banca|Banque|Società"
    r"|Associazione|Asociación|Comune|Municipio"
)
_FOREIGN_ORG_FIRST = re.compile(rf"^(?:{FOREIGN_ORG_WORDS})\s")
_ORGANISATION_WORD = re.compile(
    rf"\b(?:{ORG_HEADS}|{PUBLICATION_WORDS}|{COMPANY_WORDS}|{LEGAL_FORMS}|Government|Academy|School|Cross"
    rf"|Navy|Guard|Club|Team|Band|Group|Labs?|Media|Foods|Energy|Publishing|Books|Org"
    rf"|{FOREIGN_ORG_WORDS})\b|\bof\b",
    re.IGNORECASE,
)

# What no name has inside: a list ("Academy, Squadron Officer School"), a slash, a
# hyphen cut by a line break ("Euro- NATO"), a "the" that glues two names ("Rathbun
# the Scientology", where "Friends of the Earth" is one name).
_NOT_ONE_NAME = re.compile(
    r",|/|\w- |\s-\s"
    r"|(?<!\bof)(?<!\bfor)(?<!\band)(?<!\bon)(?<!\bin)(?<!\bat)(?<!\bto)\sthe\s"
)
_ORG_THEN_PERSON = re.compile(
    rf"^(?P<org>.*\b(?:{ORG_HEADS})(?:\s+\([A-Z]{{2,8}}\))?)\s+"
    r"(?P<person>[A-Z][\w'’-]+(?:\s+(?:de|da|van|von|al-|bin|[A-Z][\w'’.-]+)){1,2})$"
)


_PERSON_FOR_ORG = re.compile(
    r"^(?P<person>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,2})\s+(?:for|of|from|at)\s+"
    r"(?P<org>(?:the\s+)?[A-Z].*)$"
)


_COMPANY_TAIL = re.compile(rf"\b(?:{COMPANY_WORDS}|{LEGAL_FORMS})$")


def starts_as_foreign_org(name: str) -> bool:
    return bool(_FOREIGN_ORG_FIRST.match(name))


def ends_in_company_word(name: str) -> bool:
    """ "General Motors", "Douglas Aircraft": a company, whatever the model says."""
    return bool(_COMPANY_TAIL.search(name.strip()))


def names_an_organisation(name: str) -> bool:
    """ "Irving Police Department", "British Red Cross", "University of Helsinki": the
    name itself says it is an organisation (a lone "Digital Domain" does not)."""
    return bool(_ORGANISATION_WORD.search(name))


def is_publication(name: str) -> bool:
    """ "Guardian", "BBC News", "The Straits Times": a newspaper, agency or broadcaster."""
    return bool(_PUBLICATION.search(name))


def is_one_name(surface: str) -> bool:
    """Not "Rathbun the Scientology", "Educational / Counseling Psychology"."""
    return not _NOT_ONE_NAME.search(surface)


def is_role(surface: str) -> bool:
    """ "State Department Spokesperson", "the CEO": a description, not a name."""
    return bool(_ENDS_IN_ROLE.search(surface.strip(" ,.;:")))


_NEXT_WORD = re.compile(r"\s+([A-Z][\w-]+)")
# Who speaks for a body, besides its spokespeople.
FOR_A_BODY = r"officials?|sources?|representatives?"
# A body's voice after its name is no field of a job: "the State Department Spokesperson".
_SPEAKS_FOR_A_BODY = re.compile(rf"(?i:spokes\w*|{FOR_A_BODY})$")


def names_a_jobs_field(after: str) -> bool:
    """Whether the text right after a mention makes it the field of a job, not a name:
    "the Tory Shadow Health Secretary" (the model's "Shadow Health")."""
    word = _NEXT_WORD.match(after)
    return bool(word and is_role(word[1]) and not _SPEAKS_FOR_A_BODY.match(word[1]))


def split_org_person(surface: str) -> tuple[str, str] | None:
    """(organisation, person) for "the Refugee Council Enver Solomon" and for "Lydia
    Buchtmann for Food Standards Australia", else None."""
    surface = " ".join(surface.split())
    match = _ORG_THEN_PERSON.match(surface)
    if match is None:
        match = _PERSON_FOR_ORG.match(surface)
    if match is None:
        return None
    org = re.sub(r"^(?:the|The)\s+", "", match.group("org")).strip()
    person = match.group("person")
    if is_role(person) or any(re.fullmatch(ORG_HEADS, word) for word in person.split()):
        return None  # "University College London", "High Commissioner for Refugees"
    if names_an_organisation(person) or is_facility(person):
        return None  # "Medical Journal of Australia", "National Museum of Flight"
    return org, person


# Words a caption leaves after the name it credits ("Ahmed Mohamed Image").
# "Bill HammonsImage": a caption's credit glued to the name
_CAPTION_TAIL = re.compile(r"(?:\s+|(?<=[a-z]))(?:Image|Photo|Picture|File photo|Credit)s?$")
# Names of events and things, which are not people, organisations or places.
_EVENT_OR_THING = re.compile(
    r"^(?:Operation|Cyclone|Hurricane|Typhoon|Tropical Storm|Storm|Space Shuttle|Spacecraft"
    r"|Satellite|Rover|Probe|Best)\b"  # "Best Actor": an award
    r"|\b(?:Award|Prize|Medal) for\b"
    r"|\b(?:Fair|Festival|Convention|Month|Week|Games|Olympics|Paralympics|Cup|Championships?"
    r"|Carnival|Jubilee|Conference|Summit|Awards?|Prize|Expo|Marathon|Tournament"
    r"|Study|Survey|Act|Bill|Treaty|Agreement|License|Licence|War"
    r"|Telescope|Rover|Spacecraft|Satellite|Symphony|Concerto|Sonata|Requiem|Overture|Oratorio)$"
)
# One-word names that are only a common noun with a capital ("the State", "the North").
GENERIC_WORDS = frozenset(
    [
        *("State", "States", "Administration", "Government", "Ministry", "Council"),
        *("Court", "Army", "Police", "Party", "Parliament", "Senate", "Congress"),
        *("Cabinet", "Department", "Agency", "Office", "Commission", "Committee"),
        *("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western"),
        *("Central", "Capitol", "Crown", "Church", "City", "Town", "Republic", "Kingdom"),
        *("Union", "Federation", "Province", "Region", "District", "Coast"),
        *("Nation", "Chamber", "Country"),
        *("Press", "News", "Radio", "Television", "TV", "Daily"),
        # fields of study ("a professor in Linguistics and Philosophy")
        *("Linguistics", "Philosophy", "Physics", "Chemistry", "Biology", "Mathematics"),
        *("Economics", "Sociology", "Psychology", "Anthropology", "Astronomy", "Geology"),
        *("Engineering", "Medicine", "Literature", "Journalism", "Theology"),
    ]
)
# What a political or religious leaning, not a name, is made of ("a self-described
# Libertarian Socialist"): a "person" of these words alone is no one.
_LEANING_WORDS = frozenset(
    [
        *("Libertarian", "Socialist", "Communist", "Marxist", "Leninist", "Anarchist"),
        *("Fascist", "Nationalist", "Liberal", "Conservative", "Progressive", "Democrat"),
        *("Democratic", "Republican", "Green", "Feminist", "Humanist", "Atheist"),
        *("Catholic", "Protestant", "Muslim", "Christian", "Jewish", "Evangelical"),
        *("Secular", "Radical", "Moderate", "Populist", "Centrist", "Orthodox"),
    ]
)


def is_leaning(name: str) -> bool:
    return bool(name.split()) and all(word in _LEANING_WORDS for word in name.split())


# The last word of a place that is a building or site ("Shea Stadium"), or its first
# before "of" ("Museum of Flight").
_FACILITY_WORDS = (
    r"Museum|Planetarium|Station|Base|Airport|Tower|Towers|Stadium|Arena|Park|Bridge"
    r"|Square|Street|Avenue|Road|strasse|Hall|Palace|Castle|Cathedral|Temple|Mosque"
    r"|Hospital|Prison|Harbour|Harbor|Port|Building|Auditorium|Plaza|Monument|Memorial"
    r"|Cemetery|Zoo|Pier"
    # and the natural features few surnames end in ("the Bat Cave", "Chippewa Falls")
    r"|Cave|Caves|Falls|Canyon|Valley|Creek|Glacier|Volcano|Reservoir|Lagoon|Desert"
    r"|Peninsula"
)
_FACILITY = re.compile(
    rf"\b(?:{_FACILITY_WORDS})$|^(?:The )?(?:{_FACILITY_WORDS}) of\b"
    r"|\bSpace Cent(?:er|re)$|^(?:White House|Kremlin|Pentagon|Downing Street|Ground Zero)$"
)


# "Secretary for ", "Assistant Secretary for Preparedness and ": a title that runs on
# up to the name ("… and Response Robert Kadlec").
_ROLE_FOR = re.compile(
    rf"\b(?:{ROLE_NOUNS})\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:for|of)(?:\s+the)?\s+"
    r"(?:(?-i:[A-Z])[\w'’-]*\s+(?:and|&)\s+){0,2}$",
    re.IGNORECASE,
)
_NAME_AT_END = re.compile(r"(?:^|\s)(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+)$")


def name_after_title(surface: str, before: str) -> str | None:
    """ "Commissioner for Competition Neelie Kroes", "Secretary of the Air Force for
    Acquisition Marvin Sambur": the model's span starts inside the title; the person is
    the name it ends with."""
    if len(surface.split()) < 3 or not _ROLE_FOR.search(before[-80:]):
        return None
    match = _NAME_AT_END.search(surface)
    if match is None or ends_in_org_head(match["name"]) or names_an_organisation(match["name"]):
        return None  # "Professor Ann Roe of Loyola Law School": no "Law School" named
    return match.group("name")


def in_title(surface: str, before: str) -> bool:
    """ "Preparedness" in "Assistant Secretary for Preparedness and Response Robert
    Kadlec": one word the model took for a person is the title's subject."""
    return " " not in surface.strip() and bool(_ROLE_FOR.search(before[-80:]))


def tidy(surface: str) -> str:
    """A mention without what the page layout or the sentence glued to it: a caption's
    "Image", a parenthesis left open ("World Health Organisation (WHO"), a job after
    an organisation ("State Department Spokesperson" -> "State Department")."""
    surface = _CAPTION_TAIL.sub("", surface)
    if surface.count("(") > surface.count(")"):
        surface = surface[: surface.rindex("(")].rstrip()
    words = surface.split()
    if len(words) > 1 and is_role(words[-1]):
        while len(words) > 1 and is_role(words[-1]):
            words.pop()
        if not ends_in_org_head(words[-1]):
            return ""  # "Shadow Home Secretary", "Los Angeles Sheriff": a job, no name
    return " ".join(words)


# "… of the Welfare of Immigrants", "… of Australia": a name's "of"/"for" part the
# model left out (capitalised words only; "and", "the", "&" between them).
_OF_PART = re.compile(
    r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w'’&-]*)*"
)
_HEAD_AT_END = re.compile(rf"\b(?:{ORG_HEADS}|Journal|Museum|School|Academy)$")


def whole_org_name(surface: str, after: str) -> str:
    """ "Joint Council" before " for the Welfare of Immigrants": the whole name, when
    the model stopped at an organisation's head word and capitalised words follow."""
    if not _HEAD_AT_END.search(surface):
        return surface
    match = _OF_PART.match(after)
    return surface + match.group(0) if match else surface


# "Council on " before "American-Islamic Relations": the head of a name the model cut off
_HEAD_BEFORE = re.compile(
    rf"(?:^|(?<=\s))(?P<lead>(?:[A-Z][\w'’.-]*\s+){{0,2}}(?:{ORG_HEADS})\s+(?:on|of|for)\s+)$"
)


def org_head_before(surface: str, before: str) -> str:
    """ "American-Islamic Relations" after "the Council on ": the whole name, "Council on
    American-Islamic Relations", when the model left out the head word and its "on",
    "of" or "for"."""
    match = _HEAD_BEFORE.search(before[-80:])
    return match.group("lead") + surface if match else surface


def ends_in_org_head(name: str) -> bool:
    return bool(name.split()) and bool(re.fullmatch(ORG_HEADS, name.split()[-1]))


# Time zones the model takes for organisations ("13:00 GMT").
TIME_ZONES = frozenset({"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "IST"})


def is_event_or_thing(name: str) -> bool:
    """ "Google Science Fair", "Space Shuttle Atlantis", "STS-134", "IE9", "GMT": no tag."""
    return (
        bool(_EVENT_OR_THING.search(name)) or any(ch.isdigit() for ch in name) or name in TIME_ZONES
    )


def is_facility(name: str) -> bool:
    return bool(_FACILITY.search(name))


_SUFFIX = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$")


def without_suffix(name: str) -> str:
    """ "Martin Luther King Jr." -> "Martin Luther King": what a surname is read from."""
    return _SUFFIX.sub("", name)


def surname(name: str) -> str:
    """The last word of a person's name, suffix aside ("King" of "… King Jr.")."""
    words = without_suffix(name).split()
    return words[-1] if words else ""


# Words an acronym leaves out ("Food and Drug Administration" is FDA).
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "de", "&"})


def initials(name: str) -> str:
    """ "Kennedy Space Center" -> "KSC", "Agence France-Presse" -> "AFP"."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SMALL_WORDS)


def expansion(long_name: str, short: str) -> str:
    """The part of "the United States' National Basketball Association" that "(NBA)"
    stands for: the longest tail whose initials are the acronym's, or else the words
    after a possessive or after the last "and the"; the whole run when none helps. The
    short form written again at its end is no part of it ("European Aeronautic Defence
    and Space Company EADS N.V. (EADS)")."""
    long_name = re.sub(rf"\s+{re.escape(short)}(?:\s+(?:{LEGAL_FORMS}))?$", "", long_name)
    words = long_name.split()
    for start in range(len(words)):
        if words[start].lower() in _SMALL_WORDS:
            continue  # "of Major League Baseball" is "Major League Baseball"
        if initials(" ".join(words[start:])).upper() == short.upper():
            return " ".join(words[start:])
    owner = max((k for k, w in enumerate(words[:-1]) if re.search(r"['’]s?$", w)), default=None)
    if owner is not None:
        return " ".join(words[owner + 1 :])
    # "the Investigative Committee and the Federal Security Service (FSB)": the last one
    return re.split(r"\s+and\s+the\s+", long_name)[-1]
