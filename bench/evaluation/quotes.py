"""Scoring the quote finder and speaker attribution against the hand annotations.

A found quotation matches an annotated one when some part of each covers the same
stretch of one paragraph (at least half of the shorter part); each annotated quotation
matches at most one found one. The four figures of issue #16:

- precision: found quotations that match an annotated quotation;
- recall: annotated quotations that were found;
- speaker coverage: found quotations with a speaker, among those whose source the
  story names;
- speaker precision: found speakers that are right (the annotated name or an alias;
  for a generic speaker such as "officials", the same noun).

And what a reader sees of them: the pull-quote, a real quotation by the speaker shown
under it, or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Part = tuple[int, int, int]  # paragraph, start, end


@dataclass
class Found:
    parts: list[Part]
    speaker: str | None
    speaker_kind: str | None = None
    how: str | None = None  # how the speaker was found (``attribution``)


@dataclass
class Tally:
    found: int = 0
    annotated: int = 0
    matched: int = 0
    named: int = 0  # matched quotations whose source the story names
    named_with_speaker: int = 0
    with_speaker: int = 0  # matched quotations the system gave a speaker
    speaker_right: int = 0
    misses: list[str] = field(default_factory=list)  # for --verbose

    def add(self, other: Tally) -> None:
        for name in (
            "found",
            "annotated",
            "matched",
            "named",
            "named_with_speaker",
            "with_speaker",
            "speaker_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "precision": ratio(self.matched, self.found),
            "recall": ratio(self.matched, self.annotated),
            "speaker_coverage": ratio(self.named_with_speaker, self.named),
            "speaker_precision": ratio(self.speaker_right, self.with_speaker),
        }


def _overlaps(a: Part, b: Part) -> bool:
    if a[0] != b[0]:
        return False
    shared = min(a[2], b[2]) - max(a[1], b[1])
    shorter = max(min(a[2] - a[1], b[2] - b[1]), 1)
    return shared * 2 >= shorter


def _normal(name: str) -> str:
    """Lower case, no punctuation, articles or middle initials ("Eric D. Hargan" is the
    annotated "Eric Hargan")."""
    name = re.sub(r"[^\w\s-]", "", name.lower())
    words = [w for w in name.split() if w not in ("the", "a", "an", "one")]
    return " ".join(w for k, w in enumerate(words) if len(w) > 1 or k in (0, len(words) - 1))


def speaker_is_right(found: str, gold: dict) -> bool:
    if gold["speaker"] is None:
        return False
    aliases = [_normal(a) for a in gold["speaker"].split(" / ")]
    said = _normal(found)
    if said in aliases:
        return True
    if gold.get("speaker_kind") == "group":
        return any(alias and alias.rstrip("s") in said for alias in aliases)
    return False


def match_quotations(
    found: list[Found], gold: dict
) -> tuple[list[tuple[Found, dict | None]], list[dict]]:
    """Each found quotation with the annotated one it matches (or None), in order (an
    annotated quotation matches at most one), and the annotated ones left unmatched."""
    unmatched = list(gold["quotations"])
    pairs = []
    for quotation in found:
        match = next(
            (
                g
                for g in unmatched
                if any(_overlaps(p, tuple(q[:3])) for p in quotation.parts for q in g["parts"])
            ),
            None,
        )
        if match is not None:
            unmatched.remove(match)
        pairs.append((quotation, match))
    return pairs, unmatched


def score(found: list[Found], gold: dict, paragraphs, article_id: str) -> Tally:
    tally = Tally(found=len(found), annotated=len(gold["quotations"]))
    pairs, unmatched = match_quotations(found, gold)
    for quotation, match in pairs:
        if match is None:
            p = quotation.parts[0]
            tally.misses.append(
                f"{article_id} ¶{p[0]} FALSE “{paragraphs[p[0]][p[1] : p[2]][:70]}”"
            )
            continue
        tally.matched += 1
        if match["named"]:
            tally.named += 1
            tally.named_with_speaker += quotation.speaker is not None
        if quotation.speaker is not None:
            tally.with_speaker += 1
            right = speaker_is_right(quotation.speaker, match)
            tally.speaker_right += right
            if not right:
                tally.misses.append(
                    f"{article_id} ¶{quotation.parts[0][0]} SPEAKER {quotation.speaker!r}"
                    f" (annotated {match['speaker']!r})"
                )
        elif match["named"]:
            tally.misses.append(
                f"{article_id} ¶{quotation.parts[0][0]} NO SPEAKER (annotated {match['speaker']!r})"
            )
    for g in unmatched:
        p = g["parts"][0]
        tally.misses.append(f"{article_id} ¶{p[0]} MISSED “{paragraphs[p[0]][p[1] : p[2]][:70]}”")
    return tally


def pull_quote_verdict(chosen, gold: dict) -> str | None:
    """The story's pull-quote (a ``Quote``, or None) against the annotations: "right" (a
    real quotation by the speaker shown), "wrong speaker" or "no quotation"."""
    if chosen is None:
        return None
    part = Found([(chosen.paragraph, chosen.start, chosen.end)], chosen.speaker)
    match = match_quotations([part], gold)[0][0][1]
    if match is None:
        return "no quotation"
    return "right" if speaker_is_right(chosen.speaker, match) else "wrong speaker"
