"""said and reportedBy from the rows of kg.extract.patterns.speech_table.

Why a family module around the rows: a speech match names the verb and a
stretch of words holding the speaker; which person in it spoke, which outlet
the statement was made to, what the quoted words are and whom a "laut X"
attaches to are decisions shared by every row (docs/readme/extract.md,
"Subject choice"):
- speaker: the first person in the speaker slot that is neither a possessor
  ("Mitterlehners früherer Chef, X") nor a genitive attribute ("ein Sprecher
  der Ministerin X"); "er"/"sie" resolve to the person meant;
- outlet: the nearest OUTLET match in the speech clause (the dative one only
  after the verb and never after a role noun: "Chefredakteur der X" is an
  employer, not an addressee);
- "laut X" and its kin attach to the speaker of the sentence if it has one,
  else to the first person named outside the cue, else the first
  organisation, else (an anaphoric "Das berichten X") the subject of the
  sentence before.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.context import Context
from kg.extract.patterns import compile_table, find, slot_entity
from kg.extract.patterns.classes import in_class
from kg.extract.patterns.tokens import Unit
from kg.records import ACCOUNT, LOC, MEDIA, ORG, PER, Quote

NAME = "said/1"
_TABLES: dict[str, tuple] = {}
_CLAUSE_END = {".", ":", ";", "?", "!", "–", "—"}
_OPEN = "„“»\""


def _tables() -> dict[str, tuple]:
    if not _TABLES:
        from kg.extract.patterns import speech_table as t

        _TABLES.update(said=compile_table(t.SAID), outlet=compile_table(t.OUTLET),
                       reported=compile_table(t.REPORTED), particles=t.SPEECH_PARTICLES, needs=t.SPEECH_NEEDS)
    return _TABLES


def extract_speech(ctx: Context) -> None:
    """Quotes (said) with their outlet, and reportedBy from speech and from report cues."""
    tables = _tables()
    speakers: dict[int, list[tuple[int, int]]] = {}  # sentence -> (speaker, unit index of the verb)
    for sent in ctx.sentences:
        outlets = [m for row in tables["outlet"] for m in find(row, ctx, sent.index)]
        by_verb: dict[int, list] = {}  # one speaker per verb: the verb-first rows first, then the first person
        for row in tables["said"]:
            for m in find(row, ctx, sent.index):
                verb = _verb(m)
                if verb is not None and _speech_verb(m, verb, tables) and _order_ok(m, verb):
                    by_verb.setdefault(verb, []).append(((0 if m.start >= verb else 1, m.start), m))
        seen: set[int] = set()
        for verb, cands in sorted(by_verb.items()):
            m, who = next(((m, w) for _, m in sorted(cands, key=lambda c: c[0]) for w in [_speaker(ctx, m)]
                           if w is not None and ctx.mentions[w].label == PER and not ctx.common_noun(w)), (None, None))
            if who is None or who in seen:
                continue
            seen.add(who)
            speakers.setdefault(sent.index, []).append((who, verb))
            om = _outlet_for(ctx, m, verb, outlets)
            outlet = _outlet_entity(ctx, om) if om is not None else None
            _add_quote(ctx, who, m, verb, outlet)
            if outlet is not None:
                ctx.relate(who, "reportedBy", outlet, sent.index, om.row.name, om.row.confidence)
    for sent in ctx.sentences:
        for row in tables["reported"]:
            for m in find(row, ctx, sent.index):
                outlet = _outlet_entity(ctx, m)
                if outlet is None:
                    continue
                listed = _listed(ctx, m)
                if row.subject == "@clause":
                    subj = _clause_subject(ctx, m, speakers.get(sent.index, []), [outlet] + listed)
                else:
                    subj = slot_entity(ctx, m, row.subject)
                if subj is None or ctx.mentions[subj].label not in (PER, ORG, MEDIA, ACCOUNT):
                    continue
                for o in [outlet] + listed:
                    ctx.relate(subj, "reportedBy", o, sent.index, row.name, row.confidence)
                if row.subject != "@clause" and ctx.mentions[subj].label == PER:
                    _add_quote(ctx, subj, m, None, outlet)


# ---- the speech match ---------------------------------------------------------------------------
def _verb(m) -> int | None:
    vs = m.slots.get("v")
    if not vs:
        return None
    return next(k for k in range(m.start, m.end) if m.units[k] is vs[0] or m.units[k] == vs[0])


def _speech_verb(m, k: int, tables) -> bool:
    """A particle verb needs its particle in the clause ("räumte ... ein"); "sagte ... ab" is no speech."""
    u = m.units[k]
    if u.lower == "so":
        return True
    rest = _clause_after(m.units, k)
    words = {x.lower for x in rest}
    lemma = u.lemma if u.lemma != u.text else u.lower
    if lemma in tables["particles"] or in_class("SPEECH_BASE", u.text, u.lemma):
        parts = next((p for base, p in tables["particles"].items() if base == lemma), ())
        return bool(parts) and any(p in words for p in parts)
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
    Speaker first: the verb does not open an inverted clause (", sagte X" has its speaker after it)."""
    us = m.units
    if m.start == verb:
        prev = us[verb - 1] if verb > 0 else None
        if prev is not None and prev.ent in (PER, ORG, LOC, MEDIA) and not (verb > 1 and us[verb - 2].tag in ("APPR", "APPRART")):
            return False
        who = m.slots.get("s", ())
        return not (who and who[-1].lower in ("er", "sie") and us[verb].lower.endswith("n"))
    return not (verb > 0 and us[verb - 1].text == ",")


