"""Deploys to a git branch (GitHub Pages), in a scratch repository.

The built site becomes one new commit on the branch (on top of its history), with
``.nojekyll`` and ``CNAME`` added, and is pushed to the remote. The user's own
repository, working tree and current branch are never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from newsdigest.core.deploy.plan import LocalFile
from newsdigest.core.deploy.targets import DeployError, Target

_IDENTITY = {
    "GIT_AUTHOR_NAME": "newsdigest",
    "GIT_AUTHOR_EMAIL": "newsdigest@localhost",
    "GIT_COMMITTER_NAME": "newsdigest",
    "GIT_COMMITTER_EMAIL": "newsdigest@localhost",
}


def deploy_git(
    target: Target,
    files: list[LocalFile],
    *,
    cname: str | None,
    dry_run: bool,
    message: str,
    say: Callable[[str], None],
) -> tuple[int, int, int]:
    """Commit and push; return (added or changed, unchanged, deleted) counts."""
    scratch = Path(tempfile.mkdtemp(prefix="newsdigest-git-"))
    try:
        repo, site = scratch / "repo.git", scratch / "site"
        _git(["init", "--bare", "-q", str(repo)])
        parent = _fetch(repo, target)
        site.mkdir()
        for file in files:
            destination = site / file.key
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file.path, destination)
        (site / ".nojekyll").write_bytes(b"")
        if cname:
            (site / "CNAME").write_text(cname.strip() + "\n", encoding="utf-8")
        env = {
            "GIT_DIR": str(repo),
            "GIT_WORK_TREE": str(site),
            "GIT_INDEX_FILE": str(scratch / "index"),
        }
        _git(["add", "-A", "."], env=env, cwd=site)
        tree = _git(["write-tree"], env=env).strip()
        changes = _changes(repo, parent, tree)
        for status, name in changes:
            verb = {"A": "add", "M": "update", "D": "delete"}.get(status, status)
            say(f"{'would ' if dry_run else ''}{verb} {name}")
        counts = (
            sum(s in "AM" for s, _ in changes),
            len(files) + 1 + bool(cname) - sum(s in "AM" for s, _ in changes),
            sum(s == "D" for s, _ in changes),
        )
        if dry_run or (parent and not changes):
            return counts
        arguments = ["commit-tree", tree, "-m", message] + (["-p", parent] if parent else [])
        commit = _git(arguments, env={**env, **_identity()}).strip()
        _git(
            ["push", "-q", target.location, f"{commit}:refs/heads/{target.path}"],
            env={"GIT_DIR": str(repo)},
        )
        return counts
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _fetch(repo: Path, target: Target) -> str | None:
    """The branch's current commit on the remote, fetched into the scratch repo."""
    heads = _git(["ls-remote", "--heads", target.location, target.path], env={"GIT_DIR": str(repo)})
    if not heads.strip():
        return None
    _git(
        [
            "fetch",
            "-q",
            "--depth",
            "1",
            target.location,
            f"refs/heads/{target.path}:refs/remotes/site",
        ],
        env={"GIT_DIR": str(repo)},
    )
    return heads.split()[0]


def _changes(repo: Path, parent: str | None, tree: str) -> list[tuple[str, str]]:
    if parent is None:
        listing = _git(["ls-tree", "-r", "--name-only", tree], env={"GIT_DIR": str(repo)})
        return [("A", name) for name in listing.splitlines()]
    diff = _git(
        ["diff-tree", "-r", "--name-status", "--no-renames", parent, tree],
        env={"GIT_DIR": str(repo)},
    )
    return [tuple(line.split("\t", 1)) for line in diff.splitlines() if "\t" in line]


def _identity() -> dict[str, str]:
    """Use the user's git identity when they have one, ours otherwise."""
    return {key: os.environ.get(key, value) for key, value in _IDENTITY.items()}


def _git(arguments: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    full_env = {**os.environ, **(env or {})}
    try:
        result = subprocess.run(
            ["git", *arguments], env=full_env, cwd=cwd, capture_output=True, text=True, check=True
        )
    except FileNotFoundError as error:
        raise DeployError("git is not installed") from error
    except subprocess.CalledProcessError as error:
        raise DeployError(f"git {arguments[0]} failed: {error.stderr.strip()}") from error
    return result.stdout
