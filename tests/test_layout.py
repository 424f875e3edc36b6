"""The theme's news layout without a browser: lead stories, teasers that do not repeat
the headline, the story header, and Pelican's paginator on long lists."""

from __future__ import annotations

import html
import re

import pytest

from newsdigest.core.text.headline import echoes

DAYS = 30


def _stories(count: int) -> dict[str, str]:
    """``count`` short dated stories in one section, all from Oslo's harbour."""
    return {
        f"world/harbour-{n:02d}.txt": f"Date: 2026-10-{n:02d}\n\n"
        f"OSLO — Ferry {n} left Oslo harbour on time for the {n}th day running, the "
        f"Norwegian port authority said.\n\nIt carried {100 + n} passengers and "
        f"{n} cars across the fjord.\n"
        for n in range(1, count + 1)
    }


def _cards(page: str) -> list[tuple[str, str]]:
    """(headline, text under it) of every card and lead story on a page."""
    found = re.findall(
        r'class="(?:story-card|lead-story)__title"><a href="[^"]+">([^<]+)</a>.*?'
        r'class="(?:story-card__summary|lead-story__teaser)">([^<]*)</p>',
        page,
        re.S,
    )
    return [(html.unescape(title), html.unescape(text)) for title, text in found]


def test_cards_never_repeat_their_headline(sample_site):
    front = sample_site.page("index.html")
    cards = _cards(front)
    assert len(cards) >= 10
    for title, text in cards:
        assert text and not echoes(title, text.split(". ")[0]), (title, text)


def test_the_front_page_opens_with_the_editions_first_story(sample_site):
    front = sample_site.page("index.html")
    assert front.count('<article class="lead-story') == 1
    start = front.index('<article class="lead-story')
    lead = front[start : front.index("</article>", start)]
    assert "Estonia and Finland agree" in lead
    assert "lead-story__quote" in lead and "Kadri Välja" in lead  # its pull-quote and speaker
    main = front[front.index("<main") :]
    assert main.count('/world/baltic-ferry-talks/"') == 1  # not again in its section's grid
    assert front.index("lead-story") < front.index('id="section-world"')


def test_the_story_header_shows_the_dateline_once_and_credits_the_agency(sample_site):
    page = sample_site.page("world/baltic-ferry-talks/index.html")
    start = page.index('<header class="story__header">')
    header = page[start : page.index("</header>", start)]
    assert "Tallinn" not in header  # the dateline opens the lede instead
    assert page.count('class="dateline"') == 1
    assert '<span class="credit">The Associated Press</span>' in header
    assert 'class="standfirst"' not in header  # no Summary: header, so no standfirst


def test_a_summary_header_becomes_the_standfirst(build_site):
    build = build_site(
        {
            "world/bridge.md": "Title: Bridge closes for repairs\nDate: 2026-11-02\n"
            "Summary: Ninety days of detours <b>begin</b> on Monday.\n\n"
            "LISBON — The old bridge closes on Monday for three months of repairs.\n",
        }
    )
    assert build.returncode == 0, build.log
    page = build.page("world/bridge/index.html")
    standfirst = re.search(r'<p class="standfirst">(.*?)</p>', page).group(1)
    assert "Ninety days of detours" in standfirst and "<b" not in standfirst
    assert page.index("standfirst") < page.index("story__meta") < page.index("story__body")


def test_section_entity_and_archive_pages_are_paginated(build_site):
    build = build_site(
        _stories(DAYS),
        DEFAULT_PAGINATION=8,
        PAGINATED_TEMPLATES={"category": None, "entity": None, "archives": 12},
    )
    assert build.returncode == 0, build.log
    pages = ["world/index.html"] + [f"world/page/{n}/index.html" for n in (2, 3, 4)]
    assert not (build.output / "world/page/5/index.html").exists()
    seen = []
    for number, relative in enumerate(pages, start=1):
        page = build.page(relative)
        seen += re.findall(r'href="[./]*(world/harbour-\d+/)"', page)
        assert f'aria-current="page">{number}<' in page
        assert ('rel="next"' in page) == (number < 4) and ('rel="prev"' in page) == (number > 1)
        assert ("data-pagefind-body" in page) == (number == 1)  # one search result per section
        canonical = "world/" if number == 1 else f"world/page/{number}/"
        assert f'<link rel="canonical" href="http://127.0.0.1:8000/{canonical}">' in page
    assert sorted(seen) == sorted(f"world/harbour-{n:02d}/" for n in range(1, DAYS + 1))
    assert seen[0] == "world/harbour-30/"  # newest first, as the lead of page 1
    assert (build.output / "archive/page/3/index.html").exists()
    assert not (build.output / "archive/page/4/index.html").exists()
    oslo = build.output / "entities/oslo"
    assert (oslo / "index.html").exists() and (oslo / "page/2/index.html").exists()


@pytest.mark.parametrize("relative", ["index.html", "world/baltic-ferry-talks/index.html"])
def test_a_page_and_its_css_stay_under_60_kb(sample_site, relative):
    css = sample_site.output / "theme/css/main.css"
    size = (sample_site.output / relative).stat().st_size + css.stat().st_size
    assert size < 60 * 1024, size
