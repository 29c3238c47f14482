"""German dates and durations, normalised against the article date (kg.extract.timex)."""
from __future__ import annotations

import pytest

from kg.extract.timex import RefDate, find_dates, find_durations, header_date, parse_number, reference_date

REF = RefDate(2019, 3, 15)  # a Friday


def _date(text: str, ref: RefDate = REF) -> tuple[str, str | None]:
    found = find_dates(text, ref)
    assert found, text
    return found[0].text, found[0].value


@pytest.mark.parametrize(
    ("word", "value"),
    [("elf", 11), ("zwölf", 12), ("zwanzig", 20), ("einundzwanzig", 21), ("siebenundneunzig", 97),
     ("hundertzwei", 102), ("dreihundert", 300), ("11", 11), ("1,5", 1.5), ("43.000", 43000),
     ("anderthalb", 1.5), ("Elf", 11)],
)
def test_parse_number(word: str, value: float) -> None:
    assert parse_number(word) == value


def test_parse_number_rejects_words() -> None:
    assert parse_number("Elfe") is None
    assert parse_number("undzwanzig") is None


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("Die Seite war elf Minuten lang weg.", "PT11M", "elf Minuten"),
        ("Nach 11 Minuten kam sie zurück.", "PT11M", "11 Minuten"),
        ("eine elfminütige Pause", "PT11M", "elfminütige"),
        ("die 11-minütige Pause", "PT11M", "11-minütige"),
        ("zwölf Stunden später", "PT12H", "zwölf Stunden"),
        ("zwanzig Sekunden", "PT20S", "zwanzig Sekunden"),
        ("seit drei Tagen", "P3D", "drei Tagen"),
        ("für zwei Wochen", "P2W", "zwei Wochen"),
        ("vor sechs Monaten", "P6M", "sechs Monaten"),
        ("nach fünf Jahren", "P5Y", "fünf Jahren"),
        ("anderthalb Stunden", "PT1H30M", "anderthalb Stunden"),
        ("nach einer halben Stunde", "PT30M", "einer halben Stunde"),
        ("eine Minute lang", "PT1M", "eine Minute"),
        ("ein dreitägiges Festival", "P3D", "dreitägiges"),
    ],
)
def test_durations(text: str, value: str, span: str) -> None:
    found = find_durations(text)
    assert [(t.text, t.value) for t in found] == [(span, value)]


def test_duration_offsets_point_into_text() -> None:
    text = "Der Server stand elf Minuten still."
    (t,) = find_durations(text, offset=100)
    assert text[t.start - 100 : t.end - 100] == "elf Minuten"


def test_no_duration_in_plain_numbers() -> None:
    assert find_durations("Elf Freunde sollt ihr sein, sagte er am Montag.") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Das geschah am 3. März.", "am 3. März", "2019-03-03"),
        ("in der Nacht des 2. März", "in der Nacht des 2. März", "2019-03-02"),
        ("Am 2. Februar 2018 begann es.", "Am 2. Februar 2018", "2018-02-02"),
        ("Anfang März war Ruhe", "Anfang März", "2019-03"),
        ("Ende Jänner hieß es", "Ende Jänner", "2019-01"),
        ("im September 2017", "im September 2017", "2017-09"),
        ("seit 24.12.2018", "24.12.2018", "2018-12-24"),
        ("am 1.3. früh", "1.3.", "2019-03-01"),
        ("Stand 2019-02-28", "2019-02-28", "2019-02-28"),
        ("am 4. Okt. gab es", "am 4. Okt.", "2018-10-04"),
    ],
)
def test_dates(text: str, span: str, value: str) -> None:
    assert _date(text) == (span, value)


def test_future_day_month_belongs_to_the_year_before() -> None:
    assert _date("am 28. Dezember", RefDate(2019, 1, 5)) == ("am 28. Dezember", "2018-12-28")


def test_weekdays_resolve_to_the_most_recent_such_day() -> None:
    assert _date("in der Nacht zum Freitag") == ("in der Nacht zum Freitag", "2019-03-15")
    assert _date("Am Mittwoch sagte er") == ("Am Mittwoch", "2019-03-13")
    assert _date("am Dienstagabend") == ("am Dienstagabend", "2019-03-12")
    assert _date("gestern") == ("gestern", "2019-03-14")


def test_weekday_without_full_reference_keeps_text_only() -> None:
    (t,) = find_dates("in der Nacht zum Freitag", RefDate(2019, 3))
    assert t.value is None and t.text == "in der Nacht zum Freitag"


def test_day_month_without_year_gives_month_day() -> None:
    assert _date("am 2. November", RefDate()) == ("am 2. November", "--11-02")
    assert _date("Anfang November", RefDate()) == ("Anfang November", "--11")


def test_relative_words_need_a_reference() -> None:
    assert find_dates("heute", RefDate()) == []


def test_lowercase_weekday_is_not_a_date() -> None:
    assert find_dates("freitags geht er", REF) == []


def test_header_date_numeric_and_written() -> None:
    assert header_date("Welt | Chronik\n12.04.2016\n\nTitel") == RefDate(2016, 4, 12)
    assert header_date("Text ohne Kopf. " * 40 + "Update vom 9. Mai 2020: neu") == RefDate(2020, 5, 9)
    assert header_date("Keine Daten hier.") == RefDate()


def test_reference_date_prefers_full_document_date() -> None:
    assert reference_date("2020-05-09", "am 1.1.2000") == RefDate(2020, 5, 9)
    assert reference_date("2020-05", "Kopf 09.05.2020 Text") == RefDate(2020, 5, 9)
    assert reference_date("2020-05", "Kopf 09.06.2021 Text") == RefDate(2020, 5)
    assert reference_date(None, "Kopf 09.06.2021 Text") == RefDate(2021, 6, 9)
