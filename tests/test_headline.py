"""Derived headlines: short, whole words, the lede's main clause, no dangling words."""

import pytest

from newsdigest.core.text.headline import derive_headline, derive_summary
from newsdigest.core.text.sentences import split_sentences

LEDES = {
    "NATO is ready to expand its military training effort in Iraq, the alliance’s top civilian "
    "official said Wednesday, but the Iraqi government is not yet ready to approve the move.": (
        "NATO is ready to expand its military training effort in Iraq"
    ),
    "Officials said Tuesday that the old bridge over the river will close for repairs in "
    "spring.": "The old bridge over the river will close for repairs in spring",
    "Estonia and Finland agreed on Monday to share the cost of a new year-round ferry link "
    "across the Gulf of Finland, ending two years of talks over who would pay for the ships.": (
        "Estonia and Finland agreed to share the cost of a new year-round ferry link"
    ),
    "Cocoa prices rose to their highest level in more than a year on Wednesday after Ghana's "
    "cocoa board cut its harvest forecast by 15%.": (
        "Cocoa prices rose to their highest level in more than a year"
    ),
}


@pytest.mark.parametrize(("lede", "expected"), LEDES.items())
def test_headline_is_the_main_clause(lede, expected):
    assert derive_headline(lede) == expected


@pytest.mark.parametrize("max_length", [40, 60, 90])
def test_headline_fits_and_never_cuts_a_word(max_length):
    lede = (
        "The city council voted 7-2 to approve a new tram line linking the airport with the "
        "northern districts of the city and the university campus at a cost of 1.2 billion euros."
    )
    headline = derive_headline(lede, max_length)
    assert len(headline) <= max_length
    assert lede.startswith(headline)
    assert lede[len(headline)] == " "  # ends at a word boundary
    assert headline.split()[-1].lower() not in {"the", "of", "a", "to", "with", "and"}


def test_headline_never_ends_on_a_possessive():
    headline = derive_headline(
        "Shareholders of the regional water company voted to replace the entire board over "
        "Britain's worst summer of sewage spills in decades and its handling of the crisis.",
        80,
    )
    assert not headline.endswith(("'s", "’s"))


def test_summary_is_whole_lede_sentences():
    paragraphs = ["First sentence here. Second one follows. " + "Third is long. " * 30, "Next."]
    summary = derive_summary(paragraphs, 60)
    assert summary == "First sentence here. Second one follows. Third is long."


def test_sentence_splitter_knows_abbreviations():
    text = "U.S. President Jane Roe met Gen. Smith on Nov. 3 in St. Louis. Then they left."
    assert split_sentences(text) == [
        "U.S. President Jane Roe met Gen. Smith on Nov. 3 in St. Louis.",
        "Then they left.",
    ]
    assert split_sentences("“We will stay,” he said. “Everything counts.”") == [
        "“We will stay,” he said.",
        "“Everything counts.”",
    ]
