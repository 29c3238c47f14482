"""locatedIn: an organisation or place in a place ("X mit Sitz in Y", "X in Y", "X aus Y").

Only adjacent, unambiguous shapes: a parser-free reading of "X in Y" after a
verb ("investiert in Y") would invent relations, so the two names must touch.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.records import LOC

NAME = "location/1"
SEAT = re.compile(r"⟨(?P<a>[OML])(?P<i>\d+)⟩,?\s+(?:mit\s+(?:Sitz|Hauptsitz|Firmensitz)\s+in\s+|(?:in|aus)\s+(?:der\s+|dem\s+)?)"
                  r"⟨L(?P<l>\d+)⟩(?!\s*(?:und|,))")


def extract_places(ctx: Context) -> None:
    for sent in ctx.sentences:
        for m in SEAT.finditer(ctx.masked(sent.index).text):
            a, loc = int(m.group("i")), int(m.group("l"))
            if ctx.mentions[loc].label != LOC or ctx.mentions[loc].kind == "derived":
                continue
            ctx.relate(a, "locatedIn", loc, sent.index, NAME, 0.7 if "Sitz" in m.group(0) else 0.6)
