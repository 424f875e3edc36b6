"""Quotations: finding, attributing on a real parse, choosing and placing the pull-quote."""

import pytest

from newsdigest.core.entities import extract_entities
from newsdigest.core.nlp import AnalysisConfig
from newsdigest.core.nlp.config import analyzer_for
from newsdigest.core.quotes import (
    PullQuoteOptions,
    attribute_quotes,
    choose_pull_quote,
    find_quotes,
    pull_quote_position,
)
from newsdigest.core.text.render import insert_after_paragraph, pull_quote_html

CONFIG = AnalysisConfig(capabilities=frozenset({"entities", "syntax"}))


def attributed(paragraphs: list[str]):
    [analysis] = analyzer_for(CONFIG).analyse_here([(paragraphs, False)])
    quotes = attribute_quotes(find_quotes(paragraphs), analysis, extract_entities(analysis))
    return quotes, analysis


def speakers(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in attributed(paragraphs)[0]]


# --- finding -----------------------------------------------------------------------


def test_curly_and_straight_quotes():
    quotes = find_quotes(['“One,” she said. He said "two" and left.'])
    assert [q.text for q in quotes] == ["One", "two"]


def test_every_quote_is_a_substring_at_its_offsets():
    paragraphs = [
        "Officials have said “a couple of hundred” troops would move.",
        '"Straight quotes," he said, "work too."',
    ]
    for quote in find_quotes(paragraphs):
        assert paragraphs[quote.paragraph][quote.start : quote.end] == quote.text


def test_quote_running_over_paragraphs_continues():
    paragraphs = [
        "“We will stay as long as we are needed.",
        "“And we will leave when the job is done,” the minister said.",
    ]
    first, second = find_quotes(paragraphs)
    assert (first.text, first.continues_previous, first.unbalanced) == (
        "We will stay as long as we are needed.",
        False,
        False,
    )
    assert second.continues_previous and second.paragraph == 1


def test_single_quotes_inside_double_quotes_are_nested():
    [quote] = find_quotes(["“She called it ‘a historic day’ and left,” he said."])
    assert quote.text == "She called it ‘a historic day’ and left"


def test_apostrophes_are_not_quote_marks():
    assert find_quotes(["The alliance’s plan and Iraq’s answer don’t match, officials’ say."]) == []


def test_unbalanced_quote_ends_at_the_paragraph():
    paragraphs = ["He said “we will never leave.", "The meeting ended at noon."]
    [quote] = find_quotes(paragraphs)
    assert quote.text == "we will never leave."
    assert quote.unbalanced


def test_mismatched_marks_do_not_crash():
    quotes = find_quotes(["“One “two” three”", '"', "”stray", "“"])
    assert [q.text for q in quotes] == ["One", "two"]
    assert quotes[0].unbalanced


# --- attribution on a real parse --------------------------------------------------


def test_speech_verb_after_the_quote_and_inversion():
    assert speakers(
        [
            "Mayor Ines Carvalho opened the meeting.",
            "“We can fix it once,” said Mayor Ines Carvalho.",
            "“Ships are a plan,” Carvalho said.",
        ]
    ) == [("We can fix it once", "Ines Carvalho"), ("Ships are a plan", "Ines Carvalho")]


def test_pronoun_is_the_last_named_person():
    result = speakers(
        [
            "Union leader Sander de Wit addressed the rally.",
            "A spokesperson for the authority, Eva Lindqvist, said no worker would lose a job.",
            "“The question is not whether the port changes but how,” she said.",
        ]
    )
    assert result == [("The question is not whether the port changes but how", "Eva Lindqvist")]


def test_two_speakers_alternating():
    result = speakers(
        [
            "“The tunnel is a dream,” Mikko Rantanen said.",
            "“The ferry is a plan,” Kadri Valja replied.",
            "“Dreams cost less,” Rantanen said.",
            "“Plans get built,” Valja said.",
        ]
    )
    assert [speaker for _, speaker in result] == [
        "Mikko Rantanen",
        "Kadri Valja",
        "Mikko Rantanen",
        "Kadri Valja",
    ]


