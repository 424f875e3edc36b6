"""Lighthouse on the built sample site: every category at 98 or better, on a phone and
on a desktop, for the front page and a story.

Needs Debian's chromium and Lighthouse in .tools (``.ci/run`` installs both); without
them these tests skip and say how to get them.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from support.browser import CHROMIUM, FLAGS, serving
from support.site import ROOT

LIGHTHOUSE = ROOT / ".tools/node_modules/.bin/lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() or not LIGHTHOUSE.exists(),
    reason="Lighthouse needs /usr/bin/chromium and .tools/node_modules/lighthouse: run "
    "`npm install --prefix .tools lighthouse@12` (.ci/run does)",
)


@pytest.fixture(scope="module")
def server(sample_site):
    with serving(sample_site.output) as url:
        yield url


def lighthouse(url: str, tmp_path, desktop: bool) -> dict:
    """Lighthouse's report for ``url``: its category scores and failing audits."""
    report = tmp_path / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags=--headless=new {' '.join(FLAGS)}",
    ]
    if desktop:
        command.append("--preset=desktop")
    environment = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    subprocess.run(command, check=True, timeout=240, env=environment, capture_output=True)
    return json.loads(report.read_text("utf-8"))


@pytest.mark.parametrize(
    ("path", "desktop"),
    [("/", False), ("/world/baltic-ferry-talks/", False), ("/world/baltic-ferry-talks/", True)],
    ids=["front-phone", "story-phone", "story-desktop"],
)
def test_lighthouse_scores_98_or_better(server, tmp_path, path, desktop):
    report = lighthouse(server + path, tmp_path, desktop)
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    failing = sorted(
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0
    )
    assert all(score >= 0.98 for score in scores.values()), (scores, failing)
