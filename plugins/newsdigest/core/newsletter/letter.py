"""An edition as a newsletter: its stories as plain values, every link absolute and
tagged with the edition's campaign parameters, and the plain-text part.

Mail clients resolve no relative link and run no script, so the HTML part is made of
absolute links only; ``absolute_links`` rewrites every ``href`` of the rendered HTML
(the curator's intro included), which is what keeps that true whatever a template has.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import textwrap
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

WIDTH = 72  # plain-text lines, as mail clients expect
_HREF = re.compile(r'\bhref="([^"]*)"')


@dataclass(frozen=True)
class LetterStory:
    """One story as the email shows it (all text plain, unescaped)."""

    title: str
    url: str
    summary: str = ""
    note: str | None = None
    dateline: str | None = None
    date: str = ""


@dataclass(frozen=True)
class Letter:
    """One edition as an email."""

    site_name: str
    site_url: str
    title: str
    date: dt.date
    web_url: str
    intro_text: str = ""
    sections: list[tuple[str, list[LetterStory]]] = field(default_factory=list)
    unsubscribe: str | None = None
    tagline: str = ""

    @property
    def site_url_label(self) -> str:
        """The site's address as a reader would type it (no scheme, no campaign)."""
        parts = urlsplit(self.site_url)
        return (parts.netloc + parts.path).rstrip("/")

    @property
    def subject(self) -> str:
        return f"{self.title} · {self.site_name}" if self.site_name else self.title

    @property
    def preheader(self) -> str:
        """The line inbox lists show after the subject: the intro, else the headlines."""
        if self.intro_text:
            return _shorten(self.intro_text, 140)
        titles = [story.title for _name, stories in self.sections for story in stories]
        return _shorten("; ".join(titles), 140)


def campaign_params(template: dict[str, str], edition: str) -> dict[str, str]:
    """The campaign parameters for one edition: ``{edition}`` becomes its date."""
    return {key: value.replace("{edition}", edition) for key, value in template.items() if value}


def campaign_url(url: str, params: dict[str, str]) -> str:
    """``url`` with ``params`` added to its query (its own parameters win)."""
    if not params:
        return url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return url
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    merged = {**params, **query}
    return urlunsplit(parts._replace(query=urlencode(merged)))


def absolute_url(base: str, url: str) -> str:
    """``url`` resolved against the site's absolute address ``base``."""
    return urljoin(base.rstrip("/") + "/", url.lstrip("/") if not urlsplit(url).scheme else url)


def absolute_links(markup: str, base: str, params: dict[str, str]) -> str:
    """Every ``href`` in ``markup`` absolute and with the campaign parameters (a
    ``mailto:`` or ``#`` link stays as it is)."""

    def rewrite(match: re.Match[str]) -> str:
        target = html.unescape(match.group(1)).strip()
        if not target or target.startswith(("#", "mailto:")):
            return match.group(0)
        link = campaign_url(absolute_url(base, target), params)
        return f'href="{html.escape(link, quote=True)}"'

    return _HREF.sub(rewrite, markup)


def plain_text(letter: Letter) -> str:
    """The text/plain part: every headline, summary and link, wrapped at 72."""
    lines = [letter.site_name.upper(), letter.title, f"{letter.date:%A %-d %B %Y}", ""]
    lines += [f"Read this edition on the web: {letter.web_url}", ""]
    if letter.intro_text:
        lines += [*_wrap(letter.intro_text), ""]
    for name, stories in letter.sections:
        lines += [name.upper(), "=" * min(len(name), WIDTH), ""]
        for story in stories:
            lines += _wrap(story.title)
            meta = " · ".join(part for part in (story.dateline, story.date) if part)
            if meta:
                lines.append(meta)
            if story.summary:
                lines += _wrap(story.summary)
            if story.note:
                lines += _wrap(f"Curator's note: {story.note}")
            lines += [f"Read: {story.url}", ""]
    lines += ["--", f"{letter.site_name}: {letter.site_url}"]
    if letter.unsubscribe:
        lines.append(f"Unsubscribe: {letter.unsubscribe}")
    return "\n".join(lines).rstrip() + "\n"


def _shorten(text: str, width: int) -> str:
    return textwrap.shorten(" ".join(text.split()), width, placeholder="…")


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, break_on_hyphens=False, break_long_words=False)
