"""Fact boxes on the sample site."""

from pathlib import Path

from support.site import story_page


def test_fact_box_after_the_lede(sample_site):
    page = story_page(sample_site, Path("world/monsoon-relief-appeal.txt"))
    body = page.split('<div class="story__body">')[1]
    box = body.index('<aside class="fact-box" aria-labelledby="fact-box-heading">')
    assert body.index("Aid agencies appealed") < box < body.index("The Flood Response Coalition")
    assert "<dt>Appeal</dt><dd>95 million dollars</dd>" in page
    assert '<h2 id="fact-box-heading">Key facts</h2>' in page


def test_no_fact_box_without_figures(sample_site):
    page = story_page(sample_site, Path("culture/street-piano-returns.txt"))
    assert "fact-box" not in page.split('<div class="story__body">')[1]


def test_editor_facts_header(sample_site):
    page = story_page(sample_site, Path("science/comet-return-observatory.txt"))
    assert "<dt>Last seen</dt><dd>about 2,400 years ago</dd>" in page
