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

from newsdigest.core.text.dateline import MONTH_NAME

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|[ECMP][SD]?T))?"
_DAY_DATE = (
    rf"(?:{_WEEKDAY},?\s*)?(?:{MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_BULLET = re.compile(r"^[-•*·]\s+")
_SOCIAL = r"(?:twitter|x|facebook|instagram|bluesky|threads|mastodon|linkedin|tiktok|youtube)"
# "Facebook, Twitter (@NYTopinion) and Instagram": several networks, handles in brackets.
_HANDLE = r"(?:\s*\(@?[\w.]+\))?"
_SOCIALS = rf"{_SOCIAL}{_HANDLE}(?:\s*(?:,\s*and|,|and|&)\s*{_SOCIAL}{_HANDLE})*"
# The section tag a tabloid puts after an inline link to another story: "… [VIDEO]".
_STORY_TAG = (
    r"(?:insight|video|reveal|reaction|news|warning|pictures|pics|latest|analysis|poll|live|update)"
)


@dataclass(frozen=True)
class JunkRule:
    """A named pattern that a whole paragraph must match to be removed."""

    name: str
    pattern: re.Pattern[str]
    max_length: int = 160

    def matches(self, paragraph: str) -> bool:
        if len(paragraph) > self.max_length:
            return False
        item = _BULLET.sub("", paragraph, count=1)  # "- Order Reprints": a list item
        return bool(self.pattern.fullmatch(paragraph) or self.pattern.fullmatch(item))


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
        r"view all(?: stories| articles| news| releases)?",
        r"more (?:stories|news|headlines|coverage)(?: from [^.]{1,40})?",
        r"read (?:more|next)(?: here| stories| articles)?(?: ?:.{0,120})?",
        r"read (?:the )?full (?:story|article)(?: here)?",
        r"(?:continue|keep) reading(?: here)?",
        r"related(?: stories| articles| posts?| coverage| content| links| reading)?"
        r"(?:\s*:.{0,140})?",
        r"\[related\s*:.{1,140}\]",
        # An inline link to another story, with the tabloid's tag: "… jibe [INSIGHT]"
        rf"[^\[\]]{{5,140}}\[{_STORY_TAG}\]\s*\|?",
        r"(?:you (?:may|might) also like|recommended(?: for you)?"
        r"|most (?:read|popular|viewed)(?: in [^.]{1,40})?"
        r"|trending(?: now)?|top stories|latest (?:news|stories)|editor['’]?s picks)",
        r"share(?: this)?(?: article| story| page| post)?(?: (?:on|via) (?:"
        + _SOCIAL
        + r"|email|whatsapp))?",
        r"(?:tweet|copy link|print(?: this)?(?: article)?|email(?: this)?(?: article)?)",
        r"(?:sign up|subscribe)(?: now)? (?:for|to) (?:our|the|a) .{0,60}newsletters?.{0,80}",
        r"get (?:our|the) .{0,40}newsletter.{0,80}",
        # "There's plenty more where that came from. Sign up for X today to get …"
        r"(?:[^.!?]{0,80}[.!?]\s+)?(?:sign up|subscribe)(?: now| today)? (?:for|to) .{0,80}"
        r"\b(?:newsletter|inbox)\b.{0,120}",
        r".{0,100}\bdelivered (?:to|through) your (?:inbox|letterbox)\b.{0,140}",
        # An e-mail sign-up box (GovDelivery's on government sites): "Enter your email:",
        # "Receive latest updates", "To sign up for updates … enter your contact information"
        r"(?:enter|type) your e-?mail(?: address)?(?: here| below)?",
        r"(?:receive|get) (?:the )?latest (?:updates|news)(?: by e-?mail)?",
        r"to sign up for (?:e-?mail )?(?:updates|alerts)\b.{0,120}"
        r"\b(?:subscriber preferences|enter your (?:e-?mail|contact))\b.{0,80}",
        r"an error has occurred.{0,60}",
        r"click here\b.{0,140}",
        r"(?:skip to (?:main )?content|back to top|view comments|comments?(?: \(\d+\))?)",
        r"(?:don['’]t miss|more on (?:this|that) (?:story|topic))",
        r"(?:see|watch|listen) (?:more|also|now)\s*:.{0,140}",
        # An article's toolbar: its buttons come out as lines of their own.
        r"(?:text|font) size|print(?: this)? (?:article|page|story)|order reprints"
        r"|(?:save|gift|listen to)(?: this)? (?:article|story)|\d{1,2} min(?:ute)?s? read",
        r"like this (?:story|article)\?.{0,80}",
        # RT's and others' inline promotions: "Also on rt.com Journalists threatened …"
        r"also on [\w-]+(?:\.[\w-]+)+ .{0,200}",
        max_length=240,
    ),
    _rule(
        "reprint-notice",
        # Dow Jones' box (Barron's, WSJ, MarketWatch), which a precision pass can take
        # for the whole body.
        r"this copy is for your personal,? non-?commercial use only\b.{0,500}",
        r"to order presentation-ready copies\b.{0,300}",
        r"(?:for )?reprints? (?:and|&) permissions?\b.{0,120}",
        max_length=700,
    ),
    _rule(
        # A line that is only a date or a time stamp: "October 30, 2026",
        # "Updated 9:14 AM GMT, November 18, 2026", "Published 18 Nov 2026 07:30".
        "timestamp",
        rf"(?:(?:last )?(?:updated|published|posted|modified)(?: on| at)?:?\s*)?"
        rf"(?:{_CLOCK},?\s*)?{_DAY_DATE}(?:,?\s*(?:at\s*)?{_CLOCK})?",
        rf"(?:last )?(?:updated|published|posted|modified)(?: on| at)?:?\s*{_CLOCK}",
        max_length=80,
    ),
    _rule(
        "press-contact",
        r"for immediate release",
        r"(?:media|press) (?:enquiries|inquiries|contacts?)(?:\s*:.{0,120})?",
        r"(?:press office|media contact|press contact|media desk)\s*:.{1,120}",
        rf"(?:e-?mail|tel(?:ephone)?|phone)\s*:\s*(?:{_EMAIL}|\+?[\d() -]{{6,20}})",
        r"have a (?:story|news) (?:idea|tip)\?.{0,120}",
        r"our standards\s*:.{0,100}",
        max_length=200,
    ),
    _rule(
        "filed-under",
        r"filed under\s*:?\s*.{1,200}",
        r"posted (?:in|under)\s*:\s*.{1,200}",  # the colon: "Posted in Kabul, she …" stays
        r"(?:tags|topics|categories|tagged(?: with)?)(?:\s*:\s*.{1,200})?",
        max_length=240,
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
        r"[^.]{1,200} contributed (?:to )?this (?:report|story|article)\.?",
        r"[^.]{1,120} contributed reporting(?: from [^.]{1,80})?\.?",
        # The sign-off: "Write to Al Root at al.root@example.com", "Email Tariq Malik at …"
        rf"(?:write to|e-?mail|contact) [^.@]{{1,60}} at {_EMAIL}.{{0,200}}",
        max_length=240,
    ),
    _rule(
        "copyright",
        r"©.{0,120}",
        r"(?:copyright|\(c\))\s*(?:©\s*)?(?:\d{4}|by)\b.{0,100}",
        # "copyright Inexhibit 2019 - ISSN: 2283-5474": a name, a year, a dashed tail.
        r"copyright\s+[\w&.,' -]{1,60}\s+\d{4}(?:\s*[-–|]\s*.{0,60})?",
        # The agencies' full notice: "… All rights reserved. This material may not be …"
        r"(?:copyright|©).{0,120}\ball rights reserved\b.{0,200}",
        r".{0,120}\ball rights reserved\b.{0,40}",
        r"this material may not be published, broadcast, rewritten,? or redistributed.{0,40}",
        max_length=340,
    ),
    _rule(
        # The appeal after the story: "If you enjoyed this article, … Join NRPLUS."
        "appeal",
        r"if you (?:enjoyed|liked|value|appreciate|found value in) (?:this|our) "
        r"(?:article|story|piece|journalism|reporting)\b.{0,400}",
        max_length=500,
    ),
    _rule(
        "separator",
        r"[_\-=*~#•·—–]{3,}",
        r"(?:\*\s*){3,}",
        r"(?:<!--|-->)(?:\s*(?:<!--|-->))*",  # what is left of an HTML comment
        max_length=80,
    ),
    _rule(
        "social-follow",
        r"follow (?:[^.]{1,60}) on " + _SOCIALS + r"(?:\s*(?:at|:)?\s*@?\S+)?",
        # "Follow @BGRDeals on Twitter to keep up with the latest deals …"
        r"follow @\w+ on " + _SOCIALS + r" to .{0,200}",
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


def paragraph_key(paragraph: str) -> str:
    """What two copies of one paragraph share: its words, casefolded."""
    return " ".join(paragraph.casefold().split())


def classify(
    paragraphs: list[str | None],
    rules: Iterable[JunkRule],
    furniture: frozenset[str] = frozenset(),
) -> list[Removal | None]:
    """For each paragraph, the Removal that drops it (junk or furniture repeat) or None.

    A repeat is removed only when it is furniture: the same paragraph twice in a row
    (pasted twice), or a paragraph in ``furniture`` (keys of paragraphs seen on the
    site's other pages). Other repeats are the story's own (a recipe's steps, the
    question put to each person interviewed) and are kept.
    ``None`` entries (blocks that are not prose, such as a Markdown list) are never
    removed and never count as repeats.
    """
    rules = tuple(rules)
    verdicts: list[Removal | None] = []
    previous = None
    for paragraph in paragraphs:
        if paragraph is None:
            verdicts.append(None)
            previous = None
            continue
        rule = match_rule(paragraph, rules)
        key = paragraph_key(paragraph)
        if rule is not None:
            verdicts.append(Removal(paragraph, rule.name))
            continue
        if key == previous:
            verdicts.append(Removal(paragraph, "duplicate"))
        elif key in furniture:
            verdicts.append(Removal(paragraph, "site-furniture"))
        else:
            verdicts.append(None)
        previous = key
    return verdicts


def remove_junk(
    paragraphs: list[str],
    rules: Iterable[JunkRule] = DEFAULT_RULES,
    furniture: frozenset[str] = frozenset(),
) -> tuple[list[str], list[Removal]]:
    """Drop junk paragraphs and furniture repeats; return (kept, removals) in order."""
    verdicts = classify(list(paragraphs), rules, furniture)
    kept = [p for p, verdict in zip(paragraphs, verdicts, strict=True) if verdict is None]
    return kept, [verdict for verdict in verdicts if verdict is not None]
