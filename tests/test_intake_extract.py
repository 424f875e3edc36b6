"""The article extractor on pages we wrote to reproduce real layouts
(tests/data/intake/pages), on small pages made for one rule each, and, where Zyte's
benchmark is on this machine, on its 181 real pages."""

import os
import sys
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from evaluation.intake import IntakeTally, overlap, written_pages  # noqa: E402

from newsdigest.core.intake.extract import PageText, article_from, extract_article  # noqa: E402
from newsdigest.core.intake.furniture import furniture_keys, page_keys, text_blocks  # noqa: E402
from newsdigest.core.intake.prepare import is_layout_table, prepare_html  # noqa: E402

PAGES = {page.id.removeprefix("written:"): page for page in written_pages()}


def body_of(name: str) -> list[str]:
    return extract_article(PAGES[name].html).paragraphs


def test_the_regression_set_is_sixty_pages_of_many_layouts():
    assert len(PAGES) >= 60
    layouts = Counter(name.split("-")[0] for name in PAGES)
    assert len(layouts) >= 15


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_written_page_gives_its_body_and_nothing_else(name):
    page = PAGES[name]
    _kept, extra, lost = overlap(page.body, "\n".join(body_of(name)))
    assert lost == 0, f"{name}: lost {lost:.2f} of the article"
    assert extra < 0.02, f"{name}: {extra:.2f} of what it kept is furniture"


NOTICE = (
    "This copy is for your personal, non-commercial use only. To order presentation-ready "
    "copies for distribution to your colleagues, clients or customers visit "
    "https://www.djreprints.example.com."
)


def test_a_reprint_notice_never_becomes_the_body():
    """The precise pass can take a business paper's reprint box for the whole article
    (seen on a real page): the notice goes, and the recall pass gives the story."""
    story = PAGES["reprint-rail-fares"].body.strip().split("\n\n")
    page = PageText(
        precise=[NOTICE],
        balanced=[NOTICE, story[0]],
        broad=["Rail fares to rise 4.5% in March, operators say", NOTICE, *story],
        title="Rail fares to rise 4.5% in March, operators say",
        byline=None,
        date=None,
        site_name=None,
        url=None,
    )
    found = article_from(page)
    assert found.paragraphs == story and found.passes == "recall"
    assert NOTICE in found.removed
    # A precise pass that cut whole paragraphs gives way to the balanced pass.
    cut = PageText(
        precise=story[:3],
        balanced=story,
        broad=[*story, "Most read: fares, strikes and storms"],
        title=None,
        byline=None,
        date=None,
        site_name=None,
        url=None,
    )
    assert article_from(cut).passes == "balanced" and article_from(cut).paragraphs == story
    # On the written page the notice sits above the headline; the lede still opens.
    assert body_of("reprint-rail-fares")[0].startswith("LONDON (Reuters) - Rail fares")


def test_an_article_laid_out_in_tables_is_read_as_prose():
    paragraphs = body_of("tables-port-strike")
    assert paragraphs[0].startswith("ROTTERDAM, Netherlands — Dock workers")
    assert len(paragraphs) == 5 and not any(p.startswith("|") for p in paragraphs)


def test_a_table_that_is_the_story_is_kept_whole():
    [table] = [p for p in body_of("daily-harbour-league") if p.startswith("|")]
    rows = table.split("\n")
    assert rows[0] == "| Pos | Team | Played | Won | Drawn | Lost | Points |"
    assert "| 1 | Harbour Rovers | 14 | 10 | 2 | 2 | 32 |" in rows and len(rows) == 7


def test_headline_echo_byline_and_filed_under_go():
    paragraphs = body_of("echo-night-library")
    assert paragraphs[0].startswith("The central library in Westbrook")
    assert not any("Tags:" in p for p in paragraphs)
    wordpress = body_of("wordpress-ferry-link")
    assert not any(p.startswith(("Filed under", "Tagged", "Share this")) for p in wordpress)


def test_the_storys_own_repeats_are_kept():
    recipe = body_of("ghost-two-soups")
    assert recipe.count("Blend until smooth.") == 2
    assert recipe.count("Season with salt and pepper.") == 2
    interview = body_of("drupal-night-workers")
    assert interview.count("What is the best thing about working at night?") == 3
    products = body_of("arc-e-readers")
    assert sum(p.endswith("Waterproof: yes") for p in products) == 2


def test_a_lede_repeated_as_a_teaser_is_kept_once():
    paragraphs = body_of("teaser-bird-count")
    assert sum(p.startswith("Volunteers counted more than") for p in paragraphs) == 1


def test_extraction_is_the_same_whatever_came_before():
    """No memory between calls: a page read after others that share its text (the same
    story on other sites) gives what it gives alone."""
    alone = body_of("daily-ferry-link")
    for name in ("wordpress-ferry-link", "newsletter-ferry-link", "press-ferry-link"):
        body_of(name)
    assert body_of("daily-ferry-link") == alone
    assert overlap(PAGES["daily-ferry-link"].body, "\n".join(alone))[2] == 0


# --- one rule at a time ----------------------------------------------------------------

PROSE = " ".join(["The council met on Monday to discuss the harbour budget."] * 8)


def table(html: str):
    return lxml.html.fragment_fromstring(html)


def test_layout_and_data_tables_are_told_apart():
    assert is_layout_table(table(f"<table><tr><td>Menu</td><td>{PROSE}</td></tr></table>"))
    assert is_layout_table(table('<table role="presentation"><tr><td>a</td></tr></table>'))
    assert is_layout_table(
        table("<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>")
    )
    data = "<table><tr><th>Team</th><th>Points</th></tr><tr><td>Rovers</td><td>32</td></tr></table>"
    assert not is_layout_table(table(data))
    assert not is_layout_table(table("<table><tr><td>Rovers</td><td>32</td></tr></table>"))


