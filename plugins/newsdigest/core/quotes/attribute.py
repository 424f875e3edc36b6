"""Who said it: attribution patterns around the quote first, the dependency parse when
they miss, then the context (the sentence or paragraph that introduces the quote).

Speakers are people, organisations, publications ("the Times reported") or groups
("officials said"). Handles "…,” he told reporters", "…,” said Mayor Inês Carvalho",
"Stoltenberg said only that “…", "according to …", "in the words of …", "…” — Name",
a quote introduced by a colon or by the sentence before it ("X issued a statement. “…”"),
pronouns ("he" the last person named, "it" the last organisation quoted), titles and
surnames ("Mr. Tedeschi") resolved to the full name the story gives, and the canonical
name from the entity tags. Parts of one quotation (“…,” he said, “…”) share a number.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsdigest.core.entities.aliases import SHIPPED_ALIASES
from newsdigest.core.entities.extract import (
    Entity,
    clean_surface,
    made_of_common_words,
    without_credentials,
)
from newsdigest.core.entities.names import (
    FOR_A_BODY,
    ROLE_NOUNS,
    ends_in_org_head,
    expansion,
    in_title,
    is_publication,
    is_role,
    name_after_title,
    names_a_jobs_field,
    split_org_person,
)
from newsdigest.core.nlp import Analysis, Unit
from newsdigest.core.nlp.document import Span
from newsdigest.core.quotes.find import Quote
from newsdigest.core.quotes.verbs import SPEECH_LEMMAS, SPEECH_VERBS

# "the company said": the organisation the story is about.
COMPANY_NOUNS = frozenset(
    ["company", "firm", "airline", "carrier", "automaker", "carmaker", "manufacturer", "group"]
)
# "the Nobel committee", "the Kenyan government": a body named by its head noun.
BODY_NOUNS = frozenset(
    ["committee", "council", "board", "panel", "jury", "court", "ministry", "government"]
)
# "the commission said": a body the story named by its full name before.
_BODY_HEADS = BODY_NOUNS | frozenset(
    (
        *("commission", "agency", "department", "authority", "union", "university"),
        *("institute", "party", "association", "federation", "league", "club", "foundation"),
    )
)
# Nouns that make a sentence introduce a quote ("X issued a statement. “…”").
SPEECH_NOUNS = r"statement|interview|remarks|speech|letter|post|tweet|message|blog|excerpt|address"
# What a person or body writes and puts out, and what a body finds: the documents the
# patterns below trace back to whoever issued them.
WRITTEN_NOUNS = (
    r"press\s+release|news\s+release|statement|release|letter|post|tweet|message|note|report"
    r"|column|blog\s+post|op-ed"
)
FINDING_NOUNS = r"report|study|warnings?|alerts?|findings|decision|ruling|judgment"
GROUP_NOUNS = frozenset(
    [
        "officials",
        "official",
        "analysts",
        "analyst",
        "protesters",
        "critics",
        "residents",
        "witnesses",
        "researchers",
        "authors",
        "experts",
        "scientists",
        "doctors",
        "police",
        "officers",
        "sources",
        "spokespeople",
        "lawmakers",
        "leaders",
        "activists",
        "members",
        "fans",
        "students",
        "workers",
        "people",
        "poster",
        "posters",
        "blogger",
        "bloggers",
        "readers",
        "friends",
        "organisers",
        "organizers",
        "investigators",
        "observers",
        "commuters",
        "passengers",
        "voters",
        "parents",
        "teachers",
        "farmers",
        "locals",
        "villagers",
        "diplomats",
    ]
)
_HONORIFIC_WORD = r"(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sen|Gov|Rep|Gen|Sir|Dame)\.?\s+"
_HONORIFIC = re.compile(rf"^{_HONORIFIC_WORD}")
# "Jens Stoltenberg", "Ursula von der Leyen", "Lewis W. Teperman", "George H. W. Bush"
_NAME_SHAPE = re.compile(
    r"^[A-Z][\w'’-]+(?: (?:de|da|der|van|von|al|(?:[A-Z]\.)+|[A-Z][\w'’-]+)){0,3}"
    r" [A-Z][\w'’-]+$"
)
PRONOUNS = frozenset({"he", "she", "i", "we"})
_PARTICLES = frozenset(["de", "da", "di", "del", "della", "du", "van", "von", "der", "al", "bin"])
# Words that open a phrase before the speaker ("After the leak, CEO … said").
_LEAD_INS = frozenset(
    [
        "Of",
        "After",
        "In",
        "On",
        "During",
        "At",
        "For",
        "Speaking",
        "Asked",
        "Regarding",
        "Following",
        "Before",
        "When",
        "While",
        "As",
        "Later",
        "Earlier",
        "Yesterday",
        "Today",
        "Albeit",
        "Despite",
        "Although",
        "Though",
    ]
)
# A full stop that does not end the sentence: an initial ("Lewis W. Teperman") or a
# title ("Sen. John McCain"), so the speaker's words may hold one.
_ABBREVIATIONS = (
    *("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Sen", "Rep", "Gov", "Gen", "Prof"),
    *("Adm", "Capt", "Col", "Lt", "Sgt", "Cmdr", "Maj", "Rev", "Hon", "Ph"),
    *("Inc", "Corp", "Co", "Ltd"),
)
_NAME_DOT = "|".join(
    [
        r"(?<=\b(?-i:[A-Z]))\.",
        r"(?<=\w)\.(?=\w)",  # a web address: "in remarks to UOL.com.br, said"
        *(rf"(?<=\b{word})\." for word in _ABBREVIATIONS),
    ]
)
_CHAR = rf"(?:[^.!?“”\"]|{_NAME_DOT})"
_WHO = rf"\w{_CHAR}{{0,89}}?"
# "…,” he told reporters." / "…,” Rantanen said." / "…,” said Mayor Inês Carvalho, who …"
_AFTER_SPEAKER_VERB = re.compile(rf"^[\s,;—–-]*(?P<who>{_WHO})\s+(?:{SPEECH_VERBS})\b", re.I)
_AFTER_VERB_SPEAKER = re.compile(
    rf"^[\s,;—–-]*(?:{SPEECH_VERBS})\s+(?P<who>(?:[^.!?,;“”\"]|{_NAME_DOT}){{1,140}})",
    re.IGNORECASE,
)
# "traffic “ground to a halt” — as the Supreme Court decision put it —"
_AS_PUT = re.compile(r"^[\s,;—–-]*as\s+(?P<who>[^,.;—–“”\"]{1,60}?)\s+(?:put|puts)\s+it\b", re.I)
_ACCORDING_TO = re.compile(r"^[\s,—–-]*according to\s+(?P<who>[^.!?,“”\"]{1,90})", re.I)
_DASH_CREDIT = re.compile(r"^\s*[—–-]+\s*(?P<who>[A-Z][^.!?,“”\"]{1,60})")
# "Stoltenberg said only that “…" / "…, she said: “…"
_BEFORE = re.compile(
    rf"(?P<who>{_CHAR}{{1,120}}?)\s+(?:{SPEECH_VERBS})\b(?:\s+[\w'’]+){{0,4}}?"
    rf"(?:\s+that(?:\s+[\w'’]+){{0,2}})?\s*[,:]?\s*$",
    re.IGNORECASE,
)
# "He noted that aid has helped but also emphasized that “…”": two speech verbs sharing
# the sentence's subject, however long the first one's clause
_COORDINATED = re.compile(
    rf"^\s*(?P<who>[^,;“”\"]{{1,60}}?)\s+(?:{SPEECH_VERBS})\b[^;“”\"]{{1,240}}?"
    rf"\s(?:and|but)\s+(?:also\s+|then\s+)?(?:{SPEECH_VERBS})\b(?:\s+that)?\s*[,:]?\s*$",
    re.IGNORECASE,
)
# "Remarked Center for Biological Diversity scientist Tierra Curry, “…”"
_VERB_FIRST = re.compile(
    rf"^\s*(?:{SPEECH_VERBS})\s+(?P<who>(?![^,]*\b(?:{SPEECH_VERBS})\b)[^,.;“”\"]{{1,90}}?)\s*[,:]\s*$",
    re.IGNORECASE,
)
# "X has called it “a textbook case …”", "the committee cited “her contribution …”": the
# subject's own words for something (a shorter run of words is a scare quote already).
_CHARACTERISED = re.compile(
    rf"(?P<who>{_CHAR}{{1,120}}?)\s+(?:has\s+|have\s+|had\s+)?(?:(?:called|described"
    rf"|labell?ed|termed|branded)(?:\s+[\w'’-]+){{0,3}}?(?:\s+as)?(?:\s+an?)?|cited"
    # "Trump lauded Cain as a “…”", "assailed the event as the “…”"
    rf"|(?:lauded|hailed|praised|assailed|blasted|slammed|derided|dismissed|denounced)"
    rf"(?:\s+[\w'’-]+){{1,3}}?\s+as(?:\s+(?:an?|the))?)\s*$",
    re.IGNORECASE,
)
# Who a short cue names: up to 60 characters, no sentence or clause break, no quote mark.
_SHORT_WHO = r"(?P<who>[^,.;“”\"]{1,60}?)"
# "GovExec.com quotes a Senate aide as saying: “…”", "…,” Detik.com quoted Djamal as
# saying": the one quoted speaks, not the outlet.
_QUOTED_AS = re.compile(
    rf"\b(?:quoted|quotes|cited|cites)\s+{_SHORT_WHO}\s+as\s+(?:saying|telling\s+[\w'’]+)"
    r"\b[\s,:]*$",
    re.IGNORECASE,
)
_QUOTED_AS_AFTER = re.compile(
    rf"^[\s,;—–-]*(?:[\w.'’-]+\s+){{1,4}}?(?:quoted|cited)\s+{_SHORT_WHO}\s+as\s+saying\b",
    re.IGNORECASE,
)
_UNNAMED_END = re.compile(r"\b[a-z][\w-]*[”\"]?\s*$")  # "… a “Senate aide”": no name
# "The new phone was praised by Jobs as “…”": the agent of a passive verb of speech.
_BY_AGENT = re.compile(
    r"\b(?:praised|described|called|hailed|dismissed|criticised|criticized|labell?ed"
    rf"|branded|quoted)\s+by\s+{_SHORT_WHO}\s+as(?:\s+an?)?\s*$",
    re.IGNORECASE,
)
_PARTICIPLES = (
    r"saying|stating|adding|noting|writing|declaring|explaining|arguing|warning|insisting"
    r"|asking|posting|tweeting|calling|describing|urging|claiming|accusing|remarking"
    r"|commenting|replying|responding|recalling|announcing|suggesting|stressing|observing"
    r"|acknowledging|admitting|conceding|predicting|concluding|emphasi[sz]ing|reiterating"
)
# "Sambur defended the plan, saying, “…": the sentence's subject speaks.
_PARTICIPLE = re.compile(
    rf"^(?P<who>{_CHAR}{{1,200}}?)\s+(?:{_PARTICIPLES}|telling\s+[\w'’]+)\s*"
    # "posting at 12:54 am local time (0454 UTC) on Twitter,": where and when, no clause
    rf"(?:(?:that\s+)?(?:[\w'’:()]+\s+){{0,10}}?(?:[\w'’:()]+\s*)?)?[,:]?\s*$",
    re.IGNORECASE,
)
# "According to editor Keni Lesa, the movement was able to “…”": the whole sentence is hers.
_ACCORDING_OPENING = re.compile(r"^\s*According to (?P<who>[^,.;“”\"]{1,80}),")
# Who speaks for a body without being named: "a source", "officials", "the spokesman".
_REPORTED_SOURCE = re.compile(
    r"\s*(?:an?|the|one|two|several)\s+(?:[\w-]+\s+)?"
    rf"(?:spoke\w*man|spokes\w+|{FOR_A_BODY}|aides?)\b"  # "spokeman" as written too
)
_OWN_DOCUMENT = re.compile(r"(?:its|their|his|her)\s+(?:[\w-]+\s+)?[\w-]+,\s*", re.IGNORECASE)
_WORDS_OF = re.compile(
    r"(?:in the words of|attributed to|according to|quoted)\s+(?P<who>[^“”\"]{1,90}?)"
    r"[\s,:—–-]*$",
    re.IGNORECASE,
)
# A name after these only passed the words on ("a letter seen by Sky News says").
_PASSED_ON = re.compile(
    r"\s(?:seen|obtained|reviewed|published|cited|leaked|shared|provided|sent) (?:by|to|with)\s"
)
_ACRONYM = re.compile(
    r"\b(?P<long>(?:[A-Z][\w'’&-]*\s+){1,6}[A-Z][\w'’&-]*)\s+\((?P<short>[A-Z]{2,6})\)"
)


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str  # person, organization, publication or group


@dataclass
class _Context:
    """What resolving a speaker needs to know about the story."""

    names: dict[str, Speaker]  # canonical names, surnames and acronyms -> speaker
    people: list[tuple[int, int, str]]  # (paragraph, offset, name): each sentence's first person
    pronouns: dict[str, str] = field(default_factory=dict)  # name -> "he" or "she", if told
    last_org: Speaker | None = None  # the referent of "it"
    last_speaker: Speaker | None = None  # ... when no organisation was quoted yet
    texts: list[str] = field(default_factory=list)  # the paragraphs, for descriptions
    # Where the last quote by someone the story only describes ended: "she" may be them.
    unnamed_at: tuple[int, int] | None = None


def attribute_quotes(
    quotes: list[Quote], analysis: Analysis, entities: Sequence[Entity] = ()
) -> list[Quote]:
    """Fill in ``speaker``, ``speaker_kind``, ``cue`` and ``quotation`` on every quote."""
    paragraphs = analysis.paragraphs
    context = _Context(
        _story_names(paragraphs, entities), [], texts=[unit.text for unit in paragraphs]
    )
    context.people = _person_mentions(paragraphs, quotes, context.names)
    story_text = "\n".join(unit.text for unit in analysis.units)
    context.pronouns = _pronouns(paragraphs, context.people)
    previous: Quote | None = None
    number = -1
    for quote in quotes:
        unit = paragraphs[quote.paragraph]
        found = None
        if quote.continues_previous and previous is not None:
            found = ("continues", previous.cue, _speaker_of(previous))
        found = found or _by_pattern(quote, unit, context)
        found = _person_over_body(found, quote, unit, context)
        own = found is not None and found[0] in ("after", "inverted", "according to", "credit")
        if found is not None and found[0] == "before" and previous is not None:
            # "“…,” wrote Warren. Sanders wrote, “…”": a new speaker, a new quotation
            between = (
                unit.text[previous.end : quote.start]
                if previous.paragraph == quote.paragraph
                else ""
            )
            own = (
                found[2] is not None
                and found[2].name != previous.speaker
                and re.search(rf"\b(?:{SPEECH_VERBS})\b", between, re.I) is not None
            )
        joins = previous is not None and (
            quote.continues_previous or (not own and _joins(previous, quote, unit.text))
        )
        if joins and not quote.continues_previous:
            found = ("continues", previous.cue, _speaker_of(previous))
        found = found or _by_parse(quote, unit, context) or _by_colon(quote, unit, context)
        found = found or _by_context(quote, paragraphs, context)
        if found is None and previous is None and analysis.title is not None:
            found = _by_headline(quote, analysis.title.text, context)
        found = found or _by_credit_line(quote, paragraphs, context)
        if (
            found is None
            and previous is not None
            and previous.speaker
            and previous.attribution != "cited"
        ):
            # No attribution at all: wire style continues the previous speaker.
            same_paragraph = previous.paragraph == quote.paragraph
            opens_paragraph = quote.start <= 1 and previous.paragraph == quote.paragraph - 1
            if (same_paragraph and not _someone_else_named(unit, quote, previous, context)) or (
                opens_paragraph
            ):
                found = ("previous speaker", previous.cue, _speaker_of(previous))
        how, cue, speaker = found if found is not None else (None, None, None)
        if (
            speaker is not None
            and speaker.kind == "person"
            and speaker.name not in context.names
            and made_of_common_words(speaker.name, story_text)
        ):
            speaker = None  # "… Secretary for Drug Pricing Reform": "Pricing Reform" is no one
        if (
            speaker is not None
            and how in _OWN_CUES
            and (_only_listens(speaker, cue or "") or _the_medium(speaker, unit, quote))
        ):
            speaker = None  # "Speaking to Ann Roe of PBS, he said": Roe is no speaker
        quote.attribution, quote.cue = how, _shown(cue)
        quote.speaker = speaker.name if speaker else None
        quote.speaker_kind = speaker.kind if speaker else None
        if speaker is not None and speaker.kind in ("organization", "publication"):
            context.last_org = speaker
        context.last_speaker = speaker or context.last_speaker
        if speaker is None and how in ("after", "inverted", "before", "parse"):
            context.unnamed_at = (quote.paragraph, quote.end)  # "The head of … told the court"
        if speaker is not None and speaker.kind == "person":
            # "He said X is “…”; “…,” he added": the one just quoted is the referent
            bisect.insort(context.people, (quote.paragraph, quote.start, speaker.name))
        number = number if joins else number + 1
        quote.quotation = number
        previous = quote
    return quotes


# "Statement from the Department of Health and Human Services on Texas v. Azar",
# "Joint Statement by the Harbour Trust", "Mayor Lund’s Statement on the Ferry Strike"
_STATEMENT_HEADLINE = re.compile(
    r"^(?:Joint\s+)?Statement\s+(?:from|by)\s+(?:the\s+)?(?P<by>[A-Z][^:;,.!?]*?)"
    r"(?:\s+(?:on|regarding|about|after|following|at)\s.*)?$"
    r"|^(?P<owner>[A-Z][^:;,.!?]*?)(?:['’]s)?\s+Statement\s+(?:on|regarding|about|after)\s"
)


def _by_headline(quote: Quote, headline: str, context: _Context):
    """A story that opens with an unattributed quotation under a headline such as
    "Statement from the Department of …": a statement published as such, its author
    named only in the headline. The name resolves as the story gives it (a title before
    it dropped: "HHS Secretary Azar" is the story's Alex Azar)."""
    match = _STATEMENT_HEADLINE.match(headline.strip())
    if match is None or quote.start > 1 or quote.paragraph > 1:
        return None
    who = (match["by"] or match["owner"]).strip()
    speaker = _named_alone(who, context)
    return ("headline", who, speaker) if speaker is not None else None


# A line of its own after a quoted paragraph, "-- HHS Spokesman Matt Lloyd": its credit
_CREDIT_LINE = re.compile(r"^\s*(?:[—–]|--?)\s*(?P<who>[A-Z][^.!?,;:“”\"]{1,60}?)\s*$")


def _by_credit_line(quote: Quote, paragraphs: Sequence[Unit], context: _Context):
    """A quotation that fills its paragraph, credited on the next line ("— Ann Roe")."""
    text = paragraphs[quote.paragraph].text
    if quote.start > 1 or text[quote.mark_end :].strip() or quote.paragraph + 1 >= len(paragraphs):
        return None
    credit = _CREDIT_LINE.match(paragraphs[quote.paragraph + 1].text)
    if credit is None:
        return None
    speaker = _named_alone(credit["who"], context)
    return ("credit", credit.group(0).strip(), speaker) if speaker is not None else None


def _named_alone(who: str, context: _Context) -> Speaker | None:
    """The speaker a bare name with titles before it names ("HHS Secretary Azar" is the
    story's Alex Azar; "HHS Spokesman Matt Lloyd" is Matt Lloyd; "the Harbour Trust")."""
    words = who.split()
    for k in range(len(words)):
        known = context.names.get(" ".join(words[k:]))
        if known is not None:
            return known
    if ends_in_org_head(who):
        return Speaker(who, _org_kind(who))
    after_roles = 1 + max((k for k, word in enumerate(words) if is_role(word)), default=-1)
    tail = " ".join(words[after_roles:])
    if len(words) - after_roles <= 3 and _NAME_SHAPE.match(tail):
        return Speaker(tail, "person")  # a name the model did not tag
    return None


def _person_over_body(found, quote: Quote, unit: Unit, context: _Context):
    """A body the cue's pattern found, where the parse finds a person the same cue names
    as the subject of the speech verb: the person speaks ("A statement by Fjordline given
    by Fjordline spokesman Daniel Harper said", "Trump wrote on Twitter")."""
    if found is None or found[0] not in _OWN_CUES or found[2] is None:
        return found
    if found[2].kind not in ("organization", "publication"):
        return found
    parsed = _by_parse(quote, unit, context)
    person = parsed[2] if parsed is not None else None
    if person is None or person.kind != "person":
        return found
    named = person.name.split()[-1]
    cues = [_RELATIVE.split(re.split(r"[“”\"]", cue or "")[0])[-1] for cue in (found[1], parsed[1])]
    if any(named not in cue for cue in cues) or named in unit.text[quote.start : quote.end]:
        return found  # another clause's subject ("X wrote a novel, which the Times
        # called “…”"), one the cue does not name, or a person quoted
    return found[0], found[1], person


# Where a cue's last clause starts: "X wrote a novel, which the Times called"
_RELATIVE = re.compile(r",\s*(?:which|who|whom|whose|where|when)\b|;")
# Attributions read from the quote's own cue, where the speaker's place in it can be checked.
_OWN_CUES = frozenset(["before", "after", "inverted", "parse", "colon"])
# Before a name, words that make it the listener, the subject or an owner, not the speaker.
_NOT_SPEAKING_BEFORE = re.compile(
    r"(?<!ccording )\b(?:to|with|for|about|against|towards?|than|interviewed)\s+"
    r"(?:(?:the|former|then)\s+)?$"
)
# "Huber's longtime tag team partner Erick Rowan": someone else, who belongs to the name
_KIN = r"wife|husband|widow|widower|son|daughter|mother|father|brother|sister|partner"
_ASKS_AFTER = re.compile(r"\s+(?:had\s+)?(?:interviewed|surveyed|polled|contacted)\b")
_OWNER_OF = re.compile(
    rf"^['’]s?\s+(?:[a-z-]+\s+){{0,3}}(?:{ROLE_NOUNS}|{_KIN}|friend|colleague|teammate"
    r"|lawyer|attorney)s?\b"
)


def _only_listens(speaker: Speaker, cue: str) -> bool:
    """True when every mention of the speaker in the cue is someone spoken to or about
    ("told Ann Roe", "Huber's partner Erick Rowan wrote"): a last check that catches
    the wrong name whatever rule chose it."""
    forms = [speaker.name]
    if speaker.kind == "person" and " " in speaker.name:
        # after the whole name, so it is seen first; "Sergey M.": the given name
        last = speaker.name.split()[-1]
        forms.append(last if len(last.strip(".․")) > 1 else speaker.name.split()[0])
    seen: list[tuple[int, int]] = []
    for form in forms:
        for hit in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", cue):
            if any(start <= hit.start() < end for start, end in seen):
                continue  # the surname inside the whole name already read
            seen.append(hit.span())
            listener = _NOT_SPEAKING_BEFORE.search(cue[: hit.start()])
            if listener and re.match(r"\s+(?:\w+ly\s+)?\w+ing\b", cue[hit.end() :]):
                listener = None  # "…, with Roe describing the plan as “…”": Roe speaks
            asks = _ASKS_AFTER.match(cue[hit.end() :])  # "the protesters Wikinews interviewed"
            if listener is None and asks is None and _OWNER_OF.match(cue[hit.end() :]) is None:
                return False
    return bool(seen)


_PLATFORMS = frozenset(
    (
        *("Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Telegram", "Weibo"),
        *("WeChat", "LinkedIn", "Reddit", "Snapchat", "WhatsApp", "Truth Social", "X"),
    )
)


def _the_medium(speaker: Speaker, unit: Unit, quote: Quote) -> bool:
    """ "Trump responded on Twitter, calling it “…”": the platform carried the words."""
    if speaker.name not in _PLATFORMS:
        return False
    _start, before = _sentence_before(unit, quote)
    return re.search(rf"\b(?:on|via|in)\s+{re.escape(speaker.name)}\b", before) is not None


def _someone_else_named(unit: Unit, quote: Quote, previous: Quote, context: _Context) -> bool:
    """ "West held a rally, where he …, screaming “…”" after a quote of Biden's: the
    sentence opens with someone else, so it does not go on with the previous speaker
    ("Khosla talked of Munk's “…”" still does)."""
    start, before = _sentence_before(unit, quote)
    if start < previous.end:
        return False  # the same sentence as the previous quote
    opening = re.match(r"\s*(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})", before)
    if opening is None:
        return False
    words = opening["name"].split()
    named = next(
        (context.names[key] for key in (opening["name"], words[-1]) if key in context.names),
        None,
    )
    return named is not None and named.kind == "person" and named.name != previous.speaker


_TURN = re.compile(r"^\(\((?P<who>[^()]{1,60})\)\)")


def _interviewee(quote: Quote, context: _Context) -> Speaker | None:
    """ "you" in an interviewer's question ("((WN)) … you wrote “…”"): the one who
    answers it, named at the start of the next turn ("((Wayne Tseng)) …")."""
    asking = _TURN.match(context.texts[quote.paragraph])
    if asking is None:
        return None
    for text in context.texts[quote.paragraph + 1 : quote.paragraph + 4]:
        turn = _TURN.match(text)
        if turn and turn["who"] != asking["who"]:
            name = turn["who"].strip()
            return context.names.get(name) or Speaker(name, "person")
    return None


def _speaker_of(quote: Quote) -> Speaker | None:
    return Speaker(quote.speaker, quote.speaker_kind or "person") if quote.speaker else None


def _joins(previous: Quote, quote: Quote, text: str) -> bool:
    """“…,” he said, “…” and “…,” she said. “…”: the second part has no attribution of
    its own and follows the first's, in the same paragraph."""
    if previous.paragraph != quote.paragraph:
        return False
    between = text[previous.end : quote.start]
    words = re.findall(r"[\w'’]+", between)
    if not words or [w.lower() for w in words] in (["and"], ["or"]):
        return True  # “…”: “…” (a colon or dash only); “…” and “…”
    ends = [
        m.end()
        for m in re.finditer(r"(?P<word>[\w.]*)[.!?]\s", between)
        if not re.fullmatch(rf"(?:[A-Z]|[A-Z]\.[A-Z]|{'|'.join(_ABBREVIATIONS)})", m["word"])
    ]
    if ends and re.search(r"\w", between[ends[-1] :]):
        return False  # "“…,” she said. Later she asked them to “…”": a sentence of its own
    attributing = rf"\b(?:{SPEECH_VERBS}|{_PARTICIPLES})\b"
    if len(words) <= 3 and not re.search(attributing, between, re.I):
        return True  # "described him as “…” who was “…”": one quotation in parts
    # “…,” said X of the Y Institute for Z (YIZ). “…”: a long attribution, one sentence
    longest = 40 if len(ends) == 1 else 14
    return (
        previous.attribution in ("after", "inverted")
        and len(words) <= longest
        and "that" not in (w.lower() for w in words)
    )


def _story_names(paragraphs: Sequence[Unit], entities: Sequence[Entity]) -> dict[str, Speaker]:
    """Every way the story names a speaker: the entity tags' canonical names and surfaces
    first, then each full name the model found (and its surname), then "Long Name (LN)"."""
    names: dict[str, Speaker] = {}
    given: dict[str, list[Speaker]] = {}  # first name -> the people who have it
    for entity in entities:
        if entity.kind in ("person", "organization"):
            kind = _org_kind(entity.name) if entity.kind == "organization" else "person"
            for surface in (*entity.surfaces, entity.name):
                names.setdefault(surface, Speaker(entity.name, kind))
    for unit in paragraphs:
        for ent in unit.ents:
            glued = split_org_person(clean_surface(ent.text(unit.text), "ORG"))
            if ent.label == "ORG" and glued is not None:
                names.setdefault(glued[0], Speaker(glued[0], _org_kind(glued[0])))
                speaker = names.setdefault(glued[1], Speaker(glued[1], "person"))
                names.setdefault(glued[1].split()[-1], speaker)
            if ent.label != "PERSON":
                continue
            surface = _HONORIFIC.sub("", clean_surface(ent.text(unit.text), "PERSON"))
            parts = surface.split()
            if len(parts) >= 2 and _NAME_SHAPE.match(surface) and not _names_a_body(surface):
                known = next(  # "Competition Neelie Kroes": the story's Neelie Kroes
                    (
                        names[tail]
                        for tail in (" ".join(parts[k:]) for k in range(1, len(parts) - 1))
                        if tail in names and names[tail].kind == "person"
                    ),
                    None,
                )
                speaker = names.setdefault(surface, known or Speaker(surface, "person"))
                names.setdefault(parts[-1], speaker)
                if len(parts) > 2 and parts[-2] in _PARTICLES:  # "de Blasio", "bin Salman"
                    names.setdefault(" ".join(parts[-2:]), speaker)
                given.setdefault(parts[0], []).append(speaker)
        for match in _ACRONYM.finditer(unit.text):
            long_name = clean_surface(expansion(match.group("long"), match.group("short")), "ORG")
            names.setdefault(match.group("short"), Speaker(long_name, _org_kind(long_name)))
    for first_name, speakers in given.items():  # "Thomas' sister": Thomas Sam's
        if len({speaker.name for speaker in speakers}) == 1:
            names.setdefault(first_name, speakers[0])
    for unit in paragraphs:  # "Facebook further claimed": a known one the model missed
        for alias in _SHIPPED_ORGANISATIONS.findall(unit.text):
            names.setdefault(alias, Speaker(SHIPPED_ALIASES[alias][0], "organization"))
    return names


_SHIPPED_ORGANISATIONS = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        re.escape(alias)
        for alias, (_name, kind) in sorted(SHIPPED_ALIASES.items(), key=lambda a: -len(a[0]))
        if kind == "organization"
    )
    + r")(?![\w-])"
)


