"""What a web page adds around its article: the headline echoed as a paragraph, the
site's junk lines and the lines every page of the site carries.

Pure text (no HTML, no trafilatura), so the same rules serve saved pages, fetched
pages and tests.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher

from newsdigest.core.text.byline import parse_byline
from newsdigest.core.text.junk import DEFAULT_RULES, classify, paragraph_key
from newsdigest.core.text.normalize import normalize_whitespace
from newsdigest.core.text.rawformat import is_table_block as is_table
from newsdigest.core.text.rawformat import is_table_row

_WORD = re.compile(r"\w+")
# The headline is looked for among this many opening blocks (a kicker, a date or a
# standfirst may come first).
ECHO_WINDOW = 4
# Short lines seen on this many of a site's other pages are its furniture.
FURNITURE_PAGES = 2
FURNITURE_MAX_WORDS = 40


def text_blocks(text: str | None) -> list[str]:
    """trafilatura's text as blocks: one per line, except that the rows of a table
    (``| a | b |`` lines) stay together as one block."""
    blocks: list[str] = []
    table: list[str] = []
    for line in (text or "").split("\n"):
        if is_table_row(line):
            table.append(" ".join(line.split()))
            continue
        if table:
            blocks.append("\n".join(table))
            table = []
        line = normalize_whitespace(line)
        if line:
            blocks.append(line)
    if table:
        blocks.append("\n".join(table))
    return blocks


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _headline_forms(title: str) -> list[list[str]]:
    """The headline, and the headline without a site's name after ' | ', ' - ' or ' – '."""
    forms = [title]
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        if separator in title:
            forms.append(title.rsplit(separator, 1)[0])
            forms.append(title.split(separator, 1)[0])
    return [words for words in (_words(form) for form in forms) if words]


def is_headline_echo(block: str, title: str | None) -> bool:
    """A block that is the page's headline again (the same words, or nearly)."""
    if not title:
        return False
    words = _words(block)
    if not words or len(words) > 40:
        return False
    for form in _headline_forms(title):
        if words == form:
            return True
        if SequenceMatcher(None, words, form, autojunk=False).ratio() >= 0.9:
            return True
    return False


def drop_page_furniture(
    blocks: list[str], title: str | None, furniture: frozenset[str] = frozenset()
) -> tuple[list[str], list[str]]:
    """(kept blocks, removed texts): headline echoes and bylines in the opening blocks,
    junk lines and furniture repeats go; tables are never touched."""
    removed: list[str] = []
    opening: list[str] = []
    for index, block in enumerate(blocks):
        opening_block = index < ECHO_WINDOW and not is_table(block)
        if opening_block and (is_headline_echo(block, title) or parse_byline(block)):
            removed.append(block)  # the headline again, or the byline (kept in the header)
        else:
            opening.append(block)
    verdicts = classify([None if is_table(b) else b for b in opening], DEFAULT_RULES, furniture)
    kept = [block for block, verdict in zip(opening, verdicts, strict=True) if verdict is None]
    removed += [verdict.text for verdict in verdicts if verdict is not None]
    return kept, removed


def page_keys(blocks: Iterable[str]) -> set[str]:
    """The keys of one page's short prose blocks: what furniture can be made of."""
    return {
        paragraph_key(block)
        for block in blocks
        if not is_table(block) and len(block.split()) <= FURNITURE_MAX_WORDS
    }


def furniture_keys(site_counts: Counter[str], own_blocks: Iterable[str]) -> frozenset[str]:
    """The furniture of one page: short blocks found on ``FURNITURE_PAGES`` or more of
    its site's *other* pages. ``site_counts`` counts, for every key, the site's pages
    that hold it, this page included."""
    own = page_keys(own_blocks)
    return frozenset(
        key for key, count in site_counts.items() if count - (key in own) >= FURNITURE_PAGES
    )
