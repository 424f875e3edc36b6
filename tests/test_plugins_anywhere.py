"""The plugins in someone else's Pelican site: each alone, with Pelican's default theme
(notmyidea) and articles from Pelican's own reST reader; in any order; with our theme
but without the clean plugin. Also the settings check and the core's independence."""

from __future__ import annotations

import ast
import filecmp
import json
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from newsdigest.core.settings import SETTINGS, settings_table
from support.site import (
    PLUGINS,
    REST_ARTICLES,
    ROOT,
    run_bare_pelican,
    run_pelican,
    write_files,
)

EDITION = {
    "editions/2026-11-20.md": """
        Title: Edition of 20 November
        Date: 2026-11-20
        Stories:
            posts/alliance-talks.rst | Ministers widen the mission.
            posts/harbour-works.rst

        A week of alliance talks and harbour works.
        """,
}
RAW_STORY = {
    "world/council-vote.txt": """
        BRUSSELS — The city council voted 5 to 4 on Tuesday for a <b>new</b> R&D budget,
        the mayor's office said.

        The budget gives 2 million euros to the university's labs over three years.

        In Other News
        Load More
        """,
}


def bare_build(tmp_path: Path, files: dict[str, str], plugins: list[str], **settings):
    content = write_files(tmp_path / "content", files)
    build = run_bare_pelican(content, tmp_path / "output", {"PLUGINS": plugins, **settings})
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log, build.log
    return build


def test_clean_alone_with_notmyidea_reads_raw_stories_safely(tmp_path):
    build = bare_build(tmp_path, {**RAW_STORY, **REST_ARTICLES}, ["newsdigest.clean"])
    pages = [p for p in build.html_files() if "council-vote" in p.name]
    assert len(pages) == 1, [p.name for p in build.html_files()]
    page = pages[0].read_text("utf-8")
    assert "In Other News" not in page and "Load More" not in page
    # The body is HTML (not escaped markup); the pasted <b> is text, never a tag.
    body = re.search(r'<div class="entry-content">(.*?)</div>', page, re.S).group(1)
    assert re.search(r"<p>.*2 million euros to the university", body)
    assert "&lt;b&gt;new&lt;/b&gt;" in body and "<b>" not in body
    # notmyidea prints titles as they are: our reader hands them over escaped.
    heading = re.search(r'<h1 class="entry-title">(.*?)</h1>', page, re.S).group(1)
    assert "votes 5 to 4 for new R&amp;D budget" in heading  # tags removed
    assert "<b>" not in page


def test_editions_alone_with_notmyidea_writes_edition_pages(tmp_path):
    build = bare_build(tmp_path, {**REST_ARTICLES, **EDITION}, ["newsdigest.editions"])
    page = build.page("editions/2026-11-20/index.html")
    assert "Edition of 20 November" in page
    order = [
        page.index("NATO widens its training mission"),
        page.index("Harbour works begin in Rotterdam"),
    ]
    assert order == sorted(order)  # the curator's order
    assert "Ministers widen the mission." in page
    assert "2026-11-20" in build.page("editions/index.html")
    # The edition file is the editions plugin's, never an article of its own.
    assert not list(build.output.glob("**/edition-of-20-november*.html"))


def test_entities_alone_with_notmyidea_tags_rest_articles(tmp_path):
    build = bare_build(tmp_path, REST_ARTICLES, ["newsdigest.entities"])
    person = build.page("entities/jens-stoltenberg/index.html")
    assert "Jens Stoltenberg" in person
    assert "NATO widens its training mission" in person
    assert "Harbour works begin in Rotterdam" in person
    index = build.page("entities/index.html")
    assert "People" in index and "Jens Stoltenberg" in index


def test_entity_pages_follow_pelicans_paginator_with_notmyidea(tmp_path):
    """One story a page when the site asks for it, through the plugin's fallback template."""
    build = bare_build(
        tmp_path,
        REST_ARTICLES,
        ["newsdigest.entities"],
        DEFAULT_PAGINATION=1,
        PAGINATED_TEMPLATES={"index": None, "category": None, "tag": None, "entity": None},
        PAGINATION_PATTERNS=[
            (1, "{url}", "{save_as}"),
            (2, "{url}page/{number}/", "{base_name}/page/{number}/index.html"),
        ],
    )
    first = build.page("entities/jens-stoltenberg/index.html")
    second = build.page("entities/jens-stoltenberg/page/2/index.html")
    stories = ("NATO widens its training mission", "Harbour works begin in Rotterdam")
    assert [story in first for story in stories].count(True) == 1
    assert [story in second for story in stories].count(True) == 1
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_quotes_alone_with_notmyidea_places_a_pull_quote(tmp_path):
    build = bare_build(tmp_path, REST_ARTICLES, ["newsdigest.quotes"])
    page = build.page("nato-widens-its-training-mission.html")
    aside = re.search(r'<aside class="pull-quote".*?</aside>', page, re.S)
    assert aside is not None, page
    assert "only stay as long as we are welcome" in aside.group(0)
    assert "Jens Stoltenberg" in aside.group(0)