def _with_given_name(unit: Unit, ent: Span, surface: str) -> str | None:
    """ "Sadiq Khan" for the model's one-word person "Khan" right after a capitalised
    word that is no other name, job or sentence start, else None."""
    if ent.label != "PERSON" or " " in surface:
        return None
    given = re.search(r"(?<![.!?]\s)(?<=\s)([A-Z][\w'’-]+)\s+$", unit.text[: ent.start])
    if given is None or is_role(given.group(1)) or _names_a_body(given.group(1)):
        return None
    if any(e.start <= given.start(1) < e.end for e in unit.ents):
        return None  # "London Khan": a place, then the name
    fuller = _HONORIFIC.sub("", clean_surface(f"{given.group(1)} {surface}", "PERSON"))
    return fuller if fuller != surface else None  # "Dr Maathai" is Maathai


def _names_a_body(surface: str) -> bool:
    """ "Medical Journal", "Security Council": the model's person is a publication or body."""
    return is_publication(surface) or ends_in_org_head(surface)


def _describes(phrase: str) -> bool:
    """ "the State Department spokesperson", "a lawyer for the family", "who …": an
    appositive that describes the name before it."""
    first = phrase.split()[0]
    return first.lower() in ("the", "a", "an", "who", "its", "his", "her") or (
        first.islower() or is_role(phrase)
    )


