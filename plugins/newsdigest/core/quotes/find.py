"""Finding direct quotations marked with double quotes, curly or straight.

Single quotes never open a quotation: inside double quotes they are nested quotes,
elsewhere they are apostrophes ("alliance’s", "don't"). Wire convention is followed
for quotes that run over several paragraphs: a paragraph that ends inside a quote
continues it when the next paragraph opens with a quote mark (a photo caption between
the two, "… Image: NASA.", does not break it). A quote still open at a paragraph end
with no such continuation ends there and is marked unbalanced. A straight mark that
is never closed (a second straight mark turns up where only an opening one fits, as
in 'comet Wild (also known as "Wild 2) … to "discover" the samples') opened nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsdigest.core.quotes.verbs import SPEECH_VERBS

OPEN_CURLY, CLOSE_CURLY, STRAIGHT = "“", "”", '"'
_OPENS_AFTER = " \t([{—–-/:;,"  # a straight quote after these (or at the start) opens
# A picture's caption or credit line, which may sit inside a quote that runs on.
_CAPTION = re.compile(r"(?:^|[.!?]\s)(?:Image|Photo|Picture|Credit)s?:\s*[^.!?]{1,80}\.?\s*$")


@dataclass
class Quote:
    """One quoted stretch of one paragraph (a multi-paragraph quote has one per paragraph)."""

    text: str
    paragraph: int
    start: int  # offsets of ``text`` in the paragraph, quote marks excluded
    end: int
    mark_end: int = 0  # just past the closing mark (where an attribution would start)
    continues_previous: bool = False  # the second or later paragraph of one quotation
    unbalanced: bool = False  # no closing mark where one was due
    speaker: str | None = None
    speaker_kind: str | None = None  # person, organization, publication or group
    attribution: str | None = None  # how the speaker was found (for tests and inspect)
    cue: str | None = None  # the words that attribute it ("said Ambassador Mohib")
    quotation: int = 0  # parts of one quotation (over paragraphs, around "he said") share it

    @property
    def words(self) -> int:
        return len(self.text.split())

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "cue": self.cue,
            "attribution": self.attribution,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "quotation": self.quotation,
            "continues_previous": self.continues_previous,
        }


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """Every double-quoted stretch of the story, in order (see ``is_scare_quote``)."""
    quotes: list[Quote] = []
    carried = False  # the previous paragraph ended inside a quote
    for index, paragraph in enumerate(paragraphs):
        if carried and is_caption(paragraph):
            continue
        opens_with_quote = paragraph[:1] in (OPEN_CURLY, STRAIGHT)
        if carried and not opens_with_quote and quotes:
            quotes[-1].unbalanced = True
        found, carried = _scan(paragraph, index, continued=carried and opens_with_quote)
        quotes.extend(found)
    if carried and quotes:
        quotes[-1].unbalanced = True
    for quote in quotes:
        if quote.unbalanced:
            _close_at_single_mark(quote, paragraphs[quote.paragraph])
    return quotes


# The first words of a quote closed by a single mark, the typo '"new readers' through'.
_SINGLE_CLOSE = re.compile(r"^[^'’\"“”]{1,40}?\w['’](?=[\s.,;:?!]|$)")


def _close_at_single_mark(quote: Quote, paragraph: str) -> None:
    """A straight mark that opened mid-paragraph and was never closed, where a single
    mark ends its first few words ('interaction with "new readers' through your work'):
    the writer closed it with the wrong mark, so the quote is those words."""
    if quote.start < 2 or paragraph[quote.start - 1] != STRAIGHT or quote.continues_previous:
        return
    match = _SINGLE_CLOSE.match(quote.text)
    if match is None or len(match.group(0).split()) > 4:
        return
    quote.text = match.group(0)[:-1]
    quote.end = quote.start + len(quote.text)
    quote.mark_end = quote.end + 1
    quote.unbalanced = False


def is_caption(paragraph: str) -> bool:
    """A short caption paragraph ending in its credit ("Endeavour on the pad. Image: NASA.")."""
    return len(paragraph) <= 300 and bool(_CAPTION.search(paragraph))


def _scan(paragraph: str, index: int, continued: bool) -> tuple[list[Quote], bool]:
    quotes: list[Quote] = []
    start: int | None = None
    for position, char in enumerate(paragraph):
        if start is None and _opens(paragraph, position, char):
            start = position + 1
        elif start is not None and char == STRAIGHT and _stray(paragraph, start - 1, position):
            start = position + 1  # the earlier straight mark opened nothing
        elif start is not None and _closes(paragraph, position, char):
            _add(quotes, paragraph, index, start, position, continued and not quotes)
            start = None
        elif start is not None and char == OPEN_CURLY:
            # A new opening mark inside an open quote: the first one was never closed.
            _add(quotes, paragraph, index, start, position, continued and not quotes, True)
            start = position + 1
    if start is not None:
        _add(quotes, paragraph, index, start, len(paragraph), continued and not quotes)
        return quotes, True
    return quotes, False


def _opens(paragraph: str, position: int, char: str) -> bool:
    if char == OPEN_CURLY:
        return True
    return char == STRAIGHT and (position == 0 or paragraph[position - 1] in _OPENS_AFTER)


def _stray(paragraph: str, opened: int, position: int) -> bool:
    """A straight mark that can only open ('to "discover'), met inside a quote that a
    straight mark opened, in a paragraph with an odd number of straight marks from
    there on: that earlier mark was never closed (with an even number, the marks are
    nested, '"… it wouldn't be called "research"."')."""
    if paragraph[opened] != STRAIGHT or paragraph[position] != STRAIGHT or opened < 1:
        return False
    after = paragraph[position + 1 : position + 2]
    opens_only = paragraph[position - 1].isspace() and (after.isalnum() or after in "‘'")
    return opens_only and paragraph.count(STRAIGHT, opened) % 2 == 1


def _closes(paragraph: str, position: int, char: str) -> bool:
    if char == CLOSE_CURLY:
        return True
    if char == OPEN_CURLY:  # "…decision.“ However": an opening mark typed as the closing one
        after = paragraph[position + 1 : position + 2]
        return position > 0 and paragraph[position - 1] in ".!?," and after in ("", " ")
    if char != STRAIGHT or position == 0:
        return False
    # "… so clearly.' "": after a nested quote and a space, or last in the paragraph
    spaced = paragraph[position - 2 : position] in ("' ", "’ ")
    return not paragraph[position - 1].isspace() or spaced or not paragraph[position + 1 :].strip()


def _add(quotes, paragraph, index, start, end, continued, unbalanced=False) -> None:
    raw = paragraph[start:end]
    stripped = raw.strip().rstrip(",;: —–").rstrip()  # "…concrete,” she said": not the comma
    if not stripped:
        return
    offset = start + raw.index(stripped)
    mark_end = min(end + 1, len(paragraph))
    quotes.append(
        Quote(stripped, index, offset, offset + len(stripped), mark_end, continued, unbalanced)
    )


MIN_QUOTATION_WORDS = 4
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "vs.",
        "with",
        "de",
        "la",
        "le",
        "von",
        "van",
    ]
)


