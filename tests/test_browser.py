"""The sample site in a real headless Chromium: loads cleanly, accessible, responsive.

Needs Debian's chromium, the playwright package and axe-core in .tools (``.ci/run``
installs them); without them these tests skip and say how to enable them.
"""

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from support.site import ROOT

CHROMIUM = "/usr/bin/chromium"
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

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() or not AXE.is_file(),
    reason="browser tests need /usr/bin/chromium and .tools/node_modules/axe-core: run "
    "`apt-get install chromium` and `npm install --prefix .tools axe-core` (.ci/run does both)",
)
PAGES = {
    "front": "/",
    "story": "/world/baltic-ferry-talks/",
    "entity": "/entities/switzerland/",
    "entities": "/entities/",
    "editions": "/editions/",
    "not-found": "/404.html",
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(sample_site):
    """The built sample site on 127.0.0.1, stopped when the module's tests are done."""
    handler = functools.partial(QuietHandler, directory=str(sample_site.output))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
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
    yield page
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_pages_load_cleanly_from_this_host_only(page, server, name):
    page.goto(server + PAGES[name])
    assert page.problems == []
    assert all(url.startswith(server) for url in page.requests), page.requests


@pytest.mark.parametrize("name", ["front", "story", "entity", "not-found"])
def test_axe_finds_no_violations(page, server, name):
    page.goto(server + PAGES[name])
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["help"], len(v["nodes"])) for v in results["violations"]]
    assert violations == []


@pytest.mark.parametrize("width", [375, 1280])
def test_pull_quote_and_fact_box_visible(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + PAGES["story"])
    assert page.locator("aside.pull-quote").is_visible()
    assert page.locator("aside.fact-box").is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"story-{width}.png"), full_page=True)
    page.goto(server + PAGES["front"])
    page.screenshot(path=str(ARTIFACTS / f"front-{width}.png"), full_page=False)
    context.close()


def test_no_horizontal_scroll_at_320(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in PAGES.values():
        page.goto(server + path)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 320, path
    context.close()


def test_readable_measure(page, server):
    page.goto(server + PAGES["story"])
    characters = page.evaluate("""() => {
        const p = document.querySelector('.story__body > p:nth-of-type(2)');
        const probe = document.createElement('span');
        probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
        probe.style.whiteSpace = 'nowrap';
        probe.style.position = 'absolute';
        p.appendChild(probe);
        const perChar = probe.getBoundingClientRect().width / 104;
        probe.remove();
        return p.getBoundingClientRect().width / perChar;
    }""")
    assert 55 <= characters <= 80


def test_dark_mode_switches_colors(browser, server):
    colors = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(server + PAGES["story"])
        colors[scheme] = page.evaluate(
            "[getComputedStyle(document.body).backgroundColor,"
            " getComputedStyle(document.body).color]"
        )
        context.close()
    assert colors["light"][0] != colors["dark"][0]
    assert colors["light"][1] != colors["dark"][1]


def test_print_hides_navigation(page, server):
    page.goto(server + PAGES["story"])
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator(".story__body").is_visible()


def test_story_to_entity_and_back(page, server):
    page.goto(server + PAGES["story"])
    page.locator(".story__tags a", has_text="Kadri Välja").click()
    page.wait_for_url("**/entities/kadri-valja/")
    assert page.locator("h1").inner_text() == "Kadri Välja"
    page.locator(".story-card__title a").first.click()
    page.wait_for_url("**/world/baltic-ferry-talks/")
    assert page.locator("h1").inner_text().startswith("Estonia and Finland")


def test_skip_link_moves_focus_to_main(page, server):
    page.goto(server + PAGES["story"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


@pytest.fixture(scope="module", autouse=True)
def _artifacts_folder():
    ARTIFACTS.mkdir(exist_ok=True)
    yield
    if not any(ARTIFACTS.iterdir()):
        shutil.rmtree(ARTIFACTS)
