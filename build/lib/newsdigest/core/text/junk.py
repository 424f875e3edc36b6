"""Rules that recognise site furniture pasted along with a story.

Each rule matches a *whole* paragraph (never part of one), so a real sentence that
happens to contain "load more" or "share" is kept. Every removal is recorded with the
rule's name so nothing is lost silently. Corrections ("This story has been
corrected ...") are news and no rule touches them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SOCIAL = r"(?:twitter|x|facebook|instagram|bluesky|threads|mastodon|linkedin|tiktok|youtube)"


@dataclass(frozen=True)
class JunkRule:
    """A named pattern that a whole paragraph must match to be removed."""

    name: str
    pattern: re.Pattern[str]
    max_length: int = 160

    def matches(self, paragraph: str) -> bool:
        return len(paragraph) <= self.max_length and bool(self.pattern.fullmatch(paragraph))


@dataclass(frozen=True)
class Removal:
    """One paragraph removed from a story, and the rule that removed it."""

    text: str
    rule: str

    def as_dict(self) -> dict[str, str]:
        return {"text": self.text, "rule": self.rule}


def _rule(name: str, *alternatives: str, max_length: int = 160) -> JunkRule:
    body = "|".join(f"(?:{alternative})" for alternative in alternatives)
    pattern = re.compile(rf"\s*(?:{body})\s*[.:!…»›>→]*\s*", re.IGNORECASE)
    return JunkRule(name, pattern, max_length)


DEFAULT_RULES: tuple[JunkRule, ...] = (
    _rule(
        "trailer",
        r"in other news",
        r"load more(?: stories| articles| news)?(?: below)?",
        r"(?:show|see|view) more(?: stories| articles| news)?",
        r"more (?:stories|news|headlines|coverage)(?: from [^.]{1,40})?",
        r"read (?:more|next)(?: here| stories| articles)?(?: ?:.{0,120})?",
        r"read (?:the )?full (?:story|article)(?: here)?",
        r"(?:continue|keep) reading(?: here)?",
        r"related(?: stories| articles| coverage| content| links| reading)?(?:\s*:.{0,140})?",
        r"(?:you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular|viewed)"
        r"|trending(?: now)?|top stories|latest (?:news|stories)|editor['’]?s picks)",
        r"share(?: this)?(?: article| story| page| post)?(?: (?:on|via) (?:"
        + _SOCIAL
        + r"|email|whatsapp))?",
        r"(?:tweet|copy link|print(?: this)?(?: article)?|email(?: this)?(?: article)?)",
        r"(?:sign up|subscribe)(?: now)? (?:for|to) (?:our|the|a) .{0,60}newsletters?.{0,80}",
        r"get (?:our|the) .{0,40}newsletter.{0,80}",
        r"click here\b.{0,140}",
        r"(?:skip to (?:main )?content|back to top|view comments|comments?(?: \(\d+\))?)",
    ),
    _rule(
        "advertisement",
        r"advertisements?",
        r"ad(?:vert)?",
        r"sponsored(?: content)?",
        r"(?:story|article) continues (?:below|after)(?: (?:this )?advertisement)?",
        r"continue reading (?:the )?(?:main )?story(?: below)?",
    ),
    _rule(
        "photo-credit",
        r"\(?(?:AP|AFP|Reuters|Getty Images|EPA)?\s*Photos?\s*/\s*[^)]{1,80}\)?",
        # "Photo: Jane Doe/Reuters": a credit is a few words with no sentence of its own.
        r"(?:photo|image|picture|photograph|credit|photo credit|image credit)s?\s*(?::|by)"
        r"\s*(?:[^\s.!?]+\s*){1,7}",
        max_length=120,
    ),
    _rule(
        "wire-credit",
        # Reuters' staff line: "Reporting by A; Additional reporting by B; Editing by C"
        r"(?:(?:additional )?reporting|writing|editing) by [^;.]{1,80}"
        r"(?:;\s*(?:(?:additional )?reporting|writing|editing) by [^;.]{1,80})*",
        max_length=240,
    ),
    _rule(
        "copyright",
        r"©.{0,120}",
        r"(?:copyright|\(c\))\s*(?:©\s*)?(?:\d{4}|by)\b.{0,100}",
        r".{0,120}\ball rights reserved\b.{0,40}",
        r"this material may not be published, broadcast, rewritten,? or redistributed.{0,40}",
        max_length=200,
    ),
    _rule("separator", r"[_\-=*~#•·—–]{3,}", r"(?:\*\s*){3,}", max_length=80),
    _rule(
        "social-follow",
        r"follow (?:[^.]{1,60}) on " + _SOCIAL + r"(?:\s*(?:at|:)?\s*@?\S+)?",
        r"(?:follow|find) (?:[^.]{1,80}) (?:at|on) https?://\S+",
        max_length=200,
    ),
)


def compile_extra_rules(patterns: Iterable[str], name: str = "site-rule") -> tuple[JunkRule, ...]:
    """Turn a site's own junk patterns (full-paragraph regexes) into rules."""
    return tuple(JunkRule(name, re.compile(pattern, re.IGNORECASE), 300) for pattern in patterns)


def match_rule(paragraph: str, rules: Iterable[JunkRule]) -> JunkRule | None:
    """Return the first rule that matches the whole paragraph, if any."""
    for rule in rules:
        if rule.matches(paragraph):
            return rule
    return None


def classify(paragraphs: list[str | None], rules: Iterable[JunkRule]) -> list[Removal | None]:
    """For each paragraph, the Removal that drops it (junk or exact repeat) or None.

    ``None`` entries (blocks that are not prose, such as a Markdown list) are never
    removed and never count as repeats.
    """
    rules = tuple(rules)
    verdicts: list[Removal | None] = []
    seen: set[str] = set()
    for paragraph in paragraphs:
        if paragraph is None:
            verdicts.append(None)
            continue
        rule = match_rule(paragraph, rules)
        key = " ".join(paragraph.casefold().split())
        if rule is not None:
            verdicts.append(Removal(paragraph, rule.name))
        elif key in seen:
            verdicts.append(Removal(paragraph, "duplicate"))
        else:
            seen.add(key)
            verdicts.append(None)
    return verdicts


def remove_junk(
    paragraphs: list[str], rules: Iterable[JunkRule] = DEFAULT_RULES
) -> tuple[list[str], list[Removal]]:
    """Drop junk paragraphs and exact repeats; return (kept, removals) in order."""
    verdicts = classify(list(paragraphs), rules)
    kept = [p for p, verdict in zip(paragraphs, verdicts, strict=True) if verdict is None]
    return kept, [verdict for verdict in verdicts if verdict is not None]
