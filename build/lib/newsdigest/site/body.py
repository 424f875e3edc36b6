"""A story body with its asides (fact box, pull-quote) placed the same whatever the order
in which the plugins that make them run.

Each plugin calls ``place_aside(article, name, paragraph, html)``; the body is rebuilt
from the text as read plus every aside placed so far, after its paragraph, and asides
after the same paragraph in ``ASIDE_ORDER``. The last plugin to run leaves the whole
body, so ``PLUGINS`` may list them in any order.
"""

from __future__ import annotations

from typing import Any

from newsdigest.core.text.render import insert_after_paragraph

ASIDE_ORDER = ("fact-box", "pull-quote")


def place_aside(article: Any, name: str, paragraph: int, aside_html: str) -> None:
    """Put the aside ``name`` after the ``paragraph``-th paragraph (0-based)."""
    if not hasattr(article, "newsdigest_asides"):
        article.newsdigest_body, article.newsdigest_asides = article._content, {}
    article.newsdigest_asides[name] = (paragraph, aside_html)
    article._content = _with_asides(article.newsdigest_body, article.newsdigest_asides)


def _with_asides(body: str, asides: dict[str, tuple[int, str]]) -> str:
    """Insert from the last paragraph up (an aside's own ``<p>`` never shifts the count),
    and for one paragraph, last aside first (each goes right after the paragraph)."""
    ordered = sorted(asides.items(), key=lambda item: (item[1][0], ASIDE_ORDER.index(item[0])))
    for _name, (paragraph, aside_html) in reversed(ordered):
        body = insert_after_paragraph(body, paragraph, aside_html)
    return body
