"""The weekday a lede names, and moving a date back to it (pure code)."""

import datetime as dt

import pytest

from newsdigest.core.dates import DateLedger, back_to_weekday, weekday_in_lede


@pytest.mark.parametrize(
    ("lede", "weekday"),
    [
        ("NATO is ready to expand its mission, the official said Wednesday, but …", 2),
        ("Dock workers began a 48-hour strike on Tuesday over plans to automate.", 1),
        ("The council will vote on Friday, and the mayor said Monday she would sign.", 0),
        ("Shoppers crowded stores on Black Friday, retailers said.", None),
        ("The minister is expected to resign next Tuesday.", None),
        ("Ministers met in Brussels to discuss the budget.", None),
    ],
)
def test_weekday_in_lede(lede, weekday):
    assert weekday_in_lede([lede, "Later paragraphs say Sunday."]) == weekday


def test_back_to_weekday_never_moves_forward_or_more_than_six_days():
    tuesday = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    assert back_to_weekday(tuesday, 2) == dt.datetime(2026, 11, 18, tzinfo=dt.UTC)
    assert back_to_weekday(tuesday, 1) == tuesday
    assert back_to_weekday(tuesday, None) == tuesday
    for weekday in range(7):
        moved = back_to_weekday(tuesday, weekday)
        assert moved.weekday() == weekday and 0 <= (tuesday - moved).days <= 6


def test_the_ledger_round_trips_and_keeps_first_dates(tmp_path):
    path = tmp_path / "dates.yml"
    ledger = DateLedger(path)
    ledger.remember("world/b.txt", dt.date(2026, 11, 20))
    ledger.remember("world/a.txt", dt.date(2026, 11, 18))
    ledger.remember("world/a.txt", dt.date(2026, 11, 30))  # first seen wins
    assert ledger.save() is True
    text = path.read_text()
    assert text.index("world/a.txt: 2026-11-18") < text.index("world/b.txt: 2026-11-20")
    again = DateLedger(path)
    assert again.get("world/a.txt") == dt.date(2026, 11, 18)
    assert again.save() is False  # nothing new: the file is not rewritten
