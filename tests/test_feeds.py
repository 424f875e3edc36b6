"""RSS, Atom and JSON feeds, read back with feedparser and checked against the specs."""

import email.utils
import json
import re
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from support.site import ROOT, run_pelican, write_files

SITE = "https://news.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The sample digest built as production would, with an absolute SITEURL."""
    root = tmp_path_factory.mktemp("published")
    build = run_pelican(
        ROOT / "content", root / "output", {"SITEURL": SITE, "RELATIVE_URLS": False}
    )
    assert build.returncode == 0, build.log
    return build


def parse(build, relative: str):
    feed = feedparser.parse((build.output / relative).read_bytes())
    assert not feed.bozo, (relative, feed.get("bozo_exception"))
    return feed


def sample_stories() -> int:
    return sum(
        1
        for p in (ROOT / "content").glob("*/*.*")
        if p.parts[-2] not in ("pages", "editions") and p.suffix in (".txt", ".md")
    )


def test_every_feed_parses(published):
    files = sorted((published.output / "feeds").rglob("*.xml"))
    assert len(files) >= 10
    for path in files:
        parse(published, str(path.relative_to(published.output)))
    for path in (published.output / "feeds").rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["version"] == "https://jsonfeed.org/version/1.1"


def test_main_rss(published):
    feed = parse(published, "feeds/rss.xml")
    assert len(feed.entries) == sample_stories()
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)  # newest first
    ferry = next(e for e in feed.entries if e.link.endswith("/world/baltic-ferry-talks/"))
    assert ferry.link == f"{SITE}/world/baltic-ferry-talks/"
    assert ferry.title == "Estonia and Finland agree to share cost of new year-round ferry link"
    assert ferry.id == "tag:digest.example.org,2026-11-23:world/baltic-ferry-talks"
    assert ferry.guidislink is False
    assert ferry.summary.startswith("Estonia and Finland agreed on Monday")
    content = ferry.content[0].value
    # The fact box travels with the story; the pull-quote (a repeated paragraph) does not.
    assert '<aside class="fact-box"' in content and "pull-quote" not in content
    assert 'id="fact-box-heading-world-baltic-ferry-talks"' in content
    terms = {tag.term for tag in ferry.tags}
    assert {"World", "Kadri Välja", "Estonia"} <= terms
    assert re.match(r"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$", ferry.published)
    avalanche = next(e for e in feed.entries if "alpine-avalanche" in e.link)
    assert avalanche.author == "Lena Brunner"


def test_rss_channel_structure(published):
    root = etree.fromstring((published.output / "feeds/rss.xml").read_bytes())
    channel = root.find("channel")
    assert [link.text for link in channel.findall("link")] == [f"{SITE}/"]
    selfs = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in selfs] == [f"{SITE}/feeds/rss.xml"]
    newest = max(
        email.utils.parsedate_to_datetime(item.findtext("pubDate"))
        for item in channel.findall("item")
    )
    assert email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest
    for item in channel.findall("item"):
        assert item.find("guid").get("isPermaLink") == "false"
        email.utils.parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822


def test_atom_structure(published):
    root = etree.fromstring((published.output / "feeds/atom.xml").read_bytes())
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"alternate": f"{SITE}/", "self": f"{SITE}/feeds/atom.xml"}
    entries = root.findall(f"{ATOM}entry")
    assert root.findtext(f"{ATOM}updated") == max(e.findtext(f"{ATOM}updated") for e in entries)
    for entry in entries:
        assert entry.find(f"{ATOM}content").get("type") == "html"
        assert entry.findtext(f"{ATOM}summary")
        assert re.match(
            r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$",
            entry.findtext(f"{ATOM}published"),
        )


