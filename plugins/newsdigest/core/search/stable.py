"""Make a Pagefind index byte-identical for identical pages.

Pagefind (1.5) writes its filter indexes from a hash map, so the order of filters and
of their values changes from run to run, and with it the names of the filter files,
the metadata file that lists them and ``pagefind-entry.json``; the pages' own
fragments are stable (Pagefind/pagefind#638). A deploy would upload those files on
every build. ``stabilize`` rewrites them in sorted order and names each after its own
content, as Pagefind does; the files stay what Pagefind's script reads: gzipped CBOR
behind the ``pagefind_dcd`` signature.

Anything unexpected in the files (a Pagefind with another layout) leaves the index as
Pagefind wrote it: it still works, it is only not stable.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


class UnexpectedIndex(Exception):
    """The index is not laid out as this module expects."""


def stabilize(bundle: Path) -> bool:
    """Rewrite the filter and metadata files of ``bundle`` in a stable order; True if
    done, False if the index looked different from what is expected (left as it was)."""
    try:
        import cbor2
    except ImportError:
        return False
    try:
        entry = json.loads((bundle / ENTRY).read_text("utf-8"))
        plan = [_plan_language(bundle, language, cbor2) for language in entry["languages"].values()]
    except (OSError, ValueError, KeyError, TypeError, IndexError, UnexpectedIndex):
        return False
    for language, (writes, removals, meta_hash) in zip(
        entry["languages"].values(), plan, strict=True
    ):
        for path, data in writes.items():
            path.write_bytes(data)
        for path in removals - set(writes):
            path.unlink(missing_ok=True)
        language["hash"] = meta_hash
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    (bundle / ENTRY).write_text(text, "utf-8")
    return True


def _plan_language(bundle: Path, language: dict[str, Any], cbor2: Any):
    """The files to write and remove for one language, and its new metadata hash."""
    meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
    meta = _read(meta_path, cbor2)
    if not isinstance(meta, list) or len(meta) < 4 or not isinstance(meta[3], list):
        raise UnexpectedIndex(meta_path.name)
    prefix = language["hash"].split("_", 1)[0] + "_"
    writes: dict[Path, bytes] = {}
    removals = {meta_path}
    filters = []
    for name, old_hash in meta[3]:
        old = bundle / "filter" / f"{old_hash}.pf_filter"
        content = _read(old, cbor2)
        if not (isinstance(content, list) and len(content) == 2 and content[0] == name):
            raise UnexpectedIndex(old.name)
        values = sorted(content[1], key=lambda pair: str(pair[0]))
        data = _pack([name, values], cbor2)
        new_hash = prefix + hashlib.sha256(data).hexdigest()[:7]
        writes[bundle / "filter" / f"{new_hash}.pf_filter"] = data
        removals.add(old)
        filters.append([name, new_hash])
    meta[3] = sorted(filters)
    if len(meta) > 4 and isinstance(meta[4], list):
        meta[4] = sorted(meta[4], key=lambda pair: str(pair[0]))
    data = _pack(meta, cbor2)
    meta_hash = prefix + hashlib.sha256(data).hexdigest()[:10]
    writes[bundle / f"pagefind.{meta_hash}.pf_meta"] = data
    return writes, removals, meta_hash


def _read(path: Path, cbor2: Any) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnexpectedIndex(path.name)
    return cbor2.loads(data[len(SIGNATURE) :])


def _pack(value: Any, cbor2: Any) -> bytes:
    return gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)
