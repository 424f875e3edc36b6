"""Untrusted text reaches pages only escaped (plain text) or sanitized (Markdown/HTML)."""

from newsdigest.core.story import CleanOptions, clean_story
from newsdigest.core.text.render import paragraphs_to_html, render_markdown


def test_plain_text_is_escaped():
    html = paragraphs_to_html(["<script>alert(1)</script> & “quotes”"], dateline="Paris")
    assert html == (
        '<p><span class="dateline">Paris —</span> '
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes”</p>"
    )


def test_markdown_html_is_sanitized():
    html, paragraphs = render_markdown(
        'Text <img src="x" onerror="alert(1)"> and [a link](javascript:alert(1)).\n\n'
        "<script>alert(2)</script>\n\n"
        "<iframe src=https://example.org></iframe>\n\n[ok](https://example.org)"
    )
    assert "onerror" not in html
    assert 'href="javascript' not in html  # markdown-it leaves it as inert text
    assert "<script" not in html and "alert(2)" not in html
    assert "<iframe" not in html
    assert '<a href="https://example.org" rel="noopener noreferrer">ok</a>' in html
    assert paragraphs[0].startswith("Text  and")


def test_markdown_is_rendered_by_markdown_it():
    html, paragraphs = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ text")
    assert "<table>" in html
    assert "<s>gone</s>" in html
    assert paragraphs == ["gone text"]


def test_markdown_story_keeps_lists_and_cleans_prose():
    story = clean_story(
        "Title: T\nDate: 2026-11-23\n\nPARIS — The lede.\n\n"
        "- Advertisement\n- item\n\nAdvertisement\n",
        "s.md",
        CleanOptions(),
        markdown=True,
    )
    assert story.dateline == "Paris"
    assert [r.text for r in story.removed] == ["Advertisement"]  # the list item stays
    assert "<li>Advertisement</li>" in story.html
    assert story.html.startswith('<p><span class="dateline">Paris —</span> The lede.</p>')