def test_json_feed(published):
    data = json.loads((published.output / "feeds/feed.json").read_text(encoding="utf-8"))
    assert data["feed_url"] == f"{SITE}/feeds/feed.json"
    assert data["home_page_url"] == f"{SITE}/"
    assert len(data["items"]) == sample_stories()
    item = next(i for i in data["items"] if i["url"].endswith("/harbour-bridge-vote/"))
    assert item["id"] == "tag:digest.example.org,2026-11-22:world/harbour-bridge-vote"
    assert "Closing a bridge is never popular" in item["content_html"]
    assert "date_modified" not in item
    assert "World" in item["tags"]


def test_section_entity_and_edition_feeds(published):
    world = parse(published, "feeds/sections/world.atom.xml")
    assert world.entries and all("/world/" in e.link for e in world.entries)
    entity_feeds = {p.name.split(".")[0] for p in (published.output / "feeds/entities").iterdir()}
    assert "switzerland" in entity_feeds and "kadri-valja" not in entity_feeds  # 1 story only
    editions = parse(published, "feeds/editions.rss.xml")
    assert [e.title for e in editions.entries] == [
        "The week of 23 November",
        "The week of 16 November",
    ]
    assert f"{SITE}/world/baltic-ferry-talks/" in editions.entries[0].content[0].value


def test_pages_advertise_their_feeds(published):
    story = (published.output / "world/baltic-ferry-talks/index.html").read_text("utf-8")
    hrefs = re.findall(r'<link rel="alternate" type="[^"]+" title="[^"]+" href="([^"]+)"', story)
    assert f"{SITE}/feeds/atom.xml" in hrefs and f"{SITE}/feeds/sections/world.rss.xml" in hrefs
    entity = (published.output / "entities/switzerland/index.html").read_text("utf-8")
    assert f"{SITE}/feeds/entities/switzerland.json" in entity


def test_feed_links_in_html_content_are_absolute(published):
    feed = parse(published, "feeds/atom.xml")
    for entry in feed.entries:
        for url in re.findall(r'(?:href|src)="([^"]+)"', entry.content[0].value):
            assert url.startswith(("https://", "http://", "mailto:")), url


STORY = """\
    Title: AT&T <b>bold</b> "deal" & more
    Date: 2026-11-20
    {extra}

    PARIS — Shares of AT&T rose <script>alert(1)</script> after the "deal", it said.
"""


def feed_site(tmp_path, name, extra="", **overrides):
    content = write_files(
        tmp_path / f"{name}-content",
        {
            "world/deal.txt": STORY.format(extra=extra),
            "world/other.txt": "Date: 2026-11-21\n\nBERLIN — Another story about the city.\n",
        },
    )
    build = run_pelican(content, tmp_path / f"{name}-output", overrides)
    assert build.returncode == 0, build.log
    return build


def test_hostile_text_round_trips_escaped(tmp_path):
    build = feed_site(tmp_path, "a", SITEURL=SITE)
    entry = next(e for e in parse(build, "feeds/atom.xml").entries if "deal" in e.link)
    assert entry.title == 'AT&T bold "deal" & more'  # the header's markup removed
    assert "&lt;script&gt;" in entry.content[0].value
    raw = (build.output / "feeds/rss.xml").read_text("utf-8")
    assert "<script>" not in raw and "AT&amp;T bold" in raw
    data = json.loads((build.output / "feeds/feed.json").read_text("utf-8"))
    assert 'AT&T bold "deal" & more' in [item["title"] for item in data["items"]]


def ids(build) -> dict[str, str]:
    return {entry.title: entry.id for entry in parse(build, "feeds/atom.xml").entries}


def test_guids_survive_a_domain_move_and_a_new_slug(tmp_path):
    before = feed_site(tmp_path, "before", SITEURL=SITE)
    after = feed_site(
        tmp_path, "after", extra="Slug: renamed-deal", SITEURL="https://moved.example.net"
    )
    assert ids(before) == ids(after)
    links = [e.link for e in parse(after, "feeds/atom.xml").entries]
    assert "https://moved.example.net/world/renamed-deal/" in links