_NEGATION = {"nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals", "wenig", "weder"}


def _clause_before(us, k: int) -> list[Unit]:
    out = []
    for u in reversed(us[:k]):
        if u.text in _CLAUSE_END or u.text == ",":
            break
        out.append(u)
    return out


def _clause_after(us, k: int) -> list[Unit]:
    out = []
    for u in us[k + 1:]:
        if u.text in _CLAUSE_END or u.text == ",":
            break
        out.append(u)
    return out


def _speaker(ctx: Context, m) -> int | None:
    us = m.units
    for u in m.slots.get("s", ()):
        k = us.index(u)
        if u.ent == PER and not _possessor(us, k):
            governed = _genitive_attribute(us, k) or _in_brackets(us, k) or _after_preposition(us, k)
            return None if governed else ctx.canon(u.mention)
        if not u.ent and u.lower in ("er", "sie"):
            return ctx.resolve_pronoun(m.sentence, u.start)
    return None


def _possessor(us, k: int) -> bool:
    """"Mitterlehners früherer Chef": a genitive name before its noun."""
    if k + 1 >= len(us) or not us[k].text.endswith(("s", "'", "’")):
        return False
    nxt = us[k + 1]
    return not nxt.ent and (nxt.tag in ("ADJA", "NN") or (not nxt.tag and nxt.text[:1].isupper()))


def _after_preposition(us, k: int) -> bool:
    return k > 0 and (us[k - 1].tag in ("APPR", "APPRART") or us[k - 1].lower in ("an", "im", "am", "vom", "beim", "mit"))


def _in_brackets(us, k: int) -> bool:
    return k > 0 and us[k - 1].text == "("


def _genitive_attribute(us, k: int) -> bool:
    """"ein Sprecher der Ministerin X", "ein Sprecher von X": X belongs to a noun, it is not the speaker."""
    if k > 0 and not us[k - 1].ent and us[k - 1].tag == "NN" and us[k].text.endswith("s") \
            and not in_class("ROLE_NOUN", us[k - 1].text, us[k - 1].lemma, us[k - 1].head):
        return True  # "vor der Angelobung Kerns"
    j = k - 1
    while j >= 0 and not us[j].ent and (in_class("ROLE_NOUN", us[j].text, us[j].lemma, us[j].head)
                                        or us[j].text[:1].islower() and us[j].lower not in ("der", "des", "von")):
        j -= 1
    if j < 0 or us[j].lower not in ("der", "des", "von"):
        return False
    if us[j].lower == "von":
        return True
    return j > 0 and not us[j - 1].ent and us[j - 1].text[:1].isupper() and us[j - 1].tag not in ("VVFIN", "VAFIN")


# ---- the outlet spoken to -----------------------------------------------------------------------
_AFTER_VERB_ONLY = {"reportedBy.told-dative/1", "reportedBy.told-anaphor/1", "reportedBy.told-zum/1"}


def _outlet_for(ctx: Context, m, verb: int, outlets) -> object | None:
    """The outlet match of the speech clause nearest to the speech match."""
    best, dist = None, 99
    for om in outlets:
        if om.row.name in _AFTER_VERB_ONLY and (om.start < verb or _after_role(om)):
            continue
        if om.start >= m.end:
            d, between = om.start - m.end, m.units[m.end:om.start]
        elif om.end <= m.start:
            d, between = m.start - om.end, m.units[om.end:m.start]
        else:
            d, between = 0, ()
        if d > 8 or any(u.text in _CLAUSE_END for u in between) or _new_clause(between):
            continue
        if _outlet_entity(ctx, om) is not None and d < dist:
            best, dist = om, d
    return best


def _new_clause(between) -> bool:
    return any(a.text == "," and (b.tag in ("KOUS", "PRELS") or b.lower in ("dass", "der", "die", "das", "weil", "wie"))
               for a, b in zip(between, between[1:]))


def _after_role(om) -> bool:
    """"Chefredakteur der X" (a genitive of a role noun), "laut der X" (a preposition's): not a dative."""
    if om.start == 0:
        return False
    u = om.units[om.start - 1]
    return not u.ent and (in_class("ROLE_NOUN", u.text, u.lemma, u.head) or u.tag in ("APPR", "APPRART")
                          or u.lower in ("laut", "von", "mit", "bei", "aus", "nach", "zu", "seit", "gegenüber"))