# Words that present what follows as a term, a name or a saying, not as speech.
_NAMED_AS = re.compile(
    r"\b(?:called|dubbed|named|titled|entitled|known as|know[sn]?(?: [\w'’]+){1,2} as"
    r"|(?:is|are|was|were|be|been) (?:considered|deemed)|referred to as|billed as"
    r"|so-called|term|word|words|phrase"
    r"|expression|slogan|motto|mantra|maxim|adage|(?:the|an?|old) saying|proverb|catchphrase"
    r"|hashtag"
    r"|headline|label|like|such as)[\s,:]*$",
    re.IGNORECASE,
)


# 'named the virus that causes it "severe acute …"': a name given to what the verb names
_NAMED_OBJECT = re.compile(
    r"\b(?:named|renamed|titled|christened|nicknamed)\s+(?:[\w'’-]+\s+){1,6}$", re.IGNORECASE
)
# 'a banner saying "put it to the people"': words on a sign are a slogan, not speech
_ON_A_SIGN = re.compile(
    r"\b(?:banners?|signs?|placards?|posters?|t-shirts?|shirts?|billboards?|graffiti)\b"
    r"[^.;“”\"]{0,60}?\b(?:saying|reading|read|reads|that\s+(?:said|read)|which\s+(?:said|read)"
    r"|with\s+the\s+words)[\s,:]*$",
    re.IGNORECASE,
)
# 'The 14th Amendment states: "all persons born …"', 'the statute prohibits funds from
# being used "in programs where …"', 'the statutory prohibition on funding "…"': a law's
# wording, which no one says
_LAW_WORDING = re.compile(
    r"\b(?:Amendment|Article\s+\d+|Section\s+\d+|Constitution|Code|§\s*\d+|Act|[Ss]tatute"
    r"|[Cc]lause)\b[^.,;“”\"]{0,70}?\b(?:states|says|reads|provides|stipulates|sets"
    r"|prohibits|forbids|bars|requires|mandates|defines)\b"
    r"[^.;“”\"]{0,80}?[:,]?\s*$"  # no comma before the verb: "Under Article 5, X says"
    r"|\b(?:statutory|regulatory)\s+(?:prohibition|requirement|ban|bar|definition|language"
    r"|text|wording|mandate|provision)s?\s+(?:[a-z-]+\s+){0,3}$"
)
# 'under the "one country, two systems" model': quoted words used as a modifier
_MODIFIES_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this)\s*$", re.IGNORECASE)
_MODIFIES_NOUN_AFTER = re.compile(r"\s+(?P<word>[a-z][a-z-]+)\b(?<!ing)(?<!ed)(?<!ly)")
_NOT_NOUNS = frozenset(
    (
        *("and", "or", "but", "nor", "so", "yet", "for", "of", "in", "on", "at", "to", "by"),
        *("with", "from", "as", "than", "that", "which", "who", "whom", "whose", "is", "was"),
        *("were", "are", "be", "been", "has", "have", "had", "will", "would", "can", "could"),
        *("may", "might", "must", "should", "do", "did", "not", "also", "then", "when"),
        *("where", "while", "if", "because", "after", "before", "until"),
    )
)
# “It's carnage,” he said. / “No comment,” said Ms Roe: a short sentence someone said.
_SAID_AFTER = re.compile(
    rf"^(?:(?:he|she|they|I|we|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){{0,2}})\s+(?:{SPEECH_VERBS})\b"
    rf"|(?:{SPEECH_VERBS})\s+(?:[A-Z]|the\s|an?\s))"
)