def _misspelt(surname: str, names: dict[str, Speaker]) -> Speaker | None:
    """The one person of the story whose surname is a near spelling of ``surname``."""
    if len(surname) < 5:
        return None
    surnames = [
        key for key, speaker in names.items() if speaker.kind == "person" and " " not in key
    ]
    close = difflib.get_close_matches(surname, surnames, n=2, cutoff=0.8)
    if len(close) == 1 and close[0][:1] == surname[:1]:
        return names[close[0]]
    return None


def _texts_before(quote: Quote, context: _Context):
    """(index, text, limit) of each paragraph up to the quote's: what the story said
    before it is ``text[:limit]``."""
    for index, text in enumerate(context.texts[: quote.paragraph + 1]):
        yield index, text, quote.start if index == quote.paragraph else len(text)


def _full_name(surname: str, quote: Quote, context: _Context) -> Speaker | None:
    """The one whole name ending in ``surname`` that the story wrote before the quote,
    whatever the model took it for: a surname alone points back to it."""
    found = set()
    for _index, text, limit in _texts_before(quote, context):
        for hit in re.finditer(
            rf"\b((?:[A-Z][\w'’-]+ ){{1,2}}){re.escape(surname)}\b", text[:limit]
        ):
            name = clean_surface(hit.group(0), "PERSON")
            first = name.split()[0]
            if (
                _NAME_SHAPE.match(name)
                and first.lower() not in _DETERMINERS
                and not is_role(first)
                and not _names_a_body(name)
            ):
                found.add(name)
    return Speaker(found.pop(), "person") if len(found) == 1 else None


