"""Search and the edition email in a real headless Chromium: typing a query from the
header, filtering, results read aloud correctly (axe), and the site without JavaScript."""

import pytest

from support.browser import (
    ARTIFACTS,
    axe_violations,
    browser,
    needs_browser,
    page,
    server,
    serving,
    watch,
)

pytestmark = needs_browser
__all__ = ["browser", "page", "server"]  # the fixtures this module uses
STORY = "/world/baltic-ferry-talks/"


def settle(page):
    """Wait until the search the last action started has shown its results."""
    page.wait_for_selector('#search-results[aria-busy="false"]', state="attached")


def search_from_header(page, server, words):
    """Search as a reader would from a story: the header's box on wide screens; on a
    phone (where the header keeps only a Search link) the link, then the search page."""
    page.goto(server + STORY)
    field = "#site-search-query"
    if not page.locator(field).is_visible():
        page.locator("a.search-link").click()
        page.wait_for_url("**/search/")
        page.wait_for_load_state("networkidle")  # its index loaded before the next search
        field = "#search-query"
    page.fill(field, words)
    page.press(field, "Enter")
    page.wait_for_url("**/search/?q=*")
    settle(page)


@pytest.mark.parametrize("width", [375, 1280])
def test_a_query_typed_in_the_header_finds_the_story(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = watch(context.new_page())
    search_from_header(page, server, "icebreaking ferries")
    first = page.locator(".search-result").first
    assert first.locator("h2 a").inner_text().startswith("Estonia and Finland")
    assert first.locator(".search-result__meta").inner_text() == "World · 23 November 2026"
    assert first.locator(".search-result__excerpt mark").count() >= 1
    assert "result" in page.locator("#search-status").inner_text()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    assert axe_violations(page) == []
    assert page.problems == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-{width}.png"), full_page=True)
    first.locator("h2 a").click()
    page.wait_for_url(f"**{STORY}")
    context.close()


def test_filters_narrow_the_results(page, server):
    search_from_header(page, server, "the")
    everything = page.locator(".search-result").count()
    page.select_option("#search-section", "Science")
    settle(page)
    metas = page.locator(".search-result__meta").all_inner_texts()
    assert metas and all(meta.startswith("Science") for meta in metas)
    assert len(metas) < everything
    assert "section=Science" in page.url
    page.select_option("#search-section", "")
    page.select_option("#search-entity", "Kadri Välja")
    settle(page)
    titles = page.locator(".search-result h2").all_inner_texts()
    assert any(title.startswith("Estonia and Finland") for title in titles)
    assert len(titles) < everything


def test_a_filter_alone_lists_its_stories_newest_first(page, server):
    page.goto(server + "/search/?section=World&sort=date")
    settle(page)
    dates = page.locator(".search-result__meta").all_inner_texts()
    assert len(dates) == 4 and all(meta.startswith("World · ") for meta in dates)
    days = [int(meta.split(" · ")[1].split()[0]) for meta in dates]
    assert days == sorted(days, reverse=True)


def test_nothing_found_says_so(page, server):
    page.goto(server + "/search/?q=zzyzxquux")
    settle(page)
    assert page.locator("#search-status").inner_text().startswith("Nothing found")
    assert page.locator(".search-result").count() == 0


def test_without_javascript_the_search_box_leads_to_the_archive(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + STORY)
    assert page.locator("h1").inner_text().startswith("Estonia and Finland")
    page.fill("#site-search-query", "ferry")
    page.press("#site-search-query", "Enter")
    page.wait_for_url("**/search/?q=ferry")
    note = page.locator(".search-noscript")
    assert note.is_visible() and "needs JavaScript" in note.inner_text()
    note.locator("a", has_text="archive").click()
    page.wait_for_url("**/archive/")
    assert page.locator("a", has_text="Estonia and Finland").count() >= 1
    context.close()


def test_text_from_a_story_is_shown_as_text_in_results(browser, build_site):
    build = build_site(
        {
            "world/odd.txt": "Title: Harbour opens\nDate: 2026-11-20\n\n"
            "The harbour sign read <b>quokkaville</b> and "
            '<img src=x onerror="document.title=1"> on Friday, officials said.\n'
        }
    )
    assert build.returncode == 0, build.log
    context = browser.new_context()
    page = context.new_page()
    with serving(build.output) as url:
        page.goto(url + "/search/?q=quokkaville")
        settle(page)
        excerpt = page.locator(".search-result__excerpt")
        assert "quokkaville" in excerpt.inner_text()
        assert excerpt.locator("b, img").count() == 0  # only <mark> and text
        assert page.title() != "1"
    context.close()


@pytest.mark.parametrize("width", [375, 600])
def test_edition_email_fits_phone_and_desktop(browser, sample_site, width):
    email = sample_site.output / "editions/2026-11-23/email.html"
    for scheme in ("light", "dark"):
        context = browser.new_context(
            viewport={"width": width, "height": 1100}, color_scheme=scheme
        )
        page = context.new_page()
        page.goto(email.as_uri())
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
        assert page.locator("h3 a").first.is_visible()
        background = page.evaluate(
            "getComputedStyle(document.querySelector('.container')).backgroundColor"
        )
        assert (background == "rgb(255, 255, 255)") == (scheme == "light")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"email-{width}-{scheme}.png"))
        context.close()
