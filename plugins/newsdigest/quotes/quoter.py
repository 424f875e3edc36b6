"""Attributing every story's quotations and placing its pull-quote."""

from __future__ import annotations

import logging

from ..analysis.pipeline import ModelError
from ..analysis.stories import analyse_articles
from ..enrichment import directory_for, entities_for, story_articles, warn
from ..quoting import (
    PullQuoteOptions,
    attribute_quotes,
    choose_pull_quote,
    find_quotes,
    pull_quote_position,
)
from ..text.render import insert_after_paragraph, pull_quote_html

logger = logging.getLogger(__name__)


def quote_articles(generator) -> None:
    articles = story_articles(generator)
    try:
        analyse_articles(articles, generator.settings)
    except ModelError as error:
        logger.error("newsdigest: %s; stories are published without pull-quotes", error)
        return
    directory = directory_for(generator.settings)
    options = PullQuoteOptions.from_settings(generator.settings)
    for article in articles:
        if getattr(article, "analysis", None) is None:
            continue
        try:
            quote_article(article, generator.settings, directory, options)
        except Exception as error:  # one story's bad luck must not stop the build
            warn(article, f"quotation analysis failed ({error}); published without pull-quote")


def quote_article(article, settings, directory, options: PullQuoteOptions) -> None:
    paragraphs = article.metadata["paragraphs"]
    entities = entities_for(article, settings, directory)
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
