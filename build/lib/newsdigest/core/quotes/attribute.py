"""Who said it: speech-verb patterns first, the dependency parse when they miss.

Handles "…,” he told reporters", "…,” said Mayor Inês Carvalho", "Stoltenberg said
only that “…”", "according to …", pronouns (the last named speaker or person), a
paragraph that opens with an unattributed quote (the previous speaker continues),
and surnames or titled names resolved to the canonical name from the entity tags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdigest.core.entities.extract import Entity, clean_surface
from newsdigest.core.nlp import Analysis, Unit
from newsdigest.core.quotes.find import Quote

SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|asked|asks|warned|warns|wrote|writes|explained"
    r"|insisted|noted|argued|continued|replied|stated|declared|announced|recalled|admitted"
    r"|acknowledged|cautioned|urged|joked|laughed|conceded|complained|predicted|promised"
)
SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "ask",
        "warn",
        "write",
        "explain",
        "insist",
        "note",
        "argue",
        "continue",
        "reply",
        "state",
        "declare",
        "announce",
        "recall",
        "admit",
        "acknowledge",
        "caution",
        "urge",
        "joke",
        "laugh",
        "concede",
        "complain",
        "predict",
        "promise",
    ]
)
_NAME_SHAPE = re.compile(
    r"^[A-Z][\w'’-]+(?: (?:de|da|van|von|al|[A-Z][\w'’-]+)){0,2} [A-Z][\w'’-]+$"
)
PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
# "…,” he told reporters." / "…,” Rantanen said." / "…,” said Mayor Inês Carvalho, who …"
_AFTER_SPEAKER_VERB = re.compile(
    rf"^[\s,—–-]*(?P<who>[^.!?“”\"]{{1,90}}?)\s+(?:{SPEECH_VERBS})\b", re.IGNORECASE
)
_AFTER_VERB_SPEAKER = re.compile(
    rf"^[\s,—–-]*(?:{SPEECH_VERBS})\s+(?P<who>[^.!?,“”\"]{{1,90}})", re.IGNORECASE
)
_ACCORDING_TO = re.compile(r"^[\s,—–-]*according to\s+(?P<who>[^.!?,“”\"]{1,90})", re.I)
# "Stoltenberg said only that “…" / "…, she said: “…"
_BEFORE = re.compile(
    rf"(?P<who>[^.!?“”\"]{{1,120}}?)\s+(?:{SPEECH_VERBS})\b(?:\s+\w+){{0,3}}?"
    rf"(?:\s+that(?:\s+\w+){{0,2}})?\s*[,:]?\s*$",
    re.IGNORECASE,
)


def attribute_quotes(
    quotes: list[Quote], analysis: Analysis, entities: Sequence[Entity] = ()
) -> list[Quote]:
    """Fill in ``speaker`` on every quote (None when the story does not say)."""
    names = _canonical_names(entities)
    paragraphs = analysis.paragraphs
    people = _person_mentions(paragraphs, quotes, names)
    previous: Quote | None = None
    for quote in quotes:
        unit = paragraphs[quote.paragraph]
        last_speaker = _last_person_before(people, quote.paragraph, quote.start)
        found = None
        if quote.continues_previous and previous is not None:
            found = (
                (previous.speaker, previous.speaker_kind, "continues") if previous.speaker else None
            )
        found = found or _by_pattern(quote, unit, names, last_speaker)
        found = found or _by_parse(quote, unit, names, last_speaker)
        if found is None and previous is not None and previous.speaker:
            # No attribution at all: wire style continues the previous speaker.
            same_paragraph = previous.paragraph == quote.paragraph
            opens_paragraph = quote.start <= 1 and previous.paragraph == quote.paragraph - 1
            if same_paragraph or opens_paragraph:
                found = (previous.speaker, previous.speaker_kind, "previous speaker")
        if found is not None:
            quote.speaker, quote.speaker_kind, quote.attribution = found
        else:
            quote.speaker, quote.speaker_kind, quote.attribution = None, None, None
        previous = quote
    return quotes


def _person_mentions(paragraphs: Sequence[Unit], quotes: list[Quote], names):
    """(paragraph, offset, name) of every person named outside quotation marks."""
    inside = {(q.paragraph, q.start, q.end) for q in quotes}
    mentions = []
    for index, unit in enumerate(paragraphs):
        for ent in unit.ents:
            if ent.label != "PERSON" or any(
                p == index and a <= ent.start < b for p, a, b in inside
            ):
                continue
            surface = clean_surface(ent.text(unit.text), ent.label)
            name = names.get(surface, (surface, "person"))
            if name[1] == "person":
                mentions.append((index, ent.start, name[0]))
    return mentions


def _last_person_before(mentions, paragraph: int, offset: int) -> tuple[str, str] | None:
    """The referent of "he" or "she": the person named most recently before the quote."""
    before = [m for m in mentions if (m[0], m[1]) < (paragraph, offset)]
    return (before[-1][2], "person") if before else None


def _canonical_names(entities: Sequence[Entity]) -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for entity in entities:
        if entity.kind in ("person", "organization"):
            for surface in (*entity.surfaces, entity.name):
                names.setdefault(surface, (entity.name, entity.kind))
    return names


def _by_pattern(quote, unit: Unit, names, last_speaker):
    text = unit.text
    after = text[quote.mark_end :]
    for pattern, how in (
        (_AFTER_SPEAKER_VERB, "after"),
        (_AFTER_VERB_SPEAKER, "inverted"),
        (_ACCORDING_TO, "according to"),
    ):
        match = pattern.match(after)
        if match:
            start = quote.mark_end + match.start("who")
            speaker = _resolve(unit, start, start + len(match.group("who")), names, last_speaker)
            return (*(speaker or (None, None)), how)  # "said an official": no name given
    before_end = max(quote.start - 1, 0)
    boundaries = [text.rfind(mark, 0, before_end) for mark in (". ", "” ", '" ')]
    sentence_start = max((b + 2 for b in boundaries if b >= 0), default=0)
    match = _BEFORE.search(text[sentence_start:before_end])
    if match:
        start = sentence_start + match.start("who")
        speaker = _resolve(unit, start, start + len(match.group("who")), names, last_speaker)
        return (*(speaker or (None, None)), "before")
    return None


def _by_parse(quote, unit: Unit, names, last_speaker):
    """A speech verb outside the quote, in the same sentence, and its subject."""
    tokens = unit.tokens
    if not tokens.deps:
        return None
    sentence = next((s for s in unit.sents if s.start <= quote.start < s.end), None)
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(unit.text))
    for i in range(len(tokens)):
        inside_quote = quote.start <= tokens.starts[i] < quote.end
        if inside_quote or not lo <= tokens.starts[i] < hi:
            continue
        if tokens.lemmas and tokens.lemmas[i].lower() in SPEECH_LEMMAS:
            for j in range(len(tokens)):
                if tokens.heads[j] == i and tokens.deps[j] in ("nsubj", "nsubjpass") and j != i:
                    left, right = _subtree(tokens, j)
                    speaker = _resolve(
                        unit, tokens.starts[left], tokens.ends[right], names, last_speaker
                    )
                    return (*(speaker or (None, None)), "parse")
    return None


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


def _resolve(unit: Unit, start: int, end: int, names, last_speaker) -> tuple[str, str] | None:
    """The person (or organization) named in unit.text[start:end], or a pronoun's referent."""
    span_text = unit.text[start:end].strip()
    if span_text.split()[:1] and span_text.split()[0].lower() in PRONOUNS:
        return last_speaker if len(span_text.split()) <= 2 else None
    for kind_label in ("PERSON", "ORG"):
        candidates = [e for e in unit.ents if e.label == kind_label and start <= e.start < end]
        for ent in reversed(candidates):  # the name closest to the verb
            surface = clean_surface(ent.text(unit.text), ent.label)
            if surface in names:
                return names[surface]
            if kind_label == "PERSON" and len(surface.split()) > 1:
                return surface, "person"
    # The model may miss a surname the story introduced earlier ("Rantanen said").
    for surface, resolved in names.items():
        if resolved[1] == "person" and re.search(rf"\b{re.escape(surface)}$", span_text):
            return resolved
    # ... or a whole name it took for something else ("Ana Lima" as the city of Lima).
    if _NAME_SHAPE.match(span_text):
        return span_text, "person"
    return None
