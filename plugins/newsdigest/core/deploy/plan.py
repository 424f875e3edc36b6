"""The local side of a deploy: which files, with which headers, in which order."""

from __future__ import annotations

import fnmatch
import gzip
import hashlib
import mimetypes
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

SHORT_CACHE = "public, max-age=300, must-revalidate"
LONG_CACHE = "public, max-age=31536000, immutable"
ASSET_CACHE = "public, max-age=86400"
# (glob on the path relative to output/, headers); the first match wins per header.
DEFAULT_HEADER_RULES: tuple[tuple[str, dict[str, str]], ...] = (
    ("*.html", {"Content-Type": "text/html; charset=utf-8", "Cache-Control": SHORT_CACHE}),
    ("feeds/*.rss.xml", {"Content-Type": "application/rss+xml", "Cache-Control": SHORT_CACHE}),
    ("feeds/rss.xml", {"Content-Type": "application/rss+xml", "Cache-Control": SHORT_CACHE}),
    ("feeds/*atom.xml", {"Content-Type": "application/atom+xml", "Cache-Control": SHORT_CACHE}),
    ("feeds/*.json", {"Content-Type": "application/feed+json", "Cache-Control": SHORT_CACHE}),
    ("sitemap.xml", {"Content-Type": "application/xml", "Cache-Control": SHORT_CACHE}),
    ("robots.txt", {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": SHORT_CACHE}),
    # The search index (newsdigest.search): its chunks are named by their content, its
    # entry file and scripts are not, and must change together with the pages.
    ("*.pf_fragment", {"Cache-Control": LONG_CACHE}),
    ("*.pf_index", {"Cache-Control": LONG_CACHE}),
    ("*.pf_filter", {"Cache-Control": LONG_CACHE}),
    ("*.pf_meta", {"Cache-Control": LONG_CACHE}),
    ("*pagefind-entry.json", {"Content-Type": "application/json", "Cache-Control": SHORT_CACHE}),
    (
        "*/pagefind*.js",
        {"Content-Type": "text/javascript; charset=utf-8", "Cache-Control": SHORT_CACHE},
    ),
    ("*.pagefind", {"Cache-Control": SHORT_CACHE}),
    (
        "search/search.js",
        {"Content-Type": "text/javascript; charset=utf-8", "Cache-Control": SHORT_CACHE},
    ),
    ("*.xml", {"Content-Type": "application/xml"}),
    ("*.json", {"Content-Type": "application/json"}),
    ("*.css", {"Content-Type": "text/css; charset=utf-8"}),
    ("*.js", {"Content-Type": "text/javascript; charset=utf-8"}),
    ("*.svg", {"Content-Type": "image/svg+xml"}),
    ("*.txt", {"Content-Type": "text/plain; charset=utf-8"}),
    ("*.woff2", {"Content-Type": "font/woff2"}),
)
DEFAULT_EXCLUDES = ("_newsdigest/*",)
COMPRESSIBLE = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/feed+json",
    "image/svg+xml",
    "text/javascript",
)
# "main.3f2a9c1b.css": a content hash in the name means the file never changes.
_FINGERPRINT = re.compile(r"\.[0-9a-f]{8,}\.[A-Za-z0-9]+$")


@dataclass
class LocalFile:
    """One file of the built site as it will be uploaded."""

    path: Path
    key: str  # the path relative to output/, with "/" separators
    headers: dict[str, str]
    compress: bool = False

    @cached_property
    def body(self) -> bytes:
        data = self.path.read_bytes()
        if self.compress:
            return gzip.compress(data, compresslevel=9, mtime=0)  # deterministic bytes
        return data

    @cached_property
    def md5(self) -> str:
        return hashlib.md5(self.body).hexdigest()  # S3's ETag for single-part uploads

    @property
    def size(self) -> int:
        return len(self.body)

    @property
    def stage(self) -> int:
        """Upload order: assets, then pages, then the front page and feeds last, so no
        page ever points to an asset or page that is not there yet. The search index's
        entry file goes last too: it names the index chunks, which must be there first."""
        if self.key in ("index.html", "sitemap.xml") or self.key.startswith("feeds/"):
            return 2
        if self.key.endswith("pagefind-entry.json"):
            return 2
        return 1 if self.key.endswith(".html") else 0


def headers_for(key: str, rules: Sequence[tuple[str, dict[str, str]]]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for pattern, values in rules:
        if fnmatch.fnmatch(key, pattern):
            for name, value in values.items():
                headers.setdefault(name, value)
    if "Content-Type" not in headers:
        guessed, _ = mimetypes.guess_type(key)
        headers["Content-Type"] = guessed or "application/octet-stream"
    if "Cache-Control" not in headers:
        headers["Cache-Control"] = LONG_CACHE if _FINGERPRINT.search(key) else ASSET_CACHE
    return headers


def local_files(
    output: Path,
    rules: Sequence[tuple[str, dict[str, str]]] = DEFAULT_HEADER_RULES,
    excludes: Iterable[str] = DEFAULT_EXCLUDES,
    gzip_text: bool = False,
) -> list[LocalFile]:
    """Every file to publish, in upload order (stage, then path)."""
    excludes = tuple(excludes)
    files = []
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        key = path.relative_to(output).as_posix()
        if any(fnmatch.fnmatch(key, pattern) for pattern in excludes):
            continue
        headers = headers_for(key, rules)
        compress = gzip_text and headers["Content-Type"].startswith(COMPRESSIBLE)
        if compress:
            headers["Content-Encoding"] = "gzip"
        files.append(LocalFile(path, key, headers, compress))
    return sorted(files, key=lambda f: (f.stage, f.key))


def build_problem(output: Path, files: list[LocalFile]) -> str | None:
    """Why deleting remote files would be unsafe for this build, or None."""
    if not files:
        return f"the build in {output} is empty"
    if not (output / "index.html").is_file():
        return f"the build in {output} has no index.html"
    return None
