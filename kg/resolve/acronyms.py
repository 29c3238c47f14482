"""The acronym lexicon (kg/data/acronyms.txt): an acronym and its long names are one organisation.

"ESA", "European Space Agency" and "Europäische Raumfahrtagentur" share one match key,
so resolution joins them in one article or across articles, where the letters of the
acronym do not spell the long name's initials. Lines that share a name ("EZB" and "ECB"
both list "Europäische Zentralbank") are one organisation.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.resolve.equivalents import components, read_rows
from kg.resolve.names import compact, inflection_variants

DATA = Path(__file__).resolve().parent.parent / "data" / "acronyms.txt"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(acronym as written -> key, compact long name -> key); the key names the organisation's
    connected lines."""
    rows = [("=" + acr, [compact(n) for n in longs]) for acr, longs in read_rows(DATA)]
    root = components([acr] + longs for acr, longs in rows)
    acronyms = {acr[1:]: "acronym:" + root[acr] for acr, _ in rows}
    names = {n: "acronym:" + root[n] for _, longs in rows for n in longs}
    return acronyms, names


def is_listed_acronym(text: str) -> bool:
    return text in _tables()[0]


def lexicon_key(text: str) -> str | None:
    """The organisation key of an acronym or long name of the lexicon (also of a long name
    with a case ending: "Europäischen Raumfahrtagentur"), else None."""
    acronyms, names = _tables()
    if text in acronyms:
        return acronyms[text]
    for form in [text] + inflection_variants(text):
        key = names.get(compact(form))
        if key:
            return key
    return None
