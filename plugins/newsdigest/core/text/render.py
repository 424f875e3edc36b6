"""Rendering story text to HTML that is safe to put in a page or a feed.

Plain-text paragraphs are escaped. Markdown is rendered with markdown-it-py and the
result is sanitized with nh3 (an allowlist of tags and attributes, http/https/mailto
links only), because an editor may paste HTML from a web page into a Markdown story.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from itertools import pairwise
from urllib.parse import urljoin

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsdigest.core.text.rawformat import is_table_block

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "a",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "s",
        "del",
        "ins",
        "sub",
        "sup",
        "small",
        "mark",
        "abbr",
        "cite",
        "q",
        "code",
        "pre",
        "kbd",
        "blockquote",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figure",
        "figcaption",
        "img",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "span",
        "time",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "abbr": {"title"},
    "time": {"datetime"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """One shared CommonMark parser with tables and strikethrough."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def sanitize_html(fragment: str) -> str:
    """Strip every tag, attribute and URL scheme that is not on the allowlist."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


def paragraphs_to_html(paragraphs: list[str], dateline: str | None = None) -> str:
    """Escape plain-text paragraphs into ``<p>`` elements; the dateline opens the lede.
    A pipe table among them (``is_table_block``) becomes a sanitized ``<table>``."""
    parts = []
    lede = True
    for paragraph in paragraphs:
        if is_table_block(paragraph):
            parts.append(render_markdown(paragraph)[0].strip())
            continue
        text = _escape(paragraph)
        if lede and dateline:
            text = f'<span class="dateline">{_escape(dateline)} —</span> {text}'
        lede = False
        parts.append(f"<p>{text}</p>")
    return "\n".join(parts)


def render_markdown(source: str) -> tuple[str, list[str]]:
    """Render Markdown to sanitized HTML; also return the plain text of each paragraph."""
    parser = markdown_parser()
    tokens = parser.parse(source)
    html_out = sanitize_html(parser.renderer.render(tokens, parser.options, {}))
    return html_out, paragraph_texts(tokens)


def paragraph_texts(tokens: list[Token]) -> list[str]:
    """Plain text of every paragraph in a markdown-it token stream, in order."""
    texts = []
    for previous, token in pairwise(tokens):
        if previous.type == "paragraph_open" and token.type == "inline":
            text = _inline_text(token.children or []).strip()
            if text:
                texts.append(text)
    return texts


def _inline_text(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr"})


def insert_after_paragraph(fragment_html: str, index: int, insert: str) -> str:
    """Insert ``insert`` after the top-level block holding the ``index``-th paragraph.

    Paragraphs are counted as ``newsdigest inspect`` counts them (every ``<p>``, at any
    depth); the insert goes after the enclosing top-level element, so an aside never
    lands inside a list or a quote. Past the last paragraph, it goes at the end.
    """
    depth = 0
    closed = -1
    for match in _TAG.finditer(fragment_html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or self_closing:
            continue
        if closing:
            depth -= 1
            if name == "p":
                closed += 1
            if closed >= index and depth <= 0:
                position = match.end()
                return f"{fragment_html[:position]}\n{insert}{fragment_html[position:]}"
        else:
            depth += 1
    return f"{fragment_html}\n{insert}"


def pull_quote_html(text: str, speaker: str) -> str:
    """The pull-quote aside: hidden from screen readers, since it repeats the body."""
    return (
        '<aside class="pull-quote" aria-hidden="true"><figure>'
        f"<blockquote><p>{_escape(text)}</p></blockquote>"
        f"<figcaption>{_escape(speaker)}</figcaption>"
        "</figure></aside>"
    )


def fact_box_html(rows: list[tuple[str, str]], heading: str = "Key facts") -> str:
    """The fact box: a labelled aside with a definition list, one row per fact."""
    items = "".join(
        f"<div><dt>{_escape(label)}</dt><dd>{_escape(value)}</dd></div>" for label, value in rows
    )
    return (
        '<aside class="fact-box" aria-labelledby="fact-box-heading">'
        f'<h2 id="fact-box-heading">{_escape(heading)}</h2><dl>{items}</dl></aside>'
    )


_PULL_QUOTE = re.compile(r'\n?<aside class="pull-quote"[^>]*>.*?</aside>', re.S)
_FACT_BOX_ID = re.compile(r'(id|aria-labelledby)="fact-box-heading"')


def feed_fragment(body_html: str, item_key: str) -> str:
    """A story body as a feed item carries it: without the pull-quote (it repeats a
    paragraph, and feed readers show it as one more blockquote) and with the fact box's
    heading id made unique to the item (a feed holds many items)."""
    without = _PULL_QUOTE.sub("", body_html)
    unique = re.sub(r"[^A-Za-z0-9_-]+", "-", item_key).strip("-")
    return _FACT_BOX_ID.sub(lambda m: f'{m.group(1)}="fact-box-heading-{unique}"', without)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


_LINK_ATTRIBUTE = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')


def absolutize_links(fragment_html: str, base_url: str) -> str:
    """Make every href/src absolute against ``base_url`` (feeds are read off-site)."""

    def repair(match: re.Match[str]) -> str:
        url = html.unescape(match.group("url"))
        if not url or url.startswith("#") or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url):
            return match.group(0)
        absolute = html.escape(urljoin(base_url, url), quote=True)
        return f'{match.group("attr")}="{absolute}"'

    return _LINK_ATTRIBUTE.sub(repair, fragment_html)
