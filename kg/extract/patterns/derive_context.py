"""Subjects and derivers that read the article around a match (employment rows of round 20).

Why a module of its own: these answer from sentences other than the match's
own, with their own guards, and keep the engine and kg.extract.patterns.derive
untouched.

- subject ``@speaker``: "…, sagte der Lufthansa-Manager der Zeitung." names no one; news
  writing calls the person quoted just before by a role noun. The person is the one
  person named in the nearest of the two sentences before that names a person at all
  (two persons there: no subject).
- deriver ``club-of-place``: "Neustadts Präsident X", "Salzburg-Trainer X": in sport the
  city's genitive stands for its club, the one club the article names with that city in
  its name ("SC Wiener Neustadt").
- deriver ``org-prefix-ex``: "Ex-ÖVP-Chef X": the organisation after the "Ex-" of a role compound, as
  ``org-prefix`` finds it for "ÖVP-Chef".
- deriver ``group-name``: "als Manager für die Bee Gees": a "person" right after plural "die"
  is a band or team NER typed as a person; an ORG mention on the same span.
"""
from __future__ import annotations

import dataclasses
import re

from kg.extract.patterns.derive import org_prefix
from kg.extract.patterns.engine import Match, register_deriver, register_subject
from kg.extract.speech import persons_in
from kg.records import ORG

# words that make a name a sports club (general knowledge of club names, no club)
CLUB_NAME = re.compile(r"\b(?:FC|SC|SV|SK|AC|AS|SSC|VfB|VfL|TSV|FK|SpVgg|RB|BSC|Sporting|Athletic|Olympique|"
                       r"Borussia|Eintracht|United|City|Rapid|Austria|Sturm|Admira|Red Bull)\b")


def speaker_before(ctx, m: Match) -> int | None:
    """The one person named in the nearest of the two sentences before the match that names persons."""
    for s in range(m.sentence - 1, max(-1, m.sentence - 3), -1):
        persons = {ctx.entities.key(c): c for c in persons_in(ctx, s)}
        if persons:
            return next(iter(persons.values())) if len(persons) == 1 else None
    return None


def club_of_place(ctx, m: Match, slot: str) -> int | None:
    """"Neustadts", "Salzburg-Trainer" -> the one club mention of the article whose name holds the place."""
    units_ = m.slots.get(slot, ())
    if not units_:
        return None
    u = units_[0]
    if u.prefix_mention is not None and "-" in u.text:  # "Salzburg-Trainer"
        place = ctx.mentions[u.prefix_mention].text.split()[-1]
    elif u.text.endswith("s"):  # "Neustadts"
        place = u.text[:-1].split()[-1]
    else:
        return None
    word = re.compile(rf"\b{re.escape(place)}\b")
    clubs = {ctx.entities.key(ctx.mentions.canon(i)): ctx.mentions.canon(i) for i, x in enumerate(ctx.mentions)
             if x.label == ORG and x.kind == "name" and word.search(x.text) and CLUB_NAME.search(x.text)}
    return next(iter(clubs.values())) if len(clubs) == 1 else None


def group_name(ctx, m: Match, slot: str) -> int | None:
    """A PER name mention right after "die" ("für die Bee Gees") read as the group it names."""
    units_ = m.slots.get(slot, ())
    if len(units_) != 1 or units_[0].mention is None:
        return None
    u = units_[0]
    k = m.units.index(u)
    if k == 0 or m.units[k - 1].lower != "die" or ctx.mentions[u.mention].kind != "name" or " " not in u.text:
        return None
    return ctx.mentions.add(u.start, u.end, ORG, m.sentence, rule="derived:group-name", confidence=0.6)


_EX = re.compile(r"(?:Ex|Alt)-")


def org_prefix_ex(ctx, m: Match, slot: str) -> int | None:
    """"Ex-ÖVP-Chef" -> ÖVP: ``org-prefix`` on the compound without its "Ex-"."""
    units_ = m.slots.get(slot, ())
    cut = _EX.match(units_[0].text) if units_ else None
    if cut is None:
        return None
    u = units_[0]
    text = u.text[cut.end():]
    rest = u._replace(start=u.start + cut.end(), text=text, lower=text.lower(), prefix_ent="", prefix_mention=None)
    return org_prefix(ctx, dataclasses.replace(m, slots={**m.slots, slot: (rest,)}), slot)


register_subject("speaker", speaker_before)
register_deriver("club-of-place", club_of_place)
register_deriver("group-name", group_name)
register_deriver("org-prefix-ex", org_prefix_ex)
