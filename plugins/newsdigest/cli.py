"""The ``newsdigest`` command line: ``newsdigest inspect PATH [--json]``.

``inspect`` shows what the site will make of one story file, using the same code
and (when it finds one) the same settings file as the build.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from . import __version__
from .analysis.pipeline import ModelError
from .analysis.stories import too_long_to_analyse
from .deploy import command as deploy_command
from .enrich import Enrichment, StoryInputs, enable
from .enrich.worker import EnrichmentJob, run_batch
from .intake import command as intake_command
from .story import CleanOptions, Story, StoryError, is_inside, load_story
from .tagging import DirectoryError, EntityDirectory, site_directory


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    return args.handler(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdigest", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"newsdigest {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    inspect = commands.add_parser("inspect", help="show what the site makes of one story file")
    inspect.add_argument("path", type=Path, help="a story file (.txt or .md)")
    inspect.add_argument("--json", action="store_true", help="print the result as JSON")
    inspect.add_argument(
        "--settings",
        type=Path,
        default=None,
        help="Pelican settings file (default: ./pelicanconf.py when it exists)",
    )
    inspect.add_argument(
        "--strict", action="store_true", help="exit with status 1 when the story has warnings"
    )
    inspect.add_argument(
        "--no-enrich", action="store_true", help="clean only: skip the language analysis"
    )
    inspect.set_defaults(handler=_inspect)
    add = commands.add_parser("add", help="add a story to content/ from a URL, a file or a paste")
    intake_command.add_arguments(add)
    add.set_defaults(handler=_add)
    deploy = commands.add_parser("deploy", help="publish output/ to S3, a git branch or rsync")
    deploy_command.add_arguments(deploy)
    deploy.set_defaults(handler=_deploy)
    return parser


def _add(args: argparse.Namespace) -> int:
    settings = _load_settings(args.settings)
    return intake_command.run(args, settings, lambda story: _human(story, {}))


def _deploy(args: argparse.Namespace) -> int:
    settings_path = args.settings
    if settings_path is None:
        settings_path = next(
            (Path(name) for name in ("publishconf.py", "pelicanconf.py") if Path(name).is_file()),
            None,
        )  # fmt: skip
    return deploy_command.run(args, _load_settings(settings_path) if settings_path else {})


def _inspect(args: argparse.Namespace) -> int:
    settings = _load_settings(args.settings)
    options = CleanOptions.from_settings(settings)
    content_root = _content_root(args.path, settings)
    try:
        story = load_story(args.path, options, content_root)
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
        sys.stdout.write(_human(story, result))
    for warning in story.warnings:
        print(f"newsdigest: warning: {story.source}: {warning}", file=sys.stderr)
    return 1 if args.strict and story.warnings else 0


def _load_settings(path: Path | None) -> dict[str, Any]:
    """Read the site's settings with Pelican itself, so defaults match the build."""
    if path is None:
        default = Path("pelicanconf.py")
        if not default.is_file():
            return {}
        path = default
    if not path.is_file():
        raise SystemExit(f"newsdigest: settings file not found: {path}")
    from pelican.settings import read_settings  # only when a site is in play

    try:
        return read_settings(str(path))
    except Exception as error:  # a user's settings file: report it, no traceback
        raise SystemExit(f"newsdigest: cannot use the settings in {path}: {error}") from None


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
        story.paragraphs, story.dateline, story.header.get("tags"),
        story.header.get("pullquote"), story.header.get("facts"),
    )  # fmt: skip
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
        result["pull_quote"] = (
            {"text": chosen.text, "speaker": chosen.speaker, "paragraph": chosen.paragraph}
            if chosen else None
        )  # fmt: skip
    if found.facts is not None:
        result["facts"] = [fact.as_dict() for fact in found.facts]
    result["warnings"] = story.warnings + found.warnings
    return result


def _human(story: Story, result: dict[str, Any]) -> str:
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


if __name__ == "__main__":
    sys.exit(main())
