"""Pelican plugin ``newsdigest.feeds``: RSS 2.0, Atom and JSON Feed 1.1 with feedgen.

Replaces Pelican's own feeds (leave its FEED_* settings off). Writes a main feed of all
stories, a feed per section, per entity with enough stories, and a feed of editions,
each in three formats, with full content (pull-quote and fact box included), stable
``tag:`` ids and no build timestamps, so an unchanged site gives byte-identical feeds.
"""

from __future__ import annotations

from pelican import signals

from newsdigest.feeds.generator import FeedsGenerator
from newsdigest.site.startup import register_startup


def get_generators(_pelican):
    return FeedsGenerator


def collect_feeds(generators) -> None:
    """Every generator has built its context (editions, entity pages …): make the feeds."""
    for generator in generators:
        if isinstance(generator, FeedsGenerator):
            generator.collect()


def register() -> None:
    register_startup()
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(collect_feeds)
