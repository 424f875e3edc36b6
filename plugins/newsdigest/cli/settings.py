"""``newsdigest settings``: every ``NEWSDIGEST_*`` setting, or what a site sets.

Without options it lists each setting with the value the site's settings file gives it
(its default when the file does not set it); ``--markdown`` prints the README's table.
Reading the settings file already checked it, so a wrong setting never gets this far.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsdigest.core.settings import SETTINGS, setting, settings_table


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--markdown", action="store_true", help="print the settings reference as a table"
    )


def run(args: argparse.Namespace, settings: dict[str, Any]) -> int:
    if args.markdown:
        sys.stdout.write(settings_table())
        return 0
    for entry in SETTINGS:
        if entry.internal:
            continue
        marker = "*" if entry.name in settings else " "
        print(f"{marker} {entry.name} = {setting(settings, entry.name)!r}")
    print("(* set by the site; the rest are defaults)")
    return 0
