"""The cleaning report: per story, what was removed and why, and every warning.

Written to ``output/_newsdigest/report.json`` (setting ``NEWSDIGEST_REPORT_PATH``)
so nothing cleaning does is silent. With ``NEWSDIGEST_STRICT = True`` a build that
produced story warnings fails after writing the report.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from newsdigest.core.jsonld import html_safe_json, plain_title
from newsdigest.core.settings import setting
from newsdigest.site.articles import read_articles

logger = logging.getLogger(__name__)

_stories: dict[str, dict[str, Any]] = {}
_skipped: dict[str, str] = {}


def reset_report(_generator=None) -> None:
    """Start a fresh report for each build (the preview server rebuilds in-process)."""
    _stories.clear()
    _skipped.clear()


def record_skip(path: str, problem: str) -> None:
    _skipped[path] = problem
    logger.warning("%s: %s", path, problem)


def collect_articles(generator) -> None:
    """Gather every story the article generator read, published or not."""
    for article in read_articles(generator):
        metadata = article.metadata
        if "removed" not in metadata:
            continue  # not one of our stories
        source = article.relative_source_path
        _stories[source] = {
            "source": source,
            "title": plain_title(article),
            "title_derived": metadata.get("title_derived", False),
            "url": article.url,
            "status": article.status,
            "dateline": metadata.get("dateline"),
            "date_source": metadata.get("date_source"),
            "removed": metadata.get("removed", []),
            "warnings": metadata.get("story_warnings", []),
        }


def write_report(pelican) -> None:
    settings = pelican.settings
    skipped = [
        {"source": source, "problem": problem} for source, problem in sorted(_skipped.items())
    ]
    stories = [_stories[key] for key in sorted(_stories)]
    removed = sum(len(story["removed"]) for story in stories)
    warnings = sum(len(story["warnings"]) for story in stories) + len(skipped)
    report_path = setting(settings, "NEWSDIGEST_REPORT_PATH")
    if report_path:
        target = Path(settings["OUTPUT_PATH"]) / report_path
        target.parent.mkdir(parents=True, exist_ok=True)
        report = {"stories": stories, "skipped": skipped}
        target.write_text(html_safe_json(report) + "\n", "utf-8")
    logger.info(
        "newsdigest: %d stories cleaned, %d paragraphs removed, %d skipped, %d warnings",
        len(stories),
        removed,
        len(skipped),
        warnings,
    )
    if setting(settings, "NEWSDIGEST_STRICT") and warnings:
        logger.critical(
            "newsdigest: strict mode: %d story warnings (see the log above%s)",
            warnings,
            f" and {report_path}" if report_path else "",
        )
        raise SystemExit(1)