def test_facts_alone_with_notmyidea_places_a_fact_box(tmp_path):
    build = bare_build(tmp_path, REST_ARTICLES, ["newsdigest.facts"])
    page = build.page("harbour-works-begin-in-rotterdam.html")
    box = re.search(r'<aside class="fact-box".*?</aside>', page, re.S)
    assert box is not None, page
    assert "<dd>120 million</dd>" in box.group(0)


def test_feeds_alone_with_notmyidea_writes_valid_feeds(tmp_path):
    build = bare_build(tmp_path, REST_ARTICLES, ["newsdigest.feeds"], SITENAME="A blog")
    for name in ("feeds/atom.xml", "feeds/rss.xml"):
        feed = feedparser.parse(build.page(name))
        assert feed.bozo == 0, (name, feed.bozo_exception)
        titles = {entry.title for entry in feed.entries}
        assert titles == {"NATO widens its training mission", "Harbour works begin in Rotterdam"}
    assert len(json.loads(build.page("feeds/feed.json"))["items"]) == 2
    assert build.page("feeds/sections/world.atom.xml")


def test_our_theme_without_the_clean_plugin(tmp_path):
    build = bare_build(
        tmp_path,
        {**REST_ARTICLES, **EDITION},
        ["newsdigest.entities", "newsdigest.editions"],
        THEME=str(ROOT / "theme"),
        JINJA_ENVIRONMENT={"trim_blocks": True, "lstrip_blocks": True, "autoescape": True},
    )
    assert "Jens Stoltenberg" in build.page("entities/jens-stoltenberg/index.html")
    assert "application/ld+json" in build.page("editions/2026-11-20/index.html")


def test_plugin_order_does_not_change_the_site(tmp_path, sample_site):
    plugins = list(reversed(PLUGINS))
    reversed_build = run_pelican(ROOT / "content", tmp_path / "output", {"PLUGINS": plugins})
    assert reversed_build.returncode == 0, reversed_build.log
    assert _differences(sample_site.output, reversed_build.output) == []


def _differences(left: Path, right: Path) -> list[str]:
    """Files missing on either side or not byte-identical (the report names its folder)."""
    found = []
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    for name in sorted(names):
        a, b = left / name, right / name
        if not (a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)):
            found.append(str(name))
    return found


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        (
            "NEWSDIGEST_ENTITY_MAXX",
            3,
            "NEWSDIGEST_ENTITY_MAXX is not a newsdigest setting "
            "(did you mean NEWSDIGEST_ENTITY_MAX?)",
        ),
        ("NEWSDIGEST_FEED_LIMIT", "50", "NEWSDIGEST_FEED_LIMIT must be a whole number, not '50'"),
        ("NEWSDIGEST_STRICT", "yes", "NEWSDIGEST_STRICT must be True or False, not 'yes'"),
        ("NEWSDIGEST_DISABLED_RULES", ["no-such-rule"], "names no built-in rule 'no-such-rule'"),
        ("NEWSDIGEST_FACTS_MAX", 0, "NEWSDIGEST_FACTS_MAX must be at least 1, not 0"),
    ],
)
def test_a_wrong_setting_stops_the_build_with_its_name(build_site, setting, value, message):
    build = build_site(
        {"world/one.txt": "A story with one sentence in it today.\n"}, **{setting: value}
    )
    assert build.returncode != 0
    assert message in build.log
    assert "Traceback" not in build.log
    assert not (build.output / "world/one/index.html").exists()


def test_the_command_line_checks_settings_too(tmp_path):
    settings = tmp_path / "conf.py"
    settings.write_text("NEWSDIGEST_PULLQUOTE_MIN_WORDS = 50\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", "settings", "--settings", str(settings)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert (
        "NEWSDIGEST_PULLQUOTE_MIN_WORDS (50) is larger than NEWSDIGEST_PULLQUOTE_MAX_WORDS"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_readme_settings_table_is_the_settings_module():
    readme = (ROOT / "README.md").read_text("utf-8")
    table = re.search(r"<!-- settings:start -->\n(.*?)<!-- settings:end -->", readme, re.S)
    assert table is not None, "the README lost its settings table markers"
    assert table.group(1) == settings_table(), "run: newsdigest settings --markdown"
    public = [entry.name for entry in SETTINGS if not entry.internal]
    assert all(f"`{name}`" in table.group(1) for name in public)


def test_settings_are_read_only_through_the_settings_module():
    """No module keeps an inline default of its own (``settings.get("NEWSDIGEST_…", x)``)."""
    inline = re.compile(r"""\.get\(\s*["']NEWSDIGEST_""")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "plugins" / "newsdigest").rglob("*.py")
        if inline.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_the_core_never_imports_pelican():
    core = ROOT / "plugins" / "newsdigest" / "core"
    importers = []
    for path in core.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(
                n == "pelican" or n.startswith(("pelican.", "newsdigest.site", *PLUGINS))
                for n in names
            ):
                importers.append(str(path.relative_to(core)))
    assert importers == []
    # And at run time: every core module imports with Pelican made unimportable.
    script = (
        "import sys, pkgutil, importlib\n"
        "sys.modules['pelican'] = None\n"
        "import newsdigest.core as core\n"
        "for module in pkgutil.walk_packages(core.__path__, 'newsdigest.core.'):\n"
        "    importlib.import_module(module.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('newsdigest.core')).__len__())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 40
