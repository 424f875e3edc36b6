"""``newsdigest deploy TARGET``: publish output/ to S3, a git branch or rsync."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from newsdigest.core.deploy.git import deploy_git
from newsdigest.core.deploy.plan import (
    DEFAULT_HEADER_RULES,
    build_problem,
    local_files,
)
from newsdigest.core.deploy.rsync import deploy_rsync
from newsdigest.core.deploy.s3 import deploy_s3
from newsdigest.core.deploy.targets import DeployError, parse_target
from newsdigest.core.settings import setting


def add_arguments(parser) -> None:
    parser.add_argument(
        "target",
        help="s3://bucket[/prefix], git+file:///repo.git#branch, "
        "git@host:org/repo.git#branch, gh-pages, rsync://…, user@host:/path "
        "or a folder",
    )
    parser.add_argument("--output", type=Path, default=None, help="the built site (OUTPUT_PATH)")
    parser.add_argument(
        "--endpoint-url",
        default=None,
        help="S3-compatible endpoint (default: $AWS_ENDPOINT_URL, else AWS)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print what would change; change nothing"
    )
    parser.add_argument(
        "--max-deletes",
        type=int,
        default=None,
        help="refuse to delete more remote files than this (default 20)",
    )
    parser.add_argument("--gzip", action="store_true", help="S3: upload text files gzip-encoded")
    parser.add_argument("--message", default="Publish site", help="git: the commit message")


def run(args, settings: dict[str, Any]) -> int:
    output = args.output or Path(settings.get("OUTPUT_PATH") or "output")
    if not output.is_dir():
        print(
            f"newsdigest: nothing to deploy: {output} does not exist (run make publish)",
            file=sys.stderr,
        )
        return 2
    excludes = tuple(setting(settings, "NEWSDIGEST_DEPLOY_EXCLUDE"))
    rules = tuple(setting(settings, "NEWSDIGEST_DEPLOY_HEADERS")) + DEFAULT_HEADER_RULES
    gzip_text = args.gzip or bool(setting(settings, "NEWSDIGEST_DEPLOY_GZIP"))
    max_deletes = (
        args.max_deletes
        if args.max_deletes is not None
        else int(setting(settings, "NEWSDIGEST_DEPLOY_MAX_DELETES"))
    )
    files = local_files(output, rules, excludes, gzip_text)
    say = _printer(args.dry_run)
    try:
        target = parse_target(args.target)
        if target.kind == "s3":
            endpoint = args.endpoint_url or os.environ.get("AWS_ENDPOINT_URL")
            report = deploy_s3(
                target,
                output,
                files,
                endpoint_url=endpoint,
                dry_run=args.dry_run,
                max_deletes=max_deletes,
                say=say,
            )
            print(f"newsdigest: {report.summary(args.dry_run)}")
            return 1 if report.refused_deletes else 0
        problem = build_problem(output, files)
        if target.kind == "git":
            if problem:
                raise DeployError(f"{problem}; refusing to replace the branch with it")
            changed, unchanged, deleted = deploy_git(
                target,
                files,
                cname=setting(settings, "NEWSDIGEST_CNAME"),
                dry_run=args.dry_run,
                message=args.message,
                say=say,
            )
            verb = "would commit" if args.dry_run else "committed"
            print(
                f"newsdigest: {verb} {changed} added or changed, {unchanged} unchanged, "
                f"{deleted} deleted on {target.path}"
            )
            return 0
        transferred, deleted, capped = deploy_rsync(
            target,
            output,
            excludes,
            dry_run=args.dry_run,
            allow_deletes=problem is None,
            max_deletes=max_deletes,
            say=say,
        )
        print(
            f"newsdigest: {'would transfer' if args.dry_run else 'transferred'} {transferred}, "
            f"{'would delete' if args.dry_run else 'deleted'} {deleted}"
            + (f"; deletes refused: {problem}" if problem else "")
            + (f"; deletes stopped at --max-deletes {max_deletes}" if capped else "")
        )
        return 1 if problem or capped else 0
    except DeployError as error:
        print(f"newsdigest: deploy failed: {error}", file=sys.stderr)
        return 1


def _printer(dry_run: bool):
    def say(line: str) -> None:
        print(("[dry run] " if dry_run else "") + line, flush=True)

    return say
