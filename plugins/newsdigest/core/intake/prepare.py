"""The page made ready for extraction: what is never article text taken out, and
tables used for layout told from tables of data.

A list of links to the site's own headlines ("Related: …" under the last paragraph,
the most-read box) is the site's navigation, not the story, even inside the article
element; a list of links elsewhere (a deals post's shop links) is kept.

Hidden pop-ups (a politician's hover card, a tooltip) sit inside the paragraphs they
decorate, so an extractor glues their text into the sentence ("Rep. Ilhan OmarIlhan
OmarHillicon Valley: …"); they go first. An old site's article laid out in table cells
is then read as prose, while a league table stays a table.

Some sites cut one article into several containers of the same class, an advert or a
newsletter box between them (Condé Nast's "article chunks"); an extractor that takes
the best container keeps only the first part. Such a run of sibling chunks is joined
into its first chunk before extraction.

The table tests follow Readability's long-used ones: ``role="presentation"`` or a table
holding another table is layout; a caption, header cells or a summary is data. What
is left is layout when a cell holds running prose (more than ``PROSE_WORDS`` words).
A small boxed table (a pull quote in one cell) is left to the extractor, which
already treats it as an aside.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html

PROSE_WORDS = 50
_POPUP_CLASS = re.compile(r"(?:^|[-_])(?:rollover|tooltip|popover|hovercard)(?:$|[-_])", re.I)
LINK_LIST_ITEMS = 3  # a related-links list has at least this many headlines
HEADLINE_WORDS = 3
PROSE_PARAGRAPH_WORDS = 15  # a <p> of running text, not a caption or a button
_CHUNK_TAGS = ("div", "section")
CHUNK_LINK_SHARE = 0.25  # more of a chunk's words in links than this: a list of stories
_NOT_ARTICLE_CLASS = re.compile(r"comment|reply|review|teaser|card|promo|related|recirc", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_LAYOUT_TAGS = {"table": "div", "tbody": "div", "thead": "div", "tfoot": "div", "tr": "div"}
_CELL_TAGS = ("td", "th")


def _own_rows(table) -> list:
    return [row for row in table.iter("tr") if _nearest_table(row) is table]


def _nearest_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def is_layout_table(table) -> bool:
    if (table.get("role") or "").lower() == "presentation":
        return True
    if table.get("datatable") == "0":
        return True
    if any(True for _ in table.iterdescendants("table")):
        return True
    if table.get("summary") or table.find(".//caption") is not None:
        return False
    rows = _own_rows(table)
    cells = [cell for row in rows for cell in row if cell.tag in _CELL_TAGS]
    if any(cell.tag == "th" for cell in cells) or table.find(".//thead") is not None:
        return False
    return any(len(cell.text_content().split()) > PROSE_WORDS for cell in cells)


def _is_popup(element) -> bool:
    if element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    return any(_POPUP_CLASS.search(token) for token in (element.get("class") or "").split())


def _prose_paragraphs(element) -> list:
    return [p for p in element.iter("p") if len(p.text_content().split()) >= PROSE_PARAGRAPH_WORDS]


def _link_share(element) -> float:
    words = len(element.text_content().split())
    linked = sum(len(link.text_content().split()) for link in element.iter("a"))
    return linked / words if words else 1.0


def _chunk_prose(element) -> int:
    """How many prose paragraphs ``element`` holds; 0 when it reads as a list of links."""
    if not isinstance(element.tag, str) or _link_share(element) > CHUNK_LINK_SHARE:
        return 0
    return len(_prose_paragraphs(element))


def _may_open_run(element, prose: int) -> bool:
    """A chunk of article text may start here: a classed div or section with two
    paragraphs of prose, not a comment, teaser or related box."""
    if element is None or prose < 2 or element.tag not in _CHUNK_TAGS:
        return False
    return bool(element.get("class")) and not _NOT_ARTICLE_CLASS.search(element.get("class"))


def _split_article_runs(document) -> list[list]:
    """Runs of two or more sibling elements of one tag and class, with few links, the
    first holding at least two paragraphs of prose and each later one at least one in
    the same kind of element, nothing of prose between them: one article in chunks."""
    runs = []
    for parent in document.iter():
        if not isinstance(parent.tag, str):
            continue
        run, key, holder = [], None, None
        for child in [*parent, None]:
            child_key = (child.tag, child.get("class")) if child is not None else None
            prose = _chunk_prose(child) if child is not None else 0
            if run and child_key == key and prose >= 1 and _holder_kind(child) == holder:
                run.append(child)
                continue
            if child is not None and prose == 0 and run:
                continue  # an advert between two chunks
            if len(run) >= 2:
                runs.append(run)
            run, key, holder = [], None, None
            if _may_open_run(child, prose):
                run, key, holder = [child], child_key, _holder_kind(child)
    return runs


def _text_holder(chunk):
    """The element whose own children are most of the chunk's prose paragraphs (None
    when an earlier join took them away)."""
    parents = [p.getparent() for p in _prose_paragraphs(chunk)]
    return max(parents, key=parents.count) if parents else None


def _holder_kind(chunk) -> tuple | None:
    """The tag and class of the element that holds the chunk's text."""
    holder = _text_holder(chunk)
    return (holder.tag, holder.get("class")) if holder is not None else None


