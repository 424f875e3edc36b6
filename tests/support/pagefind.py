"""Reading a built Pagefind index without a browser: each page it holds is a gzipped
JSON "fragment" (url, content, filters, meta) in ``pagefind/fragment/``."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def indexed_pages(bundle: Path) -> dict[str, dict]:
    """Every page in the index, by URL."""
    pages = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        fragment = json.loads(data[len(SIGNATURE) :])
        pages[fragment["url"]] = fragment
    return pages
