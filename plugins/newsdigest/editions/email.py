"""Each edition as an email a curator can send: ``email.html`` and ``email.txt`` beside
the edition's page (``output/editions/<date>/``).

The HTML is a 600 px table layout, as mail clients need, rendered from the
``edition_email`` template (a theme may have its own) with autoescaping on whatever
the site's Jinja settings, its CSS inlined by css-inline (media queries kept, for
phones and dark mode), and every link absolute with the campaign parameters of
``NEWSDIGEST_EMAIL_CAMPAIGN``. ``newsdigest mail`` sends the two files.
"""

from __future__ import annotations

import logging
from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from newsdigest.core.editions.model import Edition
from newsdigest.core.files import replace_atomically
from newsdigest.core.jsonld import plain_title
from newsdigest.core.newsletter.letter import (
    Letter,
    LetterStory,
    absolute_links,
    absolute_url,
    campaign_params,
    campaign_url,
    plain_text,
)
from newsdigest.core.settings import setting

logger = logging.getLogger(__name__)
TEMPLATE = "edition_email.html"
HTML_NAME, TEXT_NAME = "email.html", "email.txt"


def email_folder(save_as: str) -> str:
    """The folder of an edition page's ``save_as``: where its email files go."""
    return str(PurePosixPath(save_as).parent)


def write_emails(
    editions: list[Edition], loader: Any, settings: dict[str, Any], output: Path
) -> int:
    """Write every edition's email; the number written."""
    if not setting(settings, "NEWSDIGEST_EMAIL") or not editions:
        return 0
    try:
        import css_inline
    except ImportError:
        logger.warning("newsdigest: no edition emails: css-inline is not installed")
        return 0
    inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
    env = Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = env.get_template(TEMPLATE)
    site_url = settings["NEWSDIGEST_SITE_URL"]
    for edition in editions:
        params = campaign_params(setting(settings, "NEWSDIGEST_EMAIL_CAMPAIGN"), edition.slug)
        letter = letter_for(edition, settings, params)
        markup = template.render(letter=letter, SITENAME=settings.get("SITENAME", ""))
        markup = absolute_links(inliner.inline(markup), site_url, params)
        folder = output / email_folder(edition.save_as)
        replace_atomically(folder / HTML_NAME, markup.encode("utf-8"))
        replace_atomically(folder / TEXT_NAME, plain_text(letter).encode("utf-8"))
    return len(editions)


def letter_for(edition: Edition, settings: dict[str, Any], params: dict[str, str]) -> Letter:
    site_url = settings["NEWSDIGEST_SITE_URL"]
    date_format = settings.get("DEFAULT_DATE_FORMAT") or "%-d %B %Y"

    def link(url: str) -> str:
        return campaign_url(absolute_url(site_url, url), params)

    sections = []
    for category, entries in edition.sections:
        stories = [
            LetterStory(
                title=plain_title(entry.article),
                url=link(entry.article.url),
                summary=entry.article.metadata.get("teaser")
                or entry.article.metadata.get("summary_text")
                or "",
                note=entry.note,
                dateline=getattr(entry.article, "dateline", None),
                date=entry.article.date.strftime(date_format),
            )
            for entry in entries
        ]
        sections.append((category.name, stories))
    unsubscribe = next(
        (a for a in setting(settings, "NEWSDIGEST_EMAIL_UNSUBSCRIBE") if a.startswith("http")),
        next(iter(setting(settings, "NEWSDIGEST_EMAIL_UNSUBSCRIBE")), None),
    )
    return Letter(
        site_name=settings.get("SITENAME", ""),
        site_url=link(""),
        title=edition.title,
        date=edition.date,
        web_url=link(edition.url),
        intro_text=_text_of(edition.intro),
        sections=sections,
        unsubscribe=unsubscribe,
        tagline=settings.get("SITESUBTITLE") or "",
    )


def _text_of(markup: str) -> str:
    """The curator's intro (sanitized HTML) as one line of plain text."""
    return " ".join(Markup(markup).striptags().split()) if markup else ""
