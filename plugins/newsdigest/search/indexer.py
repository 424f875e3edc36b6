"""Pagefind's index of the written site, built once Pelican has written every page.

The index goes to ``output/<NEWSDIGEST_SEARCH_DIR>/`` (``pagefind/``). Pagefind's own
search UIs are not kept: the search page has its own small script (``search.js``),
so only the index and the ``pagefind.js`` API it loads are deployed.

A build whose pages are all unchanged reuses the last index from the cache instead of
running Pagefind again (see ``newsdigest.core.search.pages``); every build records
what it did in ``<cache>/search/last-index.json`` for ``make bench``.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from newsdigest.core.files import read_json, write_json_atomically
from newsdigest.core.nlp.config import cache_root
from newsdigest.core.search.pages import html_pages, index_glob, pages_digest
from newsdigest.core.search.stable import stabilize
from newsdigest.core.settings import setting

logger = logging.getLogger(__name__)

# Pagefind writes these ready-made UIs too; the site uses its own page and script.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)
# Part of the cache key: change it when what this module writes changes.
INDEX_LAYOUT = "stable-filters-1"
# Folders of output/ that are no pages to find (besides the drafts and the index).
PRIVATE_FOLDERS = ("_newsdigest", "theme", "feeds")


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def build_search_index(pelican: Any) -> None:
    """``finalized`` handler: index the site, or reuse the index of unchanged pages."""
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    folder = setting(settings, "NEWSDIGEST_SEARCH_DIR").strip("/")
    if not output.is_dir():
        return
    started = time.perf_counter()
    skip = (folder, *PRIVATE_FOLDERS, *_draft_folders(settings))
    pages = html_pages(output, skip)
    digest = pages_digest(output, pages, extra=f"pagefind {_pagefind_version()} {INDEX_LAYOUT}")
    target = output / folder
    root = cache_root(settings)
    cached = None if root is None else root / "search"
    reused = cached is not None and _reuse(cached, digest, target)
    if not reused:
        try:
            _write_index(output, index_glob(output, skip), target)
        except SearchIndexError as error:
            logger.error("newsdigest: no search index was written: %s", error)
            return
        if cached is not None:
            _keep(target, cached, digest)
    size = sum(path.stat().st_size for path in target.rglob("*") if path.is_file())
    seconds = time.perf_counter() - started
    logger.info(
        "newsdigest: search index of %d pages, %d KB (%s in %.2f s)",
        len(pages),
        size // 1024,
        "reused" if reused else "built",
        seconds,
    )
    if cached is not None:
        write_json_atomically(
            cached / "last-index.json",
            {"pages": len(pages), "bytes": size, "seconds": round(seconds, 3), "reused": reused},
        )


def _draft_folders(settings: dict[str, Any]) -> list[str]:
    """Top-level folders drafts are written to (``drafts/`` by default)."""
    folders = []
    for name in ("DRAFT_SAVE_AS", "DRAFT_PAGE_SAVE_AS", "DRAFT_LANG_SAVE_AS"):
        parts = Path(str(settings.get(name) or "")).parts
        if len(parts) > 1 and "{" not in parts[0]:
            folders.append(parts[0])
    return folders


def _pagefind_version() -> str:
    try:
        return importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _write_index(output: Path, glob: str, target: Path) -> None:
    """Index into a new folder beside ``target``, then swap it in: a reader of the
    site never sees half an index, and files of an older index do not linger."""
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError as error:
        raise SearchIndexError(f"Pagefind is not installed ({error})") from None
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=output))
    try:
        asyncio.run(_run_pagefind(PagefindIndex, IndexConfig, output, glob, fresh))
        for name in UNUSED_BUNDLE_FILES:
            (fresh / name).unlink(missing_ok=True)
        if not stabilize(fresh):
            logger.warning(
                "newsdigest: the search index is not byte-stable (Pagefind %s lays it out "
                "differently); it works, but deploys will upload its filter files each time",
                _pagefind_version(),
            )
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        fresh.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


async def _run_pagefind(index_class, config_class, output: Path, glob: str, fresh: Path):
    try:
        config = config_class(output_path=str(fresh), force_language="en")
        async with index_class(config=config) as index:
            result = await index.add_directory(str(output), glob=glob)
    except Exception as error:  # the indexer's process or its messages: report, go on
        raise SearchIndexError(str(error) or type(error).__name__) from None
    if not result or not result.get("page_count"):
        raise SearchIndexError("Pagefind found no pages to index")


def _reuse(cached: Path, digest: str, target: Path) -> bool:
    """Put the cached index in place when it was built from these very pages."""
    bundle = cached / "bundle"
    if (read_json(cached / "digest.json") or {}).get("digest") != digest or not bundle.is_dir():
        return False
    entry = _read_bytes(bundle / "pagefind-entry.json")
    if entry is not None and _read_bytes(target / "pagefind-entry.json") == entry:
        return True  # output/ still holds it
    try:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(bundle, target)
    except OSError:
        return False
    return True


def _keep(target: Path, cached: Path, digest: str) -> None:
    """Copy the new index into the cache (a failure only costs the next build time)."""
    bundle = cached / "bundle"
    try:
        shutil.rmtree(bundle, ignore_errors=True)
        shutil.copytree(target, bundle)
    except OSError:
        return
    write_json_atomically(cached / "digest.json", {"digest": digest})


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
