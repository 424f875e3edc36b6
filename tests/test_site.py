"""The embedded sample digest builds into a clean, curated site."""

import filecmp
import json
import re
from pathlib import Path

from support.site import ROOT, STORIES, run_pelican, story_page

JUNK = [
    "In Other News",
    "Load More",
    "Share this",
    "Advertisement",
    "All rights reserved",
    "Sign up for our",
    "Click here",
    "Skip to main content",
    "AP Photo",
]


def test_sample_has_enough_stories_and_sections():
    assert len(STORIES) >= 12
    assert len({story.parent for story in STORIES}) >= 4
    assert sum(story.suffix == ".txt" for story in STORIES) > len(STORIES) / 2
    assert any(story.suffix == ".md" for story in STORIES)


def test_every_story_has_a_clean_page(sample_site):
    for source in STORIES:
        page = story_page(sample_site, source)
        body = page.split('<div class="story__body">', 1)[1].split("</div>", 1)[0]
        for junk in JUNK:
            assert junk not in body, f"{junk!r} left in {source}"
        assert re.search(r"<h1>[^<]{10,}</h1>", page), source


def test_datelines_are_shown_as_datelines(sample_site):
    page = story_page(sample_site, Path("world/baltic-ferry-talks.txt"))
    # "TALLINN, Estonia (AP) —": the agency stays in the dateline and is credited.
    assert '<span class="dateline">Tallinn, Estonia (AP) —</span> Estonia and Finland' in page
    assert '<span class="credit">The Associated Press</span>' in page
    assert "TALLINN" not in page


def test_derived_headline_and_summary(sample_site):
    page = story_page(sample_site, Path("science/deep-sea-sponge-age.txt"))
    assert (
        "<h1>Glass sponge found on seamount off New Zealand at least 9,000 years old</h1>" in page
    )
    assert '<meta name="description" content="Marine scientists said on Tuesday' in page


def test_markdown_story_is_sanitized(sample_site):
    page = story_page(sample_site, Path("science/antibiotic-soil-discovery.md"))
    assert "<em>Staphylococcus aureus</em>" in page
    assert "alert(" not in page  # the pasted <script> is gone, text and all
    assert page.count("<script") == 1  # only the theme's JSON-LD


def test_source_url_header_does_not_move_the_page(sample_site):
    page = story_page(sample_site, Path("world/harbour-bridge-vote.md"))
    assert "Source: The Weekly Wire desk" in page


def test_front_page_shows_latest_edition_in_curators_order(sample_site):
    front = sample_site.page("index.html")
    assert "<h1>The week of 23 November</h1>" in front
    order = [
        front.index(f'href="./{slug}/"')
        for slug in (
            "world/baltic-ferry-talks",
            "world/harbour-bridge-vote",
            "world/alpine-avalanche-warning",
        )
    ]
    assert order == sorted(order)
    assert "Two capitals, one gulf and three icebreaking ferries." in front
    assert "culture/museum-returns-masks" in front  # joined by its own Edition: header
    assert 'href="./editions/2026-11-16/"' in front  # earlier editions linked


def test_edition_pages_and_archive(sample_site):
    archive = sample_site.page("editions/index.html")
    assert archive.index("The week of 23 November") < archive.index("The week of 16 November")
    older = sample_site.page("editions/2026-11-16/index.html")
    assert "Note the correction at the end: millions, not billions." in older
    assert "monsoon-relief-appeal" in older
    assert "baltic-ferry-talks" not in older


def test_story_knows_its_edition_and_neighbours(sample_site):
    page = story_page(sample_site, Path("world/harbour-bridge-vote.md"))
    assert "The week of 23 November" in page
    assert '<a href="../../world/baltic-ferry-talks/" rel="prev">' in page
    assert '<a href="../../world/alpine-avalanche-warning/" rel="next">' in page


def test_about_page(sample_site):
    about = sample_site.page("about/index.html")
    assert "<h1>About</h1>" in about
    assert "fictional" in about


def test_report_lists_every_removal(sample_site):
    report = sample_site.report()
    assert [story["source"] for story in report["stories"]] == sorted(map(str, STORIES))
    ferry = next(s for s in report["stories"] if s["source"] == "world/baltic-ferry-talks.txt")
    assert [r["text"] for r in ferry["removed"]] == [
        "Share this article",
        "Advertisement",
        "In Other News",
        "Load More",
    ]
    assert report["skipped"] == []
    assert all(story["warnings"] == [] for story in report["stories"])


def test_build_is_deterministic(sample_site, tmp_path):
    again = run_pelican(ROOT / "content", tmp_path / "output")
    assert again.returncode == 0
    comparison = filecmp.dircmp(sample_site.output, again.output)
    assert _identical(comparison), "a rebuild changed output files"


def _identical(comparison: filecmp.dircmp) -> bool:
    if comparison.left_only or comparison.right_only:
        return False
    _match, mismatch, errors = filecmp.cmpfiles(
        comparison.left, comparison.right, comparison.common_files, shallow=False
    )
    return (
        not mismatch and not errors and all(_identical(sub) for sub in comparison.subdirs.values())
    )


def test_report_is_valid_json_without_timestamps(sample_site):
    text = sample_site.page("_newsdigest/report.json")
    assert json.loads(text)
    assert not re.search(r"\d{2}:\d{2}:\d{2}\.\d+", text)


def test_every_internal_link_resolves(sample_site):
    broken = []
    for page in sample_site.html_files():
        for target in re.findall(r'(?:href|src)="([^"#]+)', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", target) or target.startswith("//"):
                continue
            assert not target.startswith("/"), f"root-relative link {target} in {page}"
            resolved = (page.parent / target).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.is_file():
                broken.append(f"{page.relative_to(sample_site.output)} -> {target}")
    assert broken == []
