"""reportedBy from report cues ("laut X", "X zufolge", "berichtet X", "zitiert X") and the outlet mentions they need.

Why: the rows (kg.extract.patterns.speech_table, REPORTED) say where an
outlet carries someone's words or facts; whose they are is the subject-choice
rule (docs/readme/extract.md): the speaker of the sentence if it has one
("sagte X laut der Agentur Y"), else the first person named outside the cue,
else the first organisation (an outlet only before the cue: "der Zeitung ...
klagte das Blatt – der X berichtete"), else, for "Das berichten X und Y", the
subject of the sentence before. Outlets that NER does not see are added as
MEDIA mentions first: bare domains ("name.de"), names after an outlet noun
("der Zeitung X") and all-capital names spoken to ("sagte er dem STANDARD").
A user report ("gemeldet") is never media reporting.
"""
from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.context import Context
from kg.extract.patterns import compile_table, find, slot_entity, speech_en_table, speech_table
from kg.extract.patterns.classes import in_class
from kg.extract.patterns.tokens import units
from kg.extract.quotes import add_quote, extract_marked_quotes
from kg.extract.speech import _AFTER_VERB_ONLY, _preposition, listed, outlet_entity, possessor, speeches, tables
from kg.records import ACCOUNT, LOC, MEDIA, ORG, PER

NAME = "reporting/1"
QUOTE_NAME = "quote/1"
_Q = r"[\"„“”»«]?"
_GATE = re.compile(r"\b(?:Interview|Gespräch|gegenüber|berichte\w*|schreib\w*|schrieb|laut|Laut|zufolge|sagte?|meldet|"
                   r"zitiert\w*|Angaben|Anfrage|Nachfrage|zum|zur|im|in)\b")
DOMAIN = re.compile(r"(?<![\w@./-])[a-z0-9][a-z0-9-]{1,40}\.(?:de|com|net|at|ch|org|fr|it|info|io|eu|co\.uk)\b(?![\w/@-])")
# "sagte er dem STANDARD": an all-capital name spoken to is an outlet (an authority would be a common noun)
TOLD_CAPS = re.compile(rf"\b{lexicon.SPEECH_VERBS}\s+(?:[\w-]+,?\s+){{0,6}}?(?:dem|der|zum)\s+(?P<name>[A-ZÄÖÜ]{{2,}}(?:[A-ZÄÖÜ0-9]|-[A-ZÄÖÜ0-9])*)(?![\w-])")  # noqa: E501
TOLD_BARE = re.compile(rf"\b{lexicon.SPEECH_VERBS}\s+(?:[\w-]+\s+){{0,3}}?gegenüber\s+(?P<name>[A-ZÄÖÜ][\w.-]*[\w])(?=[\s,.;:])")
OUTLET_NAME = re.compile(rf"(?<![\w-])(?:dem|der|die|das|einem|einer|den)\s+(?:[\w-]+\s+)?{lexicon.OUTLET_NOUNS}\s+{_Q}"
                         r"(?P<name>(?:Die\s+|Der\s+|Das\s+)?[A-ZÄÖÜ][\w.&-]*[\w](?:\s+[A-ZÄÖÜ][\w.&-]*[\w]){0,2})")


def extract_reporting(ctx: Context) -> None:
    for sent in ctx.sentences:
        if not _GATE.search(sent.text):
            continue
        for d in DOMAIN.finditer(sent.text):
            a = sent.start + d.start()
            if ctx.mentions.at(a, a + len(d.group(0)), (ORG, MEDIA, PER)) is None:
                ctx.mentions.add(a, a + len(d.group(0)), MEDIA, sent.index, rule="derived:domain", confidence=0.75)
        for d in list(OUTLET_NAME.finditer(sent.text)) + list(TOLD_CAPS.finditer(sent.text)):
            a = sent.start + d.start("name")
            if ctx.mentions.at(a, a + len(d.group("name")), (ORG, MEDIA, PER, LOC)) is None:
                ctx.mentions.add(a, a + len(d.group("name")), MEDIA, sent.index, rule="derived:outlet-noun",
                                confidence=0.7)
        for d in TOLD_BARE.finditer(sent.text) if "gegenüber" in sent.text else ():
            a = sent.start + d.start("name")  # "sagt gegenüber X": X is a name when it is its own lemma
            if ctx.tokens.lemma_at(a) == d.group("name") and ctx.mentions.at(a, a + len(d.group("name")), (ORG, MEDIA, PER, LOC)) is None:
                ctx.mentions.add(a, a + len(d.group("name")), MEDIA, sent.index, rule="derived:told", confidence=0.6)
    _outlet_short_names(ctx)
    extract_report_rows(ctx)
    extract_spokesperson_rows(ctx)


