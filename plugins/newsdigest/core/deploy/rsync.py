"""Deploys with rsync: to a local folder, ``user@host:/path`` or ``rsync://``.

Checksums rather than timestamps (a rebuild touches every file), deletes after the
transfer and capped by ``--max-delete``, and updated files put in place together at
the end (``--delay-updates``).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

from newsdigest.core.deploy.targets import DeployError, Target

_MAX_DELETE_REACHED = 25  # rsync's exit status when --max-delete stopped it


def deploy_rsync(
    target: Target,
    output: Path,
    excludes: Iterable[str],
    *,
    dry_run: bool,
    allow_deletes: bool,
    max_deletes: int,
    say: Callable[[str], None],
) -> tuple[int, int, bool]:
    """Run rsync; return (transferred, deleted, deletes_capped) from its itemized output."""
    if shutil.which("rsync") is None:
        raise DeployError("rsync is not installed (apt-get install rsync)")
    arguments = [
        "rsync",
        "--recursive",
        "--checksum",
        "--links",
        "--times",
        "--delay-updates",
        "--itemize-changes",
        "--omit-dir-times",
    ]
    arguments += [f"--exclude={_rsync_pattern(pattern)}" for pattern in excludes]
    if allow_deletes:
        arguments += ["--delete-after", f"--max-delete={max_deletes}"]
    if dry_run:
        arguments.append("--dry-run")
    destination = target.location if target.location.endswith("/") else target.location + "/"
    if ":" not in target.location:
        Path(target.location).mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [*arguments, f"{output}/", destination], capture_output=True, text=True, check=False
    )
    capped = result.returncode == _MAX_DELETE_REACHED
    if result.returncode not in (0, _MAX_DELETE_REACHED):
        raise DeployError(f"rsync failed ({result.returncode}): {result.stderr.strip()}")
    transferred = deleted = 0
    for line in result.stdout.splitlines():
        if line.startswith("*deleting"):
            deleted += 1
            say(f"{'would delete' if dry_run else 'delete'} {line.split(maxsplit=1)[1]}")
        elif line[:2] in (">f", "<f"):
            transferred += 1
            say(f"{'would upload' if dry_run else 'upload'} {line.split(maxsplit=1)[1]}")
    return transferred, deleted, capped


def _rsync_pattern(pattern: str) -> str:
    """Our globs are relative to output/: anchor them, and exclude a folder as a whole."""
    if pattern.endswith("/*"):
        return "/" + pattern[:-1]  # "_newsdigest/*" -> "/_newsdigest/"
    return "/" + pattern