# 'Szumowski said "We couldn't win," and …': the verb just before the words
_SAID_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})[\s,:]*$", re.IGNORECASE)


def is_short_saying(quote: Quote, paragraph: str) -> bool:
    """Two or three words that open a sentence, closed by their own comma, "!" or "?"
    and attributed at once (“It's carnage,” he said; he said, “We couldn't win.”): a
    quotation, however short."""
    if len(quote.text.split()) < 2 or not quote.text[:1].isupper():
        return False
    before = paragraph[: max(quote.start - 1, 0)]
    closing = paragraph[quote.end : quote.end + 1]
    if _SAID_BEFORE.search(before) and (quote.text[-1:] in ".!?" or closing in (",", ".")):
        return True
    opens_sentence = quote.start <= 1 or before.rstrip()[-1:] in ".!?:"
    closed = quote.text[-1:] in "!?" or closing in (",", "!", "?")
    after = paragraph[quote.mark_end :].lstrip(" ,")
    return opens_sentence and closed and bool(_SAID_AFTER.match(after))


# "I was thinking, “oh I should have said …”", "we can say, “yes this piece is …”",
# "Some people say “oh it's because …”": thought and imagined speech, not a quotation
_IMAGINED_BEFORE = re.compile(
    r"\b(?:thinking|wondering|imagining|(?:can|could|might)\s+say)[\s,:]*$", re.IGNORECASE
)
_INTERJECTION = re.compile(r"(?:oh|ah|uh|um|hmm+|yeah)\b")


