"""employedBy with role, kind (employee|contractor|agency) and time (earlier|current).

Why these shapes: German news states employment in a few recurring
constructions - "für (das Unternehmen) X (als Rolle) tätig", "bei X war",
"wechselte zu X (in den Support)", "X-Chef Name", "Name, Geschäftsführer des
X", "der Präsident des X, Name", "Für X reagierte Vizepräsidentin Name", a
credits line "Name, X". Each is a row of kg.extract.patterns.employment_table;
this module only adds the qualifiers: the role (the ``role`` slot, a compound's
head, or "als Rolle"/"im Kundendienst" inside the match), its kind, and the time
("früher", "ehemalig", "Ex-", "bisher" -> earlier). A negation right at the
match drops it.
"""
from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.context import Context
from kg.extract.patterns import derive_context, engine, table_extractor  # noqa: F401 - derive_context registers @speaker
from kg.extract.patterns.classes import in_class
from kg.extract.patterns.employment_table import ROWS

NAME = "employment/2"
EARLIER = re.compile(r"\b(?:[Nn]achdem|zuvor|früher\w*|ehemalig\w*|einst|vorher|davor|damals|eine\s+Weile|bis\s+\d{4}|"
                     r"bisher\w*|bislang|[Ee]x-)(?:\b|(?<=-))")
_NEG = re.compile(r"nicht|nie|niemals|kein\w*", re.IGNORECASE)


def kind_of(role: str) -> str:
    if re.fullmatch(lexicon.AGENCY_ROLES, role):
        return "agency"
    if re.fullmatch(lexicon.CONTRACTOR_ROLES, role):
        return "contractor"
    return "employee"


def _role(m: engine.Match) -> str:
    role = m.text("role")
    if role:
        return role
    for u in m.slots.get(m.row.object, ()):  # "SPD-Chef", "Konzernchef"
        if u.mention is None and in_class("ROLE_NOUN", u.head, u.text.rsplit("-", 1)[-1]):
            return u.head
    us = m.units[max(0, m.start - 3):m.end]  # "als Auftragnehmer", "im Kundendienst" inside or just before
    for a, b in zip(us, us[1:]):
        if a.lower == "als" and in_class("ROLE_NOUN", b.text):
            return b.text
        if a.lower in ("im", "der") and in_class("DEPARTMENT", b.text):
            return b.text
    return ""


def finish(ctx: Context, m: engine.Match, subj: int, obj: int) -> tuple[tuple[str, str], ...] | None:
    """role, kind and time of one employment match; None when it is negated."""
    if any(_NEG.fullmatch(u.lower) for u in m.units[max(0, m.start - 1):m.end]):
        return None
    fixed = dict(m.row.qualifiers)
    role = fixed["role"] if "role" in fixed else _role(m)  # a row may fix the role ("" = the row names none)
    before = m.units[max(0, m.start - 3):m.end]
    window = engine.hedge_window(ctx, m)
    a, b = m.span()
    near = ctx.text[max(ctx.sentences[m.sentence].start, a - 50):b]
    earlier = any(in_class("EARLIER", u.text, u.lemma) or u.lower.startswith(("ex-", "alt-")) for u in before
                  if not u.ent) or bool(EARLIER.search(near if len(near) < len(window) else window))
    time = fixed.get("time") or ("earlier" if earlier else "current")
    kind = fixed.get("kind") or (kind_of(role) if role else "employee")
    return ((("role", role),) if role else ()) + (("kind", kind), ("time", time))


_RUN = table_extractor(ROWS, finish)


def extract_employment(ctx: Context) -> None:
    """employedBy from the rows of kg.extract.patterns.employment_table."""
    _RUN(ctx)
