"""Pelican plugin ``newsdigest.feeds``: RSS 2.0, Atom and JSON Feed 1.1 with feedgen.

Replaces Pelican's own feeds (leave its FEED_* settings off). Writes a main feed of all
stories, a feed per section, per entity with enough stories, and a feed of editions,
each in three formats, with full content (pull-quote and fact box included), stable
``tag:`` ids and no build timestamps, so an unchanged site gives byte-identical feeds.
"""

from __future__ import annotations

from pelican import signals

from .generator import FeedsGenerator


def get_generators(_pelican):
    return FeedsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