def test_hover_cards_are_not_glued_into_the_sentence():
    page = (
        "<html><body><article><p>A man pleaded guilty to threatening Rep. "
        '<a href="/people/ana">Ana Lima</a><span class="rollover-people-block">Ana Lima'
        " Ana Lima backs harbour bill</span>, prosecutors said on Monday in a statement "
        "that gave no further details of the case.</p><p>" + PROSE + "</p></article></body></html>"
    )
    [first, _second] = extract_article(page).paragraphs
    assert "threatening Rep. Ana Lima, prosecutors said" in first
    assert "backs harbour bill" not in first


def test_a_list_of_the_sites_own_headlines_goes_and_other_links_stay():
    own = "".join(
        f'<li><a href="/news/{n}">Harbour news headline number {n}</a></li>' for n in range(4)
    )
    shops = "".join(
        f'<li><a href="https://shop.example.com/{n}">Buy the ferry model kit {n}</a></li>'
        for n in range(4)
    )
    page = (
        '<html><head><link rel="canonical" href="https://courier.example.org/a"></head><body>'
        f"<article><p>{PROSE}</p><ul>{shops}</ul><p>{PROSE}</p><ul>{own}</ul></article>"
        "</body></html>"
    )
    prepared = prepare_html(page)
    assert "Buy the ferry model kit 3" in prepared
    assert "Harbour news headline number 3" not in prepared


def test_table_rows_stay_one_block():
    text = "Lede.\n| A | B | \n|---|---|\n| 1 | 2 | \nAfter."
    assert text_blocks(text) == ["Lede.", "| A | B |\n|---|---|\n| 1 | 2 |", "After."]


def test_furniture_is_what_the_sites_other_pages_share():
    pages = [
        ["Story one.", "Support the Courier today."],
        ["Story two.", "Support the Courier today."],
        ["Story three.", "Support the Courier today.", "A line only here."],
    ]
    counts = Counter()
    for blocks in pages:
        counts.update(page_keys(blocks))
    assert furniture_keys(counts, pages[2]) == {"support the courier today."}
    # Seen on only one other page: not enough to call it furniture.
    assert (
        furniture_keys(Counter(page_keys(pages[0])) + Counter(page_keys(pages[2])), pages[2])
        == set()
    )


# --- Zyte's real pages ------------------------------------------------------------------


@pytest.mark.skipif(
    not os.environ.get("NEWSDIGEST_CORPORA"),
    reason="NEWSDIGEST_CORPORA is not set: Zyte's benchmark is not on this machine",
)
def test_real_pages_are_never_refused_and_mostly_kept():
    from evaluation.corpus import CorpusMissing
    from evaluation.intake import ours, zyte_pages

    try:
        pages = zyte_pages(Path(os.environ["NEWSDIGEST_CORPORA"]))
    except CorpusMissing as error:
        pytest.skip(str(error))
    tally = IntakeTally()
    for page in pages:
        tally.add(page, ours(page.html))
    figures = tally.figures()
    assert len(pages) == 181 and figures["refused"] == 0
    assert figures["f1"] >= 0.97


def test_an_article_cut_into_chunks_is_read_whole():
    """The magazine layout: three ``article__body`` chunks with adverts between them.
    trafilatura alone keeps the first chunk only."""
    for name in ("chunks-port-strike", "chunks-glacier-survey"):
        story = PAGES[name].body.strip().split("\n\n")
        assert body_of(name) == story
        plain = trafilatura.extract(PAGES[name].html, favor_precision=True) or ""
        assert story[0][:40] in plain and story[-1][:40] not in plain  # what joining mends


def _chunked(chunk_class: str, holder: str, paragraphs: list[list[str]]) -> str:
    chunks = "".join(
        f'<div class="{chunk_class}"><div class="{holder}">'
        + "".join(f"<p>{text}</p>" for text in texts)
        + '</div></div><div class="ad">Advertisement</div>'
        for texts in paragraphs
    )
    return f"<html><body><article>{chunks}</article></body></html>"


def test_only_chunks_of_prose_are_joined():
    prose = "The council voted on Tuesday to keep the harbour ferry running through the long winter"
    joined = prepare_html(_chunked("grid", "body", [[prose, prose], [prose]]))
    first_holder = "(//div[@class='body'])[1]/p"
    assert len(lxml.html.fromstring(joined).xpath(first_holder)) == 3
    # A grid of story teasers (every word a link) is not an article in chunks.
    teaser = f'<a href="/story/">{prose}</a>'
    listing = prepare_html(_chunked("grid", "body", [[teaser, teaser], [teaser, teaser]]))
    assert len(lxml.html.fromstring(listing).xpath(first_holder)) == 2
    # Nor is an author box after the text, held in another kind of element.
    author = _chunked("wrap", "body", [[prose, prose]]).replace(
        "</article>", f'<div class="wrap"><div class="author"><p>{prose}</p></div></div></article>'
    )
    assert len(lxml.html.fromstring(prepare_html(author)).xpath("//div[@class='author']/p")) == 1


def test_chunks_inside_chunks_are_joined_once_without_error():
    prose = "The council voted on Tuesday to keep the harbour ferry running through the long winter"
    inner = _chunked("part", "text", [[prose, prose], [prose, prose]])
    inner = inner.removeprefix("<html><body><article>").removesuffix("</article></body></html>")
    outer = f'<div class="outer">{inner}</div>'
    page = f"<html><body>{outer}{outer}</body></html>"
    prepared = lxml.html.fromstring(prepare_html(page))
    assert len(prepared.xpath("//p")) == 8  # nothing lost, nothing doubled
