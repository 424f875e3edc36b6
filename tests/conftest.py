"""Fixtures that build real Pelican sites into temporary folders.

Builds run ``python -m pelican`` in a subprocess, as an editor would, so every build
starts with fresh plugin registrations and real logging.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "wire-story-nato-iraq.txt"


@dataclass
class Build:
    """The outcome of one Pelican run."""

    returncode: int
    log: str
    output: Path
    content: Path

    def page(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")

    def report(self) -> dict:
        return json.loads(self.page("_newsdigest/report.json"))

    def html_files(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))


def run_pelican(
    content: Path, output: Path, overrides: dict | None = None, args: tuple[str, ...] = ()
) -> Build:
    """Build ``content`` with the repo's pelicanconf.py plus ``overrides``."""
    settings = output.parent / f"{output.name}-settings.py"
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from pelicanconf import *  # noqa",
        f"PATH = {str(content)!r}",
        f"THEME = {str(ROOT / 'theme')!r}",
        "CACHE_CONTENT = False",
    ]
    lines += [f"{key} = {value!r}" for key, value in (overrides or {}).items()]
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(settings),
         *args],
        capture_output=True, text=True, cwd=output.parent, timeout=300, check=False,
        env={**os.environ, "COLUMNS": "2000"},  # one log record per line
    )  # fmt: skip
    return Build(result.returncode, result.stdout + result.stderr, output, content)


def write_files(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def build_site(tmp_path):
    """Build a small site from ``{relative path: text}`` and return the Build."""

    def build(files: dict[str, str], args: tuple[str, ...] = (), **overrides) -> Build:
        content = write_files(tmp_path / "content", files)
        return run_pelican(content, tmp_path / "output", overrides, args)

    return build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Build:
    """The repo's own sample digest, built once for the session."""
    root = tmp_path_factory.mktemp("sample")
    build = run_pelican(ROOT / "content", root / "output")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"the shared seed story is not here ({SEED}); run beside ../shared")
    return SEED
