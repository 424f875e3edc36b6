"""The edition email's pure parts: links, campaign parameters, plain text, the message."""

import datetime as dt
import email
from email import policy

import pytest

from newsdigest.core.newsletter.letter import (
    Letter,
    LetterStory,
    absolute_links,
    campaign_params,
    campaign_url,
    plain_text,
)
from newsdigest.core.newsletter.message import (
    MailError,
    check_unsubscribe,
    compose,
    is_loopback,
    parse_server,
)
from newsdigest.core.settings import problems

PARAMS = {"utm_source": "newsletter", "utm_campaign": "edition-2026-11-23"}


def test_campaign_parameters_name_the_edition_and_skip_empty_ones():
    template = {"utm_source": "newsletter", "utm_campaign": "edition-{edition}", "utm_term": ""}
    assert campaign_params(template, "2026-11-23") == PARAMS


def test_campaign_url_keeps_the_links_own_query_and_fragment():
    url = campaign_url("https://example.org/a/?page=2&utm_source=rss#top", PARAMS)
    assert url == (
        "https://example.org/a/?utm_source=rss&utm_campaign=edition-2026-11-23&page=2#top"
    )
    assert campaign_url("mailto:desk@example.org", PARAMS) == "mailto:desk@example.org"


def test_every_href_becomes_absolute_and_tagged():
    markup = (
        '<a href="world/ferry/">a</a> <a href="/about/">b</a> '
        '<a href="https://other.example/x?a=1&amp;b=2">c</a> '
        '<a href="mailto:desk@example.org">d</a> <a href="#top">e</a>'
    )
    out = absolute_links(markup, "https://digest.example.org/sub", PARAMS)
    assert 'href="https://digest.example.org/sub/world/ferry/?utm_source=newsletter&amp;' in out
    assert 'href="https://digest.example.org/sub/about/?utm_source' in out
    assert 'href="https://other.example/x?utm_source=newsletter&amp;utm_campaign=' in out
    assert "a=1&amp;b=2" in out
    assert 'href="mailto:desk@example.org"' in out and 'href="#top"' in out


def letter(**overrides):
    story = LetterStory(
        title="Estonia and Finland agree to share cost of a year-round Baltic ferry link",
        url="https://digest.example.org/world/ferry/?utm_source=newsletter",
        summary="Estonia and Finland agreed on Monday to share the cost of a new year-round "
        "ferry link across the Gulf of Finland, ending two years of talks.",
        note="Two capitals, one gulf.",
        dateline="Tallinn",
        date="23 November 2026",
    )
    values = {
        "site_name": "The Weekly Wire",
        "site_url": "https://digest.example.org/?utm_source=newsletter",
        "title": "The week of 23 November",
        "date": dt.date(2026, 11, 23),
        "web_url": "https://digest.example.org/editions/2026-11-23/",
        "sections": [("World", [story])],
        "unsubscribe": "https://digest.example.org/unsubscribe",
    }
    return Letter(**{**values, **overrides})


def test_plain_text_has_every_headline_link_and_the_unsubscribe_address():
    text = plain_text(letter())
    lines = text.splitlines()
    assert lines[:3] == ["THE WEEKLY WIRE", "The week of 23 November", "Monday 23 November 2026"]
    assert "WORLD" in lines and "=====" in lines
    assert "Read: https://digest.example.org/world/ferry/?utm_source=newsletter" in lines
    assert "Unsubscribe: https://digest.example.org/unsubscribe" in lines
    assert "Tallinn · 23 November 2026" in lines
    prose = [line for line in lines if "://" not in line]
    assert max(map(len, prose)) <= 72
    assert not any(line.endswith("year-") for line in lines)  # no break inside a word


def test_preheader_is_the_intro_else_the_headlines():
    assert letter(intro_text="A ferry deal and a strike.").preheader == "A ferry deal and a strike."
    assert letter().preheader.startswith("Estonia and Finland agree")
    assert letter().site_url_label == "digest.example.org"


def message(**overrides):
    values = {
        "html": "<p>Hello</p>",
        "text": "Hello\n",
        "subject": "The week · The Weekly Wire",
        "sender": "The Weekly Wire <digest@example.org>",
        "recipient": "reader@example.net",
        "unsubscribe": ["https://example.org/u?id=1", "mailto:unsub@example.org"],
    }
    return compose(**{**values, **overrides})


def test_message_is_multipart_alternative_with_unsubscribe_headers():
    message_ = message()
    parsed = email.message_from_bytes(message_.as_bytes(), policy=policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in parsed.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert parsed["List-Unsubscribe"] == "<https://example.org/u?id=1>, <mailto:unsub@example.org>"
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed["Message-ID"].endswith("@example.org>")
    assert parsed["Subject"] == "The week · The Weekly Wire"


def test_mailto_only_unsubscribe_has_no_one_click_header():
    assert message(unsubscribe=["mailto:u@example.org"])["List-Unsubscribe-Post"] is None


def test_unsubscribe_addresses_must_be_https_or_mailto():
    assert check_unsubscribe(["https://x.example/u", "mailto:u@x.example"]) == []
    assert len(check_unsubscribe(["http://x.example/u", "x.example/u"])) == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("smtp.example.com:465", ("smtp.example.com", 465)),
        ("smtp.example.com", ("smtp.example.com", 587)),
        ("[::1]:2525", ("::1", 2525)),
    ],
)
def test_smtp_server_addresses(value, expected):
    assert parse_server(value) == expected


@pytest.mark.parametrize("value", ["smtp.example.com:mail", ":25", "host:99999"])
def test_bad_smtp_server_addresses_are_clear_errors(value):
    with pytest.raises(MailError, match="--smtp"):
        parse_server(value)


def test_loopback_hosts():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("smtp.example.com") and not is_loopback("192.0.2.1")


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("NEWSDIGEST_EMAIL_UNSUBSCRIBE", ["http://x.example/u"], "must start with mailto:"),
        ("NEWSDIGEST_EMAIL_CAMPAIGN", {"utm_source": 1}, "must be a dict of strings"),
        ("NEWSDIGEST_SEARCH_DIR", "../elsewhere", "one folder name inside output/"),
        ("NEWSDIGEST_SEARCH_DIR", "", "one folder name inside output/"),
    ],
)
def test_email_and_search_settings_are_checked(name, value, message):
    assert any(message in problem for problem in problems({name: value}))
    assert problems({"NEWSDIGEST_SEARCH_DIR": "search-index"}) == []
