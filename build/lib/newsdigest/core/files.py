"""Writing cache files so that a reader (another build, or this one later) never sees
half of one: write a temporary file beside the target, then ``os.replace`` it.

These are caches: a write that fails (read-only or full disk) costs the next build
speed, never this build, so it is reported as False rather than raised.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def replace_atomically(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target``; False (and no temporary file left) if that failed."""
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
    return True


def read_json(path: Path) -> Any | None:
    """The JSON document at ``path``; None when it is missing, unreadable or corrupt."""
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def write_json_atomically(target: Path, document: Any) -> bool:
    return replace_atomically(target, json.dumps(document, sort_keys=True).encode("utf-8"))
