"""Extracting the article and its metadata from a page with trafilatura.

Two passes, because no single setting is best on every layout: a precision pass (the
body without furniture), and a recall pass that is used when the precise text is empty
or less than half of what the page holds (an article laid out in a table, a body the
precise pass mistook for a sidebar). Tables stay in: standings and vote counts are the
story. Nothing is remembered between calls (trafilatura's ``deduplicate`` keeps a
process-wide cache, so it is never used): the same page gives the same text whatever
came before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdigest.core.intake.fetch import IntakeError
from newsdigest.core.intake.furniture import drop_page_furniture, text_blocks
from newsdigest.core.intake.prepare import prepare_html

# The precise text is used unless it holds less than this share of the recall pass's
# words (chosen on the development pages; from 0.3 to 0.6 gave the same figures).
PRECISE_SHARE = 0.5


@dataclass
class Extracted:
    title: str | None
    byline: str | None
    date: str | None
    site_name: str | None
    url: str | None  # canonical URL when the page gives one
    paragraphs: list[str] = field(default_factory=list)  # a table is one block of | rows
    removed: list[str] = field(default_factory=list)
    passes: str = "precision"  # which pass the body came from: "precision" or "recall"


@dataclass(frozen=True)
class PageText:
    """A page read by both passes, before any furniture is taken out."""

    precise: list[str]
    broad: list[str]
    title: str | None
    byline: str | None
    date: str | None
    site_name: str | None
    url: str | None


def _extract(html: str, url: str | None, **mode):
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        **mode,
    )


def _words(blocks: list[str]) -> int:
    return sum(len(block.split()) for block in blocks)


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None


def read_page(html: str, url: str | None = None) -> PageText:
    """Both passes over one page; raises IntakeError when neither finds any text."""
    html = prepare_html(html)
    precise = _extract(html, url, favor_precision=True)
    broad = _extract(html, url, favor_recall=True)
    meta = precise or broad
    if meta is None:
        raise IntakeError("no article text found on the page")
    return PageText(
        precise=text_blocks(precise.text if precise else None),
        broad=text_blocks(broad.text if broad else None),
        title=_one_line(meta.title),
        byline=_one_line(meta.author),
        date=meta.date,
        site_name=meta.sitename,
        url=meta.url,
    )


def article_from(page: PageText, furniture: frozenset[str] = frozenset()) -> Extracted:
    """The article of a page read by ``read_page``.

    ``furniture``: keys of paragraphs seen on the same site's other pages, removed
    wherever they appear; repeats of anything else are kept unless adjacent.
    """
    kept, removed = drop_page_furniture(page.precise, page.title, furniture)
    chosen = "precision"
    broad_kept, broad_removed = drop_page_furniture(page.broad, page.title, furniture)
    if _words(kept) < PRECISE_SHARE * _words(broad_kept):
        kept, removed, chosen = broad_kept, broad_removed, "recall"
    if not kept:
        if removed:
            raise IntakeError("the page's text is only site furniture; nothing to add")
        raise IntakeError("no article text found on the page")
    return Extracted(
        title=page.title,
        byline=page.byline,
        date=page.date,
        site_name=page.site_name,
        url=page.url,
        paragraphs=kept,
        removed=removed,
        passes=chosen,
    )


def extract_article(
    html: str, url: str | None = None, *, furniture: frozenset[str] = frozenset()
) -> Extracted:
    """Title, byline, date, site name, canonical URL and the body's paragraphs."""
    return article_from(read_page(html, url), furniture)
