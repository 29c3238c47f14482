"""Month names and the written-date -> ISO 8601 step shared by ingest and extract.

Why a module of its own: the article's own date (kg.ingest.meta: metadata
values, header lines, datelines) and the dates inside its text
(kg.extract.timex) read the same month names and must turn the same written
date into the same ISO value. Neither stage imports the other (ingest runs
before extract and knows nothing of it), so the one copy of the tables and of
the conversion lives here, at package level, with no dependencies.

The two readers match different sets of spellings, as they always have:
header dates also accept English ("November 3, 2017") and umlaut-free
("Maerz") spellings, in-text dates only the German ones (``GERMAN_MONTHS``).
Both sets are derived from the tables below, so a spelling is added once.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

# German full names, with the Austrian "Jänner"/"Feber".
_GERMAN_FULL = {
    "januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}
# German abbreviations ("3. Nov. 2017"); "sept" as well as "sep".
GERMAN_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dez": 12,
}
# Umlauts written out, as in ASCII-only metadata.
_ASCII_FULL = {"jaenner": 1, "maerz": 3}
_ENGLISH_FULL = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_ENGLISH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}

# The German spellings (full names and abbreviations), month by month: what
# in-text dates are matched on.
GERMAN_MONTHS: dict[str, int] = dict(
    sorted({**_GERMAN_FULL, **GERMAN_ABBREVIATIONS}.items(), key=lambda kv: kv[1]))
# Every spelling a header or metadata date may use (German, umlaut-free, English).
MONTH_NAMES: dict[str, int] = {
    **_GERMAN_FULL, **_ASCII_FULL, **_ENGLISH_FULL, **GERMAN_ABBREVIATIONS, **_ENGLISH_ABBREVIATIONS,
}


def month_alternation(names: Iterable[str]) -> str:
    """A regex alternation of month names, longest first ("sept" before "sep")."""
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


def month_number(name: str) -> int:
    """1-12 for a month name as written ("März", "Nov.", "sept"); KeyError if it is none."""
    return MONTH_NAMES[name.casefold().rstrip(".")]  # casefold: a long s ("Auguſt") is an s


def iso_date(year: int | None, month: int, day: int | None) -> str | None:
    """ISO 8601 of a written date, full or partial, or None if there is no such day.

    "2017-11-03"; without a day "2017-11"; without a year "--11-03" / "--11".
    A day that no calendar has (30 February) is dropped, never moved.
    """
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
    if year is None:
        return f"--{month:02d}-{day:02d}"
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None
