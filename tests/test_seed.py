"""The real AP wire story in ../shared/seeds (skipped when that folder is absent)."""

import datetime as dt
import json
import re
import subprocess
import sys

from support.site import run_pelican


def inspect_json(path) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", "inspect", str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def source_paragraphs(path) -> list[str]:
    blocks = re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
    return [block.strip() for block in blocks if block.strip()]


def test_seed_inspect_keeps_twelve_paragraphs_in_order(seed_path):
    story = inspect_json(seed_path)
    original = source_paragraphs(seed_path)
    assert len(story["paragraphs"]) == 12
    # Every kept paragraph is the source paragraph (the first without its dateline).
    assert original[0].endswith(story["paragraphs"][0])
    assert story["paragraphs"][1:] == original[1:12]


def test_seed_junk_lines_removed_and_reported(seed_path):
    story = inspect_json(seed_path)
    assert story["removed"] == [
        {"text": "In Other News", "rule": "trailer"},
        {"text": "Load More", "rule": "trailer"},
    ]
    assert not any("Load More" in p or "In Other News" in p for p in story["paragraphs"])


def test_seed_dateline_headline_and_summary(seed_path):
    story = inspect_json(seed_path)
    lede = story["paragraphs"][0]
    assert story["dateline"] == "Brussels"
    assert not lede.startswith("BRUSSELS")
    assert story["title_derived"] is True
    assert story["title"] == "NATO ready to expand military training effort in Iraq"
    assert len(story["title"]) <= 90
    assert story["summary"] == lede  # the lede is one sentence
    assert story["byline"] is None


def test_seed_is_dated_on_the_weekday_its_lede_names(seed_path):
    """No Date: header and not in an edition: dated by git or this day, moved back to the
    "Wednesday" the lede says, never by the file's modification time."""
    story = inspect_json(seed_path)
    day = dt.datetime.fromisoformat(story["date"]).date()
    assert day.weekday() == 2 and day <= dt.date.today()
    assert "no Date: header; dated" in " ".join(story["warnings"])


def test_seed_contract_keys(seed_path):
    story = inspect_json(seed_path)
    for key in (
        "source",
        "title",
        "title_derived",
        "dateline",
        "byline",
        "date",
        "section",
        "summary",
        "paragraphs",
        "removed",
    ):
        assert key in story


def seed_page(seed_path, tmp_path):
    """The seed story built alone into a site: (the build, its story page)."""
    content = tmp_path / "content" / "world"
    content.mkdir(parents=True)
    (content / "nato-iraq.txt").write_bytes(seed_path.read_bytes())
    build = run_pelican(tmp_path / "content", tmp_path / "output")
    assert build.returncode == 0, build.log
    return build, build.page("world/nato-iraq/index.html")


def test_seed_builds_into_a_clean_story_page(seed_path, tmp_path):
    _build, page = seed_page(seed_path, tmp_path)
    assert "<h1>NATO ready to expand military training effort in Iraq</h1>" in page
    assert '<span class="dateline">Brussels —</span> NATO is ready' in page
    assert "Load More" not in page and "In Other News" not in page
    assert page.count("<p>") >= 12
    assert "“agreed in principle to enhance”" in page  # curly quotes survive


def test_seed_page_jsonld_and_feed_show_the_same_entities(seed_path, tmp_path):
    """Baghdad is on the page wherever the JSON-LD and the feeds have it: the page shows
    the tags the story is about and lists the rest as "and N more"; JSON-LD gives the
    first as ``about`` and the rest as ``mentions``."""
    build, page = seed_page(seed_path, tmp_path)
    footer = page[page.index('id="tags-heading"') :]
    on_page = re.findall(r'class="tag tag--\w+" href="[^"]+"[^>]*>([^<]+)</a>', footer)
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(raw.group(1))
    about = [thing["name"] for thing in data["about"]]
    mentions = [thing["name"] for thing in data.get("mentions", [])]
    assert "Baghdad" in on_page
    assert sorted(on_page) == sorted(about + mentions)
    more = re.search(r"<summary>and (\d+) more</summary>", footer)
    assert (int(more.group(1)) if more else 0) == len(mentions)
    assert "Jens Stoltenberg" in about and about.index("Jens Stoltenberg") < 4  # he speaks
    feed = (build.output / "feeds" / "atom.xml").read_text(encoding="utf-8")
    categories = set(re.findall(r'<category term="([^"]+)"', feed))
    assert set(on_page) <= categories
