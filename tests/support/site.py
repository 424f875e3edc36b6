"""Building real Pelican sites into temporary folders, for every test module.

Builds run ``python -m pelican`` in a subprocess, as an editor would, so every build
starts with fresh plugin registrations and real logging.
"""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
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
        """The site's web pages (an edition's ``email.html`` is an email, not a page)."""
        return sorted(p for p in self.output.rglob("*.html") if p.name != "email.html")


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
    return _pelican(content, output, settings, args)


def _pelican(content: Path, output: Path, settings: Path, args: tuple[str, ...] = ()) -> Build:
    """``python -m pelican`` as an editor runs it, one log record per line."""
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output)]
    result = subprocess.run(
        [*command, "-s", str(settings), *args],
        capture_output=True,
        text=True,
        cwd=output.parent,
        timeout=300,
        check=False,
        env={**os.environ, "COLUMNS": "2000"},
    )
    return Build(result.returncode, result.stdout + result.stderr, output, content)


def write_files(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


# Two ordinary reST articles, as someone else's Pelican site has them (our plugins
# must work on them without our reader).
REST_ARTICLES = {
    "posts/alliance-talks.rst": """
        NATO widens its training mission
        ################################

        :date: 2026-11-18 09:00
        :category: World

        NATO defence ministers agreed on Wednesday in Brussels to widen the alliance's
        training mission in Iraq, Secretary-General Jens Stoltenberg said.

        "We will only stay as long as we are welcome and we will do it together with
        our partners," Jens Stoltenberg told reporters after the meeting in Brussels.

        About 500 trainers serve in the mission, and ministers agreed to add three
        more bases in central Iraq by the summer, officials said.

        Jens Stoltenberg said the ministers would meet again in February.
        """,
    "posts/harbour-works.rst": """
        Harbour works begin in Rotterdam
        ################################

        :date: 2026-11-19 10:00
        :category: Business

        The Port of Rotterdam began a 120 million euro upgrade of its container
        terminals on Thursday, the port authority said.

        "This is the largest investment in the harbour in a decade," said Allard
        Castelein, the chief executive of the Port of Rotterdam.

        Jens Stoltenberg, the NATO secretary-general, visited the site in October.
        """,
}

# Every newsdigest plugin, as the sample site's pelicanconf.py lists them.
PLUGINS = tuple(runpy.run_path(str(ROOT / "pelicanconf.py"))["PLUGINS"])

# The sample digest's stories (content/<section>/<file>), relative to content/.
STORIES = sorted(
    p.relative_to(ROOT / "content")
    for p in (ROOT / "content").glob("*/*.*")
    if p.parts[-2] not in ("pages", "editions")
)


def story_page(build: Build, source: Path) -> str:
    """The page a story file of the sample digest is published as."""
    return build.page(f"{source.parent}/{source.stem}/index.html")


def run_bare_pelican(content: Path, output: Path, settings: dict) -> Build:
    """Build ``content`` as someone else's Pelican site would: no pelicanconf.py of ours,
    Pelican's default theme unless ``settings`` names one, only the given settings."""
    settings_file = output.parent / f"{output.name}-bare-settings.py"
    lines = [
        f"PATH = {str(content)!r}",
        "SITEURL = ''",
        "RELATIVE_URLS = True",
        "TIMEZONE = 'UTC'",
        "CACHE_CONTENT = False",
        "FEED_ALL_ATOM = None",
        "CATEGORY_FEED_ATOM = None",
        "AUTHOR_FEED_ATOM = None",
        "AUTHOR_FEED_RSS = None",
        "TRANSLATION_FEED_ATOM = None",
    ]
    lines += [f"{key} = {value!r}" for key, value in settings.items()]
    settings_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _pelican(content, output, settings_file)
