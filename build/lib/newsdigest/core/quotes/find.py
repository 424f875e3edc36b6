"""Finding direct quotations marked with double quotes, curly or straight.

Single quotes never open a quotation: inside double quotes they are nested quotes,
elsewhere they are apostrophes ("alliance’s", "don't"). Wire convention is followed
for quotes that run over several paragraphs: a paragraph that ends inside a quote
continues it when the next paragraph opens with a quote mark. A quote still open at
a paragraph end with no such continuation ends there and is marked unbalanced.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_CURLY, CLOSE_CURLY, STRAIGHT = "“", "”", '"'
_OPENS_AFTER = " \t([{—–-/:;,"  # a straight quote after these (or at the start) opens


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
    speaker_kind: str | None = None  # "person" or "organization"
    attribution: str | None = None  # how the speaker was found (for tests and inspect)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "continues_previous": self.continues_previous,
        }


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """Every quotation in the story, in order."""
    quotes: list[Quote] = []
    carried = False  # the previous paragraph ended inside a quote
    for index, paragraph in enumerate(paragraphs):
        opens_with_quote = paragraph[:1] in (OPEN_CURLY, STRAIGHT)
        if carried and not opens_with_quote and quotes:
            quotes[-1].unbalanced = True
        found, carried = _scan(paragraph, index, continued=carried and opens_with_quote)
        quotes.extend(found)
    if carried and quotes:
        quotes[-1].unbalanced = True
    return quotes


def _scan(paragraph: str, index: int, continued: bool) -> tuple[list[Quote], bool]:
    quotes: list[Quote] = []
    start: int | None = None
    for position, char in enumerate(paragraph):
        if start is None and _opens(paragraph, position, char):
            start = position + 1
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


def _closes(paragraph: str, position: int, char: str) -> bool:
    if char == CLOSE_CURLY:
        return True
    return char == STRAIGHT and position > 0 and not paragraph[position - 1].isspace()


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
