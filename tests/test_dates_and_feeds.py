"""Dates and feed ids that never move, and feed items a subscriber's reader can trust:
undated stories dated once (ledger, git, the weekday the lede names), the same after a
``touch`` and in a fresh clone; escaped RSS descriptions; self-contained items; the
feed validator's rules on every feed of the sample site."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from support.feedrules import feed_problems
from support.site import run_pelican, write_files

UNDATED = {
    "world/port-talks.txt": """
        ROTTERDAM — Dock workers and port operators said Wednesday that talks over the
        automation of two container terminals would resume next week.

        The union said 1,200 jobs depend on the outcome.
        """,
    "world/pinned.txt": """
        Date: 2026-11-10

        OSLO — The city council approved a new tram line on Tuesday.
        """,
}


def feeds_of(output: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(output)): p.read_bytes()
        for p in sorted(output.rglob("feeds/**/*"))
        if p.is_file()
    }


def git(*args: str, cwd: Path, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def no_git_site(tmp_path) -> Path:
    """A content folder outside any git repository (tmp is not in one)."""
    return write_files(tmp_path / "content", UNDATED)


def test_an_undated_story_is_dated_once_and_a_touch_changes_nothing(no_git_site, tmp_path):
    first = run_pelican(no_git_site, tmp_path / "first")
    assert first.returncode == 0, first.log
    ledger = no_git_site / "dates.yml"
    assert ledger.is_file()
    entries = dict(re.findall(r"^(\S+): (\d{4}-\d\d-\d\d)$", ledger.read_text(), re.M))
    assert list(entries) == ["world/port-talks.txt"]  # the pinned story needs no entry
    day = dt.date.fromisoformat(entries["world/port-talks.txt"])
    assert day.weekday() == 2  # the lede says Wednesday
    assert 0 <= (dt.date.today() - day).days < 7
    assert "world/port-talks.txt: no Date: header; dated" in first.log
    assert "add 'Date: " in first.log
    for story in no_git_site.rglob("*.txt"):  # a new checkout, a touch, a copy …
        os.utime(story, (1_000_000_000, 1_000_000_000))
    second = run_pelican(no_git_site, tmp_path / "second")
    assert second.returncode == 0, second.log
    assert "no Date: header" not in second.log  # the ledger dates it now: no warning
    assert feeds_of(first.output) == feeds_of(second.output)
    page = second.page("world/port-talks/index.html")
    assert day.isoformat() in page


def test_a_fresh_clone_gives_byte_identical_feeds(tmp_path):
    origin = tmp_path / "origin"
    write_files(origin / "content", UNDATED)
    git("init", "-q", cwd=origin)
    git("add", ".", cwd=origin)
    git("commit", "-qm", "Stories", cwd=origin, date="2026-11-24T15:00:00+00:00")  # a Tuesday
    outputs = []
    for name in ("clone-a", "clone-b"):
        subprocess.run(["git", "clone", "-q", str(origin), str(tmp_path / name)], check=True)
        build = run_pelican(
            tmp_path / name / "content", tmp_path / f"{name}-output", {"NEWSDIGEST_CACHE": False}
        )
        assert build.returncode == 0, build.log
        outputs.append(build.output)
    assert feeds_of(outputs[0]) == feeds_of(outputs[1])
    atom = feedparser.parse((outputs[0] / "feeds/atom.xml").read_bytes())
    ids = {entry.id for entry in atom.entries}
    # First committed on Tuesday 24 November; the lede's "Wednesday" is the 18th.
    assert "tag:digest.example.org,2026-11-18:world/port-talks" in ids
    assert "tag:digest.example.org,2026-11-10:world/pinned" in ids


def test_rss_descriptions_are_escaped_html(build_site):
    build = build_site(
        {
            "world/attack.txt": "Date: 2026-11-20\n\nLONDON — The page said </script><script>"
            "alert('tag')</script> & then <img src=x onerror=alert('rss') without an end, "
            "officials said.\n",
        }
    )
    assert build.returncode == 0, build.log
    channel = etree.parse(str(build.output / "feeds/rss.xml")).getroot().find("channel")
    [item] = channel.findall("item")
    description = item.findtext("description")  # the HTML a feed reader will render
    assert "<" not in description  # no tag can start: every < is escaped
    assert "&amp; then &lt;img src=x onerror=alert('rss') without an end" in description
    # Closed tags never reach a derived title or summary (readers render titles as HTML).
    assert "script" not in item.findtext("title") and "script" not in description
    page = build.page("world/attack/index.html")  # the body keeps the words, escaped
    assert "&lt;/script&gt;&lt;script&gt;alert('tag')&lt;/script&gt;" in page
    entry = feedparser.parse((build.output / "feeds/rss.xml").read_bytes()).entries[0]
    assert "<img" not in entry.summary and "onerror" in entry.summary


def test_sample_feeds_follow_the_validator_rules(sample_site):
    assert feed_problems(sample_site.output) == []
    for path in sorted(sample_site.output.rglob("*.xml")):
        if "feeds" in path.parts:
            assert feedparser.parse(path.read_bytes()).bozo == 0, path


def test_feed_items_are_self_contained(sample_site):
    atom = etree.parse(str(sample_site.output / "feeds/atom.xml")).getroot()
    ns = "{http://www.w3.org/2005/Atom}"
    contents = [entry.findtext(ns + "content") for entry in atom.findall(ns + "entry")]
    assert contents and not any("pull-quote" in content for content in contents)
    boxes = [c for c in contents if "fact-box" in c]
    assert boxes
    ids = [re.search(r'id="(fact-box-heading[^"]*)"', c).group(1) for c in boxes]
    assert len(ids) == len(set(ids))
    updated = [entry.findtext(ns + "updated") for entry in atom.findall(ns + "entry")]
    assert len(updated) == len(set(updated))


def test_the_ledger_is_never_deployed_and_unreadable_ledgers_are_reported(tmp_path):
    content = write_files(tmp_path / "content", UNDATED)
    (content / "dates.yml").write_text("world/port-talks.txt: [not, a, date]\n", "utf-8")
    build = run_pelican(content, tmp_path / "output")
    assert build.returncode == 0, build.log
    assert "dates.yml: world/port-talks.txt: '['" in build.log
    assert not list(build.output.rglob("dates.yml"))


def test_the_front_page_shows_stories_not_yet_in_an_edition(build_site):
    build = build_site(
        {
            "editions/2026-11-16.md": "Title: The first week\nDate: 2026-11-16\nStories:\n"
            "    world/old.txt\n",
            "world/old.txt": "Date: 2026-11-15\n\nOSLO — An older story about the harbour.\n",
            "world/new.txt": "Date: 2026-11-20\n\nBERGEN — A newer story about the bridge.\n",
        }
    )
    front = build.page("index.html")
    heading = front.index('id="just-in-heading"')
    just_in = front[heading : front.index("</section>", heading)]
    assert "not yet in an edition" in just_in
    assert "A newer story about the bridge" in just_in
    assert "An older story about the harbour" not in just_in  # it leads the edition above
    assert "An older story about the harbour" in front[:heading]


def test_git_absent_still_dates_by_the_build(tmp_path, monkeypatch):
    """Without git on PATH, the build's own day is used and kept."""
    content = write_files(tmp_path / "content", UNDATED)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))  # no git here
    build = run_pelican(content, tmp_path / "output")
    assert build.returncode == 0, build.log
    assert "first seen" in build.log
    assert (content / "dates.yml").is_file()
