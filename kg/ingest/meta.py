"""Article metadata from text: publication date, title, IRI-safe ids.

Dates are normalised to ISO (full or partial: "2017-11-30", "2017-11",
"2017"); anything that does not parse as a real calendar date is dropped
rather than guessed. Month names and the (year, month, day) -> ISO step come
from kg.dates, shared with the in-text date reader kg.extract.timex.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from kg.dates import MONTH_NAMES, iso_date, month_alternation, month_number

_MONTH_RE = month_alternation(MONTH_NAMES)

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")
_DMY_SLASH = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_D_MONTH_Y = re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})(?!\d)", re.I)
_MONTH_D_Y = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I)
_MONTH_Y = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{4}})(?!\d)", re.I)

# Words that may precede a date on a header/dateline.
_DATE_PREFIX = (
    r"(?:date|datum|stand|vom|am|published|posted|updated|update(?:\s+vom)?|aktualisiert(?:\s+am)?"
    r"|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|erstellt(?:\s+am)?)"
)
_WEEKDAY = (
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\.?,?"
)
_TIME = r"(?:,?\s*(?:um\s+|at\s+|-\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|utc|mez|mesz|cet|cest)?)?"
# A metadata header that starts the text: "date 2017-11 Article text..."
HEADER_DATE = re.compile(r"\A\s*(?:date|datum)\s*:?\s+(\d{4}(?:-\d{1,2}){0,2})\b[ \t]*\n?", re.I)


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ISO (partial allowed), or None."""
    found: list[tuple[int, str]] = []
    for rx, order in ((_ISO, "ymd"), (_DMY, "dmy"), (_DMY_SLASH, "dmy"), (_D_MONTH_Y, "dMy"),
                      (_MONTH_D_Y, "Mdy"), (_MONTH_Y, "My")):
        for m in rx.finditer(text):
            iso = _iso_from(m.groups(), order)
            if iso:
                found.append((m.start(), iso))
                break
    if not found:
        return None
    found.sort(key=lambda t: (t[0], -len(t[1])))
    return found[0][1]


def _iso_from(groups: tuple[str | None, ...], order: str) -> str | None:
    try:
        if order == "ymd":
            y, mo, d = int(groups[0] or 0), int(groups[1] or 0), int(groups[2]) if groups[2] else None
        elif order == "dmy":
            d, mo, y = int(groups[0] or 0), int(groups[1] or 0), int(groups[2] or 0)
        elif order == "dMy":
            d, mo, y = int(groups[0] or 0), month_number(str(groups[1])), int(groups[2] or 0)
        elif order == "Mdy":
            mo, d, y = month_number(str(groups[0])), int(groups[1] or 0), int(groups[2] or 0)
        else:  # "My"
            mo, y, d = month_number(str(groups[0])), int(groups[1] or 0), None
    except (KeyError, ValueError):
        return None
    if not 1000 <= y <= 2999:
        return None
    return iso_date(y, mo, d)


_DATELINE = re.compile(
    rf"^\s*(?:{_WEEKDAY}\s*)?(?:{_DATE_PREFIX}\s*:?\s*)?(?:{_WEEKDAY}\s*)?(?P<date>.{{4,40}}?){_TIME}\s*[:|]?\s*$",
    re.I,
)


def dateline_date(line: str) -> str | None:
    """The date of a line that is only a (prefixed) date: "30.11.2017", "vom 30. November 2017"."""
    if len(line) > 80:
        return None
    m = _DATELINE.match(line)
    if not m:
        return None
    iso = parse_date(m.group("date"))
    if not iso:
        return None
    # the whole date part must be the date, not a sentence that contains one
    rest = re.sub(r"(?<=\d)t[\d:.]+(?:z|[+-]\d\d:?\d\d)?", "", m.group("date").lower())  # ISO time
    rest = re.sub(r"[\d\s.,/:-]", "", rest)
    rest = re.sub(_MONTH_RE, "", rest, flags=re.I)
    return iso if not rest else None


def find_date(text: str, head_lines: int = 12) -> str | None:
    """Publication date from a header line of the text (else a dateline anywhere)."""
    m = HEADER_DATE.match(text)
    if m:
        iso = parse_date(m.group(1))
        if iso:
            return iso
    lines = text.split("\n")
    for line in lines[:head_lines]:
        iso = dateline_date(line) or _update_prefix_date(line)
        if iso:
            return iso
    for line in lines[head_lines:]:
        iso = dateline_date(line)
        if iso:
            return iso
    return None


_UPDATE_PREFIX = re.compile(rf"^\s*{_DATE_PREFIX}\s+(?P<date>[^:]{{6,30}}):", re.I)


def _update_prefix_date(line: str) -> str | None:
    """"Update vom 30. November 2017: Nachdem ..." -> 2017-11-30."""
    m = _UPDATE_PREFIX.match(line)
    return dateline_date(m.group("date")) if m else None


def normalize_date(value: str) -> str | None:
    """A date value from metadata (JSONL, HTML meta) as ISO, or None if unparseable."""
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return value if 1000 <= int(value) <= 2999 else None
    return parse_date(value)


def guess_title(text: str, max_len: int = 160) -> str | None:
    """A short first line that reads like a headline (no final full stop)."""
    for line in text.split("\n")[:8]:
        line = line.strip()
        if len(line) > max_len:
            return None
        if not line or dateline_date(line) or len(re.findall(r"\w", line)) < 3:
            continue
        if len(line) <= max_len and not line.endswith((".", ",", ";")) and _looks_like_heading(line):
            return line
        return None
    return None


def _looks_like_heading(line: str) -> bool:
    # breadcrumbs "A | B" and single words are navigation, not titles
    return " | " not in line and len(line.split()) >= 2


_ID_BAD = re.compile(r"[^A-Za-z0-9._-]+")
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def safe_id(raw: str, max_len: int = 100) -> str:
    """An IRI-safe article id: ASCII letters, digits, '.', '_', '-'; never '.', '..' or empty.

    Umlauts are transliterated ("Brücke" -> "Bruecke") and punctuation runs
    become "-". When letters are lost (other scripts) or the id is cut, a
    short hash of the raw id keeps different ids apart; the remaining
    collisions ("a b" vs "a-b") get a suffix from the build (ingest's id registry).
    """
    de = raw.translate(_GERMAN)
    folded = unicodedata.normalize("NFKD", de).encode("ascii", "ignore").decode("ascii")
    full = _ID_BAD.sub("-", folded).strip("-.")
    s = full[:max_len].strip("-.")
    lost = any(c.isalnum() and not unicodedata.normalize("NFKD", c).encode("ascii", "ignore") for c in de)
    if not s or lost or s != full:
        h = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        s = f"{s}-{h}" if s else f"article-{h}"
    return s