def test_quote_after_said_that_and_titles_dropped():
    result = speakers(
        [
            "NATO Secretary-General Jens Stoltenberg said that they “agreed in principle to "
            "enhance” the training effort.",
        ]
    )
    assert result == [("agreed in principle to enhance", "Jens Stoltenberg")]


def test_unattributed_opening_quote_continues_the_previous_speaker():
    result = speakers(
        [
            "“We will build,” Lars Holm told reporters.",
            "“Every winter the crossing gets harder.”",
        ]
    )
    assert result[1] == ("Every winter the crossing gets harder.", "Lars Holm")


def test_no_speaker_when_the_story_does_not_say():
    result = speakers(["It has been said “a couple of hundred” troops would move."])
    assert result == [("a couple of hundred", None)]


def test_an_auxiliary_before_the_verb_does_not_hide_the_speaker():
    # "have said" is "said": the generic group speaks either way
    assert speakers(["Officials have said “a couple of hundred” troops would move."]) == (
        speakers(["Officials said “a couple of hundred” troops would move."])
    )
    assert speakers(["Officials said “a couple of hundred” troops would move."])[0][1]


# --- choosing -------------------------------------------------------------------------


def test_pull_quote_rules():
    paragraphs = [
        "“We will win this fight and we will never give up on the city,” Ana Lima said.",
        "Officials said “a couple of hundred” troops would move.",
        "“This will consist of coordination activities in the framework,” Ana Lima said.",
        "“Nobody who lives here should have to leave because of a bridge,” Ana Lima said.",
        "“Everyone who wants this bridge rebuilt should stand up and say so today,” "
        "said an official.",
    ]
    quotes, analysis = attributed(paragraphs)
    chosen = choose_pull_quote(quotes, analysis, PullQuoteOptions())
    # Not the lede, not the fragment, not the procedural one, not the unnamed speaker.
    assert chosen.text == "Nobody who lives here should have to leave because of a bridge"
    assert choose_pull_quote(quotes, analysis, PullQuoteOptions(min_words=13)) is None
    assert choose_pull_quote(quotes, analysis, PullQuoteOptions(), "none") is None
    picked = choose_pull_quote(quotes, analysis, PullQuoteOptions(), "“This will consist")
    assert picked.paragraph == 2
    warnings: list[str] = []
    fallback = choose_pull_quote(quotes, analysis, PullQuoteOptions(), "No such", warnings)
    assert fallback == chosen
    assert warnings == ["PullQuote: no quotation starts with 'No such'"]


def test_fragments_never_become_pull_quotes():
    quotes, analysis = attributed(
        [
            "The lede.",
            "Stoltenberg Holm said they “agreed in principle to enhance the effort in the region "
            "and beyond”.",
        ]
    )
    assert quotes[0].speaker == "Stoltenberg Holm"
    assert choose_pull_quote(quotes, analysis, PullQuoteOptions()) is None


@pytest.mark.parametrize(
    ("quote_paragraph", "count", "position"),
    [(1, 8, 2), (2, 8, 3), (5, 8, 2), (6, 7, 2), (2, 4, 2), (1, 3, 1), (1, 2, 0)],
)
def test_pull_quote_position(quote_paragraph, count, position):
    quote = find_quotes(["“A quote here,” x said."])[0]
    quote.paragraph = quote_paragraph
    assert pull_quote_position(quote, count) == position


def test_insert_after_paragraph_keeps_blocks_whole():
    html = "<p>a</p>\n<ul><li><p>b</p></li><li><p>c</p></li></ul>\n<p>d</p>"
    assert (
        insert_after_paragraph(html, 0, "X")
        == "<p>a</p>\nX\n<ul><li><p>b</p></li><li><p>c</p></li></ul>\n<p>d</p>"
    )
    assert insert_after_paragraph(html, 1, "X").endswith("</ul>\nX\n<p>d</p>")
    assert insert_after_paragraph(html, 9, "X").endswith("<p>d</p>\nX")


def test_pull_quote_markup_is_escaped_and_hidden_from_screen_readers():
    aside = pull_quote_html("<b>bold</b> & more", "Ana <Lima>")
    assert aside.startswith('<aside class="pull-quote" aria-hidden="true"><figure><blockquote>')
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in aside
    assert "<figcaption>Ana &lt;Lima&gt;</figcaption>" in aside
