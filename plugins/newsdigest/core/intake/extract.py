"""Extracting the article and its metadata from a page with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdigest.core.intake.fetch import IntakeError
from newsdigest.core.text.junk import DEFAULT_RULES, remove_junk
from newsdigest.core.text.normalize import normalize_whitespace


@dataclass
class Extracted:
    title: str | None
    byline: str | None
    date: str | None
    site_name: str | None
    url: str | None  # canonical URL when the page gives one
    paragraphs: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def extract_article(html: str, url: str | None = None) -> Extracted:
    """Title, byline, date, site name, canonical URL and the body's paragraphs."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=True,
    )
    if document is None or not (document.text or "").strip():
        raise IntakeError("no article text found on the page")
    lines = [normalize_whitespace(line) for line in document.text.split("\n")]
    lines = [line for line in lines if line]
    if lines and document.title and lines[0] == normalize_whitespace(document.title):
        lines = lines[1:]  # the headline, repeated as the first line of the text
    paragraphs, removed = remove_junk(lines, DEFAULT_RULES)
    if not paragraphs:
        raise IntakeError("the page's text is only site furniture; nothing to add")
    return Extracted(
        title=normalize_whitespace(document.title) if document.title else None,
        byline=normalize_whitespace(document.author) if document.author else None,
        date=document.date,
        site_name=document.sitename,
        url=document.url,
        paragraphs=paragraphs,
        removed=[r.text for r in removed],
    )
