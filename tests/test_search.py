"""The search index (newsdigest.search) of real builds, read without a browser."""

import json
import re
import shutil

from support.pagefind import indexed_pages
from support.site import STORIES

UNUSED_UI = ("pagefind-ui.js", "pagefind-component-ui.js", "pagefind-modular-ui.js")


def test_every_published_story_section_and_entity_is_indexed(sample_site):
    bundle = sample_site.output / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert not any((bundle / name).exists() for name in UNUSED_UI)
    pages = indexed_pages(bundle)
    stories = {f"/{s.parent}/{s.stem}/" for s in STORIES}
    sections = {f"/{s.parent}/" for s in STORIES}
    entities = {
        f"/{p.parent.relative_to(sample_site.output).as_posix()}/"
        for p in (sample_site.output / "entities").glob("*/index.html")
    }
    assert set(pages) == stories | sections | entities
    assert "/" not in pages and "/archive/" not in pages and "/search/" not in pages


def test_a_story_carries_its_section_entities_and_date(sample_site):
    page = indexed_pages(sample_site.output / "pagefind")["/world/baltic-ferry-talks/"]
    html = sample_site.page("world/baltic-ferry-talks/index.html")
    tags = re.findall(r'href="[^"]*" data-pagefind-filter="entity">([^<]+)</a>', html)
    assert page["filters"]["section"] == ["World"]
    assert sorted(page["filters"]["entity"]) == sorted(set(tags)) and "Kadri Välja" in tags
    assert page["meta"]["title"].startswith("Estonia and Finland")
    assert page["meta"]["published"] == "23 November 2026"
    assert page["meta"]["section"] == "World"
    # The body is searched; the related stories and edition links are not.
    assert "icebreaking" in page["content"] or "ferry" in page["content"]
    assert "Related stories" not in page["content"] and "Previous" not in page["content"]


def test_section_and_entity_pages_say_what_they_are(sample_site):
    pages = indexed_pages(sample_site.output / "pagefind")
    assert pages["/world/"]["meta"] == {"title": "World", "type": "Section"}
    assert pages["/entities/kadri-valja/"]["meta"]["type"] == "Person"
    assert pages["/entities/kadri-valja/"]["filters"]["entity"] == ["Kadri Välja"]


def test_drafts_are_never_indexed(build_site):
    build = build_site(
        {
            "world/out.txt": "Title: Harbour opens\nDate: 2026-11-20\n\n"
            "The new harbour at Kestrel Point opened on Friday.\n",
            "world/secret.txt": "Title: Embargoed plan\nDate: 2026-11-21\nStatus: draft\n\n"
            "The zanzibarite plan stays secret until Monday.\n",
        }
    )
    assert build.returncode == 0, build.log
    assert (build.output / "drafts/secret/index.html").is_file()
    pages = indexed_pages(build.output / "pagefind")
    assert "/world/out/" in pages
    assert not any("zanzibarite" in page["content"] for page in pages.values())
    assert not any(url.startswith("/drafts/") for url in pages)


def test_an_unchanged_site_reuses_its_index_and_a_change_rebuilds_it(build_site, tmp_path):
    story = {
        "world/one.txt": "Title: Bridge reopens\nDate: 2026-11-20\n\n"
        "The Old Bridge reopened on Friday after two years of repairs.\n"
    }
    first = build_site(story)
    assert first.returncode == 0, first.log
    record = tmp_path / "cache/newsdigest/search/last-index.json"
    assert json.loads(record.read_text())["reused"] is False
    bundle_before = _bundle(first.output)
    again = build_site(story)
    assert again.returncode == 0, again.log
    assert json.loads(record.read_text())["reused"] is True
    assert _bundle(again.output) == bundle_before
    changed = build_site(
        {"world/one.txt": story["world/one.txt"] + "\nA second span, for walkers, opens in May.\n"}
    )
    assert changed.returncode == 0, changed.log
    assert json.loads(record.read_text())["reused"] is False
    assert any(
        "walkers" in p["content"] for p in indexed_pages(changed.output / "pagefind").values()
    )


def test_a_deleted_index_is_restored_from_the_cache(build_site, tmp_path):
    story = {"world/one.txt": "Title: Ferry strike ends\nDate: 2026-11-20\n\nThe strike ended.\n"}
    first = build_site(story)
    before = _bundle(first.output)
    shutil.rmtree(first.output / "pagefind")
    again = build_site(story)
    assert again.returncode == 0, again.log
    assert _bundle(again.output) == before


def test_search_page_and_header_form(sample_site):
    page = sample_site.page("search/index.html")
    assert 'data-bundle="../pagefind/"' in page
    assert '<script type="module" src="../search/search.js"></script>' in page
    assert (sample_site.output / "search/search.js").is_file()
    assert "<noscript>" in page and 'href="../archive/"' in page
    assert 'class="site-search"' not in page  # the page has its own form
    story = sample_site.page("world/baltic-ferry-talks/index.html")
    assert 'action="../../search/" method="get"' in story
    assert 'name="q"' in story


def _bundle(output):
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted((output / "pagefind").rglob("*"))
        if path.is_file()
    }