def _join_chunks(run: list) -> None:
    """Move the later chunks' text into the first chunk's text. Whatever else a chunk
    holds (an embed, an advert) stays where it was, so nothing is lost; a run that an
    earlier join (of a run around or inside it) has emptied is left alone."""
    holders = [_text_holder(chunk) for chunk in run]
    if None in holders:
        return
    for holder in holders[1:]:
        for child in list(holder):
            holders[0].append(child)


def _page_host(document) -> str | None:
    for element in document.iter("link", "meta"):
        if element.get("rel") == "canonical" or element.get("property") == "og:url":
            host = urlsplit(element.get("href") or element.get("content") or "").netloc
            if host:
                return host.lower()
    return None


def _is_own_link_list(element, host: str | None) -> bool:
    """A list whose every item is nothing but one link, a headline, to this site."""
    items = [child for child in element if child.tag == "li"]
    if len(items) < LINK_LIST_ITEMS or len(items) != len(element):
        return False
    hosts = set()
    for item in items:
        links = list(item.iter("a"))
        text = " ".join(item.text_content().split())
        if len(links) != 1 or " ".join(links[0].text_content().split()) != text:
            return False
        if len(text.split()) < HEADLINE_WORDS:
            return False
        hosts.add(urlsplit(links[0].get("href") or "").netloc.lower())
    own = {"", host} if host else {""}
    return hosts <= own or (host is None and len(hosts) == 1)


def prepare_html(html: str) -> str:
    """The page without hidden pop-ups, every layout table turned into plain blocks (a
    ``div`` per row and cell); ``html`` unchanged when there is nothing to do or it
    cannot be parsed."""
    try:
        # As bytes: lxml refuses a str that still carries an XML encoding declaration.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        document = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return html
    popups = [
        element
        for element in document.iter()
        if isinstance(element.tag, str)
        and element.tag not in ("html", "body")
        and _is_popup(element)
    ]
    host = _page_host(document)
    popups += [element for element in document.iter("ul", "ol") if _is_own_link_list(element, host)]
    layout = [table for table in document.iter("table") if is_layout_table(table)]
    chunks = _split_article_runs(document)
    if not popups and not layout and not chunks:
        return html
    for run in chunks:
        _join_chunks(run)
    for element in popups:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail text: the sentence goes on
    # Which elements belong to which table is read before any is renamed.
    owned = [
        (table, [e for e in table.iterdescendants() if _nearest_table(e) is table])
        for table in layout
    ]
    for table, elements in owned:
        for element in (table, *elements):
            if element.tag in _LAYOUT_TAGS:
                element.tag = _LAYOUT_TAGS[element.tag]
            elif element.tag in _CELL_TAGS:
                element.tag = "div"
        for attribute in ("width", "cellpadding", "cellspacing", "border", "bgcolor", "role"):
            table.attrib.pop(attribute, None)
    return lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")
