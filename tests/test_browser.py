"""The sample site in a real headless Chromium: loads cleanly, accessible, responsive.

Needs Debian's chromium, the playwright package and axe-core in .tools (``.ci/run``
installs them); without them these tests skip and say how to enable them.
"""

import shutil

import pytest

from support.browser import ARTIFACTS, axe_violations, browser, needs_browser, page, server

pytestmark = needs_browser
__all__ = ["browser", "page", "server"]  # the fixtures this module uses
PAGES = {
    "front": "/",
    "story": "/world/baltic-ferry-talks/",
    "entity": "/entities/switzerland/",
    "entities": "/entities/",
    "editions": "/editions/",
    "not-found": "/404.html",
}


@pytest.mark.parametrize("name", PAGES)
def test_pages_load_cleanly_from_this_host_only(page, server, name):
    page.goto(server + PAGES[name])
    assert page.problems == []
    assert all(url.startswith(server) for url in page.requests), page.requests


@pytest.mark.parametrize("name", ["front", "story", "entity", "not-found"])
def test_axe_finds_no_violations(page, server, name):
    page.goto(server + PAGES[name])
    assert axe_violations(page) == []


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