_SPOKESPERSON = {"de": compile_table(speech_table.SPOKESPERSON), "en": compile_table(speech_en_table.SPOKESPERSON)}
_SPEECH_CLASS = {"de": "SPEECH_ANY", "en": "SPEECH_EN"}


def extract_spokesperson_rows(ctx: Context) -> None:
    """reportedBy for what an unnamed spokesperson told an outlet ("Eine Sprecherin des Unternehmens sagte der
    dpa"): the rows of speech_table.SPOKESPERSON name whose words they are, the sentence's OUTLET match the
    outlet; only in sentences without a named speaker (that speaker's own reportedBy is made by kg.extract.speech)."""
    lang = "en" if ctx.document.lang == "en" else "de"
    for sent in ctx.sentences:
        if "precher" not in sent.text and "spokes" not in sent.text:
            continue
        found = [m for row in _SPOKESPERSON[lang] for m in find(row, ctx, sent.index)]
        if not found or speeches(ctx, sent.index):
            continue
        m = found[0]
        subj = slot_entity(ctx, m, m.row.subject)
        outlet = _told_outlet(ctx, m, lang)
        if subj is None or outlet is None or ctx.entities.same(subj, outlet) \
                or ctx.mentions[subj].label not in (PER, ORG):
            continue
        ctx.results.relate(ctx.mentions.canon(subj), "reportedBy", outlet, sent.index, m.row.name, m.row.confidence)


def _told_outlet(ctx: Context, m, lang: str) -> int | None:
    """The outlet of the sentence's speech verb nearest to it, outside the spokesperson's phrase."""
    us = m.units
    verb = next((k for k, u in enumerate(us) if not u.ent and (lang == "en" or u.tag in ("VVFIN", "VVPP", ""))
                 and in_class(_SPEECH_CLASS[lang], u.text, u.lemma) and u.lower != "so"), None)
    if verb is None:
        return None
    best = None
    for row in tables(lang)["outlet"]:
        for om in find(row, ctx, m.sentence):
            if om.start < m.end and om.end > m.start or (row.name in _AFTER_VERB_ONLY and om.start < verb):
                continue
            if best is None or abs(om.start - verb) < abs(best.start - verb):
                best = om
    return outlet_entity(ctx, best) if best is not None else None


def _outlet_short_names(ctx: Context) -> None:
    """"die Bild-Zeitung" ... "sagte der Bild": the name before an outlet noun is the outlet on its own too."""
    short = {m.text.rsplit("-", 1)[0] for m in ctx.mentions if m.label == MEDIA and "-" in m.text
             and re.fullmatch(lexicon.OUTLET_NOUNS, m.text.rsplit("-", 1)[1][:1].upper() + m.text.rsplit("-", 1)[1][1:])}
    short = {n for n in short if re.fullmatch(r"[A-ZÄÖÜ][\w.]+", n)}
    if not short:
        return
    rx = re.compile(r"\b(?:der|dem|die|laut|von|im|zur|zum)\s+(?P<name>" + "|".join(map(re.escape, sorted(short))) + r")(?![\w-])")
    for sent in ctx.sentences:
        for d in rx.finditer(sent.text):
            a = sent.start + d.start("name")
            if ctx.mentions.at(a, a + len(d.group("name")), (ORG, MEDIA, PER, LOC)) is None:
                ctx.mentions.add(a, a + len(d.group("name")), MEDIA, sent.index, rule="derived:outlet-short-name",
                                confidence=0.65)


