"""Diff-based deploys to any S3-compatible service with boto3.

Lists the remote objects under the prefix, uploads new or changed files (MD5 against
the ETag, or against the ``md5`` metadata this tool writes, for multipart or missing
ETags), then deletes what is gone locally: never before every upload succeeded, never
more than ``max_deletes``, never when the build is empty or has no front page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsdigest.core.deploy.plan import LocalFile, build_problem
from newsdigest.core.deploy.targets import DeployError, Target


@dataclass
class DeployReport:
    uploaded: list[str] = field(default_factory=list)
    uploaded_bytes: int = 0
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    refused_deletes: str | None = None

    def summary(self, dry_run: bool) -> str:
        verb = "would upload" if dry_run else "uploaded"
        delete = "would delete" if dry_run else "deleted"
        text = (
            f"{verb} {len(self.uploaded)} files ({_size(self.uploaded_bytes)}), "
            f"{self.unchanged} unchanged, {delete} {len(self.deleted)}"
        )
        return text + (f"; deletes refused: {self.refused_deletes}" if self.refused_deletes else "")


def s3_client(endpoint_url: str | None):
    import boto3
    from botocore.config import Config

    config = Config(
        retries={"max_attempts": 5, "mode": "standard"},
        connect_timeout=10,
        read_timeout=60,
        # a custom endpoint (MinIO, R2, Ceph …) is addressed by path: bucket names need no DNS
        s3={"addressing_style": "path" if endpoint_url else "auto"},
    )
    session = boto3.session.Session()
    region = session.region_name or "us-east-1"
    return session.client("s3", endpoint_url=endpoint_url, region_name=region, config=config)


def deploy_s3(
    target: Target,
    output: Path,
    files: list[LocalFile],
    *,
    endpoint_url: str | None,
    dry_run: bool,
    max_deletes: int,
    say: Callable[[str], None],
) -> DeployReport:
    from botocore.exceptions import BotoCoreError, ClientError

    client = s3_client(endpoint_url)
    report = DeployReport()
    try:
        remote = _remote_md5s(client, target)
    except (BotoCoreError, ClientError) as error:
        raise DeployError(f"cannot list s3://{target.location}/{target.path}: {error}") from error
    local_keys = set()
    for file in files:
        key = target.path + file.key
        local_keys.add(key)
        if remote.get(key, (None,))[0] == file.md5:
            report.unchanged += 1
            continue
        say(
            f"{'would upload' if dry_run else 'upload'} {file.key} "
            f"({file.headers['Content-Type']}, {_size(file.size)})"
        )
        report.uploaded.append(file.key)
        report.uploaded_bytes += file.size
        if dry_run:
            continue
        try:
            _put(client, target, key, file)
        except (BotoCoreError, ClientError) as error:
            raise DeployError(
                f"upload of {file.key} failed after retries: {error}; nothing was deleted, "
                "run the deploy again to finish"
            ) from error
    stale = sorted(key for key in remote if key not in local_keys)
    problem = build_problem(output, files)
    if stale and problem:
        report.refused_deletes = f"{problem}, so {len(stale)} remote files were kept"
    elif len(stale) > max_deletes:
        report.refused_deletes = (
            f"{len(stale)} remote files would be deleted, more than --max-deletes {max_deletes}"
        )
    else:
        for key in stale:
            say(f"{'would delete' if dry_run else 'delete'} {key}")
            report.deleted.append(key)
        if stale and not dry_run:
            _delete(client, target, stale)
    return report


def _remote_md5s(client, target: Target) -> dict[str, tuple[str | None]]:
    """key -> (md5,) for every object under the prefix."""
    objects: dict[str, tuple[str | None]] = {}
    paginator = client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=target.location, Prefix=target.path):
        for item in page.get("Contents", []):
            etag = (item.get("ETag") or "").strip('"')
            if etag and "-" not in etag:
                objects[item["Key"]] = (etag,)
            else:  # multipart or missing: our own md5 metadata says what it holds
                head = client.head_object(Bucket=target.location, Key=item["Key"])
                objects[item["Key"]] = (head.get("Metadata", {}).get("md5"),)
    return objects


def _put(client, target: Target, key: str, file: LocalFile) -> None:
    extra = {
        "ContentType": file.headers["Content-Type"],
        "CacheControl": file.headers["Cache-Control"],
        "Metadata": {"md5": file.md5},
    }
    if file.headers.get("Content-Encoding"):
        extra["ContentEncoding"] = file.headers["Content-Encoding"]
    client.put_object(Bucket=target.location, Key=key, Body=file.body, **extra)


def _delete(client, target: Target, keys: list[str]) -> None:
    for start in range(0, len(keys), 1000):
        batch = [{"Key": key} for key in keys[start : start + 1000]]
        client.delete_objects(Bucket=target.location, Delete={"Objects": batch, "Quiet": True})


def _size(size: int) -> str:
    return f"{size / 1024:.1f} kB" if size >= 1024 else f"{size} B"