def test_explicit_guid_header_wins(tmp_path):
    build = feed_site(tmp_path, "guid", extra="Guid: urn:uuid:0b6c4f1e-1111-4222-8333-944455556666")
    assert "urn:uuid:0b6c4f1e-1111-4222-8333-944455556666" in ids(build).values()


def test_rebuild_is_byte_identical(tmp_path):
    first = feed_site(tmp_path, "first", SITEURL=SITE)
    second = feed_site(tmp_path, "second", SITEURL=SITE)
    for path in (first.output / "feeds").rglob("*.*"):
        twin = second.output / path.relative_to(first.output)
        assert path.read_bytes() == twin.read_bytes(), path


def test_modified_date_and_hub(tmp_path):
    build = feed_site(
        tmp_path,
        "mod",
        extra="Modified: 2026-11-22 09:30",
        SITEURL=SITE,
        NEWSDIGEST_WEBSUB_HUB="https://hub.example.org/",
    )
    data = json.loads((build.output / "feeds/feed.json").read_text("utf-8"))
    deal = next(item for item in data["items"] if "deal" in item["url"])
    assert deal["date_modified"].startswith("2026-11-22T09:30")
    assert "date_modified" not in next(i for i in data["items"] if "other" in i["url"])
    assert data["hubs"] == [{"type": "WebSub", "url": "https://hub.example.org/"}]
    rss = etree.fromstring((build.output / "feeds/rss.xml").read_bytes()).find("channel")
    assert [
        link.get("href") for link in rss.findall(f"{ATOM}link") if link.get("rel") == "hub"
    ] == ["https://hub.example.org/"]
    atom = parse(build, "feeds/atom.xml")
    updated = next(e for e in atom.entries if "deal" in e.link).updated
    assert updated.startswith("2026-11-22T09:30")


def test_feed_limit(tmp_path):
    build = feed_site(tmp_path, "limit", SITEURL=SITE, NEWSDIGEST_FEED_LIMIT=1)
    assert len(parse(build, "feeds/rss.xml").entries) == 1


def test_pelican_feeds_are_off(published):
    assert not list(published.output.rglob("all.atom.xml"))
    assert not Path(published.output / "feeds/all.rss.xml").exists()


def test_a_warm_build_renders_only_the_feeds_that_changed(tmp_path):
    """Unchanged feeds are skipped by fingerprint; a changed story, a tampered file or a
    deleted file is written again, and the result equals a build from scratch."""
    first = feed_site(tmp_path, "warm", SITEURL=SITE)
    files = sorted((first.output / "feeds").rglob("*.*"))
    stamps = {path: path.stat().st_mtime_ns for path in files}
    again = run_pelican(first.content, first.output, {"SITEURL": SITE}, ("--verbose",))
    assert len(files) >= 6
    assert f"({len(files)} files unchanged since the last build)" in again.log, again.log
    assert {path: path.stat().st_mtime_ns for path in files} == stamps

    (first.content / "world/other.txt").write_text(
        "Date: 2026-11-21\n\nBERLIN — A rewritten story about the city.\n", encoding="utf-8"
    )
    tampered = first.output / "feeds/feed.json"
    tampered.write_text("{}", encoding="utf-8")
    (first.output / "feeds/atom.xml").unlink()
    changed = run_pelican(first.content, first.output, {"SITEURL": SITE})
    assert changed.returncode == 0, changed.log
    assert "rewritten story" in (first.output / "feeds/rss.xml").read_text("utf-8")
    assert "rewritten story" in tampered.read_text("utf-8")
    assert (first.output / "feeds/atom.xml").exists()
    fresh = run_pelican(first.content, tmp_path / "fresh-output", {"SITEURL": SITE})
    for path in (first.output / "feeds").rglob("*.*"):
        assert path.read_bytes() == (fresh.output / path.relative_to(first.output)).read_bytes()