def _org_kind(name: str) -> str:
    return "publication" if is_publication(name) else "organization"


def _person_mentions(paragraphs: Sequence[Unit], quotes: list[Quote], names):
    """(paragraph, offset, name) of every person a pronoun may point back to: the first
    person named in each sentence, outside quotation marks (the subject, as a rule),
    including a name the story gave before that the model missed there ("Rathbun
    requested donations")."""
    inside = {(q.paragraph, q.start, q.end) for q in quotes}
    mentions = []
    for index, unit in enumerate(paragraphs):
        first: dict[int, tuple[int, str]] = {}  # sentence start -> (offset, name)
        # "Bloomberg endorsed his rival": a person the story named, though the model
        # took the word for a company here
        known = [
            e
            for e in unit.ents
            if e.label in ("ORG", "GPE")
            and (named := names.get(surname := clean_surface(e.text(unit.text), e.label)))
            and named.kind == "person"
            and " " not in surname
            and named.name.endswith(f" {surname}")  # the surname of a full name given
        ]
        for ent in sorted([*_named_people(unit), *known], key=lambda e: e.start):
            sentence = next((s.start for s in unit.sents if s.start <= ent.start < s.end), 0)
            if sentence in first and not _in_lead_in(unit.text, sentence, first[sentence][0]):
                continue
            if (
                _INTERLOCUTOR.match(unit.text, sentence)
                and "," not in unit.text[sentence : ent.start]
            ):
                continue  # "Speaking to Martin Smith of PBS, he said": Smith only listened
            if any(p == index and a <= ent.start < b for p, a, b in inside):
                continue
            surface = clean_surface(ent.text(unit.text), ent.label)
            speaker = names.get(surface) or names.get(_HONORIFIC.sub("", surface))
            if speaker is None or speaker.kind == "person":
                first[sentence] = (ent.start, speaker.name if speaker else surface)
        for sentence in unit.sents:
            opening = re.match(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?", unit.text[sentence.start :])
            known = opening and names.get(_HONORIFIC.sub("", opening.group(0)))
            if known and known.kind == "person" and sentence.start not in first:
                first[sentence.start] = (sentence.start, known.name)
            titled = _TITLED_OPENING.match(unit.text, sentence.start)
            if titled and sentence.start not in first:  # "Mr MacFarlane said": a person
                named = names.get(titled.group("name"))
                full = named.name if named and named.kind == "person" else titled.group("name")
                first[sentence.start] = (sentence.start, full)
        mentions.extend((index, offset, name) for offset, name in sorted(first.values()))
    return mentions


def _in_lead_in(text: str, sentence: int, offset: int) -> bool:
    """ "During a news conference with Paul Martin, Bush said": a person named in the
    phrase that opens the sentence is not its subject; the next person may be."""
    opening = text[sentence:offset]
    return (
        opening.split(" ", 1)[0] in _LEAD_INS
        and "," not in opening
        and ("," in text[offset : offset + 120])
    )


# A sentence that opens with the one spoken to: "Speaking to …, he said".
_INTERLOCUTOR = re.compile(
    r"(?:(?:Speaking|Talking|Writing|Replying|Responding)\s+(?:to|with)|In\s+an\s+interview\s+with"
    r"|Asked\s+by)\s"
)
_TITLED_OPENING = re.compile(rf"{_HONORIFIC_WORD}(?P<name>[A-Z][\w'’-]+)\b")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
_PRONOUN = re.compile(r"\b(?:(he|she)|(himself|herself))\b", re.IGNORECASE)


def _pronouns(paragraphs: Sequence[Unit], people: list[tuple[int, int, str]]) -> dict[str, str]:
    """The pronoun the story itself uses for each person: the first "he" or "she" after
    a sentence names them as its subject ("Greta Lund, his neighbour, said she …"), a
    "himself"/"herself" there, or "Mr"/"Ms" before the name; a person the story calls
    both is left out."""
    tally: dict[str, list[int]] = {}
    for position, (index, offset, name) in enumerate(people):
        unit = paragraphs[index]
        counts = tally.setdefault(name, [0, 0])
        title = re.search(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$", unit.text[max(offset - 6, 0) : offset])
        if title:
            counts[0 if title.group(1) == "Mr" else 1] += 1
        named = _CAPITALISED_RUN.match(unit.text, offset)
        after = named.end() if named else offset
        if unit.text[after : after + 1] in ("'", "’"):
            continue  # "Greta's sister asked him": Greta is not the subject
        end = next((s.end for s in unit.sents if s.start <= offset < s.end), len(unit.text))
        following = people[position + 1] if position + 1 < len(people) else None
        if following is not None and following[0] == index:
            end = min(end, following[1])
        # "According to Jacinda Ardern, Brenton had … he used": "he" is Brenton's
        end = min([end, *(e.start for e in _named_people(unit, after, end))])
        first_seen = False
        for match in _PRONOUN.finditer(_mask_quotes(unit.text[after:end])):
            word = match.group(0).lower()
            if match.group(1) and first_seen:
                continue
            first_seen = first_seen or bool(match.group(1))
            counts[0 if word.startswith("h") and not word.startswith("her") else 1] += 1
    return {
        name: "he" if he > she else "she"
        for name, (he, she) in tally.items()
        if (he or she) and min(he, she) == 0
    }


def _last_person_before(
    context: _Context, paragraph: int, offset: int, pronoun: str = ""
) -> Speaker | None:
    """The referent of "he" or "she": the person named most recently before the quote
    whom the story does not call by the other pronoun."""
    before = [m for m in context.people if (m[0], m[1]) < (paragraph, offset)]
    unnamed = context.unnamed_at
    if (
        unnamed
        and unnamed[0] == paragraph
        and unnamed < (paragraph, offset)
        and (not before or (before[-1][0], before[-1][1]) < unnamed)
    ):
        return None  # "The head of the inquiry told the court “…”. She also said"
    pronoun = pronoun.lower()
    if pronoun in ("i", "we"):
        # "To them, I say, “…”" in a candidate's own words: the writer is no one the
        # story named a paragraph or more before
        before = [m for m in before if m[0] >= paragraph - 1]
    for _, _, name in reversed(before):
        told = context.pronouns.get(name)
        if pronoun not in ("he", "she") or told in (None, pronoun):
            return Speaker(name, "person")
    return None


_INITIAL_BEFORE = re.compile(r"(?:^|\s)(?:[A-Z]\.)+\s*$")


def _sentence_before(unit: Unit, quote: Quote) -> tuple[int, str]:
    """Where the quote's sentence starts, and its text up to the opening mark."""
    end = max(quote.start - 1, 0)
    start = next((s.start for s in unit.sents if s.start <= end < s.end), None)
    if start is None:
        start = max((unit.text.rfind(". ", 0, end) + 2), 0) if ". " in unit.text[:end] else 0
    while start > 0 and _INITIAL_BEFORE.search(unit.text, 0, start):
        # "Lewis W. Teperman … said": the model ended a sentence at the initial
        earlier = [s.start for s in unit.sents if s.start < start]
        start = max(earlier) if earlier else 0
    # "… victims[.]” She went on to say, “…”: a sentence the model ran on past a quote
    ended = [m.end() for m in _QUOTE_ENDS_SENTENCE.finditer(unit.text, start, end)]
    start = ended[-1] if ended else start
    return start, unit.text[start:end]


_QUOTE_ENDS_SENTENCE = re.compile(r"(?:\.|\[\.\])[”\"]\s+(?=[A-Z])")


def _named_people(unit: Unit, lo: int = 0, hi: int | None = None) -> list[Span]:
    """The model's people that start in unit.text[lo:hi] and can be names: not a job in
    lower case ("harbour master"), not the subject of a title ("Secretary for Ports")."""
    hi = len(unit.text) if hi is None else hi
    return [
        e
        for e in unit.ents
        if e.label == "PERSON"
        and lo <= e.start < hi
        and not (surface := e.text(unit.text)).islower()
        and not in_title(surface, unit.text[: e.start])
        and surface not in _PLATFORMS  # the model's person "Twitter"
    ]


def _by_pattern(quote: Quote, unit: Unit, context: _Context):
    text = unit.text
    after = text[quote.mark_end :]
    # "… victims[.]” She went on to say, “…”: a sentence ends, the next one starts
    finished = quote.text.endswith((".", "[.]", ".]")) and after.lstrip(" ,")[:1].isupper()
    quoted_as = _QUOTED_AS_AFTER.match(after)
    if quoted_as:  # "…,” Detik.com quoted Djamal as saying"
        start = quote.mark_end + quoted_as.start("who")
        speaker = _resolve(unit, start, start + len(quoted_as.group("who")), quote, context)
        return "after", _cue(quoted_as.group(0)), speaker
    for pattern, how in (
        (_AS_PUT, "after"),
        (_AFTER_SPEAKER_VERB, "after"),
        (_AFTER_VERB_SPEAKER, "inverted"),
        (_ACCORDING_TO, "according to"),
        (_DASH_CREDIT, "credit"),
    ):
        match = pattern.match(after)
        if match and finished and how != "credit":
            continue  # “… in 2005.” The next sentence starts: it does not attribute this one
        if match and how == "according to" and _attributed_before(unit, quote):
            continue  # "Pelosi called it a “…,” according to NBC": NBC only reported it
        if match and how == "inverted":
            who = match.group("who")
            start = quote.mark_end + match.start("who")
            end = start + len(who)
            # "said the firm's chief executive, Alan Mulally": the name after a job wins;
            # "said Ann Lee, …": the name in the words
            named = _named_after(unit, end, quote, context)
            within = _person_within(unit, start, end, quote, context)
            speaker = (named or within) if is_role(who) else (within or named)
            if speaker is None or speaker.kind != "person":
                speaker = _named_after_job(unit, end, context) or speaker
            document = _BODY_DOCUMENT.match(who)
            if speaker is None and document:  # "reads an AEW press release"
                body = document["body"]
                speaker = context.names.get(body) or Speaker(body, _org_kind(body))
            if speaker is None and not _ONLY_DESCRIBED.match(who):
                speaker = _resolve(unit, start, end, quote, context, first=True)
            return how, _cue(match.group(0)), speaker  # "said a professor": no name given
        if match and len(match.group("who").split()) > (14 if how == "according to" else 10):
            continue
        if match and match.group("who").split()[0].lower() in _CONJUNCTIONS:
            continue  # “…,” and described a plan: a new clause, not the speaker
        if match:
            start = quote.mark_end + match.start("who")
            end = start + len(match.group("who"))
            speaker = _resolve(unit, start, end, quote, context, first=how != "after")
            if how == "credit" and speaker is None:
                continue
            return how, _cue(match.group(0)), speaker  # "said an official": no name given
    credit = next((e for e in _named_people(unit) if 0 < e.start - quote.mark_end <= 2), None)
    if credit is not None and quote.start <= 1:
        speaker = _resolve(unit, credit.start, credit.end, quote, context)
        if speaker is not None:
            return "credit", _cue(credit.text(text)), speaker
    sentence_start, before = _sentence_before(unit, quote)
    before = _mask_quotes(before)
    issued = _statement_by(unit, sentence_start, before, context)
    if issued is not None:  # "A statement on Apple's website, …, states: “…”"
        return "before", _cue(before[:80]), issued
    patterns = (
        (_QUOTED_AS, "according to"),
        (_WORDS_OF, "according to"),
        (_VERB_FIRST, "before"),
        (_BY_AGENT, "before"),  # before _BEFORE: "X was described by the CBCP as “…”"
        (_COORDINATED, "before"),
        (_BEFORE, "before"),
        (_CHARACTERISED, "before"),
        (_ACCORDING_OPENING, "according to"),
    )
    for pattern, how in patterns:
        match = pattern.search(before)
        if match:
            start = sentence_start + match.start("who")
            end = start + len(match.group("who"))
            if pattern is _QUOTED_AS and _UNNAMED_END.search(unit.text[start:end]):
                return how, _cue(match.group(0)), None  # "quotes a “Senate aide” as saying"
            if pattern is _BEFORE and not match.group("who").strip(" x,"):
                # "“We stand ready” tweeted Johnson “to …”": the name after the verb
                start, end = sentence_start + match.end("who"), sentence_start + len(before)
                verb = re.match(rf"\s*(?:{SPEECH_VERBS})\b", unit.text[start:end], re.I)
                start += verb.end() if verb else 0
                speaker = _resolve(unit, start, end, quote, context, first=True)
                return how, _cue(match.group(0).lstrip(" x")), speaker
            if pattern is _ACCORDING_OPENING and _REPORTED_SOURCE.match(before[match.end() :]):
                # "According to the BBC, a spokesman for 10 Downing Street said …; “…”":
                # the BBC only reported it, and the one who spoke is not named
                return how, _cue(match.group(0)), None
            own = _OWN_DOCUMENT.match(match.group("who"))
            if how == "according to" and own:
                # "According to its press release, the NBA was “…”": the clause's subject
                start += own.end()
                end = sentence_start + len(before)
                return how, _cue(match.group(0)), _resolve(unit, start, end, quote, context, True)
            masked = re.match(r"x{2,}[\s,;:—–-]*", match.group("who"))
            start += masked.end() if masked else 0  # "“Overall,” he continued, “…”": he
            speaker = _resolve(unit, start, end, quote, context)
            return how, _cue(match.group(0)), speaker
    owned = _OWNED_WORDS.search(before)
    if owned:  # "Part of Trump's tweet included the statement, “…”"
        group = "who" if owned["who"] else "cited"
        start = sentence_start + owned.start(group)
        speaker = _resolve(unit, start, start + len(owned[group]), quote, context)
        if speaker is not None:  # words cited from someone not in the story are no lead
            return ("before" if group == "who" else "cited"), _cue(owned.group(0)), speaker
    return _by_participle(unit, before, sentence_start, quote, context)


_NAME_WORDS = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|al-|bin|de|van|von)){0,3}"
# The name owning the words before a quote that sentence introduces: "Part of Trump's
# tweet included the statement, “…”", "citing the Chuck Jones quote that “…”"
_OWNED_WORDS = re.compile(
    r"^\s*(?:(?:[Pp]art|[Ss]ome|[Mm]uch|[Oo]ne)\s+of\s+|[Ii]n\s+)?"
    rf"(?P<who>{_NAME_WORDS})['’]s?\s+(?:[\w-]+\s+){{0,2}}?(?:{SPEECH_NOUNS}|{WRITTEN_NOUNS}"
    r"|tweets|posts|words)\b[^“”\"]*?[,:]\s*$"
    rf"|\bthe\s+(?P<cited>{_NAME_WORDS})\s+(?:quote|quotation|line|saying|remark)\s+(?:that\s+)?$"
)