def _outlet_entity(ctx: Context, om) -> int | None:
    if om.row.object == "@last-outlet":
        nxt = om.units[om.end] if om.end < len(om.units) else None
        if nxt is not None and nxt.ent:
            return None  # "der Zeitung X": named, another row takes it
        return _last_outlet(ctx, om.units[om.start].start)
    o = slot_entity(ctx, om, "o")
    if o is None:
        return None
    label = ctx.mentions[o].label
    if label == MEDIA or (label == ORG and om.slots.get("noun")):
        return o
    return None


def _last_outlet(ctx: Context, pos: int) -> int | None:
    best = None
    for i, mm in enumerate(ctx.mentions):
        if mm.label == MEDIA and mm.end <= pos and (best is None or mm.start > ctx.mentions[best].start):
            best = i
    return ctx.canon(best) if best is not None else None


def _listed(ctx: Context, m) -> list[int]:
    """"berichten die Zeitung X und das Magazin Y": the further outlets of a list."""
    out, k, us = [], m.end, m.units
    while k + 1 < len(us) and us[k].lower in ("und", "sowie", ","):
        j = k + 1
        while j < len(us) and j < k + 5 and not us[j].ent:
            j += 1
        if j < len(us) and us[j].ent == MEDIA:
            out.append(ctx.canon(us[j].mention))
            k = j + 1
        else:
            break
    return out


# ---- subject choice for "laut X" ----------------------------------------------------------------
def _clause_subject(ctx: Context, m, speakers: list[tuple[int, int]], outlets: list[int]) -> int | None:
    if speakers:  # "sagte X laut der Agentur Y": the statement's speaker
        return min(speakers, key=lambda sv: abs(sv[1] - m.start))[0]
    us = m.units
    outside = [k for k in range(len(us)) if not (m.start <= k < m.end) and us[k].mention is not None]
    for labels in ((PER,), (ORG, ACCOUNT, MEDIA)):
        for k in outside:
            u = us[k]
            if u.ent == MEDIA and k > m.start:
                continue  # an outlet after the cue is another outlet, not the subject
            if u.ent in labels and not _possessor(us, k) and not any(ctx.same_entity(u.mention, o) for o in outlets) \
                    and not ctx.is_platform(u.mention):
                return ctx.canon(u.mention)
    if m.sentence > 0:  # "Das berichten X und Y": what the sentence before told
        from kg.extract.patterns.tokens import units

        prev = units(ctx, m.sentence - 1)
        for labels in ((PER,), (ORG, ACCOUNT)):
            for k, u in enumerate(prev):
                if u.ent in labels and not _possessor(prev, k) and not ctx.is_platform(u.mention):
                    return ctx.canon(u.mention)
    return None


# ---- the quote ---------------------------------------------------------------------------------
def _add_quote(ctx: Context, who: int, m, verb: int | None, outlet: int | None) -> None:
    for n, q in enumerate(ctx.quotes):
        if q.evidence.sentence == m.sentence and ctx.same_entity(q.speaker, who):
            if q.outlet is None and outlet is not None:
                ctx.quotes[n] = replace(q, outlet=outlet)
            return
    sent = ctx.sentences[m.sentence]
    text = _content(sent, m, verb)
    ev = ctx.evidence(m.sentence, (sent.start, sent.end), m.row.name, m.row.confidence)
    ctx.quotes.append(Quote(who, text, ev, outlet))


def _content(sent, m, verb: int | None) -> str:
    """The words said: before ", sagte X", after "X sagte:" / "X sagte, dass", else the sentence."""
    us, t0 = m.units, sent.start
    first = m.start
    if us[first].text == ",":  # ", so X"
        text = sent.text[:us[first].start - t0]
    elif (verb is None or verb == first) and first > 0 and us[first - 1].text == ",":
        text = sent.text[:us[first - 1].start - t0]
    else:
        after = [k for k in range(m.end, len(us)) if us[k].text in (":", ",")]
        text = sent.text[us[after[0]].end - t0:] if after else sent.text
    return end_of_quotation(text)


def end_of_quotation(text: str) -> str:
    """The quoted words end where the quotation ends: no opening mark of the next quotation, no dangling marks."""
    text = re.sub(r"^\s*(?:dass\s+)?", "", text)
    text = re.sub(rf"[\s{_OPEN}]+$", "", text.strip())
    opens = [i for i, c in enumerate(text) if c == "„"]
    closes = [i for i, c in enumerate(text) if c in "“”"]
    if len(opens) > len(closes) and opens:
        text = text[:opens[-1]].rstrip()
    return text.strip(" .,\"„“”»«")
