"""Plugin templates that a theme may override: the theme's own first, ours as fallback.

The editions and entities plugins write pages of their own (``edition``, ``editions``,
``entity``, ``entities``). A theme made for them has those templates; any other theme
(Pelican's ``notmyidea`` or ``simple``, a site's own) gets the plugin's, which extend
the theme's ``base.html`` and fill its ``content`` block.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader


class FallbackTemplates:
    """Mixin for a Pelican generator: looks in ``fallback_templates`` after the theme."""

    fallback_templates: Path

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fallback = FileSystemLoader(str(self.fallback_templates))
        self.env.loader = ChoiceLoader([self.env.loader, fallback])