def _attributed_before(unit: Unit, quote: Quote) -> bool:
    """True when the quote's own sentence says, before it, who spoke or characterised."""
    _, before = _sentence_before(unit, quote)
    masked = _mask_quotes(before)
    return any(p.search(masked) for p in (_BEFORE, _CHARACTERISED))


def _by_participle(unit: Unit, before: str, sentence_start: int, quote: Quote, context: _Context):
    """ "Sambur defended the plan, saying, “…": the sentence's subject speaks; "with
    Boswell stating" the name before the verb; "as he talks to the minister, saying" he."""
    match = _PARTICIPLE.search(before)
    if match is None:
        return None
    who = match.group("who")
    base = sentence_start + match.start("who")
    verb_at = sentence_start + match.end("who")
    opener = who.split(maxsplit=1)[0] if who.strip() else ""
    if (opener in _LEAD_INS or opener.endswith("ing")) and opener[:1].isupper() and "," in who:
        # "Following the announcement of Biden's win, Trump issued a statement …, saying"
        cut = who.index(",") + 1
        base, who = base + cut, who[cut:]
    absolute = list(re.finditer(r"\bwith\s+(?=[^,]+$)", who))
    if absolute:  # "…, with one poster writing “…”": the poster, not the sentence's subject
        base += absolute[-1].end()
        who = who[absolute[-1].end() :]
    people = _named_people(unit, base, verb_at)
    pronoun = re.search(r"\b(?:[Hh]e|[Ss]he)\b", who)
    last = who.split()[-1] if who.split() else ""
    known = context.names.get(last) if last[:1].isupper() else None
    if people and 0 <= verb_at - people[-1].end <= 1:
        span = (people[-1].start, people[-1].end)
    elif known is not None and known.kind == "person":
        span = (verb_at - len(last), verb_at)
    elif pronoun and (not people or base + pronoun.start() < people[0].start):
        span = (base + pronoun.start(), base + pronoun.end())
    elif people:
        span = (people[0].start, people[0].end)
    elif (named := _known_person_in(who, context)) is not None:
        span = (base + named[0], base + named[1])  # "…, Mannion stated …, saying"
    else:
        span = (base + len(who) - len(who.lstrip()), verb_at)
    speaker = _resolve(unit, *span, quote, context, first=True)
    return ("before", _cue(match.group(0)), speaker) if speaker is not None else None


def _named_before_appositives(unit: Unit, start: int, span_text: str) -> int | None:
    """ "(On this cut,) Whitey MacDonald, chairperson of Local 1520, Canadian Auto Workers
    union said": the one person named, right before a comma, with descriptions after:
    where the person's name ends in the span, else None."""
    if span_text.count(",") < 2:
        return None
    end = start + len(span_text)
    people = _named_people(unit, start, end)
    if len(people) != 1:
        return None
    person = people[0]
    if unit.text[person.end : person.end + 1] != "," or person.end >= end - 1:
        return None
    before = unit.text[start : person.start]
    opener = before.split(maxsplit=1)[0] if before.strip() else ""
    if before.strip() and not (before.rstrip().endswith(",") and opener in _LEAD_INS):
        return None
    return person.end - start


def _known_person_in(text: str, context: _Context) -> tuple[int, int] | None:
    """Where the first name of a person the story gave stands in ``text``."""
    found = None
    for key, speaker in context.names.items():
        if speaker.kind != "person" or not key[:1].isupper():
            continue
        hit = re.search(rf"(?<![\w'’-]){re.escape(key)}(?![\w'’-])", text)
        if hit and (found is None or hit.start() < found[0]):
            found = (hit.start(), hit.end())
    return found


_JOB_BEFORE = re.compile(rf"\b(?:{ROLE_NOUNS})\s+$", re.IGNORECASE)
_NAME_AT_SPAN_END = re.compile(r"(?:^|\s)(?P<name>[A-Z][\w'’-]+(?: [A-Z]\.)? [A-Z][\w'’-]+)$")


def _unmarked_name_at_end(unit: Unit, start: int, span_text: str) -> str | None:
    """A person's name right before the verb that the model did not mark: two
    capitalised words, not an organisation it marked or one by its head word."""
    match = _NAME_AT_SPAN_END.search(without_credentials(span_text))
    if match is None or _names_a_body(match.group("name")) or is_role(match.group("name")):
        return None  # "… the Prime Minister said": a job, not a name
    at = start + match.start("name")
    if any(e.start < at + len(match.group("name")) and e.end > at for e in unit.ents):
        return None
    return match.group("name")


_GENERIC_MODIFIERS = frozenset(
    ["local", "former", "new", "current", "acting", "then", "late", "top", "senior", "chief"]
)
# "the governor", "the Indiana governor", "the former minister", "the 70-year-old"
_DESCRIPTION = re.compile(
    r"^(?:the|The)\s+(?:(?:[A-Z][\w.'’-]*|[a-z][\w-]*)\s+){0,3}"
    r"(?:(?P<age>\d{1,3})-year-old|(?P<role>[A-Za-z][\w-]+))$"
)


