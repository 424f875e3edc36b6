"""``newsdigest inspect``: JSON contract, human output, errors and --strict."""

import json
import subprocess
import sys

from support.site import ROOT


def run_cli(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_inspect_sample_story_uses_site_settings():
    result = run_cli("inspect", "content/world/monsoon-relief-appeal.txt", "--json")
    assert result.returncode == 0, result.stderr
    story = json.loads(result.stdout)
    assert story["source"] == "world/monsoon-relief-appeal.txt"
    assert story["section"] == "World"
    assert story["byline"] == "Priya Nair and Tom Okafor, Associated Press"
    assert story["dateline"] == "Dhaka, Bangladesh"
    # The edition of Monday 16 November lists it; its lede says "on Thursday".
    assert story["date"] == "2026-11-12T00:00:00+00:00"
    assert [r["rule"] for r in story["removed"]] == ["separator", "social-follow"]
    assert story["paragraphs"][-1].startswith("This story has been corrected")


def test_inspect_markdown_story():
    result = run_cli("inspect", "content/science/antibiotic-soil-discovery.md", "--json")
    story = json.loads(result.stdout)
    assert story["title"] == "Soil bacteria from a school garden yield a new antibiotic candidate"
    assert story["title_derived"] is False
    assert story["byline"] == "Sam Whitfield"
    assert story["dateline"] == "Cambridge, England"
    assert "Staphylococcus aureus" in story["paragraphs"][1]  # emphasis becomes plain text
    assert not any("script" in p for p in story["paragraphs"])


def test_inspect_human_output():
    result = run_cli("inspect", "content/culture/library-late-books.txt")
    assert result.returncode == 0
    assert "(derived headline)" in result.stdout
    assert "removed (advertisement): Advertisement" in result.stdout


def test_missing_file_is_one_line_error(tmp_path):
    result = run_cli("inspect", tmp_path / "nope.txt", "--json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("newsdigest: cannot read")
    assert "Traceback" not in result.stderr


def test_strict_fails_on_warnings(tmp_path):
    story = tmp_path / "undated.txt"
    story.write_text("PARIS — A story with no date at all.\n", encoding="utf-8")
    relaxed = run_cli("inspect", story, "--json", cwd=tmp_path)
    strict = run_cli("inspect", story, "--json", "--strict", cwd=tmp_path)
    assert relaxed.returncode == 0
    assert strict.returncode == 1
    assert "no Date: header; dated" in strict.stderr
