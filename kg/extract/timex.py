"""German time expressions: dates and durations, normalised to ISO 8601.

Why here: event dates and durations are claims that sources disagree on, so
each value keeps the text it was read from, and relative dates ("am
3. November", "in der Nacht zum Freitag") are resolved against the article's
own date (``Document.date``, possibly partial, or a date in the text header).
Values: ``YYYY-MM-DD``; partial ``YYYY-MM``; ``--MM-DD`` / ``--MM`` when no year is known;
durations ``PT11M``, ``P3D`` ... All matching is by regex: linear in the text.
Month names and the (year, month, day) -> ISO step come from kg.dates, shared
with the article-date reader kg.ingest.meta; in-text dates use the German
spellings only.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.dates import GERMAN_ABBREVIATIONS, GERMAN_MONTHS, iso_date, month_alternation, month_number

WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
            "samstag": 5, "sonnabend": 5, "sonntag": 6}

_UNITS = {"ein": 1, "eins": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3,
          "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
          "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
_TENS = {"zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
         "siebzig": 70, "achtzig": 80, "neunzig": 90}
_FRACTIONS = {"anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5, "halbe": 0.5,
              "halben": 0.5}


def parse_number(word: str) -> float | None:
    """Digits ("11", "1,5", "43.000") or German number words ("elf", "einundzwanzig")."""
    w = word.strip().lower()
    if not w:
        return None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", w):
        return float(w.replace(".", ""))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", w):
        return float(w.replace(",", "."))
    if w in _FRACTIONS:
        return _FRACTIONS[w]
    return _number_word(w)


def _number_word(w: str) -> float | None:
    """German number words below 1000, written as one word."""
    if w.startswith("hundert") or "hundert" in w:
        head, _, rest = w.partition("hundert")
        h = 1 if head in ("", "ein") else _UNITS.get(head)
        if h is None:
            return None
        if not rest:
            return float(h * 100)
        r = _number_word(rest)
        return None if r is None else h * 100 + r
    if w in _UNITS:
        return float(_UNITS[w])
    if w in _TEENS:
        return float(_TEENS[w])
    if w in _TENS:
        return float(_TENS[w])
    m = re.fullmatch(r"(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(\w+)", w)
    if m and m.group(2) in _TENS:
        return float(_UNITS[m.group(1)] + _TENS[m.group(2)])
    return None


_NUMWORD = (r"(?:\d+(?:[.,]\d+)?|anderthalb|eineinhalb|zweieinhalb|dreieinhalb|"
            r"(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?"
            r"(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|"
            r"dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zehn|elf|zwölf|"
            r"eins|eine[rnm]?|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)")

_UNIT_OF = {"sekunde": ("S", True), "minute": ("M", True), "stunde": ("H", True), "tag": ("D", False),
            "woche": ("W", False), "monat": ("M", False), "jahr": ("Y", False)}
_UNIT_RE = r"(sekunde|minute|stunde|tag|woche|monat|jahr)(?:n|en|e|es|s)?"
_ABBR_UNIT = {"min.": "minute", "std.": "stunde", "sek.": "sekunde"}
_ADJ_UNIT = {"sekündig": "sekunde", "minütig": "minute", "stündig": "stunde", "tägig": "tag",
             "wöchig": "woche", "monatig": "monat", "jährig": "jahr"}

DURATION_RE = re.compile(
    r"\b(?P<quarter>(?:eine[rn]?\s+)?(?:knappe[rn]?\s+)?(?:Dreiviertel|Viertel)stunde)\b"
    rf"|\b(?P<num>{_NUMWORD})\s+(?:halbe\s+)?(?P<unit>{_UNIT_RE}|Min\.|Std\.|Sek\.)(?:\b|(?<=\.))"
    rf"|\b(?P<half>(?:eine[rn]?\s+)?halbe[n]?)\s+(?P<hunit>stunde|minute|tag)\b"
    rf"|\b(?P<anum>{_NUMWORD})-?(?P<aunit>sekündig|minütig|stündig|tägig|wöchig|monatig|jährig)\w*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Timex:
    """One time expression found in a text: where, as written, and its ISO value."""

    start: int
    end: int
    text: str
    kind: str  # "date" | "duration"
    value: str | None  # ISO value; None when it cannot be resolved (weekday without a full date)


def iso_duration(amount: float, unit: str) -> str | None:
    """ISO 8601 duration of ``amount`` ``unit`` (German unit stem: "minute", "tag", ...)."""
    code, is_time = _UNIT_OF[unit]
    if amount <= 0:
        return None
    if amount != int(amount):  # fractional: step down to a smaller unit where we can
        if unit == "stunde":
            return f"PT{int(amount)}H{int(round((amount % 1) * 60))}M" if amount >= 1 else f"PT{int(round(amount * 60))}M"
        if unit == "minute":
            return f"PT{int(round(amount * 60))}S"
        if unit == "tag":
            return f"PT{int(round(amount * 24))}H"
        return f"P{amount:g}{code}"
    n = int(amount)
    return f"PT{n}{code}" if is_time else f"P{n}{code}"


def find_durations(text: str, offset: int = 0) -> list[Timex]:
    """Durations in ``text`` ("elf Minuten", "elfminütige", "anderthalb Stunden")."""
    out: list[Timex] = []
    for m in DURATION_RE.finditer(text):
        if m.group("quarter"):
            amount, unit = (45.0 if "dreiviertel" in m.group("quarter").lower() else 15.0), "minute"
        elif m.group("num"):
            amount, unit = parse_number(m.group("num")), _ABBR_UNIT.get(m.group("unit").lower(), m.group("unit").lower())
            if "halbe" in m.group(0).lower() and amount is not None:
                amount += 0.5
        elif m.group("half"):
            amount, unit = 0.5, m.group("hunit").lower()
        else:
            amount, unit = parse_number(m.group("anum")), _ADJ_UNIT[m.group("aunit").lower()]
        unit = _stem_unit(unit)
        if amount is None or unit is None:
            continue
        value = iso_duration(amount, unit)
        if value:
            out.append(Timex(offset + m.start(), offset + m.end(), m.group(0), "duration", value))
    return out


def _stem_unit(unit: str) -> str | None:
    for stem in _UNIT_OF:
        if unit.startswith(stem):
            return stem
    return None


@dataclass(frozen=True)
class RefDate:
    """The article's own date, possibly partial."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def full(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


