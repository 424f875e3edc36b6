"""The pages a search index reads, and one digest of them.

Pagefind reads the HTML pages of the built site. When none of them changed, the index
it would write is the one it wrote last time, so the build reuses that one instead of
indexing again; ``pages_digest`` is how the build knows. Drafts, the index's own
folder and the plugins' private files are never read (``skip``: top-level folders).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def top_folders(site: Path, skip: Iterable[str]) -> tuple[list[str], list[str]]:
    """The site's top-level HTML files and folders, sorted, without the ``skip`` folders."""
    skipped = {name.strip("/") for name in skip if name and name.strip("/")}
    files, folders = [], []
    for entry in sorted(site.iterdir(), key=lambda path: path.name):
        if entry.is_dir() and entry.name not in skipped:
            folders.append(entry.name)
        elif entry.is_file() and entry.suffix == ".html":
            files.append(entry.name)
    return files, folders


def html_pages(site: Path, skip: Iterable[str] = ()) -> list[Path]:
    """Every ``*.html`` page the index reads, in a stable order."""
    files, folders = top_folders(site, skip)
    pages = [site / name for name in files]
    for folder in folders:
        pages += sorted(
            (path for path in (site / folder).rglob("*.html") if path.is_file()),
            key=lambda path: path.relative_to(site).as_posix(),
        )
    return pages


def index_glob(site: Path, skip: Iterable[str] = ()) -> str:
    """A Pagefind glob for exactly the pages ``html_pages`` lists."""
    files, folders = top_folders(site, skip)
    choices = files + [f"{folder}/**/*.html" for folder in folders]
    return "{" + ",".join(choices) + "}" if choices else "*.html"


def pages_digest(site: Path, pages: Iterable[Path], extra: str = "") -> str:
    """One SHA-256 over the pages' paths and bytes (and ``extra``: the indexer's version
    and options), so any change to any page, or to how it is indexed, changes it."""
    digest = hashlib.sha256(extra.encode("utf-8"))
    for path in pages:
        digest.update(path.relative_to(site).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
