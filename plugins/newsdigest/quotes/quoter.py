"""Attributing every story's quotations and placing its pull-quote."""

from __future__ import annotations

from ..articles import warn
from ..enrichment import enrich_each, entities_for
from ..quoting import (
    PullQuoteOptions,
    attribute_quotes,
    choose_pull_quote,
    find_quotes,
    pull_quote_position,
)
from ..text.render import insert_after_paragraph, pull_quote_html


def quote_articles(generator) -> None:
    """Set ``article.quotes`` and ``article.pull_quote``; place the pull-quote."""
    options = PullQuoteOptions.from_settings(generator.settings)

    def quote(article, directory) -> None:
        paragraphs = article.metadata["paragraphs"]
        entities = entities_for(article, generator.settings, directory)
        quotes = attribute_quotes(find_quotes(paragraphs), article.analysis, entities)
        warnings: list[str] = []
        chosen = choose_pull_quote(
            quotes, article.analysis, options, article.metadata.get("pullquote"), warnings
        )
        for warning in warnings:
            warn(article, warning)
        article.quotes = quotes
        article.pull_quote = chosen
        if chosen is not None:
            position = pull_quote_position(chosen, len(paragraphs))
            aside = pull_quote_html(chosen.text, chosen.speaker or "")
            article._content = insert_after_paragraph(article._content, position, aside)

    enrich_each(generator, "pull-quotes", quote)
