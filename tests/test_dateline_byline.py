"""Datelines and bylines are lifted out of the lede into metadata."""

import pytest

from newsdigest.core.text.byline import parse_byline
from newsdigest.core.text.dateline import split_dateline


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("BRUSSELS — NATO is ready.", "Brussels", None, "NATO is ready."),
        ("WASHINGTON (AP) — The Senate voted.", "Washington", "AP", "The Senate voted."),
        ("LONDON, Nov 23 (Reuters) - Shares fell.", "London", "Reuters", "Shares fell."),
        ("KYIV, Ukraine (AP) — A drone hit.", "Kyiv, Ukraine", "AP", "A drone hit."),
        ("RIO DE JANEIRO — Rain fell.", "Rio de Janeiro", None, "Rain fell."),
        ("ST. LOUIS -- Heat rose.", "St. Louis", None, "Heat rose."),
        ("WILKES-BARRE, Pa. — Two died.", "Wilkes-Barre, Pa.", None, "Two died."),
        ("BERLIN—the museum said.", "Berlin", None, "The museum said."),
    ],
)
def test_datelines(paragraph, place, agency, rest):
    dateline, remainder = split_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency, remainder) == (place, agency, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO is ready to expand its mission — but not yet.",
        "U.S. officials said — without giving details — that talks failed.",
        "Brussels — the city — said nothing.",  # not in capitals: not a dateline
        "BRUSSELS",
    ],
)
def test_not_datelines(paragraph):
    assert split_dateline(paragraph) == (None, paragraph)


@pytest.mark.parametrize(
    ("text", "names", "affiliation"),
    [
        ("By JANE DOE, Associated Press", ("Jane Doe",), "Associated Press"),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
        ("By J. R. Roe | Reuters", ("J. R. Roe",), "Reuters"),
        ("By MARIA DA SILVA and TOM KEEN, AP", ("Maria da Silva", "Tom Keen"), "AP"),
        ("By Ana Lima, Ben Ortiz and Cy Wu", ("Ana Lima", "Ben Ortiz", "Cy Wu"), None),
    ],
)
def test_bylines(text, names, affiliation):
    byline = parse_byline(text)
    assert byline is not None
    assert byline.names == names
    assert byline.affiliation == affiliation


@pytest.mark.parametrize(
    "text",
    [
        "By the time officials arrived, the fire had spread.",
        "By Monday, the river had risen two meters.",
        "Byron Keane said the vote was close.",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(text):
    assert parse_byline(text) is None


def test_header_byline_may_omit_by():
    assert parse_byline("Lena Brunner, Associated Press", require_by=False).display == (
        "Lena Brunner, Associated Press"
    )
    assert parse_byline("By LENA BRUNNER", require_by=False).names == ("Lena Brunner",)
