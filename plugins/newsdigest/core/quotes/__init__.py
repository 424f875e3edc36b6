"""Quotations without Pelican: find them, attribute them, pick the pull-quote."""

from newsdigest.core.quotes.attribute import attribute_quotes
from newsdigest.core.quotes.find import Quote, find_quotes, is_scare_quote, split_scare_quotes
from newsdigest.core.quotes.select import PullQuoteOptions, choose_pull_quote, pull_quote_position

__all__ = [
    "PullQuoteOptions",
    "Quote",
    "attribute_quotes",
    "choose_pull_quote",
    "find_quotes",
    "is_scare_quote",
    "pull_quote_position",
    "split_scare_quotes",
]
