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
from kg.extract.patterns import table_extractor
from kg.extract.patterns.nationality_table import ROWS
from kg.records import LOC, PER

NAME = "nationality/2"
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
