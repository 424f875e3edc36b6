"""Quotations on the seed story and on the sample site."""

import json
import subprocess
import sys
from pathlib import Path

from support.site import ROOT, STORIES, story_page


def inspect(path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", "inspect", str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(result.stdout)


def test_seed_quotes_and_pull_quote(seed_path):
    story = inspect(seed_path)
    quotes = story["quotes"]
    assert len(quotes) == 5
    for quote in quotes:
        assert quote["text"] in story["paragraphs"][quote["paragraph"]]
    by_stoltenberg = [q for q in quotes if q["speaker"] == "Jens Stoltenberg"]
    assert [q["paragraph"] for q in by_stoltenberg] == [3, 4, 5, 6]  # said, told, said, added
    # How each speaker was found: "Stoltenberg said that “…”", "“…,” he told reporters"
    assert [q["attribution"] for q in by_stoltenberg] == ["before", "after", "before", "after"]
    # "Officials have said “a couple of hundred”": the generic group, never a pull-quote
    assert quotes[4]["text"] == "a couple of hundred"
    assert (quotes[4]["speaker"], quotes[4]["speaker_kind"]) == ("Officials", "group")
    pull = story["pull_quote"]
    assert pull["speaker"] == "Jens Stoltenberg"
    assert len(pull["text"].split()) >= 8
    assert pull["text"] in [q["text"] for q in by_stoltenberg]
    assert pull["text"] != "agreed in principle to enhance"


def test_every_sample_quote_is_traceable():
    for source in STORIES:
        story = inspect(ROOT / "content" / source)
        for quote in story["quotes"]:
            paragraph = story["paragraphs"][quote["paragraph"]]
            assert paragraph[quote["start"] : quote["end"]] == quote["text"], source


def test_inspect_tells_how_each_speaker_was_found():
    story = inspect(ROOT / "content" / "world" / "baltic-ferry-talks.txt")
    first = story["quotes"][0]
    # "“…,” Estonian Transport Minister Kadri Välja told reporters": after the quote
    assert (first["speaker"], first["attribution"]) == ("Kadri Välja", "after")
    assert first["cue"] == "Estonian Transport Minister Kadri Välja told"
    assert all("attribution" in quote for quote in story["quotes"])


def test_sample_pull_quotes(sample_site):
    with_quote = story_page(sample_site, Path("world/baltic-ferry-talks.txt"))
    assert with_quote.count('<aside class="pull-quote" aria-hidden="true">') == 1
    assert "<figcaption>Kadri Välja</figcaption>" in with_quote
    # After the third paragraph, between body paragraphs.
    body = with_quote.split('<div class="story__body">')[1]
    assert body.index('<aside class="pull-quote"') > body.index("Her Finnish counterpart")
    no_quotes = story_page(sample_site, Path("climate/heat-records-europe.txt"))
    assert "pull-quote" not in no_quotes.split("</header>", 1)[1].split("</article>")[0]


def test_editor_chooses_or_refuses_the_pull_quote(sample_site):
    bridge = story_page(sample_site, Path("world/harbour-bridge-vote.md"))
    assert "<blockquote><p>Closing a bridge is never popular. Losing one is worse.</p>" in bridge
    library = story_page(sample_site, Path("culture/library-late-books.txt"))
    assert '<aside class="pull-quote"' not in library
    assert "We have waived the fine" in library  # the quote itself is still in the body