_FULL_MONTHS = month_alternation(m for m in GERMAN_MONTHS if m not in GERMAN_ABBREVIATIONS)
_ABBR_MONTHS = month_alternation(GERMAN_ABBREVIATIONS)
_MONTH_RE = rf"(?P<month>(?:{_FULL_MONTHS})\b|(?:{_ABBR_MONTHS})(?:\.|\b))"
_WD_RE = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
DATE_RE = re.compile(
    r"\b(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))\b"
    r"|\b(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4}|\d{2})?(?!\d)"
    r"|(?:\b(?:am|vom|seit|bis\s+zum)\s+|\b(?:in\s+der\s+)?Nacht\s+(?:des|zum|vom|auf\s+den)\s+)?\b(?P<d>\d{1,2})\.\s*" + _MONTH_RE
    + r"(?:\s+(?P<y>\d{4})\b)?"
    r"|\b(?P<part>Anfang|Mitte|Ende)\s+(?P<pmonth>" + month_alternation(GERMAN_MONTHS)
    + r")\b\.?(?:\s+(?P<py>\d{4}))?"
    r"|\b(?:in\s+der\s+)?Nacht\s+(?:zum|auf\s+den)\s+" + _WD_RE + r"\b"
    r"|\b(?:am\s+)?(?P<wd2>" + "|".join(WEEKDAYS) + r")(?:abend|morgen|nachmittag|vormittag|nacht)?\b"
    r"|\b(?P<rel>vorgestern|gestern|heute)\b"
    r"|\bim\s+(?P<imonth>" + "|".join(m for m in GERMAN_MONTHS if len(m) > 3) + r")(?:\s+(?P<iyear>\d{4}))?\b",
    re.IGNORECASE,
)