def is_scare_quote(quote: Quote, paragraph: str) -> bool:
    """Quoted words that are not a quotation: a fragment of fewer than four words ("too
    shrill", "parole"), a name or title in title case ("Fox News Sunday", "Top of the
    Spear.") that is not a sentence of its own, or words presented as a term or a
    saying ('the adage, "Those who forget history …"', 'a question like "…"')."""
    if quote.continues_previous:
        return False
    words = quote.text.split()
    before = paragraph[max(quote.start - 160, 0) : max(quote.start - 1, 0)]
    if _ON_A_SIGN.search(before[-100:]) or _LAW_WORDING.search(before):
        return True  # before the short-saying check: 'a sign that read "No Entry."'
    if _IMAGINED_BEFORE.search(before) or _INTERJECTION.match(quote.text):
        return True
    if len(words) < MIN_QUOTATION_WORDS:
        return not is_short_saying(quote, paragraph)
    lead_in = before[-39:]  # the words just before the opening mark
    named_as = _NAMED_AS.search(lead_in) if len(words) <= 12 else None
    unpunctuated = quote.text.rstrip()[-1:] not in ",.!?;:…"
    if named_as is None and len(words) <= 8 and unpunctuated:
        named_as = _NAMED_OBJECT.search(lead_in)
    if named_as and not (
        # "which the Times called “the steamiest book ever written by …”": its words for it
        named_as.group(0).strip(" ,:").lower() in ("called", "dubbed")
        and len(words) >= 6
        and quote.text[:1].islower()
    ):
        return True
    if len(words) <= 6 and unpunctuated and _MODIFIES_NOUN_BEFORE.search(lead_in):
        noun = _MODIFIES_NOUN_AFTER.match(paragraph[quote.mark_end :])
        if noun and noun["word"] not in _NOT_NOUNS and not re.fullmatch(SPEECH_VERBS, noun["word"]):
            return True  # 'the "one country, two systems" model': a name for a kind of thing
    content = [
        w for w in words if w.lower().strip(",.:;") not in _SMALL_WORDS and re.search(r"\w", w)
    ]
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    whole_paragraph = quote.start <= 1 and quote.end >= len(paragraph) - 2
    every_word = (
        bool(content)
        and capitalised == len(content)
        and (len(words) <= 6 or _unattributed_title(quote, paragraph, before))
    )
    ends_sentence = not every_word and (
        quote.text.rstrip()[-1:] in ".!?,…" or paragraph[quote.end : quote.end + 1] == ","
    )
    return (
        bool(content)
        and capitalised / len(content) >= 0.6
        and not ends_sentence
        and not whole_paragraph
        and len(words) <= (20 if every_word else 12)  # a long title, every word capitalised
    )


# 'at the trust’s “The Quay Challenge: Launch Event and Ferry Showcase.”': seven words or
# more, every one capitalised, with no speech verb at either side, name a thing; “We Will
# Not Move The Market Today,” the director said, and shouted capitals, are speech.
_SPEECH_VERB_SOON = re.compile(rf"^[^.;“”\"]{{0,40}}?\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)


def _unattributed_title(quote: Quote, paragraph: str, before: str) -> bool:
    return not (
        quote.text.isupper()
        or _SAID_BEFORE.search(before)
        or _SPEECH_VERB_SOON.match(paragraph[quote.mark_end :])
    )


def split_scare_quotes(quotes: list[Quote], paragraphs: Sequence[str]):
    """(quotations, scare quotes): a part that continues a scare quote goes with it."""
    kept: list[Quote] = []
    scare: list[Quote] = []
    previous = None
    for quote in quotes:
        continues_scare = quote.continues_previous and bool(scare) and scare[-1] is previous
        if continues_scare or is_scare_quote(quote, paragraphs[quote.paragraph]):
            scare.append(quote)
        else:
            kept.append(quote)
        previous = quote
    return kept, scare
