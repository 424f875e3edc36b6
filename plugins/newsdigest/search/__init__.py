"""Pelican plugin ``newsdigest.search``: full-text search of every story, section and
entity, with Pagefind, and nothing downloaded or run on a server.

At the end of each build the plugin runs Pagefind (from the ``pagefind[bin]`` package)
over the written pages and puts its index in ``output/pagefind/``; it writes a search
page (``SEARCH_SAVE_AS``, ``search/index.html``) whose small script asks that index
and shows headline, date, section and excerpt, filtered by section and entity. The
theme's header form sends its query there; without JavaScript the search page points
to the archive, sections and topics instead, so every story stays reachable.

Which part of a page is searched, and its filters, are marked in the theme with
Pagefind's attributes (``data-pagefind-body``, ``data-pagefind-filter``); a theme
without them has every page indexed whole.
"""

from __future__ import annotations

from pelican import signals

from newsdigest.search.generator import SearchPageGenerator
from newsdigest.search.indexer import build_search_index
from newsdigest.site.startup import register_startup

URL_DEFAULTS = {"SEARCH_URL": "search/", "SEARCH_SAVE_AS": "search/index.html"}


def set_search_urls(pelican) -> None:
    """The search page's place, Pelican-style, where the site did not set it."""
    for name, default in URL_DEFAULTS.items():
        pelican.settings.setdefault(name, default)


def get_generators(_pelican):
    return SearchPageGenerator


def register() -> None:
    register_startup()
    signals.initialized.connect(set_search_urls)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(build_search_index)
