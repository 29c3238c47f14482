"""Who spoke, with which verb, to which outlet: the speech rows of kg.extract.patterns.speech_table.

Why a family module around the rows: a speech match names the verb and a
stretch of words holding the speaker; which person in it spoke and which
outlet the statement was made to are decisions shared by every row
(docs/readme/extract.md, "Subject choice"):
- speaker: the first person in the speaker slot that is neither a possessor
  ("Mitterlehners früherer Chef, X") nor governed by a noun or preposition
  ("ein Sprecher der Ministerin X", "an Eides statt"); "er"/"sie" resolve to
  the person meant; one speaker per verb, the verb-first rows first;
- outlet: the nearest OUTLET match in the speech clause (the dative one only
  after the verb and never after a role noun or preposition: "Chefredakteur
  der X" is an employer, "laut der X" a source, neither an addressee).
``speeches`` gives them per sentence; kg.extract.quotes makes the quotes
(said), kg.extract.reporting the reportedBy of report cues ("laut X"), and
kg.extract.said runs both as the said/1 extractor.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from kg.extract.context import Context
from kg.extract.entities import PERSON_NOUN
from kg.extract.patterns import (  # registers their lexicon classes at import
    compile_table,
    find,
    slot_entity,
    speech_en_table,
    speech_table,
)
from kg.extract.patterns.classes import in_class
from kg.extract.patterns.derive import outlet_before
from kg.extract.patterns.tokens import Unit, units
from kg.records import LOC, MEDIA, ORG, PER

NAME = "said/1"
_TABLES: dict[str, dict] = {}
CLAUSE_END = {".", ":", ";", "?", "!", "–", "—"}


@dataclass(frozen=True)
class Speech:
    """One verb of saying with its speaker and (if any) the outlet match it was said to."""

    verb: int  # unit index of the verb in the sentence
    match: object  # the SAID row match
    speaker: int
    outlet_match: object | None
    outlet: int | None


def tables(lang: str = "de") -> dict[str, tuple]:
    """The compiled SAID/OUTLET/REPORTED rows of a language (German unless "en")."""
    lang = "en" if lang == "en" else "de"
    if lang not in _TABLES:
        if lang == "en":
            t, extra = speech_en_table, {"particles": {}, "needs": {}}
        else:
            t, extra = speech_table, {"particles": speech_table.SPEECH_PARTICLES, "needs": speech_table.SPEECH_NEEDS}
        _TABLES[lang] = dict(said=compile_table(t.SAID), outlet=compile_table(t.OUTLET),
                             reported=compile_table(t.REPORTED), **extra)
    return _TABLES[lang]


def speeches(ctx: Context, s: int) -> list[Speech]:
    """The statements of sentence ``s``: one per verb of saying whose speaker is a person (memoised)."""
    key = ("speeches", s, len(ctx.mentions))
    if key in ctx.memo:
        return ctx.memo[key]
    t = tables(ctx.document.lang)
    outlets = [m for row in t["outlet"] for m in find(row, ctx, s)]
    by_verb: dict[int, list] = {}
    for row in t["said"]:
        for m in find(row, ctx, s):
            verb = _verb(m)
            if verb is not None and _speech_verb(m, verb, t) and _order_ok(m, verb):
                by_verb.setdefault(verb, []).append(((0 if m.start >= verb else 1, not _appositive(m, verb), m.start), m))
    out: list[Speech] = []
    for verb, cands in sorted(by_verb.items()):
        m, who = next(((m, w) for _, m in sorted(cands, key=lambda c: c[0]) for w in [_speaker(ctx, m)]
                       if w is not None and ctx.mentions[w].label == PER and not ctx.entities.common_noun(w)), (None, None))
        if who is None or any(sp.speaker == who for sp in out):
            continue
        om = _outlet_for(ctx, m, verb, outlets)
        out.append(Speech(verb, m, who, om, outlet_entity(ctx, om) if om is not None else None))
    ctx.memo[key] = out
    return out


# ---- the speech match ---------------------------------------------------------------------------
def _verb(m) -> int | None:
    vs = m.slots.get("v")
    if not vs:
        return None
    return next(k for k in range(m.start, m.end) if m.units[k] is vs[0] or m.units[k] == vs[0])


def _speech_verb(m, k: int, tables) -> bool:
    """A particle verb needs its particle in the clause ("räumte ... ein"); "sagte ... ab" is no speech."""
    u = m.units[k]
    if u.lower in ("so", ":"):  # ", so X"; an interview answer "X: …"
        return True
    rest = _clause_after(m.units, k)
    words = {x.lower for x in rest}
    particles = {x.lower for x in _sentence_rest(m.units, k) if x.tag in ("PTKVZ", "PTKZU", "VVINF", "")}
    lemma = u.lemma if u.lemma != u.text else u.lower
    if lemma in tables["particles"]:
        parts = next((p for base, p in tables["particles"].items() if base == lemma), ())
        return bool(parts) and any(p in particles for p in parts)
    if lemma in tables["needs"]:
        return any(p in words for p in tables["needs"][lemma]) or (k > 0 and m.units[k - 1].lower in tables["needs"][lemma])
    if lemma == "sagen" and "ab" in words:
        return False
    if any(x.lower in _NEGATION for x in rest + _clause_before(m.units, k)):
        return False  # "Ebenso wenig kommentierte er ...": nothing was said
    if k > 0 and m.units[k - 1].lower == "bereit":
        return False  # "sich bereit erklärt": agreed, not said
    if u.tag == "VVPP" and k + 1 < len(m.units) and m.units[k + 1].lemma in ("werden", "worden", "wurde"):
        return False  # "festgehalten worden": a passive, not a statement
    return not (k > 0 and m.units[k - 1].lower in ("wurde", "wurden", "worden", "werden", "wird"))


def _order_ok(m, verb: int) -> bool:
    """Verb first: not after its own subject ("Die Staatsanwaltschaft X wirft Y vor"), not plural with "sie".
    (Speaker first: any; when the verb also has a speaker after it, that reading wins.)"""
    us = m.units
    if m.start == verb:
        front = _clause_before(us, verb)
        who = m.slots.get("s", ())
        if any(u.ent in (PER, ORG, LOC, MEDIA) for u in front) and not any(_preposition(u) for u in front) \
                and not (who and who[-1].lower == "er") and not _dative_front(us, front):
            return False  # the subject stands before the verb: the person after it is an object
        return not (who and who[-1].lower in ("er", "sie") and us[verb].lower.endswith("n"))
    return True  # ", sagte X": the verb-first reading is tried first (see speeches)


def _dative_front(us, front: list[Unit]) -> bool:
    """"Dem Telegraph sagte Lea Beispiel": the name before the verb is a dative ("dem"), not the subject."""
    return len(front) == 2 and front[-1].lower in ("dem", "einem") and bool(front[0].ent)


_PREPOSITIONS = {"in", "im", "mit", "bei", "beim", "von", "vom", "zu", "zum", "zur", "nach", "laut", "gegenüber", "auf",
                 "aus", "für", "über", "an", "am", "seit", "unter", "vor", "durch"}


def _preposition(u: Unit) -> bool:
    """A preposition by its tag, or (untagged text) by the closed class of common ones."""
    return u.tag in ("APPR", "APPRART") or (not u.tag and u.lower in _PREPOSITIONS)


_NEGATION = {"nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals", "wenig", "weder", "not", "never", "n't"}


def _clause_before(us, k: int) -> list[Unit]:
    out = []
    for u in reversed(us[:k]):
        if u.text in CLAUSE_END or u.text == ",":
            break
        out.append(u)
    return out


def _appositive(m, verb: int) -> bool:
    """"Ein Sprecher der X, Lea Beispiel, sagte": the name set off by commas right before the verb is the speaker."""
    us = m.units
    return m.start < verb and verb >= 2 and us[verb - 1].text == "," and us[verb - 2].ent == PER \
        and us[verb - 2] in m.slots.get("s", ())


def _sentence_rest(us, k: int) -> list[Unit]:
    """The units after ``k`` up to the end of the sentence part (a separable particle may follow a relative clause)."""
    out = []
    for u in us[k + 1:]:
        if u.text in CLAUSE_END:
            break
        out.append(u)
    return out


def _clause_after(us, k: int) -> list[Unit]:
    out = []
    for u in us[k + 1:]:
        if u.text in CLAUSE_END or u.text == ",":
            break
        out.append(u)
    return out


def _speaker(ctx: Context, m) -> int | None:
    us = m.units
    if m.row.name.startswith(("said.verb-description", "said.description-verb")):
        return _described(ctx, m)
    if m.row.name.startswith(("said.relative-clause-verb", "said.en-relative-clause")):  # "Kritik von X, der …": X
        return ctx.mentions.canon(m.slots["s"][0].mention)
    for u in m.slots.get("s", ()):
        k = us.index(u)
        if u.ent == PER and not possessor(us, k):
            governed = _genitive_attribute(us, k) or _in_brackets(us, k) or _after_preposition(us, k)
            if governed and _apposition_follows(m, k):
                continue  # "sagte der Fraktionschef der X, Jana Beispiel,": the name set off by commas spoke
            return None if governed else ctx.mentions.canon(u.mention)
        if not u.ent and u.lower in ("er", "sie"):
            return ctx.resolve.pronoun(m.sentence, u.start)
    return None


def _apposition_follows(m, k: int) -> bool:
    """A person of the speaker slot after ``k`` right behind a comma: the apposition that names the speaker."""
    us, slot = m.units, m.slots.get("s", ())
    return any(u.ent == PER and us.index(u) > k and us[us.index(u) - 1].text == "," for u in slot)


def _described(ctx: Context, m) -> int | None:
    """"der SPD-Politiker": the one person employed by the prefix's organisation, else (nobody employed there
    known) the one person the sentence before names; "der Minister" that person too; "der Spanier": the one
    person the demonym fits. "die" with a noun that is no feminine person noun is a plural or a body ("die
    Behörden", "die Polizei"), and a name after the noun is someone NER missed ("der Anwalt Guid Held")."""
    us, u = m.units, m.slots["s"][-1]
    k = us.index(u)
    det = next((x for x in reversed(us[:k]) if x.lower in ("der", "die")), None)
    if det is None or (det.lower == "die" and not u.text.endswith("in")):
        return None
    if k + 1 < len(us) and us[k + 1].text[:1].isupper() and not us[k + 1].ent:
        return None
    if u.prefix_mention is not None and (in_class("ROLE_NOUN", u.head, u.text.rsplit("-", 1)[-1])
                                         or u.head.endswith(("politiker", "Politiker", "spieler", "Spieler"))):
        fits = [p for p in ctx.entities.persons() if ctx.results.has_relation(p, "employedBy",
                                                             lambda o: ctx.entities.same(o, u.prefix_mention))]
        return fits[0] if len(fits) == 1 else None if fits else _previous_person(ctx, m.sentence)
    if u.prefix_mention is None and "-" not in u.text and in_class("DEMONYM", u.text, u.lemma):
        return ctx.resolve.description(u.text)
    if in_class("ROLE_NOUN", u.text, u.lemma, u.head):
        return _previous_person(ctx, m.sentence)
    return None


def _previous_person(ctx: Context, s: int) -> int | None:
    """"Martin Beispiel hat ... gebracht. Das sei machbar, sagte der SPD-Politiker der Zeitung X": the one
    person the sentence before names."""
    if s == 0:
        return None
    people = set(persons_in(ctx, s - 1, pronouns=False))
    return people.pop() if len(people) == 1 else None


def persons_in(ctx: Context, s: int, pronouns: bool = True, possessors: bool = True) -> list[int]:
    """The canonical person mentions of sentence ``s`` in text order, without the pronouns that coreference
    resolved ("er", "sie") or the genitive possessors ("Mitterlehners Chef") when asked."""
    us = units(ctx, s)
    return [ctx.mentions.canon(u.mention) for k, u in enumerate(us)
            if u.ent == PER and (pronouns or u.lower not in ("er", "sie")) and (possessors or not possessor(us, k))]


def possessor(us, k: int) -> bool:
    """"Mitterlehners früherer Chef": a genitive name before its noun."""
    if k + 1 >= len(us) or not us[k].text.endswith(("s", "'", "’")):
        return False
    nxt = us[k + 1]
    return not nxt.ent and (nxt.tag in ("ADJA", "NN") or (not nxt.tag and nxt.text[:1].isupper()))


def _after_preposition(us, k: int) -> bool:
    return k > 0 and (us[k - 1].tag in ("APPR", "APPRART", "PRP") or us[k - 1].lower in ("an", "im", "am", "vom", "beim", "mit"))


def _in_brackets(us, k: int) -> bool:
    return k > 0 and us[k - 1].text == "("


def _titled(us, k: int) -> bool:
    """"sagt Mitautorin Amber Griffiths", "so die Seismologin Rita Meurers": a full name after a person noun is
    that person, not a genitive ("die Angelobung Kerns")."""
    return " " in us[k].text and bool(PERSON_NOUN.fullmatch(us[k - 1].text))


def _genitive_attribute(us, k: int) -> bool:
    """"ein Sprecher der Ministerin X", "ein Sprecher von X": X belongs to a noun, it is not the speaker."""
    if k > 0 and not us[k - 1].ent and us[k - 1].tag == "NN" and us[k].text.endswith("s") \
            and not in_class("ROLE_NOUN", us[k - 1].text, us[k - 1].lemma, us[k - 1].head) and not _titled(us, k):
        return True  # "vor der Angelobung Kerns"
    j = k - 1
    while j >= 0 and not us[j].ent and (in_class("ROLE_NOUN", us[j].text, us[j].lemma, us[j].head)
                                        or us[j].text[:1].islower() and us[j].lower not in ("der", "des", "von")):
        j -= 1
    if j < 0 or us[j].lower not in ("der", "des", "von"):
        return False
    if us[j].lower == "von":
        return True
    return j > 0 and not us[j - 1].ent and us[j - 1].text[:1].isupper() and us[j - 1].tag in ("NN", "NE", "")


# ---- the outlet spoken to -----------------------------------------------------------------------
_AFTER_VERB_ONLY = {"reportedBy.told-dative/1", "reportedBy.told-bare/1", "reportedBy.told-anaphor/1", "reportedBy.told-zum/1"}


def _outlet_for(ctx: Context, m, verb: int, outlets) -> object | None:
    """The outlet match of the speech clause nearest to the speech match."""
    best, dist = None, 99
    for om in outlets:
        if om.row.name in _AFTER_VERB_ONLY and ((om.start < verb and not _dative_before(m, om, verb))
                                                or _after_role(om)):
            continue
        if om.start >= m.end:
            d, between = om.start - m.end, m.units[m.end:om.start]
        elif om.end <= m.start:
            d, between = m.start - om.end, m.units[om.end:m.start]
        else:
            d, between = 0, ()
        if d > 8 or any(u.text in CLAUSE_END for u in between) or _new_clause(between):
            continue
        if outlet_entity(ctx, om) is not None and d < dist:
            best, dist = om, d
    return best


def _dative_before(m, om, verb: int) -> bool:
    """A dative outlet before the verb: opening the clause right before it ("Dem Telegraph sagte er"), or in a
    relative clause with the verb last ("X, der dem STANDARD am Samstag bestätigt")."""
    us = om.units
    if om.end == verb and (om.start == 0 or us[om.start - 1].text in CLAUSE_END):
        return True
    return m.row.name.startswith("said.relative-clause-verb") and om.start > 0 and \
        (us[om.start - 1].tag == "PRELS" or us[om.start].tag == "PRELS")


def _new_clause(between) -> bool:
    return any(a.text == "," and (b.tag in ("KOUS", "PRELS") or b.lower in ("dass", "der", "die", "das", "weil", "wie"))
               for a, b in itertools.pairwise(between))


def _after_role(om) -> bool:
    """"Chefredakteur der X" (a genitive of a role noun), "laut der X" (a preposition's): not a dative."""
    if om.start == 0:
        return False
    u = om.units[om.start - 1]
    return not u.ent and (in_class("ROLE_NOUN", u.text, u.lemma, u.head) or u.tag in ("APPR", "APPRART")
                          or u.lower in ("laut", "von", "mit", "bei", "aus", "nach", "zu", "seit", "gegenüber"))


def outlet_entity(ctx: Context, om) -> int | None:
    if om.row.object == "@sentence-outlet":  # the outlet the sentence names
        return next((u.mention for u in om.units if u.ent == MEDIA), None)
    if om.row.object == "@last-outlet":
        nxt = om.units[om.end] if om.end < len(om.units) else None
        if nxt is not None and nxt.ent:
            return None  # "der Zeitung X": named, another row takes it
        return outlet_before(ctx, om.units[om.start].start)
    o = slot_entity(ctx, om, "o")
    if o is None:
        return None
    label = ctx.mentions[o].label
    if label == MEDIA or (label == ORG and om.slots.get("noun")):
        return o
    return None


def listed(ctx: Context, m) -> list[int]:
    """"berichten die Zeitung X und das Magazin Y": the further outlets of a list."""
    out, k, us = [], m.end, m.units
    if k < len(us) and us[k].text == "(":  # "die Zeitung X (Samstag) und das Magazin Y"
        k = next((j + 1 for j in range(k + 1, min(k + 4, len(us))) if us[j].text == ")"), k)
    while k + 1 < len(us) and us[k].lower in ("und", "sowie", ","):
        j = k + 1
        while j < len(us) and j < k + 5 and not us[j].ent:
            j += 1
        if j < len(us) and us[j].ent == MEDIA:
            out.append(us[j].mention)
            k = j + 1
        else:
            break
    return out
