"""Pelican plugin ``newsdigest.editions``: the digest published as curated editions.

An edition file names its stories in order with the curator's notes (see
``newsdigest.core.editions.file``); stories may also join an edition with an ``Edition:``
header. The plugin resolves the references, gives each story its edition, note and
neighbours, puts ``editions`` and ``latest_edition`` into the template context (the
front page shows the latest), and writes a page per edition and an archive.
"""

from __future__ import annotations

from pelican import signals

from newsdigest.editions.generator import EditionsGenerator
from newsdigest.site.startup import register_startup


def get_generators(_pelican):
    return EditionsGenerator


def register() -> None:
    register_startup()
    signals.get_generators.connect(get_generators)