def _described_person(span_text: str, quote: Quote, context: _Context) -> Speaker | None:
    """The person the story introduced with the job or age a definite description
    names ("Indiana Governor Maria Lopez" … "the governor said"; "Ola Strand, 70," …
    "the 70-year-old said"): the most recent such person before the quote, if any."""
    match = _DESCRIPTION.match(span_text.strip())
    if match is None or (match.group("role") and not is_role(match.group("role"))):
        return None
    # "the local health minister": the one introduced as health minister, not another
    modifiers = [
        word
        for word in span_text.split()[1:-1]
        if word.lower() not in _GENERIC_MODIFIERS and not word[:1].isdigit()
    ]
    if match.group("age"):
        age = match.group("age")
        before, after = rf"\b{age}-year-old\s+(?:[\w'’-]+\s+){{0,3}}$", rf"^,\s*(?:aged\s+)?{age}\b"
    else:
        role = re.escape(match.group("role"))
        # "President of Argentina Alberto Fernández" … "the president"
        # "archbishop Monsenor Jorge Scheinig": a title between the job and the name
        before = rf"\b{role}(?:\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|\s+[A-Z][\w'’-]+)?\s+$"
        after = rf"^,\s+[^.;:]{{0,50}}?\b{role}\b"
    people = {speaker.name for speaker in context.names.values() if speaker.kind == "person"}
    found: tuple[int, int, str] | None = None
    for index, text, limit in _texts_before(quote, context):
        for name in people:
            for hit in re.finditer(rf"\b{re.escape(name)}\b", text[:limit]):
                window = text[max(hit.start() - 60, 0) : hit.start()]
                introduced = re.search(before, window, re.I) or re.match(
                    after, text[hit.end() :], re.I
                )
                around = window + text[hit.end() : hit.end() + 60]
                if introduced and not all(
                    re.search(rf"\b{re.escape(m)}\b", around, re.I) for m in modifiers
                ):
                    introduced = None  # "the health minister" is not the aviation minister
                if introduced and (found is None or (index, hit.start()) > found[:2]):
                    found = (index, hit.start(), name)
    return Speaker(found[2], "person") if found else None


def _organisation_before(unit: Unit, quote: Quote, context: _Context) -> Speaker | None:
    """ "An email from Burkhardt & Associates to … : “…” it said": the first organisation
    the quote's sentence names, when no organisation was quoted yet."""
    sentence_start, before = _sentence_before(unit, quote)
    return _first_organisation(unit, sentence_start, sentence_start, _mask_quotes(before), context)


def _first_organisation(
    unit: Unit, lo: int, sentence_start: int, masked: str, context: _Context
) -> Speaker | None:
    """The first organisation the model marked from ``lo`` to the end of ``masked`` (the
    sentence up to the quote, quoted words hidden), outside quotation marks."""
    hi = sentence_start + len(masked)
    named = next(
        (
            e
            for e in unit.ents
            if e.label == "ORG"
            and lo <= e.start
            and e.end <= hi
            and masked[e.start - sentence_start] != "x"
        ),
        None,
    )
    if named is None:
        return None
    surface = clean_surface(named.text(unit.text), "ORG")
    return context.names.get(surface) or Speaker(surface, _org_kind(surface))


def _main_organisation(context: _Context) -> Speaker | None:
    """The story's first organisation (the entity tags come first, most salient first)."""
    return next(
        (speaker for speaker in context.names.values() if speaker.kind == "organization"), None
    )


# "said a professor from …", "said GM's marketing vice president": someone unnamed.
_ONLY_DESCRIBED = re.compile(r"\s*(?:an?\s|[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)*['’]s\s+[a-z])")


def _person_within(unit: Unit, start: int, end: int, quote: Quote, context: _Context):
    """ "said a spokesman for Boeing": someone the story only describes, unless the
    description names them ("Huber's tag team partner Erick Rowan": not Huber)."""
    people = _named_people(unit, start, end)
    owners = [p for p in people if _possessive(unit, p)]
    person = next((p for p in people if p not in owners), None) or next(iter(people), None)
    if person is None:
        return None
    return _resolve(unit, person.start, person.end, quote, context, first=True)


# "…,” said University of California, San Diego's chancellor, Pradeep Khosla.
_JOB_THEN_NAME = re.compile(
    rf"^,\s+[^.;“”\"]{{0,80}}?\b(?i:{ROLE_NOUNS})s?,?\s+"
    r"(?P<name>[A-Z][\w'’-]+(?: (?:[A-Z]\.)+)?(?: [A-Z][\w'’-]+){1,2})(?=[.,;]|\s*$)"
)
# "reads an AEW press release": the organisation whose document it is.
_BODY_DOCUMENT = re.compile(
    r"^(?:an?|the)\s+(?P<body>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+"
    rf"(?:{WRITTEN_NOUNS})$"
)


def _possessive(unit: Unit, ent: Span) -> bool:
    """ "Huber's partner": the name owns what follows (the model may keep the "'s")."""
    following = unit.text[ent.end : ent.end + 2]
    return following in ("'s", "’s") or ent.text(unit.text).endswith(("'s", "’s"))


def _named_after_job(unit: Unit, end: int, context: _Context) -> Speaker | None:
    """The name after a job that follows the words the pattern stopped at."""
    match = _JOB_THEN_NAME.match(unit.text[end:])
    if match is None or _names_a_body(match["name"]):
        return None
    return context.names.get(match["name"]) or Speaker(match["name"], "person")


_NAME_AFTER_COMMA = re.compile(
    r",\s+(?P<name>[A-Z][\w'’-]+(?: (?:[A-Z]\.)+)?(?: [A-Z][\w'’-]+){1,2})(?=[.,;]|\s*$)"
)


def _named_after(unit: Unit, end: int, quote: Quote, context: _Context) -> Speaker | None:
    """The person named right after a description: "said the firm's chief executive
    officer, Alan Mulally." (the model may call the name an organisation)."""
    match = _NAME_AFTER_COMMA.match(unit.text, end)
    if match is None or _names_a_body(match.group("name")):
        return None
    name = match.group("name")
    return context.names.get(name) or Speaker(name, "person")


def _by_colon(quote: Quote, unit: Unit, context: _Context):
    """“Sunak defended the record: “…”": the sentence's subject speaks."""
    sentence_start, before = _sentence_before(unit, quote)
    if re.search(r"\b(?:cit|quot)(?:e|es|ed|ing)\b", before, re.IGNORECASE):
        return None  # "The Guardian cited questions, including: “…”": not its own words
    if before.rstrip().endswith(":"):
        hi = sentence_start + len(before)
        subject = _parsed_subject(unit, sentence_start, hi)
        speaker = None
        if subject is not None:  # "In a statement released …, the Department … justified it"
            speaker = _resolve(unit, *subject, quote, context, first=True)
        speaker = speaker or _subject(unit, sentence_start, hi, quote, context)
        if speaker is not None:
            return "colon", _cue(before), speaker
    return None


def _parsed_subject(unit: Unit, lo: int, hi: int) -> tuple[int, int] | None:
    """Where the subject of the sentence's main verb stands in unit.text[lo:hi], if the
    parse gives one there."""
    tokens = unit.tokens
    if not tokens.deps:
        return None
    inside = [k for k in range(len(tokens)) if lo <= tokens.starts[k] < hi]
    # The top of the clause before the quote: its head is the quote's verb, or itself.
    tops = [
        k for k in inside if tokens.heads[k] == k or not lo <= tokens.starts[tokens.heads[k]] < hi
    ]
    for k in inside:
        if tops and tokens.heads[k] == tops[0] and tokens.deps[k] in ("nsubj", "nsubjpass"):
            left, right = _subtree(tokens, k)
            return tokens.starts[left], tokens.ends[right]
    return None


def _mask_quotes(text: str) -> str:
    """Quoted words before the quote never hold its speaker; keep offsets, hide them."""
    return re.sub(r"[“\"][^“”\"]*[”\"]", lambda m: "x" * len(m.group(0)), text)


def _cue(text: str) -> str:
    return " ".join(text.strip(" ,;:—–-").split())


def _shown(cue: str | None) -> str | None:
    """The cue as pages and ``inspect`` show it: its first 80 characters (the checks
    read it whole)."""
    return cue if cue is None or len(cue) <= 80 else cue[:79] + "…"


def _by_parse(quote: Quote, unit: Unit, context: _Context):
    """A speech verb outside the quote, in the same sentence, and its subject."""
    tokens = unit.tokens
    if not tokens.deps:
        return None
    sentence = next((s for s in unit.sents if s.start <= quote.start < s.end), None)
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(unit.text))
    nearest = sorted(range(len(tokens)), key=lambda k: abs(tokens.starts[k] - quote.start))
    for i in nearest:
        inside_quote = quote.start <= tokens.starts[i] < quote.end
        if inside_quote or not lo <= tokens.starts[i] < hi:
            continue
        if _in_aside(unit.text, tokens.starts[i], quote):
            continue  # "(… what Wilson once testified …)": an aside, not the attribution
        if tokens.lemmas and tokens.lemmas[i].lower() in SPEECH_LEMMAS:
            j = _child(tokens, i, ("nsubj", "nsubjpass"))
            if j is None:
                continue
            if tokens.deps[j] == "nsubjpass":  # "he was told by Ann Roe": Roe spoke
                by = _child(tokens, i, ("agent",))
                j = None if by is None else _child(tokens, by, ("pobj",))
                if j is None:
                    return "parse", _cue(unit.text[lo : tokens.ends[i]]), None
            left, right = _subtree(tokens, j)
            speaker = _resolve(unit, tokens.starts[left], tokens.ends[right], quote, context)
            cue_start = min(tokens.starts[left], tokens.starts[i])
            cue = unit.text[cue_start : max(tokens.ends[right], tokens.ends[i])]
            return "parse", _cue(cue), speaker
    return None


def _child(tokens, head: int, deps: tuple[str, ...]) -> int | None:
    """The first token that depends on ``head`` by one of ``deps``."""
    return next(
        (
            k
            for k in range(len(tokens))
            if tokens.heads[k] == head and tokens.deps[k] in deps and k != head
        ),
        None,
    )


def _in_aside(text: str, position: int, quote: Quote) -> bool:
    """True when ``position`` is inside a parenthesis that does not hold the quote."""
    opened = text.rfind("(", 0, position)
    if opened < 0 or text.rfind(")", opened, position) >= 0:
        return False
    closed = text.find(")", position)
    inside = closed if closed >= 0 else len(text)
    return not (opened < quote.start < inside)


def _by_context(quote: Quote, paragraphs: Sequence[Unit], context: _Context):
    """A quote that opens its sentence with no attribution: the sentence before it
    introduces the speaker ("X issued a statement." / "X tweeted:"), in the same
    paragraph or at the end of the previous one."""
    unit = paragraphs[quote.paragraph]
    start, before = _sentence_before(unit, quote)
    if before.strip(' “"'):
        return None  # the quote is inside a sentence that did not attribute it
    if start > 0:
        host, end = unit, start
    elif quote.paragraph > 0:
        host = paragraphs[quote.paragraph - 1]
        end = len(host.text)
        if not host.text.rstrip().endswith(":") and not re.search(
            rf"\b(?:{SPEECH_VERBS}|{SPEECH_NOUNS})\b", host.text[-160:], re.I
        ):
            return None
    else:
        return None
    sentence = next((s for s in host.sents if s.start < end <= s.end + 1), None)
    lo = sentence.start if sentence else max(host.text.rfind(". ", 0, end - 2) + 2, 0)
    introduction = host.text[lo:end]
    if (
        introduction.lstrip()[:1] in ("“", '"')
        or _mask_quotes(host.text)[lo:end].lstrip()[:1] == "x"
    ):
        return None  # the sentence before is itself a quote (or ends one)
    introduction = _mask_quotes(introduction)
    if not re.search(rf"\b(?:{SPEECH_VERBS}|{SPEECH_NOUNS})\b", introduction, re.I) and not (
        introduction.rstrip().endswith(":")
    ):
        return None
    speaker = _subject(host, lo, end, quote, context)
    own = re.search(rf"\b(his|her)\s+(?:own\s+)?(?:{SPEECH_NOUNS})\b", introduction, re.I)
    if speaker is None and own:  # "Here is a key excerpt from his speech:"
        pronoun = "he" if own.group(1).lower() == "his" else "she"
        speaker = _last_person_before(context, quote.paragraph, quote.start, pronoun)
    return ("introduced", _cue(introduction), speaker) if speaker else None


