"""The acronym lexicon (kg/data/acronyms.txt): an acronym and its long names are one organisation.

"ESA", "European Space Agency" and "Europäische Raumfahrtagentur" share one match key,
so resolution joins them in one article or across articles, where the letters of the
acronym do not spell the long name's initials. Lines that share a name ("EZB" and "ECB"
both list "Europäische Zentralbank") are one organisation.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.resolve.names import compact, inflection_variants

DATA = Path(__file__).resolve().parent.parent / "data" / "acronyms.txt"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(acronym as written -> key, compact long name -> key); key: "acronym:" + the smallest
    compact name of the organisation's connected lines."""
    rows: list[tuple[str, list[str]]] = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        acr, longs = line.split("=", 1)
        rows.append((acr.strip(), [n.strip() for n in longs.split("|") if n.strip()]))
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for acr, longs in rows:
        for n in longs:
            a, b = find("=" + acr), find(compact(n))
            if a != b:
                parent[max(a, b)] = min(a, b)
    canon = {}
    for acr, longs in rows:
        for x in ["=" + acr] + [compact(n) for n in longs]:
            canon.setdefault(find(x), min((compact(n) for n in longs), default=acr))
    acronyms = {acr: "acronym:" + canon[find("=" + acr)] for acr, _ in rows}
    names = {compact(n): "acronym:" + canon[find(compact(n))] for _, longs in rows for n in longs}
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
