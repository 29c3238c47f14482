"""The article-date reader (kg.ingest.meta) and the in-text date reader
(kg.extract.timex) share kg.dates: the same written date gives the same ISO value."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.dates import GERMAN_ABBREVIATIONS, GERMAN_MONTHS, MONTH_NAMES, iso_date, month_number
from kg.extract.timex import RefDate, find_dates, header_date
from kg.ingest.meta import dateline_date, parse_date

NO_REF = RefDate()


def _in_text(text: str) -> list[str | None]:
    return [t.value for t in find_dates(f"Der Rat tagte {text} im Rathaus.", NO_REF)]


@pytest.mark.parametrize(
    ("written", "iso"),
    [("17. März 2016", "2016-03-17"), ("3. Nov. 2017", "2017-11-03"), ("2017-11-03", "2017-11-03"),
     ("3.11.2017", "2017-11-03"), ("9. Jänner 2020", "2020-01-09"), ("1. Sept. 2019", "2019-09-01"),
     ("28. Feber 2021", "2021-02-28"), ("29. februar 2024", "2024-02-29"), ("5. DEZEMBER 2018", "2018-12-05")],
)
def test_header_and_text_paths_agree(written: str, iso: str) -> None:
    assert parse_date(written) == iso
    assert dateline_date(f"Stand: {written}") == iso
    assert _in_text(written) == [iso]
    assert header_date(f"Ein Bericht vom {written}") == RefDate(*map(int, iso.split("-")))


def test_impossible_day_is_dropped_by_both() -> None:
    assert iso_date(2023, 2, 29) is None
    assert _in_text("29. Februar 2023") == [None]  # found, but no such day
    assert parse_date("29. Februar 2023") == "2023-02"  # only the month is a real date


def test_english_order_is_read_in_headers_only() -> None:
    # kept as before the refactor: in running German text only German spellings count
    assert parse_date("November 3, 2017") == "2017-11-03"
    assert dateline_date("Posted: Oct. 3, 2017") == "2017-10-03"
    assert _in_text("November 3, 2017") == []
    assert parse_date("3. Maerz 2017") == "2017-03-03"
    assert _in_text("3. Maerz 2017") == []


def test_month_tables() -> None:
    assert month_number("Nov.") == month_number("NOVEMBER") == month_number("november") == 11
    assert month_number("Jänner") == month_number("jaenner") == month_number("Jan") == 1
    assert month_number("Sept") == month_number("sep") == 9
    with pytest.raises(KeyError):
        month_number("Brumaire")
    # every German spelling of the in-text reader means the same month to the header reader
    assert all(MONTH_NAMES[name] == n for name, n in GERMAN_MONTHS.items())
    assert set(GERMAN_ABBREVIATIONS) < set(GERMAN_MONTHS)
    assert "may" in MONTH_NAMES and "may" not in GERMAN_MONTHS


@pytest.mark.parametrize(
    ("y", "m", "d", "iso"),
    [(2017, 11, 3, "2017-11-03"), (2017, 11, None, "2017-11"), (None, 11, 3, "--11-03"),
     (None, 11, None, "--11"), (2017, 13, 1, None), (2017, 4, 31, None), (2017, 4, 0, None)],
)
def test_iso_date(y: int | None, m: int, d: int | None, iso: str | None) -> None:
    assert iso_date(y, m, d) == iso


_SPELLINGS = sorted(GERMAN_MONTHS)


@settings(max_examples=150, deadline=None)
@given(day=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)),
       pick=st.integers(min_value=0, max_value=1000), dot=st.booleans())
def test_any_german_written_date_agrees(day: dt.date, pick: int, dot: bool) -> None:
    names = [n for n in _SPELLINGS if GERMAN_MONTHS[n] == day.month]
    name = names[pick % len(names)]
    name = name.capitalize() + ("." if dot and name in GERMAN_ABBREVIATIONS else "")
    written = f"{day.day}. {name} {day.year}"
    assert parse_date(written) == day.isoformat(), written
    assert _in_text(written) == [day.isoformat()], written
    assert header_date(f"Meldung vom {written}") == RefDate(day.year, day.month, day.day)


def test_long_s_spelling_is_read_not_a_crash():
    from kg.extract.timex import RefDate, find_dates

    found = find_dates("am 3. Auguſt 2017 kam er", RefDate(2017, 11, 3))
    assert [t.value for t in found] == ["2017-08-03"]
