"""The ``newsdigest`` command line: inspect a story, add stories, deploy, mail an edition,
list settings.

Each command is a module here with ``add_arguments(parser)`` and ``run(args, settings)``;
this module finds and reads the site's settings (with Pelican itself, then checks every
``NEWSDIGEST_*`` setting) and hands them over.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsdigest import __version__
from newsdigest.cli import add, deploy, inspect, mail
from newsdigest.cli import settings as settings_command
from newsdigest.core.settings import SettingsError, validate

# name: (module, help, settings files tried in order when --settings is not given)
COMMANDS = {
    "inspect": (inspect, "show what the site makes of one story file", ("pelicanconf.py",)),
    "add": (add, "add stories to content/ from URLs, files or a paste", ("pelicanconf.py",)),
    "deploy": (
        deploy,
        "publish output/ to S3, a git branch or rsync",
        ("publishconf.py", "pelicanconf.py"),
    ),
    "mail": (
        mail,
        "send an edition's email over SMTP",
        ("publishconf.py", "pelicanconf.py"),
    ),
    "settings": (
        settings_command,
        "list every NEWSDIGEST_* setting, or check a settings file",
        ("pelicanconf.py",),
    ),
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    module, _help, defaults = COMMANDS[args.command]
    return module.run(args, load_settings(args.settings, defaults))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdigest", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"newsdigest {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (module, help_text, defaults) in COMMANDS.items():
        command = commands.add_parser(name, help=help_text)
        module.add_arguments(command)
        command.add_argument(
            "--settings",
            type=Path,
            default=None,
            help=f"Pelican settings file (default: ./{', else ./'.join(defaults)})",
        )
    return parser


def load_settings(path: Path | None, defaults: tuple[str, ...] = ("pelicanconf.py",)) -> dict:
    """Read the site's settings with Pelican itself, so defaults match the build, and
    check the ``NEWSDIGEST_*`` ones (a typo or a wrong type is an error, not a surprise)."""
    if path is None:
        path = next((Path(name) for name in defaults if Path(name).is_file()), None)
        if path is None:
            return {}
    if not path.is_file():
        raise SystemExit(f"newsdigest: settings file not found: {path}")
    from pelican.settings import read_settings  # only when a site is in play

    try:
        settings: dict[str, Any] = read_settings(str(path))
    except Exception as error:  # a user's settings file: report it, no traceback
        raise SystemExit(f"newsdigest: cannot use the settings in {path}: {error}") from None
    try:
        validate(settings)
    except SettingsError as error:
        raise SystemExit(f"newsdigest: {path}: {error}") from None
    return settings


if __name__ == "__main__":
    sys.exit(main())
