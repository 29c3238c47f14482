"""locatedIn: an organisation in a place ("X mit Sitz in Y", "in Y ansässig", "Universität X in Y",
"X aus Y", "des japanischen Autoherstellers X", "das Londoner Label X").

Only constructions that state a seat (the rows of kg.extract.patterns.places_table):
a parser-free reading of "X in Y" after a verb ("investiert in Y") would invent
relations, so an organisation "in" a place needs an institution word.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.patterns import table_extractor
from kg.extract.patterns.derive import most_named_org
from kg.extract.patterns.engine import register_subject
from kg.extract.patterns.places_table import ROWS
from kg.records import ORG

NAME = "location/2"


def _salient_org(ctx: Context, m) -> int | None:
    """"@salient-org": "der deutsche Konzern" without a name is the company the article is about - unless the
    sentence names another organisation ("Samsung … die Plattform des koreanischen Herstellers")."""
    org = most_named_org(ctx)
    if org is None or any(u.ent == ORG and not ctx.entities.same(u.mention, org) for u in m.units):
        return None
    return org


register_subject("salient-org", _salient_org)
_RUN = table_extractor(ROWS)


def extract_places(ctx: Context) -> None:
    _RUN(ctx)
