"""Headlines and summaries derived from a story's lede when the editor gave none.

A derived headline is the lede's main clause: the attribution ("..., the alliance's
top official said Wednesday") and trailing clauses (", but ...") are cut, it is put in
headline style (present tense, no articles: ``headlinese``), kept under a length limit
at a word boundary, and it never ends on a dangling word.
"""

from __future__ import annotations

import re

from newsdigest.core.text.headlinese import headlinese
from newsdigest.core.text.sentences import split_sentences

HEADLINE_MAX = 90
SUMMARY_MAX = 300
TEASER_MAX = 200  # a card's text: two lines of a lead, four of a grid card
_MIN_HEAD_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+")

# ", <up to ~10 words> said|says|told ..." — the attribution that follows a lede's claim.
_ATTRIBUTION = re.compile(
    r",\s+(?:[^,;]{0,80}?\s)?(?:said|says|announced|told|reported|warned|added|according to"
    r"|confirmed|claimed|stated)\b"
)
_CLAUSE_BREAK = re.compile(
    r"(?:,\s+(?:but|and|while|which|who|as|after|although|though|despite|even though|because"
    r"|since|with|amid|following|before|where|when|in a|in an|\w+ing)\b|;\s|\s[—–]\s|:\s"
    r"|\s(?:after|because|while|when|despite|amid|following|although|though|since)\s)"
)
# Headlines drop the day: "agreed on Monday to share" -> "agreed to share".
_WHEN = re.compile(
    r"\s+(?:(?:late|early)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\s+(?:this|last)\s+(?:week|month|weekend)\b"
)
# Words a long headline may be cut *before*, so it ends on a whole phrase.
_CUT_BEFORE = frozenset(
    [
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "over",
        "under",
        "across",
        "into",
        "after",
        "before",
        "about",
        "than",
        "to",
        "of",
        "and",
        "or",
        "but",
        "as",
        "that",
        "which",
        "who",
        "while",
        "near",
        "between",
        "during",
        "through",
        "against",
        "without",
    ]
)
# Cut before these and the noun before them is left hanging: "strike over plans (to
# automate …)", "cost (of the ferry)", "fears (that …)".
_BINDS_TO_NOUN = frozenset({"to", "of", "that", "than"})
# "Officials said Tuesday that the bridge ..." -> "The bridge ..."
_REPORTED_SPEECH = re.compile(
    r"^[^,]{0,70}?\b(?:said|says|announced|reported|confirmed)\b(?:\s+\w+day)?\s+that\s+(?P<claim>.+)$"
)
_DANGLING = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "that",
        "its",
        "their",
        "his",
        "her",
        "our",
        "into",
        "over",
        "under",
        "after",
        "before",
        "about",
        "than",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        # adjectives that never end a headline: "… to approve new"
        "new",
        "former",
        "first",
        "last",
        "more",
        "most",
        "less",
        "major",
        "several",
        "many",
        "other",
        "same",
        "top",
    ]
)
# "The museum said that it would ..." is no headline once cut to "It would ...".
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "this", "these", "those"})
_TRAILING_PUNCT = " ,;:—–-.\"'“”‘’"


def derive_headline(lede: str, max_length: int = HEADLINE_MAX) -> str:
    """Return a short headline from the lede paragraph, or "" when it has no words."""
    sentences = split_sentences(lede)
    if not sentences:
        return ""
    sentence = _WHEN.sub("", sentences[0].strip().rstrip(".!?").strip())
    reported = _REPORTED_SPEECH.match(sentence)
    if (
        reported
        and len(reported.group("claim").split()) >= _MIN_HEAD_WORDS
        and reported.group("claim").split()[0].lower() not in _PRONOUNS
    ):
        sentence = reported.group("claim")
    head = _cut_at(headlinese(sentence), _ATTRIBUTION)
    head = _cut_at(head, _CLAUSE_BREAK)
    head = _shorten(head, max_length)
    return head[:1].upper() + head[1:]


def _cut_at(text: str, pattern: re.Pattern[str]) -> str:
    for match in pattern.finditer(text):
        candidate = text[: match.start()]
        if len(candidate.split()) >= _MIN_HEAD_WORDS:
            return candidate
    return text


def _shorten(text: str, max_length: int) -> str:
    """Fit ``text`` in ``max_length``, ending before a preposition or conjunction if one
    allows it (never inside a name such as "Gulf of Finland"), else at a word."""
    words = text.strip(_TRAILING_PUNCT).split()
    if len(" ".join(words)) > max_length:
        fits, length = [], -1
        for i, word in enumerate(words):  # linear: a story may be one huge sentence
            length += len(word) + 1
            if length > max_length:
                break
            fits.append(i + 1)
        phrase_ends = [
            i
            for i in fits
            if i < len(words)
            and i >= _MIN_HEAD_WORDS
            and words[i].lower() in _CUT_BEFORE
            and words[i].lower() not in _BINDS_TO_NOUN
        ]
        words = words[: (phrase_ends or fits or [1])[-1]]
    while len(words) > _MIN_HEAD_WORDS and _dangles(words[-1]):
        words.pop()
    return " ".join(words).strip(_TRAILING_PUNCT)


def _dangles(word: str) -> bool:
    bare = word.lower().strip(_TRAILING_PUNCT)
    return bare in _DANGLING or bare.endswith(("'s", "’s"))


def derive_summary(paragraphs: list[str], max_length: int = SUMMARY_MAX) -> str:
    """Return the lede sentence(s): whole sentences from the first paragraph up to a limit."""
    if not paragraphs:
        return ""
    return _fill(split_sentences(paragraphs[0]), max_length)


def derive_teaser(title: str, paragraphs: list[str], max_length: int = TEASER_MAX) -> str:
    """The text under a headline on a story card: the lede, unless its first sentence only
    says the headline again (as a derived headline always does); then the sentences after
    it, so a card tells the reader something the headline did not."""
    sentences = [
        sentence for paragraph in paragraphs[:3] for sentence in split_sentences(paragraph)
    ]
    if len(sentences) > 1 and echoes(title, sentences[0]):
        return _fill(sentences[1:], max_length)
    return derive_summary(paragraphs, max_length)


def echoes(title: str, sentence: str) -> bool:
    """True when most of the headline's words (by stem, so "agree" matches "agreed") are
    in the sentence."""
    stems = {word[:5] for word in _WORD.findall(title.lower()) if len(word) > 3}
    if not stems:
        return False
    found = {word[:5] for word in _WORD.findall(sentence.lower())}
    return len(stems & found) >= 0.6 * len(stems)


def _fill(sentences: list[str], max_length: int) -> str:
    """Whole sentences up to ``max_length`` characters; one over-long sentence is cut at
    a word with an ellipsis."""
    summary = ""
    for sentence in sentences:
        candidate = f"{summary} {sentence}".strip()
        if summary and len(candidate) > max_length:
            break
        summary = candidate
    if len(summary) > max_length:
        cut = summary[: max_length - 1]
        summary = cut[: cut.rfind(" ")].rstrip(_TRAILING_PUNCT) + "…"
    return summary
