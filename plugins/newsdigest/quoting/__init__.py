"""Quotations without Pelican: find them, attribute them, pick the pull-quote."""

from .attribute import attribute_quotes
from .find import Quote, find_quotes
from .select import PullQuoteOptions, choose_pull_quote, pull_quote_position

__all__ = [
    "PullQuoteOptions",
    "Quote",
    "attribute_quotes",
    "choose_pull_quote",
    "find_quotes",
    "pull_quote_position",
]
