"""Setting every story's quotations and placing its pull-quote."""

from __future__ import annotations

from ..enrich.site import apply_each
from ..quoting import pull_quote_position
from ..text.render import insert_after_paragraph, pull_quote_html


def quote_articles(generator) -> None:
    """Set ``article.quotes`` and ``article.pull_quote``; place the pull-quote."""

    def quote(article, enrichment) -> None:
        chosen = enrichment.pull_quote
        article.quotes = enrichment.quotes or []
        article.pull_quote = chosen
        if chosen is not None:
            position = pull_quote_position(chosen, len(article.metadata["paragraphs"]))
            aside = pull_quote_html(chosen.text, chosen.speaker or "")
            article._content = insert_after_paragraph(article._content, position, aside)

    apply_each(generator, "pull-quotes", quote)