def parse_ref(value: str | None) -> RefDate:
    """``Document.date`` ("2017-11-30", "2017-11", "2017") -> RefDate."""
    if not value:
        return RefDate()
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return RefDate()
    return RefDate(int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)


def header_date(text: str, head: int = 400) -> RefDate:
    """A full date written in the article header ("30.11.2017") or anywhere as "vom 30. November 2017"."""
    for m in DATE_RE.finditer(text[:head]):
        ref = _full_written_date(m)
        if ref:
            return ref
    for m in re.finditer(r"\b(?:vom|Stand:?|Update:?)\s+", text):
        dm = DATE_RE.match(text, m.end())
        if dm:
            ref = _full_written_date(dm)
            if ref:
                return ref
    return RefDate()


def _full_written_date(m: re.Match[str]) -> RefDate | None:
    if m.group("iso"):
        return RefDate(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if m.group("nd") and m.group("ny") and len(m.group("ny")) == 4:
        return RefDate(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
    if m.group("d") and m.group("y"):
        return RefDate(int(m.group("y")), month_number(m.group("month")), int(m.group("d")))
    return None


def reference_date(doc_date: str | None, text: str) -> RefDate:
    """The article date: Document.date, completed or replaced by a full date in the text header."""
    ref = parse_ref(doc_date)
    if ref.full():
        return ref
    found = header_date(text)
    if found.full() and (ref.year is None or (found.year == ref.year and ref.month in (None, found.month))):
        return found
    return ref


def _year_for(month: int, day: int | None, ref: RefDate) -> int | None:
    """The year of a day-month written without year: the ref year, or the year before for a future date."""
    if ref.year is None:
        return None
    if ref.month and month > ref.month + 1:  # "am 28. Dezember" in a January article
        return ref.year - 1
    return ref.year


def find_dates(text: str, ref: RefDate, offset: int = 0) -> list[Timex]:
    """Dates in ``text``, resolved against ``ref`` where the text leaves out year or day."""
    out: list[Timex] = []
    for m in DATE_RE.finditer(text):
        value = _resolve(m, ref)
        if value is False:
            continue
        out.append(Timex(offset + m.start(), offset + m.end(), m.group(0), "date", value or None))
    return out


def _resolve(m: re.Match[str], ref: RefDate) -> str | None | bool:
    g = m.group
    if g("iso"):
        return iso_date(int(g("iy")), int(g("im")), int(g("id")))
    if g("nd"):
        day, month = int(g("nd")), int(g("nm"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return False
        year = g("ny")
        y = (int(year) + (2000 if len(year) == 2 else 0)) if year else _year_for(month, day, ref)
        return iso_date(y, month, day)
    if g("d"):
        month = month_number(g("month"))
        day = int(g("d"))
        y = int(g("y")) if g("y") else _year_for(month, day, ref)
        return iso_date(y, month, day)
    month_name = g("pmonth") or g("imonth")
    if month_name:  # "Ende November", "im November 2017"
        month = month_number(month_name)
        year = g("py") or g("iyear")
        y = int(year) if year else _year_for(month, None, ref)
        return iso_date(y, month, None)
    wd = g("wd") or g("wd2")
    if wd:
        if not (g("wd") or wd[0].isupper()):
            return False
        base = ref.full()
        if base is None:
            return None
        back = (base.weekday() - WEEKDAYS[wd.lower()]) % 7  # the most recent such day, the ref day included
        return (base - dt.timedelta(days=back)).isoformat()
    rel = g("rel")
    if rel:
        base = ref.full()
        if base is None:
            return False  # "heute" without a known date tells nothing
        return (base - dt.timedelta(days={"heute": 0, "gestern": 1, "vorgestern": 2}[rel.lower()])).isoformat()
    return False
