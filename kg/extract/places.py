"""locatedIn: an organisation or place in a place ("X mit Sitz in Y", "X in Y", "X aus Y").

Only adjacent, unambiguous shapes: a parser-free reading of "X in Y" after a
verb ("investiert in Y") would invent relations, so the two names must touch.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.records import LOC

NAME = "location/1"
_INSTITUTION = (r"(?:Universität|University|Institut\w*|Institute|Museum|Zentrum|Klinik\w*|Spital|Krankenhaus|Firma|"
                r"Unternehmen|Konzern|Bank|Gericht|Landesgericht|Oberlandesgericht|Theater|Oper|Schule|Hochschule|"
                r"Zoo|Flughafen|Botschaft|Werk|Fabrik|Filiale|Niederlassung|Verlag|Sender|Stiftung|Verein|Club|Klub|"
                r"Start-up|Startup|Agentur|Behörde|Ministerium)")
SEAT = re.compile(r"⟨O(?P<i>\d+)⟩,?\s+mit\s+(?:Sitz|Hauptsitz|Firmensitz|Zentrale)\s+in\s+⟨L(?P<l>\d+)⟩"
                  r"|⟨O(?P<i2>\d+)⟩\s+aus\s+(?:der\s+|dem\s+)?⟨L(?P<l2>\d+)⟩(?!\s*(?:und|,|sowie))"
                  rf"|(?P<inst>{_INSTITUTION}\w*\s+(?:der\s+|des\s+)?)?⟨O(?P<i3>\d+)⟩\s+in\s+(?:der\s+|dem\s+)?"
                  r"⟨L(?P<l3>\d+)⟩(?!\s*(?:und|,|sowie))")
_GATE = re.compile(r"\b(?:in|aus|Sitz)\b")


def extract_places(ctx: Context) -> None:
    for sent in ctx.sentences:
        if not _GATE.search(sent.text):
            continue
        for m in SEAT.finditer(ctx.masked(sent.index).text):
            a = m.group("i") or m.group("i2") or m.group("i3")
            loc = int(m.group("l") or m.group("l2") or m.group("l3"))
            org = ctx.mentions[int(a)]
            if m.group("i3") and not (m.group("inst") or re.search(_INSTITUTION, org.text)):
                continue  # "X in Y" says where an institution is; for others it is where something happened
            if ctx.mentions[loc].label != LOC or ctx.mentions[loc].kind == "derived":
                continue
            ctx.relate(int(a), "locatedIn", loc, sent.index, NAME, 0.75 if m.group("i") else 0.6)