def extract_report_rows(ctx: Context) -> None:
    """reportedBy from the REPORTED rows of the article's language."""
    rows = tables(ctx.document.lang)["reported"]
    for sent in ctx.sentences:
        for row in rows:
            for m in find(row, ctx, sent.index):
                _report(ctx, m)


def _report(ctx: Context, m) -> None:
    outlet = outlet_entity(ctx, m)
    if outlet is None:
        return
    more = listed(ctx, m)
    if m.row.subject == "@clause":
        subj = clause_subject(ctx, m, [outlet] + more)
    else:
        subj = slot_entity(ctx, m, m.row.subject)
    if subj is None or ctx.mentions[subj].label not in (PER, ORG, MEDIA, ACCOUNT):
        return
    for o in [outlet] + more:
        ctx.results.relate(subj, "reportedBy", o, m.sentence, m.row.name, m.row.confidence)
    if m.row.subject != "@clause" and ctx.mentions[subj].label == PER and m.row.name.endswith("quotes/1"):
        add_quote(ctx, subj, m, None, outlet)  # "zitiert die Zeitung X den Manager Y": Y said it, to X


def clause_subject(ctx: Context, m, outlets: list[int]) -> int | None:
    """Whose words or facts the cue's outlet carries (the subject-choice rule, see the module doc)."""
    said = speeches(ctx, m.sentence)
    if said:
        return min(said, key=lambda sp: abs(sp.verb - m.start)).speaker
    us = m.units
    outside = [k for k in range(len(us)) if not (m.start <= k < m.end) and us[k].mention is not None]
    for labels in ((PER,), ("description",), (ORG, ACCOUNT, MEDIA)):
        if labels == ("description",):  # "kommt der schuldige Mitarbeiter aus X": the one person it fits
            who = _described(ctx, m)
            if who is not None:
                return who
            continue
        for k in outside:
            u = us[k]
            if u.ent == MEDIA and k > m.start:
                continue  # an outlet after the cue is another outlet, not the subject
            if u.ent in labels and not possessor(us, k) and not any(ctx.entities.same(u.mention, o) for o in outlets) \
                    and not ctx.entities.is_platform(u.mention) and not _governed(us, k):
                return u.mention
    return _told_before(ctx, m.sentence, 2 if us and us[0].lower in ("das", "dies") else 1)


def _told_before(ctx: Context, s: int, back: int) -> int | None:
    """"Das berichten X und Y": whose facts they are is the subject of the sentence before (for "Das", of
    the one before it when that sentence names no one)."""
    for t in range(s - 1, max(s - 1 - back, -1), -1):
        prev = units(ctx, t)
        for labels in ((PER,), (ORG, ACCOUNT)):
            for k, u in enumerate(prev):
                if u.ent in labels and not possessor(prev, k) and not ctx.entities.is_platform(u.mention) \
                        and not _governed(prev, k):
                    return u.mention
        if any(u.ent in (PER, ORG, MEDIA, LOC) for u in prev):
            break
    return None


def _governed(us, k: int) -> bool:
    """An organisation after a preposition or in the genitive ("außerhalb von Facebook", "ein Team des
    Ministeriums", "eines Urteils des Gerichtshofs (EuGH)") is no one whose facts an outlet carries."""
    if us[k].ent == PER or k == 0:
        return False
    if us[k - 1].text == "(" and k > 1 and us[k - 2].ent:  # "des Gerichtshofs (EuGH)": as the name before
        return _governed(us, k - 2)
    return _preposition(us[k - 1]) or us[k - 1].lower in ("des", "eines")


def _described(ctx: Context, m) -> int | None:
    text = ctx.sentences[m.sentence].text
    for d in lexicon.DESCRIPTION.finditer(text):
        who = ctx.resolve.description(d.group("noun"), ctx.mentions.owners())
        if who is not None:
            return who
    return None


def extract_quotes(ctx: Context) -> None:
    """Quotations in marks with their speaker (kg.extract.quotes)."""
    extract_marked_quotes(ctx)
