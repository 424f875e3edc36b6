"""Small real sites: broken stories, strict mode, editions and header safety."""

GOOD = """\
    Date: 2026-11-20

    OSLO — The council approved the new library on Friday after a long debate.

    “It is a good day,” said the mayor, Ola Nordmann.
"""


def test_broken_story_warns_and_the_rest_builds(build_site):
    build = build_site(
        {
            "world/good.txt": GOOD,
            "world/empty.txt": "",
            "world/only-junk.txt": "In Other News\nLoad More\nAdvertisement\n",
        }
    )
    assert build.returncode == 0, build.log
    assert (build.output / "world/good/index.html").is_file()
    assert not (build.output / "world/only-junk/index.html").exists()
    assert "world/only-junk.txt: nothing left after cleaning" in build.log
    assert "world/empty.txt: nothing left after cleaning" in build.log
    assert "Traceback" not in build.log
    skipped = {entry["source"] for entry in build.report()["skipped"]}
    assert skipped == {"world/empty.txt", "world/only-junk.txt"}


def test_strict_setting_fails_the_build_without_traceback(build_site):
    build = build_site(
        {"world/good.txt": GOOD, "world/only-junk.txt": "Load More\n"}, NEWSDIGEST_STRICT=True
    )
    assert build.returncode == 1
    assert "strict mode" in build.log
    assert "world/only-junk.txt" in build.log
    assert "Traceback" not in build.log
    assert build.report()["skipped"][0]["source"] == "world/only-junk.txt"


def test_strict_build_passes_when_clean(build_site):
    build = build_site({"world/good.txt": GOOD}, NEWSDIGEST_STRICT=True)
    assert build.returncode == 0, build.log


def test_header_cannot_choose_the_output_path(build_site):
    build = build_site(
        {
            "world/sneaky.txt": """\
            Title: Sneaky
            Date: 2026-11-20
            URL: https://example.org/original
            Save_as: ../../escaped.html

            PARIS — Body text of the story.
        """,
        }
    )
    assert build.returncode == 0, build.log
    page = build.page("world/sneaky/index.html")
    assert 'href="https://example.org/original"' in page
    assert not (build.output.parent.parent / "escaped.html").exists()
    assert not list(build.output.parent.rglob("escaped.html"))


def test_undated_story_takes_its_edition_date(build_site):
    build = build_site(
        {
            "world/undated.txt": "ROME — A story dated by the edition that carries it.\n",
            "editions/2026-10-05.md": """\
            Title: October edition
            Stories:
                world/undated | A curator's note.

            Intro.
        """,
        }
    )
    assert build.returncode == 0, build.log
    page = build.page("world/undated/index.html")
    assert '<time datetime="2026-10-05T00:00:00+00:00"' in page
    assert "A curator&#39;s note." in build.page("index.html")
    assert "no Date: header" not in build.log


def test_unknown_edition_reference_is_reported(build_site):
    build = build_site(
        {
            "world/good.txt": GOOD,
            "editions/2026-11-21.md": "Title: E\nStories:\n    world/missing.txt\n\nIntro.\n",
        }
    )
    assert build.returncode == 0
    assert "editions/2026-11-21.md: no published story matches 'world/missing.txt'" in build.log


def test_titles_are_escaped_and_header_markup_removed(build_site):
    build = build_site(
        {
            "world/amp.txt": """\
            Title: AT&T <b>bold</b> "deal"
            Date: 2026-11-20

            NEW YORK — Body.
        """,
        }
    )
    page = build.page("world/amp/index.html")
    assert "<h1>AT&amp;T bold &#34;deal&#34;</h1>" in page
    assert "<b>bold</b>" not in page
    assert "world/amp.txt: Title: header contained markup; removed it" in build.log
