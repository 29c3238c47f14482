"""nationality: person -> country, from demonyms ("der Kanadier X", "X, ein Deutscher"), nationality
adjectives on a person's job ("die britische Sängerin X", "die US-Journalistin X"), passports, "Heimat".

Why: the country is often named only by a demonym or an adjective; a derived LOC
mention (text = the country name) carries it so resolution merges it with the
country named elsewhere. The constructions are the rows of
kg.extract.patterns.nationality_table. Origin phrases ("türkischstämmig", "mit
türkischen Wurzeln") are not nationality and give nothing.
"""
from __future__ import annotations

from kg.extract import lexicon
from kg.extract.context import Context
from kg.extract.patterns import register_deriver, table_extractor
from kg.extract.patterns.engine import register_subject
from kg.extract.patterns.nationality_table import ROWS
from kg.records import LOC, PER

NAME = "nationality/2"
# sports (IOC) codes that differ from ISO alpha-3, for the nations most results lists name
_IOC = {"GER": "DEU", "SUI": "CHE", "NED": "NLD", "POR": "PRT", "CRO": "HRV", "DEN": "DNK", "GRE": "GRC", "RSA": "ZAF",
        "BUL": "BGR", "SLO": "SVN", "LAT": "LVA", "CHI": "CHL", "URU": "URY", "PAR": "PRY", "ALG": "DZA", "IRI": "IRN",
        "TPE": "TWN", "KSA": "SAU", "UAE": "ARE", "NGR": "NGA", "MAS": "MYS", "INA": "IDN", "PHI": "PHL", "VIE": "VNM"}


def country_of_code(code: str) -> str | None:
    """German name of the country an ISO alpha-3 or IOC code names ("AUT" -> Österreich, "GER" -> Deutschland)."""
    import gettext

    import pycountry

    c = pycountry.countries.get(alpha_3=_IOC.get(code, code))
    if c is None:
        return None
    try:
        de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    except OSError:
        return getattr(c, "common_name", None) or c.name
    return de.gettext(getattr(c, "common_name", None) or c.name)


def _country_code(ctx: Context, m, slot: str) -> int | None:
    """"Fabian Beispiel (GER)": a derived LOC mention named by the country of the code."""
    u = next(iter(m.slots.get(slot, ())), None)
    name = country_of_code(u.text) if u is not None else None
    if name is None:
        return None
    return ctx.mentions.add(u.start, u.end, LOC, m.sentence, text=name, norm=name, rule="derived:country-code",
                           confidence=0.75)


register_deriver("country-code", _country_code)


def _previous_subject(ctx: Context, m) -> int | None:
    """"@previous-subject": "Jonas Albrecht war als Kreissls Co-Trainer tätig. Der tschechische Ex-Teamspieler
    wird ...": the one person of the sentence before that is no possessor (none where it names two)."""
    from kg.extract.speech import persons_in

    if m.sentence == 0:
        return None
    people = set(persons_in(ctx, m.sentence - 1, pronouns=False, possessors=False))  # names, no guessed "er"
    return people.pop() if len(people) == 1 else None


register_subject("previous-subject", _previous_subject)
_RUN = table_extractor(ROWS)


def extract_nationality(ctx: Context) -> None:
    _RUN(ctx)


def demonym_nationality(ctx: Context, person: int | None, s: int, start: int, word: str) -> None:
    """Used by other extractors: a demonym description resolved to ``person`` gives its nationality."""
    country = lexicon.country_of_demonym(word)
    if person is None or not country:
        return
    loc = ctx.mentions.add(start, start + len(word), LOC, s, text=country, norm=country,
                          rule="derived:demonym", confidence=0.7)
    if ctx.mentions[ctx.mentions.canon(person)].label == PER:
        ctx.results.relate(person, "nationality", loc, s, "nationality.described/1", 0.6)
