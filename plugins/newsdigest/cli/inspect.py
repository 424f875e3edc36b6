"""``newsdigest inspect PATH [--json]``: what the site makes of one story file.

It uses the build's own code and (when it finds one) the same settings file, so what an
editor sees here is what the page, the feeds and the JSON-LD will carry.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsdigest.core.dates import DateLedger
from newsdigest.core.enrich import Enrichment, StoryInputs, enable
from newsdigest.core.enrich.worker import EnrichmentJob, run_batch
from newsdigest.core.entities import DirectoryError, EntityDirectory, site_directory
from newsdigest.core.nlp.config import too_long_to_analyse
from newsdigest.core.nlp.pipeline import ModelError
from newsdigest.core.settings import setting
from newsdigest.core.story import CleanOptions, Story, StoryError, is_inside, load_story


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="a story file (.txt or .md)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when the story has warnings"
    )
    parser.add_argument(
        "--no-enrich", action="store_true", help="clean only: skip the language analysis"
    )


def run(args: argparse.Namespace, settings: dict[str, Any]) -> int:
    options = CleanOptions.from_settings(settings)
    content_root = _content_root(args.path, settings)
    try:
        ledger = DateLedger.in_folder(content_root, setting(settings, "NEWSDIGEST_DATES_FILE"))
        story = load_story(args.path, options, content_root, ledger)  # reads, never writes
    except StoryError as error:
        print(f"newsdigest: {error}", file=sys.stderr)
        return 1
    result = story.inspect_dict()
    if not args.no_enrich and _enabled_plugins(settings):
        try:
            result.update(enrich(story, settings, _site_root(args.settings)))
        except ModelError as error:
            print(f"newsdigest: {error}", file=sys.stderr)
            return 1
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(describe(story, result))
    for warning in story.warnings:
        print(f"newsdigest: warning: {story.source}: {warning}", file=sys.stderr)
    return 1 if args.strict and story.warnings else 0


def _content_root(path: Path, settings: dict[str, Any]) -> Path | None:
    """The site's content folder when ``path`` is inside it (for section and edition)."""
    candidates = [Path(settings["PATH"])] if settings.get("PATH") else []
    candidates += [parent for parent in path.resolve().parents if parent.name == "content"]
    return next((root for root in candidates if is_inside(path, root)), None)


def _enabled_plugins(settings: dict[str, Any]) -> set[str]:
    """Our enrichment plugins the site enables (all of them when there is no site)."""
    ours = {"entities", "quotes", "facts"}
    plugins = settings.get("PLUGINS")
    if plugins is None:
        return ours
    return {name for name in ours if f"newsdigest.{name}" in map(str, plugins)}


def _site_root(settings_path: Path | None) -> Path | None:
    """Relative cache paths in a settings file are relative to where Pelican runs."""
    if settings_path is not None:
        return settings_path.resolve().parent
    return Path.cwd() if Path("pelicanconf.py").is_file() else None


def enrich(story: Story, settings: dict[str, Any], site_root: Path | None) -> dict[str, Any]:
    """The enrichment keys of ``inspect``: the build's own code, settings and caches."""
    features = _enabled_plugins(settings)
    for feature in features:
        enable(settings, feature)
    directory = EntityDirectory()
    if site_root is not None:
        try:
            directory = site_directory(settings)
        except DirectoryError as error:
            story.warnings.append(f"{error}; tagging without the editor's entity file")
    if site_root is None:
        settings = {**settings, "NEWSDIGEST_CACHE": False}
    job = EnrichmentJob.from_settings(settings, directory, site_root)
    inputs = StoryInputs(
        story.paragraphs,
        story.dateline,
        story.header.get("tags"),
        story.header.get("pullquote"),
        story.header.get("facts"),
    )
    task = job.task(inputs, story.title, story.title_derived, settings)
    if task is None:
        story.warnings.append(too_long_to_analyse(story.paragraphs, settings))
        return {"warnings": story.warnings}
    [outcome] = run_batch(job, [task])
    if outcome.enrichment is None:
        story.warnings.append(outcome.problem)
        return {"warnings": story.warnings}
    found = Enrichment.from_json(outcome.enrichment)
    result: dict[str, Any] = {}
    if "entities" in features:
        result["entities"] = [entity.as_dict() for entity in found.entities]
    if found.quotes is not None:
        chosen = found.pull_quote
        result["quotes"] = [quote.as_dict() for quote in found.quotes]
        result["scare_quotes"] = [
            {"text": q.text, "paragraph": q.paragraph} for q in found.scare_quotes
        ]
        result["pull_quote"] = (
            {"text": chosen.text, "speaker": chosen.speaker, "paragraph": chosen.paragraph}
            if chosen
            else None
        )
    if found.facts is not None:
        result["facts"] = [fact.as_dict() for fact in found.facts]
    result["warnings"] = story.warnings + found.warnings
    return result


def describe(story: Story, result: dict[str, Any]) -> str:
    lines = [
        f"{story.title}{'  (derived headline)' if story.title_derived else ''}",
        f"  source:   {story.source}",
        f"  section:  {story.section or '-'}",
        f"  dateline: {story.dateline or '-'}",
        f"  byline:   {story.byline.display if story.byline else '-'}",
        f"  date:     {story.date.isoformat() if story.date else '-'} ({story.date_source})",
        f"  summary:  {story.summary}",
        f"  {len(story.paragraphs)} paragraphs kept, {len(story.removed)} removed",
    ]
    lines += [f"    removed ({r.rule}): {r.text}" for r in story.removed]
    chosen = result.get("pull_quote")
    if chosen:
        lines.append(f"  pull-quote: “{chosen['text']}” — {chosen['speaker']}")
    for quote in result.get("quotes", []):
        speaker = quote["speaker"] or "unattributed"
        lines.append(f"    quote (¶{quote['paragraph']}, {speaker}): “{quote['text']}”")
    for fact in result.get("facts", []):
        lines.append(f"  fact (¶{fact['paragraph']}): {fact['label']}: {fact['value']}")
    if "entities" in result:
        lines.append(f"  entities: {len(result['entities'])}")
        lines += [f"    {e['name']} ({e['kind']}, {e['mentions']}×)" for e in result["entities"]]
    return "\n".join(lines) + "\n"
