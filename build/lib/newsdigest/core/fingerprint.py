"""Hashes of our own source files and installed packages, for cache keys.

A cached result is only as good as the code that made it: hashing that code (rather
than trusting a version number someone must remember to bump) makes an upgrade or a
local edit miss the cache exactly where it matters.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def source_fingerprint(
    parts: Iterable[str], packages: Iterable[str] = (), root: Path = PACKAGE, salt: str = ""
) -> str:
    """A hash of the ``parts`` of ``root`` (folders: every .py file in them) and the
    installed versions of ``packages``."""
    digest = hashlib.sha256(salt.encode())
    for name in parts:
        path = root / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(root).as_posix().encode())
            digest.update(file.read_bytes())
    for package in packages:
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=absent".encode())
    return digest.hexdigest()
