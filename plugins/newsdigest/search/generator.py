"""The Pelican generator that writes the search page and its script."""

from __future__ import annotations

import shutil
from pathlib import Path

from pelican.generators import Generator

from newsdigest.core.settings import setting
from newsdigest.site.templates import FallbackTemplates

SCRIPT = Path(__file__).parent / "static" / "search.js"


class SearchPageGenerator(FallbackTemplates, Generator):
    """Writes ``SEARCH_SAVE_AS`` (the ``search`` template) and ``search.js`` beside it."""

    fallback_templates = Path(__file__).parent / "templates"

    def generate_output(self, writer) -> None:
        save_as = self.settings.get("SEARCH_SAVE_AS")
        if not save_as:
            return
        writer.write_file(
            save_as,
            self.get_template("search"),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            url=self.settings.get("SEARCH_URL", ""),
            search_bundle=setting(self.settings, "NEWSDIGEST_SEARCH_DIR").strip("/"),
            page_name="search",
        )
        script = Path(self.output_path) / Path(save_as).parent / SCRIPT.name
        if not script.is_file() or script.read_bytes() != SCRIPT.read_bytes():
            script.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SCRIPT, script)