def _subject(unit: Unit, lo: int, hi: int, quote: Quote, context: _Context) -> Speaker | None:
    """The first person or organisation named in unit.text[lo:hi] (or its opening pronoun)."""
    words = unit.text[lo:hi].split()
    if words and words[0].lower() in PRONOUNS:
        return _last_person_before(context, quote.paragraph, quote.start, words[0])
    return _resolve(unit, lo, hi, quote, context, first=True)


def _subtree(tokens, root: int) -> tuple[int, int]:
    members = {root}
    changed = True
    while changed:
        changed = False
        for k, head in enumerate(tokens.heads):
            if head in members and k not in members:
                members.add(k)
                changed = True
    return min(members), max(members)


_CONJUNCTIONS = frozenset(["and", "but", "or", "then", "while", "yet"])
# Words between a pronoun and its speech verb ("he went on to say", "she later added").
_AUXILIARIES = frozenset(
    ["went", "on", "to", "also", "later", "then", "would", "has", "had", "once", "again"]
)
_STATEMENT_OF = re.compile(
    r"^(?:an?|the)\s+(?:statement|release|letter|email|message|post|notice)\s+"
    r"(?:on|from|by|issued by)\s+",
    re.IGNORECASE,
)


def _statement_by(unit: Unit, sentence_start: int, before: str, context: _Context):
    """The organisation a sentence that opens "A statement on/from/by …" and ends in a
    speech verb names first, when it names one."""
    opening = _STATEMENT_OF.match(before.lstrip())
    if opening is None or not re.search(rf"\b(?:{SPEECH_VERBS})\b[\s,:]*$", before, re.I):
        return None
    lo = sentence_start + len(before) - len(before.lstrip()) + opening.end()
    return _first_organisation(unit, lo, sentence_start, before, context)


_NAME_OF_BODY = re.compile(
    r"^(?P<name>[A-Z][\w'’-]+(?: [A-Z]\.)?(?: [A-Z][\w'’-]+){1,2})"
    r" (?:of|from) (?:the )?(?:[a-z]+-)?[A-Z]"  # "Regina Ip from the pro-Beijing camp"
)


def _name_of_body(text: str) -> str | None:
    """The person's name in "Lucy Fischer of The Times …", if the words before "of" are
    no body's name and no job."""
    match = _NAME_OF_BODY.match(text)
    if match is None or _names_a_body(match["name"]) or is_role(match["name"]):
        return None
    return match["name"]


_THE_STATEMENT = re.compile(
    r"^(?:the|its|their)\s+(?:(?:summary|text|wording)\s+of\s+the\s+)?"
    r"(?:(?:written|joint|official|press)\s+)?"
    rf"(?:statement|release|{FINDING_NOUNS})$",
    re.IGNORECASE,
)
_DOCUMENT_BEFORE = re.compile(rf"\b(?:{WRITTEN_NOUNS})\s*,?\s*$")
_WRITTEN_BY = re.compile(
    rf"^(?:an?|the)\s+(?:{WRITTEN_NOUNS})\b[^,;]*?\bby\s+(?P<who>\S.*)$",
    re.IGNORECASE,
)
_ISSUED = re.compile(
    r"(?P<who>[^.;“”\"]{1,160}?)\s+(?:has\s+|had\s+)?(?:released|issued|published|put\s+out"
    r"|posted|sent)\s+(?:(?:an?|the|their|its)\s+)?(?:[\w-]+\s+){0,2}?"
    rf"(?:statement|{FINDING_NOUNS})\b"
)


def _statement_issuer(quote: Quote, context: _Context) -> Speaker | None:
    """Who the story said issued a statement, last before the quote: the name the story
    gave nearest the verb ("On Friday, the Task Force released a statement saying …",
    "Met Éireann, the weather service, issued alerts")."""
    found = None
    for _index, text, limit in _texts_before(quote, context):
        for match in _ISSUED.finditer(_mask_quotes(text[:limit])):
            who = match.group("who")
            hits = [
                (-hit.end(), -len(key), speaker)
                for key, speaker in context.names.items()
                if key[:1].isupper()
                and (hit := re.search(rf"(?<![\w'’-]){re.escape(key)}(?![\w'’-])", who))
            ]
            if hits:
                found = min(hits, key=lambda hit: hit[:2])[2]
    return found


_ANONYMOUS_SOURCE = re.compile(
    r"^(?:an?|the|one|two|several)\s+(?:[\w-]+\s+)?sources?\s+"
    r"(?:within|in|at|inside|close\s+to|familiar\s+with)\b",
    re.IGNORECASE,
)
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:has|have|had|also|later|then|further|again|too|still|previously|repeatedly"
    r"|once|earlier|recently|reportedly|publicly|initially|subsequently|quickly"
    r"|went\s+on\s+to))+$"  # "Dittmar went on to add"
)
_CAMPAIGN = re.compile(
    r"(?:[Tt]he\s+)?(?P<name>[A-Z][\w'’-]+(?:-[A-Z][\w'’-]+)?)(?:['’]s)?\s+(?:re-?election\s+)?"
    r"campaign"
)
_ONE_OF = re.compile(
    r"^(?:one|some|many|each|two|three|several)\s+of\s+(?:the|these|those|its|their|his|her)"
    r"\s+[\w-]+,\s+(?=\S)",
    re.IGNORECASE,
)
_KIN_BEFORE = re.compile(rf"\b(?:{_KIN})\s+$", re.IGNORECASE)
_PERSON_NAMED = re.compile(
    r"\b(?P<head>[a-z]+)\s+(?:named|called)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})$"
)
_PERSON_NOUNS = frozenset(
    (
        *("student", "man", "woman", "boy", "girl", "resident", "worker", "teacher"),
        *("doctor", "nurse", "farmer", "driver", "protester", "witness", "survivor"),
        *("victim", "mother", "father", "son", "daughter", "neighbour", "neighbor", "local"),
        *("villager", "soldier"),
    )
)
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those"])
_TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")


