"""Choosing the pull-quote, by explicit rules, and where it goes in the page.

Eligible: a named person speaks; the quote is a complete clause (a subject and a verb
inside it, so "a couple of hundred" never qualifies); its length is within the
site's limits; it is not in the lede; its marks balance. Among eligible quotes the
highest score wins: a comfortable length, a capitalised opening (a whole sentence),
a speaker's own voice (we, I, you), strong words, and no procedural phrasing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsdigest.core.nlp import Analysis
from newsdigest.core.quotes.find import Quote
from newsdigest.core.settings import setting

_VOICE = re.compile(r"\b(?:we|i|us|our|my|you|your)\b", re.IGNORECASE)
_STRONG = re.compile(
    r"\b(?:never|only|must|cannot|can't|won't|will not|no one|nobody|every|everyone|always"
    r"|worse|worst|best|dream|fear|afraid|proud|wrong|right|fight|lose|losing|dead|alive)\b",
    re.IGNORECASE,
)
_PROCEDURAL = re.compile(
    r"\b(?:consist of|in accordance|consultation|coordination|activities|framework|process"
    r"|procedures?|mechanisms?|modalities|stakeholders|agreed to|in the first instance)\b",
    re.IGNORECASE,
)
_OPENING_WORDS = 6


@dataclass(frozen=True)
class PullQuoteOptions:
    min_words: int = 8
    max_words: int = 40

    @classmethod
    def from_settings(cls, settings: dict) -> PullQuoteOptions:
        return cls(
            min_words=int(setting(settings, "NEWSDIGEST_PULLQUOTE_MIN_WORDS")),
            max_words=int(setting(settings, "NEWSDIGEST_PULLQUOTE_MAX_WORDS")),
        )


def is_complete_clause(quote: Quote, analysis: Analysis) -> bool:
    """A subject and a verb both inside the quote (uses the shared parse)."""
    tokens = analysis.paragraphs[quote.paragraph].tokens
    if not tokens.deps:
        return quote.words >= 5  # no parse: fall back to length alone
    inside = [i for i in range(len(tokens)) if quote.start <= tokens.starts[i] < quote.end]
    has_subject = any(tokens.deps[i] in ("nsubj", "nsubjpass", "expl") for i in inside)
    has_verb = any(tokens.pos[i] in ("VERB", "AUX") for i in inside) if tokens.pos else True
    return has_subject and has_verb


def eligible(quote: Quote, analysis: Analysis, options: PullQuoteOptions) -> bool:
    return (
        quote.speaker_kind == "person"
        and options.min_words <= quote.words <= options.max_words
        and quote.paragraph > 0
        and not quote.unbalanced
        and is_complete_clause(quote, analysis)
    )


def score(quote: Quote) -> float:
    value = 2.0 if 12 <= quote.words <= 30 else 1.0
    if quote.text[:1].isupper():
        value += 1.5
    if _VOICE.search(quote.text):
        value += 1.0
    value += min(len(_STRONG.findall(quote.text)), 2)
    value -= len(_PROCEDURAL.findall(quote.text))
    return value


def choose_pull_quote(
    quotes: Sequence[Quote],
    analysis: Analysis,
    options: PullQuoteOptions,
    choice: str | None = None,
    warnings: list[str] | None = None,
) -> Quote | None:
    """The pull-quote: the editor's choice (opening words, or "none"), else the best."""
    if choice is not None and choice.strip():
        wanted = _normalize(choice)
        if wanted == "none":
            return None
        for quote in quotes:
            if _normalize(quote.text).startswith(wanted):
                return quote
        if warnings is not None:
            warnings.append(f"PullQuote: no quotation starts with '{choice.strip()}'")
    candidates = [q for q in quotes if eligible(q, analysis, options)]
    if not candidates:
        return None
    return max(candidates, key=lambda q: (score(q), -q.paragraph, -q.start))


def _normalize(text: str) -> str:
    return " ".join(re.sub(r"[“”\"‘’'.,…]", "", text).lower().split())


def pull_quote_position(quote: Quote, paragraph_count: int) -> int:
    """After which paragraph the pull-quote goes: after the third paragraph when the
    quote comes later (a teaser), else after the paragraph that follows the quote, so
    it never sits beside its own words; never after the last paragraph."""
    if paragraph_count <= 2:
        return 0
    position = 2 if quote.paragraph > 2 else quote.paragraph + 1
    return min(position, paragraph_count - 2)
