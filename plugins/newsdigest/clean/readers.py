"""Pelican readers for raw wire stories (.txt) and Markdown (.md).

Both go through ``newsdigest.core.story.load_story``, the same code ``newsdigest inspect``
runs. Markdown files under the page folders or the editions folder are documents,
not stories: they are rendered and sanitized but not cleaned as wire copy.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import re
from pathlib import Path
from typing import Any, ClassVar

from markupsafe import Markup, escape
from pelican.readers import BaseReader
from pelican.utils import slugify

from newsdigest.clean.dates import ledger_for
from newsdigest.clean.report import record_skip
from newsdigest.core.settings import setting
from newsdigest.core.story import CleanOptions, Story, StoryError, is_inside, load_story
from newsdigest.core.text.dateline import agency_credit
from newsdigest.core.text.normalize import decode_bytes, normalize_whitespace, repair_text
from newsdigest.core.text.rawformat import split_header
from newsdigest.core.text.render import render_markdown

logger = logging.getLogger(__name__)

# Header keys that Pelican would read as its own (and so let a pasted story choose
# its output path or URL); they are kept under safe names instead.
_RENAMED_KEYS = {
    "url": "source_url",
    "source": "source_name",
    "tags": "tags_header",
    "save_as": "requested_save_as",
    "edition": "edition_date",
}
_PELICAN_KEYS = ("status", "lang", "modified", "template", "translation")
_TEMPLATE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_STORY_KEYS = {"note", "pullquote", "facts", "guid"}


class _StoryReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = []  # the subclasses name theirs

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        path = Path(source_path)
        content_root = Path(self.settings["PATH"])
        if not is_inside(path, content_root):
            return self._skip(path, "a link to a file outside the content folder; not read")
        if not self._is_story(path, content_root):
            return self._read_document(path)
        try:
            options = CleanOptions.from_settings(self.settings)
            story = load_story(path, options, content_root, ledger_for(self.settings))
        except StoryError as error:
            return self._skip(path, str(error))
        for warning in story.warnings:
            logger.warning("%s: %s", story.source, warning)
        if not story.paragraphs or not story.title:
            return self._skip(path, "skipped: nothing to publish")
        metadata = self._metadata(story)
        for warning in self._safe_names(path, story, metadata):
            logger.warning("%s: %s", story.source, warning)
            story.warnings.append(warning)
        return story.html, metadata

    def _safe_names(self, path: Path, story: Story, metadata: dict[str, Any]) -> list[str]:
        """A slug that is a real URL segment, and a template name that is only a name."""
        warnings = []
        subs = self.settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
        if "slug" in story.header:
            slug = slugify(story.header["slug"], regex_subs=subs)
            if slug != story.header["slug"]:
                warnings.append(f"Slug: '{story.header['slug']}' is not a URL slug; using '{slug}'")
            metadata["slug"] = slug or None
            if not slug:
                del metadata["slug"]
        if "slug" not in metadata and not slugify(path.stem, regex_subs=subs):
            fallback = (
                slugify(story.title, regex_subs=subs)
                or "story-" + hashlib.sha1(story.source.encode()).hexdigest()[:8]
            )
            metadata["slug"] = fallback
            warnings.append(f"the file name makes no URL; the story is published as '{fallback}'")
        template = story.header.get("template")
        if template is not None and not _TEMPLATE_NAME.match(template):
            metadata.pop("template", None)
            warnings.append(f"Template: '{template}' is not a template name; ignored")
        return warnings

    def _is_story(self, path: Path, content_root: Path) -> bool:
        return True

    def _skip(self, path: Path, problem: str) -> tuple[str, dict[str, Any]]:
        source = Path(os.path.relpath(path, self.settings["PATH"])).as_posix()
        record_skip(source, problem)
        return "", {"status": "skip"}

    def _metadata(self, story: Story) -> dict[str, Any]:
        process = self.process_metadata
        metadata: dict[str, Any] = {
            # Pelican's convention: a title is HTML. Escaped here, so any theme is safe.
            "title": escape(story.title),
            "title_text": story.title,
            "date": story.date,
            "summary": Markup(html.escape(story.summary, quote=False)),
            "summary_text": story.summary,
            "standfirst": story.standfirst,
            "teaser": story.teaser,
            "title_derived": story.title_derived,
            "dateline": story.dateline,
            "agency": story.agency,
            "agency_credit": agency_credit(story.agency),
            "byline": story.byline.display if story.byline else None,
            "paragraphs": story.paragraphs,
            "removed": [removal.as_dict() for removal in story.removed],
            "story_warnings": story.warnings,
            "date_source": story.date_source,
            "story_format": story.format,
        }
        if story.section:
            metadata["category"] = process("category", story.section)
        if story.byline:
            names = story.byline.names
            if not (self.settings.get("JINJA_ENVIRONMENT") or {}).get("autoescape"):
                names = [html.escape(name, quote=False) for name in names]  # printed raw
            metadata["authors"] = process("authors", ", ".join(names))
        for key, value in story.header.items():
            if key in _RENAMED_KEYS:
                metadata[_RENAMED_KEYS[key]] = value
            elif key in _PELICAN_KEYS and value:
                metadata[key] = process(key, value)
            elif key in _STORY_KEYS:
                metadata[key] = value
        return metadata

    def _read_document(self, path: Path) -> tuple[str, dict[str, Any]]:
        """A page or edition: header plus sanitized Markdown, no wire-copy cleaning."""
        text, problem = decode_bytes(path.read_bytes())
        if problem:
            logger.warning("%s: %s", path.name, problem)
        header, body, _problems = split_header(repair_text(text))
        content, _paragraphs = render_markdown(body)
        metadata: dict[str, Any] = {}
        for key, value in header.items():
            value = normalize_whitespace(value)
            if key in _RENAMED_KEYS:
                metadata[_RENAMED_KEYS[key]] = value
            elif key in ("title", "summary", "description") or key in _STORY_KEYS:
                metadata[key] = value
            elif value:
                metadata[key] = process_safely(self, key, value)
        return content, metadata


def process_safely(reader: BaseReader, key: str, value: str) -> Any:
    """Pelican's metadata processing, except keys that would choose output paths."""
    if key in ("save_as", "url", "path"):
        return None
    return reader.process_metadata(key, value)


class RawStoryReader(_StoryReader):
    """Raw wire copy as pasted: optional ``Key: value`` header, then paragraphs."""

    file_extensions: ClassVar[list[str]] = ["txt"]


class MarkdownStoryReader(_StoryReader):
    """Markdown stories (and pages/editions), rendered with markdown-it-py."""

    file_extensions: ClassVar[list[str]] = ["md", "markdown"]

    def _is_story(self, path: Path, content_root: Path) -> bool:
        try:
            first = path.resolve().relative_to(content_root.resolve()).parts[0]
        except (ValueError, IndexError):
            return True
        documents = set(self.settings.get("PAGE_PATHS", ["pages"]))
        documents.add(setting(self.settings, "NEWSDIGEST_EDITIONS_DIR"))
        return first not in documents
