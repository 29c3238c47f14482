"""Retyping a "person" whose words name an organisation, for a row that wants an organisation.

Why a module of its own: the engine retypes an object mention when a row
wants an ORG (``"Ifo Instituts"`` read as a person), and the derivers build
on the same acronym shape; both import it from here, so neither imports the other.
"""
from __future__ import annotations

import re

from kg.nlp import lexicon as nlp_lexicon
from kg.records import ORG, PER

ACRONYM = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,5}")
_ORG_WORDS = {"International", "Initiative", "Organisation", "Organization", "Forum", "Watch", "Network"}


def org_typed_as_person(ctx, i: int) -> int | None:
    """A "person" whose name holds an organisation word ("Ifo Instituts", "Raumfahrtagentur ESA",
    "Amnesty International Österreich") is an organisation: a derived ORG mention on the same span."""
    m = ctx.mentions[i]
    words = m.text.split()
    if m.label != PER or len(words) < 2 or m.kind != "name":
        return None
    if not any(w in nlp_lexicon.ORG_NAME_WORDS or w.rstrip("s") in nlp_lexicon.ORG_NAME_WORDS or w in _ORG_WORDS
               or (w[:1].isupper() and (nlp_lexicon.org_head(w) or nlp_lexicon.media_head(w))) for w in words):
        return None
    if ACRONYM.fullmatch(words[-1]) and sum(c.isupper() for c in words[-1]) >= 2:
        start = m.end - len(words[-1])  # "Europäischen Raumfahrtagentur ESA": the name is the acronym
        return ctx.mentions.add(start, m.end, ORG, m.sentence, rule="derived:org-words", confidence=0.65)
    return ctx.mentions.add(m.start, m.end, ORG, m.sentence, rule="derived:org-words", confidence=0.65)