def _resolve(
    unit: Unit, start: int, end: int, quote: Quote, context: _Context, first: bool = False
) -> Speaker | None:
    """The speaker named in unit.text[start:end]: a pronoun's referent, a person, an
    organisation or publication, or a group ("officials"). ``first`` takes the name
    nearest the start (after the verb) instead of the one nearest the end."""
    span_text = unit.text[start:end].rstrip(" ,;:")
    passed_on = _PASSED_ON.search(span_text)
    if passed_on:  # "a letter seen by Sky News says": Sky News only saw it
        span_text = span_text[: passed_on.start()]
    end = start + len(span_text)
    # "Casicas also asked", "The president had previously called": the name, without the
    # adverbs and auxiliaries before the verb
    span_text = _TRAILING_ADVERBS.sub("", span_text.strip())
    opener = span_text.split(maxsplit=1)[0] if span_text else ""
    after_quote = re.search(r"[”\"]\s+(?=[A-Za-z])(?!.*[”\"])", span_text)
    if after_quote and not first and (opener in _LEAD_INS or opener.endswith("ing")):
        # "Calling it a “culture of death” the archbishop said": after the quoted words
        start += after_quote.end()
        span_text = span_text[after_quote.end() :]
    campaign = _CAMPAIGN.fullmatch(span_text)
    if campaign:  # "The Trump campaign described Taylor as": the campaign, not Trump
        return Speaker(f"{campaign['name']} campaign", "organization")
    if span_text.split()[-1:] == ["you"]:  # "((WN)) On your website, you wrote “…”"
        return _interviewee(quote, context)
    one_of = _ONE_OF.match(span_text)
    if one_of:  # "One of these groups, the Syrian Democratic Forces (SDF), said": the name
        return _resolve(unit, start + one_of.end(), end, quote, context, first=True)
    words = span_text.split()
    if not words:
        return None
    titled = None if first else _TITLED_NAME.search(span_text)
    if titled and titled.start() > 0:  # "Undersecretary for Education Mr. Toccafondi"
        offset = unit.text.find(titled.group(0), start)
        return _resolve(unit, offset, offset + len(titled.group(0)), quote, context)
    if "," in span_text and not first:  # "Of the public process, he" -> "he"
        lead, tail = (part.strip() for part in span_text.rsplit(",", 1))
        opener = lead.split()[0] if lead else ""
        tail = re.sub(r"^(?:and|but|yet|so|then)\s+", "", tail)  # "…, but he replied"
        lead_in = opener in _LEAD_INS or (opener.endswith("ing") and opener[:1].isupper())
        appositives = _named_before_appositives(unit, start, span_text)
        if appositives is not None:  # "Whitey MacDonald, chairperson of Local 1520, …"
            person = next(e for e in _named_people(unit) if e.end == start + appositives)
            return _resolve(unit, person.start, person.end, quote, context, first=True)
        last_of_lead = lead[lead.rfind(",") + 1 :].strip()
        named_in_lead = "," in lead and (
            _named_people(unit, start + lead.rfind(","), start + len(lead))
            or _NAME_SHAPE.match(last_of_lead)  # the model's company "Maya Roe Lund"
        )
        if lead_in and _describes(tail) and named_in_lead:
            # "Calling it a sham, Ana Lima of Harbour Watch, a charity, told …": Ana Lima
            return _resolve(unit, start, start + len(lead), quote, context, first)
        relative = re.match(r"(?:which|whom)\s+(?=\S)", tail)
        if relative:  # "the novel Obsession, which the Times called": the Times
            tail = tail[relative.end() :]
        if tail and (tail.split()[0].lower() in PRONOUNS or lead_in or relative):
            start, span_text, words = end - len(tail), tail, tail.split()
        elif lead and tail and _describes(tail):
            tail_at = end - len(tail)
            if _named_people(unit, tail_at, end) and not _named_people(unit, start, tail_at):
                # "The study's lead author, doctoral candidate Maninder Thind": the name
                return _resolve(unit, tail_at, end, quote, context, first)
            # "Jeff Rathke, the State Department Spokesperson": the name, not the job
            return _resolve(unit, start, start + len(lead), quote, context, first)
    if len(words) > 2 and words[0] in _LEAD_INS and words[-1].lower() in PRONOUNS:
        start, words = end - len(words[-1]), words[-1:]  # "Regarding the plan he said"
    if words[0].lower() in PRONOUNS:
        # "He then approached a director and said": one subject, two verbs
        two_verbs = (
            words[-1].lower() == "and"
            and words[1].lower() != "and"
            and len(words) <= 8
            and not any(start <= e.start < end for e in unit.ents if e.label in ("PERSON", "ORG"))
        )
        if (
            len(words) > 2
            and not two_verbs
            and not all(w.lower() in _AUXILIARIES for w in words[1:])
        ):
            return None  # "he went on to say" speaks; "he and the others said" is not him
        return _last_person_before(context, quote.paragraph, min(start, quote.start), words[0])
    written = _WRITTEN_BY.match(span_text)
    if written:  # "according to a tweet on Monday by Secretary of State Mike Pompeo"
        at = start + written.start("who")
        return _resolve(unit, at, at + len(written["who"]), quote, context, first=True)
    if _THE_STATEMENT.match(span_text):  # "…,” read the statement: whoever issued it
        return _statement_issuer(quote, context)
    if span_text.lower() == "which" and _DOCUMENT_BEFORE.search(unit.text[:start]):
        return _statement_issuer(quote, context)  # "X released a statement which read"
    if _ANONYMOUS_SOURCE.match(span_text):
        return None  # "a source within the Interior Ministry": not the ministry speaking
    lowered = [word.lower() for word in words]
    if (lowered[0] == "it" and len(words) <= 2) or (
        len(words) == 2 and lowered[0] == "the" and lowered[1] in COMPANY_NOUNS
    ):
        return (
            context.last_org
            or _organisation_before(unit, quote, context)
            or context.last_speaker
            or _main_organisation(context)
        )
    names = context.names
    people = _named_people(unit, start, end)
    organisations = [e for e in unit.ents if e.label == "ORG" and start <= e.start < end]
    ordered = people + organisations if first else people[::-1] + organisations[::-1]
    for person in people:  # "Procter & Gamble spokeswoman Jennifer Chelune": the person
        if _possessive(unit, person):
            continue  # "Chancellor Angela Merkel's spokesperson, Steffen Seibert"
        if _JOB_BEFORE.search(unit.text[start : person.start]):
            return _resolve(unit, person.start, person.end, quote, context, first=True)
    # (people are never in a title: _named_people left those out)
    in_a_title = any(in_title(e.text(unit.text), unit.text[: e.start]) for e in organisations)
    if not people and (not first or in_a_title):  # "… Commissioner for Competition Neelie Kroes"
        unmarked = _unmarked_name_at_end(unit, start, span_text)
        if unmarked is not None:
            return names.get(unmarked) or Speaker(unmarked, "person")
    if (
        people
        and end > people[0].end + 1
        and not any(start <= e.start < people[0].start for e in unit.ents)
        and _NAME_OF_BODY.match(unit.text[people[0].start :])
    ):  # "Lucy Fischer of The Times told", "Lead author Sally Wasef of … University"
        return _resolve(unit, people[0].start, people[0].end, quote, context, first=True)
    name = None if people else _name_of_body(span_text)
    if name is not None:
        at = start + span_text.index(name)
        # the model saw no name, or took the whole name for a body ("Suman Haripriya
        # of the Hajo assembly")
        if not any(
            e.start < at + len(name) and e.end > at and (e.start, e.end) != (at, at + len(name))
            for e in unit.ents
        ):
            return names.get(name) or Speaker(name, "person")
    for person in people if first else people[::-1]:
        fuller = _with_given_name(unit, person, clean_surface(person.text(unit.text), "PERSON"))
        if fuller is not None:  # "Mayor of London Sadiq Khan" when the model saw "Khan"
            return names.get(fuller) or Speaker(fuller, "person")
    edge = words[:3] if first else words[-3:]
    for size in (3, 2, 1):  # a name the story gave, at the edge next to the verb
        key = " ".join(edge[:size] if first else edge[-size:])
        key = _HONORIFIC.sub("", clean_surface(key, "PERSON"))
        # "Maya Rockeymoore Cummings" is not the story's other Cummings: a surname
        # inside a longer name the model did not know
        inside = not first and size < len(edge) and _NAME_SHAPE.match(" ".join(edge[-3:]))
        if key in names and (size > 1 or key[:1].isupper()) and not inside:
            return names[key]
    for ent in ordered:
        surface = clean_surface(ent.text(unit.text), ent.label)
        if names_a_jobs_field(unit.text[ent.end : end]):
            continue  # "The Tory Shadow Health Secretary": the model's name is the job's field
        titled = name_after_title(surface, unit.text[max(ent.start - 60, 0) : ent.start])
        if titled is not None:  # "Undersecretary of the Air Force for Acquisition Jo Roe"
            return names.get(titled) or Speaker(titled, "person")
        bare = _HONORIFIC.sub("", surface)
        for key in (surface, bare, bare.split()[-1] if bare else ""):
            # "Hotak alleged" (the model's organisation): the story's Sharif Hotak
            if key in names and (
                key != bare.split()[-1] or ent.label == "PERSON" or key == surface
            ):
                return names[key]
        glued = split_org_person(surface) if ent.label == "ORG" else None
        if glued is not None:  # "the Refugee Council Enver Solomon"
            return names.get(glued[1]) or Speaker(glued[1], "person")
        if is_role(bare):
            continue  # "State Department Spokesperson" names nobody
        if ent.label == "PERSON" and " " not in bare:
            given = re.search(r"(?<![.!?]\s)\b([A-Z][\w'’-]+)\s+$", unit.text[start : ent.start])
            if (
                given
                and not is_role(given.group(1))
                and given.group(1) not in names
                and given.group(1).lower() not in _DETERMINERS  # "The Wooster professor"
            ):
                return Speaker(f"{given.group(1)} {bare}", "person")  # "Enver Solomon"
            fixed = _misspelt(bare, names)
            if fixed is not None:
                return fixed  # "Ms Bauchtman" for the story's Lydia Buchtmann
        whole = ent.start <= start + 1 and ent.end >= start + len(span_text) - 1
        if ent.label == "PERSON" and " " not in bare and _KIN_BEFORE.search(unit.text[: ent.start]):
            return Speaker(bare, "person")  # "His wife Mary said"
        if ent.label == "PERSON" and (len(bare.split()) > 1 or bare != surface or whole):
            return Speaker(bare, "person")
        if ent.label == "ORG":
            rest = unit.text[ent.end :]
            fuller = [
                k
                for k in names
                if k.startswith(surface + " ") and rest.startswith(k[len(surface) :])
            ]
            if fuller:  # the model's "High Court of England", the story's "… and Wales"
                return names[max(fuller, key=len)]
            kin = names.get(surface.split()[-1])
            if kin is not None and kin.kind == "person" and _NAME_SHAPE.match(surface):
                return Speaker(surface, "person")  # "Maya Roe Cummings", the other Cummings' kin
            return Speaker(surface, _org_kind(surface))
    named = _PERSON_NAMED.search(span_text)
    if named and (named["head"].lower() in _PERSON_NOUNS or is_role(named["head"])):
        # "a student named Wong"
        return names.get(named["name"]) or Speaker(named["name"], "person")
    # The model may miss a name the story introduced earlier ("Rantanen said").
    bare_span = _HONORIFIC.sub("", re.sub(r"['’]s\b.*$", "", span_text))
    for surface, speaker in names.items():
        if re.search(rf"(?:^|\s){re.escape(surface)}$", bare_span):
            return speaker
    # ... or a whole name it took for something else ("Ana Lima" as the city of Lima).
    job = bare_span.split()[0].lower() in _DETERMINERS and is_role(bare_span.split()[-1])
    if _NAME_SHAPE.match(bare_span) and not job:  # "The Tory Shadow Health Secretary": a job
        untitled = clean_surface(bare_span, "PERSON")  # "Judge Clifford": Clifford
        return names.get(untitled) or Speaker(untitled or bare_span, "person")
    name = _name_of_body(bare_span)
    if name is not None:  # "Crystal C'Bearing of the Northern Arapaho … office"
        return names.get(name) or Speaker(name, "person")
    titled = re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+(?P<name>[A-Z][\w'’-]+)$", span_text)
    if titled:  # "Mr. Toccafondi says"; "Ms Bauchtman" for the story's Lydia Buchtmann
        return _misspelt(titled.group("name"), names) or Speaker(titled.group("name"), "person")
    if re.fullmatch(r"[A-Z][\w'’-]+", bare_span):
        # "Wasif suggested" for the story's Sally Wasef; "Geingob tweeted" for its Hage
        # Geingob (the model's company)
        fixed = _misspelt(bare_span, names) or _full_name(bare_span, quote, context)
        if fixed is not None:
            return fixed
    outlet = re.sub(r"^(?:the|The)\s+", "", bare_span)
    if re.fullmatch(r"[A-Z]{2,6}", outlet) and not any(
        e.label in ("GPE", "LOC", "NORP") and e.start >= start for e in unit.ents if e.end <= end
    ):
        return Speaker(outlet, "organization")  # "described by the CBCP as"
    if is_publication(outlet) and re.fullmatch(r"(?:[A-Z][\w'’&.-]*\s?){1,5}", outlet):
        return Speaker(outlet, "publication")  # "according to the Sydney Morning Herald"
    described = _described_person(span_text, quote, context)
    if described is not None:  # "the governor", "the 70-year-old": the person meant
        return described
    head = words[-1].lower().strip(",;:")
    if len(words) == 2 and lowered[0] == "the" and head in _BODY_HEADS:
        bodies = {
            speaker.name: speaker
            for speaker in names.values()
            if speaker.kind == "organization"
            and re.search(rf"\b{re.escape(head)}\b", speaker.name, re.I)
        }
        if len(bodies) == 1:  # "the commission said": the story's one Commission
            return next(iter(bodies.values()))
    named_body = [w for w in words[:-1] if w.lower() not in ("the", "a", "an")]
    if head in BODY_NOUNS and named_body and all(w[:1].isupper() for w in named_body):
        return Speaker(" ".join([*named_body, words[-1]]), "organization")  # "the Nobel committee"
    if head in GROUP_NOUNS and len(words) <= 5:
        group = " ".join(w for w in words if w.lower() not in ("the", "a", "an", "one", "some"))
        return Speaker(group.lower() if group[:1].islower() else group, "group")
    return None
