"""Headless Chromium for the browser tests: the built site served on 127.0.0.1, the
browser, a page that records every failed request, and axe-core's verdict.

Needs Debian's chromium, the playwright package and axe-core in .tools (``.ci/run``
installs them); without them the tests that use these skip and say how to get them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.site import ROOT

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".tools/node_modules/axe-core/axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
needs_browser = pytest.mark.skipif(
    not CHROMIUM.exists() or not AXE.is_file(),
    reason="browser tests need /usr/bin/chromium and .tools/node_modules/axe-core: run "
    "`apt-get install chromium` and `npm install --prefix .tools axe-core` (.ci/run does both)",
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[str]:
    """``directory`` over HTTP on 127.0.0.1 until the block ends; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(sample_site):
    """The built sample site on 127.0.0.1, stopped when the module's tests are done."""
    with serving(sample_site.output) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


def watch(page):
    """Record console errors, failed requests and error responses in ``page.problems``,
    and every request in ``page.requests``."""
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url}"))
    page.on(
        "response",
        lambda r: (
            r.status >= 400
            and "/404.html" not in r.url
            and page.problems.append(f"{r.status}: {r.url}")
        ),
    )
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    return page


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield watch(context.new_page())
    context.close()


def axe_violations(page) -> list[tuple[str, str, int]]:
    """axe-core's violations on the page as it is now: (rule, help, nodes)."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["help"], len(v["nodes"])) for v in results["violations"]]
