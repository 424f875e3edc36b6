"""Setting every story's quotations and placing its pull-quote."""

from __future__ import annotations

from newsdigest.core.quotes import pull_quote_position
from newsdigest.core.text.render import pull_quote_html
from newsdigest.site.body import place_aside
from newsdigest.site.enrichment import apply_each


def quote_articles(generator) -> None:
    """Set ``article.quotes`` and ``article.pull_quote``; place the pull-quote."""

    def quote(article, enrichment) -> None:
        chosen = enrichment.pull_quote
        article.quotes = enrichment.quotes or []
        article.pull_quote = chosen
        if chosen is not None:
            position = pull_quote_position(chosen, len(article.metadata["paragraphs"]))
            aside = pull_quote_html(chosen.text, chosen.speaker or "")
            place_aside(article, "pull-quote", position, aside)

    apply_each(generator, "pull-quotes", quote)
