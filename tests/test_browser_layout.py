"""The news layout in a real headless Chromium, at phone, tablet and desktop widths and
with text at 150% and 200%: lead story, grids, story header, fact box, header, print.

Needs Debian's chromium, the playwright package and axe-core in .tools (``.ci/run``
installs them); without them these tests skip and say how to enable them.
"""

from __future__ import annotations

import contextlib

import pytest

from support.browser import axe_violations, browser, needs_browser, server

pytestmark = needs_browser
__all__ = ["browser", "server"]  # the fixtures this module uses
PAGES = {
    "front": "/",
    "story": "/world/baltic-ferry-talks/",
    "section": "/world/",
    "entity": "/entities/switzerland/",
    "archive": "/archive/",
    "edition": "/editions/2026-11-23/",
    "search": "/search/",
    "not-found": "/404.html",
}
WIDTHS = (320, 375, 768, 1280)


@contextlib.contextmanager
def opened(browser, server, path: str, width: int, text: int = 100, media: str = "screen"):
    """A page at ``width`` px with the root text size at ``text`` percent."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.emulate_media(media=media)
    page.goto(server + path)
    if text != 100:
        page.add_style_tag(content=f"html {{ font-size: {text}% !important; }}")
    try:
        yield page
    finally:
        context.close()


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("text", [100, 200])
@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_overflow_at_320(browser, server, name, text):
    with opened(browser, server, PAGES[name], 320, text) as page:
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 320


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["front", "story", "section", "entity", "archive"])
def test_axe_finds_nothing_at_every_width(browser, server, name, width):
    with opened(browser, server, PAGES[name], width) as page:
        assert axe_violations(page) == []


@pytest.mark.parametrize("name", ["front", "story", "section"])
def test_axe_finds_nothing_at_200_percent_text(browser, server, name):
    with opened(browser, server, PAGES[name], 375, 200) as page:
        assert axe_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_the_front_page_has_a_lead_story(browser, server, width):
    with opened(browser, server, "/", width) as page:
        lead = page.locator("article.lead-story")
        assert lead.count() == 1 and lead.is_visible()
        title = box(page, ".lead-story__title")
        card = box(page, ".story-card__title")
        assert title["y"] < card["y"]  # it comes first
        size = page.evaluate(
            "[...document.querySelectorAll('.lead-story__title, .story-card__title')]"
            ".map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        assert size[0] > max(size[1:])  # and its headline is the biggest
        quote = box(page, ".lead-story__quote")
        text = box(page, ".lead-story__text")
        if width == 1280:  # the pull-quote beside the story, not below it
            assert quote["x"] >= text["x"] + text["width"]
        else:
            assert quote["y"] >= text["y"] + text["height"] - 1


def test_sections_are_grids_on_wide_screens_and_one_column_on_phones(browser, server):
    lefts = {}
    for width in (375, 1280):
        with opened(browser, server, "/", width) as page:
            lefts[width] = page.evaluate(
                "[...document.querySelectorAll('#section-world ~ .story-grid .story-card')]"
                ".map(e => Math.round(e.getBoundingClientRect().left))"
            )
    assert len(set(lefts[1280])) >= 2  # cards side by side
    assert len(set(lefts[375])) == 1  # stacked
    with opened(browser, server, "/", 1280) as page:  # the wide screen is used
        right = page.evaluate(
            "Math.max(...[...document.querySelectorAll('.story-card')]"
            ".map(e => e.getBoundingClientRect().right))"
        )
        assert right > 0.6 * 1280


def test_the_story_header_has_no_second_dateline(browser, server):
    with opened(browser, server, PAGES["story"], 375) as page:
        header = page.locator(".story__header").inner_text()
        assert "Tallinn" not in header and "The Associated Press" in header
        assert page.locator(".dateline").count() == 1
        lede = box(page, ".story__body > p")
        meta = box(page, ".story__meta")
        assert lede["y"] - (meta["y"] + meta["height"]) >= 16  # the meta line has room


def test_the_fact_box_sits_beside_the_story_on_desktop_and_after_the_lede_on_phones(
    browser, server
):
    with opened(browser, server, PAGES["story"], 1280) as page:
        facts, lede = box(page, "aside.fact-box"), box(page, ".story__body > p")
        assert facts["x"] >= lede["x"] + lede["width"]
        assert facts["width"] <= 20 * 16  # a side column, not the page's width
        assert facts["y"] < lede["y"] + 400  # near the top of the story
    with opened(browser, server, PAGES["story"], 375) as page:
        facts = box(page, "aside.fact-box")
        paragraphs = page.locator(".story__body > p")
        first, second = paragraphs.nth(0).bounding_box(), paragraphs.nth(1).bounding_box()
        assert first["y"] + first["height"] <= facts["y"] < second["y"]


@pytest.mark.parametrize("text", [150, 200])
def test_key_facts_never_clip_at_large_text(browser, server, text):
    with opened(browser, server, PAGES["story"], 375, text) as page:
        clipped = page.evaluate(
            """() => { const box = document.querySelector('aside.fact-box').getBoundingClientRect();
              return [...document.querySelectorAll('.fact-box dd, .fact-box dt')]
                .filter(e => e.scrollWidth > e.clientWidth + 1
                  || e.getBoundingClientRect().right > box.right + 1)
                .map(e => e.textContent); }"""
        )
        assert clipped == []


@pytest.mark.parametrize("name", ["front", "story", "section"])
def test_the_phone_header_is_compact(browser, server, name):
    with opened(browser, server, PAGES[name], 375) as page:
        header = box(page, ".site-header")
        assert header["height"] <= 120
        assert not page.locator(".site-tagline").is_visible()
        assert not page.locator("form.site-search").is_visible()
        search = box(page, "a.search-link")  # search is one tap away, on screen
        assert page.locator("a.search-link").is_visible() and search["x"] + search["width"] <= 375
        position = "getComputedStyle(document.querySelector('.site-header')).position"
        assert page.evaluate(position) != "sticky"
    with opened(browser, server, PAGES[name], 1280) as page:
        assert page.locator("form.site-search").is_visible()
        assert not page.locator("a.search-link").is_visible()


def test_print_keeps_a_readable_measure_on_a_wide_page(browser, server):
    with opened(browser, server, PAGES["story"], 1400, media="print") as page:
        characters = page.evaluate(
            """() => { const p = document.querySelector('.story__body > p:nth-of-type(2)');
              const probe = document.createElement('span');
              probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
              probe.style.whiteSpace = 'nowrap'; probe.style.position = 'absolute';
              p.appendChild(probe);
              const perChar = probe.getBoundingClientRect().width / 104; probe.remove();
              return p.getBoundingClientRect().width / perChar; }"""
        )
        assert 45 <= characters <= 85
        assert not page.locator(".site-header nav").is_visible()
