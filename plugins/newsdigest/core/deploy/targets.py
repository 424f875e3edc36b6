"""What a deploy target string means."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


class DeployError(Exception):
    """A deploy that cannot start or could not finish; the message is for the user."""


@dataclass(frozen=True)
class Target:
    kind: str  # "s3", "git" or "rsync"
    location: str  # bucket / remote URL / rsync destination
    path: str = ""  # S3 prefix or git branch


_S3 = re.compile(r"^s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(?P<prefix>.*))?$")


def parse_target(target: str, cwd: Path | None = None) -> Target:
    """``s3://bucket/prefix``, ``git+file:///repo.git#branch``, ``git@host:repo.git#branch``,
    ``gh-pages`` (the current repo's origin), ``rsync://…``, ``user@host:/path`` or a folder."""
    match = _S3.match(target)
    if match:
        prefix = (match.group("prefix") or "").strip("/")
        return Target("s3", match.group("bucket"), f"{prefix}/" if prefix else "")
    if target.startswith("s3://"):
        raise DeployError(f"not a valid S3 target: {target} (expected s3://bucket[/prefix])")
    if target == "gh-pages":
        return Target("git", _origin(cwd), "gh-pages")
    if target.startswith("git+") or (target.endswith(".git") or ".git#" in target):
        url, _sep, branch = target.removeprefix("git+").partition("#")
        return Target("git", url, branch or "gh-pages")
    return Target("rsync", target)


def _origin(cwd: Path | None) -> str:
    try:
        result = subprocess.run(
            ["git", "remote", "get-url", "origin"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        raise DeployError("gh-pages needs a git repository with an 'origin' remote") from error
    return result.stdout.strip()
