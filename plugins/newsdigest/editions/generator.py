"""The Pelican generator that resolves edition files against the site's stories."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from newsdigest.core.editions.file import (
    EditionError,
    EditionSpec,
    edition_files,
    parse_date,
    parse_edition,
    reference_keys,
)
from newsdigest.core.editions.model import Edition, EditionStory
from newsdigest.core.settings import setting
from newsdigest.core.text.render import render_markdown
from newsdigest.editions.email import write_emails
from newsdigest.site.templates import FallbackTemplates

logger = logging.getLogger(__name__)


class EditionsGenerator(FallbackTemplates, Generator):
    """Builds ``editions`` for the context and writes edition pages and the archive."""

    fallback_templates = Path(__file__).parent / "templates"

    def generate_context(self) -> None:
        articles = list(self.context.get("articles", []))
        by_reference = self._index(articles)
        editions: dict[dt.date, Edition] = {}
        for spec in self._read_specs():
            edition = editions.setdefault(spec.date, self._new_edition(spec.date, spec))
            for entry in spec.entries:
                article = next(
                    (by_reference[k] for k in reference_keys(entry.ref) if k in by_reference),
                    None,
                )
                if article is None:
                    logger.warning(
                        "%s: no published story matches '%s'; left out of the edition",
                        spec.source,
                        entry.ref,
                    )
                elif article not in edition:
                    edition.stories.append(EditionStory(article, entry.note))
        for article in sorted(articles, key=lambda a: (a.date, a.source_path)):
            self._join_declared_edition(article, editions)
        ordered = sorted(editions.values(), key=lambda e: e.date, reverse=True)
        for edition in ordered:
            self._link_stories(edition)
        self.context["editions"] = ordered
        self.context["latest_edition"] = ordered[0] if ordered else None

    def generate_output(self, writer) -> None:
        relative = self.settings.get("RELATIVE_URLS", False)
        editions = self.context["editions"]
        template = self.get_template("edition")
        for edition in editions:
            writer.write_file(
                edition.save_as,
                template,
                self.context,
                relative_urls=relative,
                url=edition.url,
                edition=edition,
                page_name=edition.url,
            )
        archive_as = self.settings["EDITIONS_SAVE_AS"]
        if archive_as:
            writer.write_file(
                archive_as,
                self.get_template("editions"),
                self.context,
                relative_urls=relative,
                url=self.settings["EDITIONS_URL"],
                editions=editions,
            )
        write_emails(editions, self.env.loader, self.settings, Path(self.output_path))

    def _read_specs(self) -> list[EditionSpec]:
        specs = []
        folder = setting(self.settings, "NEWSDIGEST_EDITIONS_DIR")
        for path in edition_files(Path(self.path), folder):
            source = Path(os.path.relpath(path, self.path)).as_posix()
            try:
                specs.append(parse_edition(path.read_text(encoding="utf-8-sig"), source))
            except (OSError, UnicodeDecodeError) as error:
                logger.warning("%s: cannot read the edition file: %s", source, error)
            except EditionError as error:
                logger.warning("%s", error)
        return specs

    def _new_edition(self, date: dt.date, spec: EditionSpec | None = None) -> Edition:
        slug = date.isoformat()
        url = self.settings["EDITION_URL"].format(slug=slug)
        save_as = self.settings["EDITION_SAVE_AS"].format(slug=slug)
        title = (spec.title if spec else None) or f"Edition of {date:%-d %B %Y}"
        intro = render_markdown(spec.intro)[0] if spec and spec.intro else ""
        return Edition(date, title, intro, url, save_as, spec.source if spec else None)

    def _join_declared_edition(self, article: Any, editions: dict[dt.date, Edition]) -> None:
        """A story's own ``Edition:`` header adds it after the curator's listed stories."""
        declared = article.metadata.get("edition_date")
        if not declared:
            return
        try:
            date = parse_date(str(declared)).date()
        except ValueError as error:
            logger.warning("%s: bad Edition: header: %s", article.relative_source_path, error)
            return
        edition = editions.setdefault(date, self._new_edition(date))
        if article not in edition:
            edition.stories.append(EditionStory(article, article.metadata.get("note")))

    @staticmethod
    def _index(articles: list[Any]) -> dict[str, Any]:
        index: dict[str, Any] = {}
        for article in articles:
            for key in reference_keys(article.relative_source_path):
                index.setdefault(key, article)
        return index

    @staticmethod
    def _link_stories(edition: Edition) -> None:
        """Give each story its (newest) edition, curator's note and neighbours."""
        for position, entry in enumerate(edition.stories):
            article = entry.article
            if getattr(article, "edition", None) is not None:
                continue  # already placed in a newer edition
            article.edition = edition
            article.curator_note = entry.note
            article.edition_previous = edition.stories[position - 1].article if position else None
            following = edition.stories[position + 1 : position + 2]
            article.edition_next = following[0].article if following else None
