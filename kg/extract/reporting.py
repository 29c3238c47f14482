"""reportedBy (a person's statement or story published by an outlet) and quotes (said, with outlet spoken to).

Why: outlets appear in a handful of shapes - "im Gespräch/Interview mit
(dem Portal) X", "gegenüber X", "sagte dem X", "wie X berichtet/schreibt",
"laut X", "berichten ..., darunter X und Y", "X veröffentlichte ein Interview
mit Y". A user report ("gemeldet") is never media reporting. An ORG counts as
an outlet after an outlet noun ("Portal", "Zeitung") or as the one a person
speaks to; bare domain names ("name.de") in such cues become MEDIA mentions.
"""
from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.context import PLACEHOLDER, Context
from kg.records import LOC, MEDIA, ORG, PER, Quote

NAME = "reporting/1"
QUOTE_NAME = "quote/1"
_Q = r"[\"„“”»«]?"
OUT = rf"(?:(?:dem|der|die|das|einem|einer|den)\s+)?(?P<noun>(?:[\w-]+\s+)?{lexicon.OUTLET_NOUNS}\s+)?{_Q}⟨(?P<lab>[OM])(?P<o>\d+)⟩"
CUES: list[tuple[str, re.Pattern[str]]] = [
    ("talk", re.compile(rf"\b(?:[Ii]m|[Ii]n\s+(?:einem|dem))\s+(?:[a-zäöüß][\w-]*\s+)?(?:Gespräch|Interview|Telefonat|"
                        rf"Telefoninterview|Podcast)\s+(?:mit|für|gegenüber)\s+{OUT}")),
    ("talk", re.compile(rf"\bgegenüber\s+{OUT}")),
    ("talk", re.compile(rf"\b{lexicon.SPEECH_VERBS}\s+(?:(?:er|sie|⟨P\d+⟩)\s+)?(?=(?:dem|der)\s){OUT}")),
    ("media", re.compile(rf"\b{lexicon.SPEECH_VERBS}\s+(?:(?:er|sie|⟨P\d+⟩)\s+)?(?P<noun>)⟨(?P<lab>M)(?P<o>\d+)⟩")),
    ("media", re.compile(rf"\b[Ww]ie\s+(?:(?:die|der)\s+\w+\s+(?:von|der|des)\s+)?{OUT}\s+(?:schreibt|schreiben|berichtet|"
                         rf"berichten|meldet|melden|schrieb|berichtete|berichteten)\b")),
    ("media", re.compile(rf"\b[Ll]aut\s+{OUT}")),
    ("media", re.compile(rf"{OUT}\s+zufolge\b")),
    ("media", re.compile(rf"{OUT}\s+(?:berichtet|berichtete|schreibt|schrieb|meldet|meldete)\b")),
    ("media", re.compile(rf"\b(?:berichtet|berichtete|berichten|schreibt|schrieb|meldet|meldete)\s+{OUT}")),
]
ANAPHORIC = re.compile(rf"^\s*(?:So|Das|Dies|Dies\s+alles)\s+(?:schreibt|schrieb|berichtet|berichtete|meldet|meldete)"
                       rf"\s+(?:es\s+)?{OUT}")
CUE_GATES = [re.compile(g) for g in (r"Gespräch|Interview|Telefonat|Podcast", r"gegenüber", r"\b(?:dem|der)\s", r"⟨M",
                                     r"\b[Ww]ie\b", r"\b[Ll]aut\b", r"zufolge", r"\b(?:berichte|schrieb|schreibt|meldet)",
                                     r"\b(?:berichte|schrieb|schreibt|meldet)")]
LIST_CUE = re.compile(r"\bberichte(?:n|t|ten)?\b[^.;]{0,60}?\b(?:darunter|etwa|wie)\s+"
                      r"(?P<list>(?:⟨[MO]\d+⟩(?:\s*(?:,|und|sowie)\s*(?=⟨))?)+)")
PUBLISHED = re.compile(r"\b(?:Interview|Gespräch)\s+mit\s+(?:[\w-]+\s+){0,4}?⟨P(?P<p>\d+)⟩[^.]{0,80}?"
                       r"\b(?:veröffentlicht\w*|geführt|führte|gesendet|ausgestrahlt)\b"
                       r"|\b(?:veröffentlicht\w*|führte|sendete|brachte)\s+(?:\w+\s+){0,3}?(?:Interview|Gespräch)\s+mit\s+"
                       r"(?:[\w-]+\s+){0,4}?⟨P(?P<p2>\d+)⟩")
DOMAIN = re.compile(r"(?<![\w@./-])[a-z0-9][a-z0-9-]{1,40}\.(?:de|com|net|at|ch|org|fr|it|info|io|eu|co\.uk)\b(?![\w/@-])")
SPEECH = re.compile(rf"\b{lexicon.SPEECH_VERBS}\b")
# "sagte er dem STANDARD": an all-capital name spoken to is an outlet (an authority would be a common noun)
TOLD_CAPS = re.compile(rf"\b{lexicon.SPEECH_VERBS}\s+(?:[\w-]+\s+){{0,3}}?(?:dem|der)\s+(?P<name>[A-ZÄÖÜ]{{2,}}(?:[A-ZÄÖÜ0-9]|-[A-ZÄÖÜ0-9])*)(?![\w-])")
TOLD_BARE = re.compile(rf"\b{lexicon.SPEECH_VERBS}\s+(?:[\w-]+\s+){{0,3}}?gegenüber\s+(?P<name>[A-ZÄÖÜ][\w.-]*[\w])(?=[\s,.;:])")
OUTLET_NAME = re.compile(rf"(?<![\w-])(?:dem|der|die|das|einem|einer|den)\s+(?:[\w-]+\s+)?{lexicon.OUTLET_NOUNS}\s+{_Q}"
                         r"(?P<name>(?:Die\s+|Der\s+|Das\s+)?[A-ZÄÖÜ][\w.&-]*[\w](?:\s+[A-ZÄÖÜ][\w.&-]*[\w]){0,2})")


def extract_reporting(ctx: Context) -> None:
    for sent in ctx.sentences:
        if not (re.search(r"\b(?:Interview|Gespräch|gegenüber|berichte\w*|schreib\w*|schrieb|laut|Laut|zufolge|"
                          r"sagte?|meldet)\b", sent.text)):
            continue
        for d in DOMAIN.finditer(sent.text):
            a = sent.start + d.start()
            if ctx.mention_at(a, a + len(d.group(0)), (ORG, MEDIA, PER)) is None:
                ctx.add_mention(a, a + len(d.group(0)), MEDIA, sent.index, rule="derived:domain", confidence=0.75)
        for d in list(OUTLET_NAME.finditer(sent.text)) + list(TOLD_CAPS.finditer(sent.text)):
            a = sent.start + d.start("name")
            if ctx.mention_at(a, a + len(d.group("name")), (ORG, MEDIA, PER, LOC)) is None:
                ctx.add_mention(a, a + len(d.group("name")), MEDIA, sent.index, rule="derived:outlet-noun",
                                confidence=0.7)
        for d in TOLD_BARE.finditer(sent.text) if "gegenüber" in sent.text else ():
            a = sent.start + d.start("name")  # "sagt gegenüber X": X is a name when it is its own lemma
            if ctx.lemma_at(a) == d.group("name") and ctx.mention_at(a, a + len(d.group("name")), (ORG, MEDIA, PER, LOC)) is None:
                ctx.add_mention(a, a + len(d.group("name")), MEDIA, sent.index, rule="derived:told", confidence=0.6)
        mk = ctx.masked(sent.index)
        t = mk.text
        for (kind, rx), gate in zip(CUES, CUE_GATES):
            if not gate.search(t):
                continue
            for m in rx.finditer(t):
                outlet = int(m.group("o"))
                if not _is_outlet(ctx, outlet, m.group("noun"), kind, bool(SPEECH.search(t))):
                    continue
                subj = _subject(ctx, mk, m)
                ctx.relate(subj, "reportedBy", outlet, sent.index, NAME, 0.75)
        back = ANAPHORIC.match(t)
        if back and sent.index > 0 and _is_outlet(ctx, int(back.group("o")), back.group("noun"), "media"):
            prev = ctx.masked(sent.index - 1)  # "So schreibt es X": the story of the sentence before
            ctx.relate(_subject(ctx, prev, re.match(r"", prev.text)), "reportedBy", int(back.group("o")), sent.index,
                       NAME, 0.65)
        for m in (LIST_CUE.finditer(t) if "darunter" in t or "etwa" in t or " wie " in t else ()):
            outlets = [int(x.group(2)) for x in PLACEHOLDER.finditer(m.group("list")) if x.group(1) == "M"]
            subj = _subject(ctx, mk, m) if outlets else None
            for o in outlets:
                ctx.relate(subj, "reportedBy", o, sent.index, NAME, 0.7)
        for m in (PUBLISHED.finditer(t) if "Interview" in t or "Gespräch" in t else ()):
            outs = [int(x.group(2)) for x in PLACEHOLDER.finditer(t) if x.group(1) == "M"]
            outs += [int(x.group(2)) for x in PLACEHOLDER.finditer(t) if x.group(1) == "O"
                     and re.search(lexicon.OUTLET_NOUNS, t[x.end():x.end() + 60])]
            if len(outs) >= 1:
                ctx.relate(int(m.group("p") or m.group("p2")), "reportedBy", outs[0], sent.index, NAME, 0.7)


def _is_outlet(ctx: Context, i: int, noun: str | None, kind: str, speech: bool = True) -> bool:
    """MEDIA, or named after an outlet noun, or (for a speaker's interlocutor) an ORG that is no authority."""
    mm = ctx.mentions[i]
    if mm.label == MEDIA or noun:
        return True
    if kind == "talk":
        return not any(w in mm.text for w in lexicon.NON_MEDIA_WORDS) and speech
    return False


def _subject(ctx: Context, mk, m: re.Match[str]) -> int | None:
    """Whose statement or story: the speaker of the sentence, else its first person, else a description."""
    t = mk.text
    cue = (m.start(), m.end())
    sp = re.search(rf"⟨P(?P<p>\d+)⟩\s+(?:\w+\s+)?{lexicon.SPEECH_VERBS}\b|{lexicon.SPEECH_VERBS}\s+(?:[\w-]+\s+){{0,3}}?"
                   rf"⟨P(?P<q>\d+)⟩", t)
    if sp:
        return _person(ctx, int(sp.group("p") or sp.group("q")))
    first = next((x for x in PLACEHOLDER.finditer(t[:cue[0]]) if x.group(1) in "POM"), None)
    if first is not None and first.group(1) in "OM" and not re.search(r"\b(?:wie|Wie|laut|Laut)\s*$", t[:first.start()]):
        return None  # an organisation speaks ("Der Verband hat gegenüber X ..."): no person's statement
    places = [x for x in PLACEHOLDER.finditer(t) if x.group(1) == "P" and not (cue[0] <= x.start() < cue[1])
              and not _genitive_modifier(ctx, x, t)]
    people = [p for p in (_person(ctx, int(x.group(2))) for x in places) if p is not None]
    if people:  # the article's protagonist among them: the one mentioned most
        return max(people, key=lambda p: (ctx.salience(p), -people.index(p)))
    for d in lexicon.DESCRIPTION.finditer(t):
        if "⟨" not in d.group(0):
            owners = tuple(mm.owner for mm in ctx.mentions if mm.owner is not None)
            who = ctx.resolve_description(d.group("noun"), owners)
            if who is not None:
                return who
    return None


def _genitive_modifier(ctx: Context, x: re.Match[str], t: str) -> bool:
    """"Xs Vertragspartner": a possessor, not who the sentence is about."""
    return ctx.mentions[int(x.group(2))].text.endswith("s") and bool(re.match(r"\s+[A-ZÄÖÜ][a-zäöüß]", t[x.end():]))


def _person(ctx: Context, i: int) -> int | None:
    c = ctx.canon(i)
    return c if c is not None and ctx.mentions[c].label == PER and not ctx.common_noun(c) else None


# ---- quotes -----------------------------------------------------------------
QUOTE = re.compile(r"„(?P<a>[^“”\"„]{3,800})[“”\"]|\"(?P<b>[^\"]{3,800})\"|“(?P<c>[^”“]{3,800})”|»(?P<d>[^«]{3,800})«")
AFTER = re.compile(rf"^\s*,?\s*{lexicon.SPEECH_VERBS}\s+(?:[\w-]+\s+){{0,4}}?(?:(?P<p>⟨P\d+⟩)|(?P<er>er|sie)\b)")
BEFORE = re.compile(rf"(?:(?P<p>⟨P\d+⟩)|\b(?P<er>[Ee]r)\b)(?:,[^,]{{0,80}},)?\s+(?:\w+\s+){{0,2}}?{lexicon.SPEECH_VERBS}\b[^.:⟨]{{0,80}}:\s*$")
INDIRECT = re.compile(rf"^(?P<q>[^,]{{8,300}}),\s+{lexicon.SPEECH_VERBS}\s+(?:(?P<p>⟨P\d+⟩)|(?P<er>er|sie)\b)"
                      r"(?P<rest>[^:]*)(?::\s*(?P<q2>.+))?$")
REPORTED = re.compile(rf"(?:(?P<p>⟨P\d+⟩)\s+(?:\w+\s+){{0,2}}?{lexicon.SPEECH_VERBS}|{lexicon.SPEECH_VERBS}\s+(?P<p2>⟨P\d+⟩))"
                      r"(?P<rest>[^,]{0,60}),\s+(?P<q>(?:er|sie|⟨P\d+⟩)\s+(?:\w+\s+)?(?:sei|seien|habe|hätte|wäre|werde|könne)\b.+)$")
THAT = re.compile(rf"(?:(?P<p>⟨P\d+⟩)|\b(?P<er>[Ee]r)\b)\s+{lexicon.SPEECH_VERBS}\b(?P<rest>[^,]{{0,80}}),\s*dass\s+(?P<q>.+)$")


def extract_quotes(ctx: Context) -> None:
    """Direct quotes with their attribution, and indirect speech ("X sagt, dass ...", "..., sagt er")."""
    text = ctx.text
    done: set[int] = set()
    for m in QUOTE.finditer(text):
        body = next(g for g in m.groups() if g is not None)
        s_end = _sentence_at(ctx, m.end() - 1)
        s_start = _sentence_at(ctx, m.start())
        for s, where in ((s_end, "after"), (s_start, "before")):
            if s is None:
                continue
            mk = ctx.masked(s)
            local = _masked_pos(mk, m.end() if where == "after" else m.start())
            seg = mk.text[local:] if where == "after" else mk.text[:local]
            am = (AFTER if where == "after" else BEFORE).search(seg)
            if not am:
                continue
            speaker = _speaker(ctx, mk, am, local if where == "after" else 0)
            if speaker is not None:
                _quote(ctx, speaker, body.strip(), s, mk, seg, (m.start(), m.end()))
                done.add(s)
                break
    for sent in ctx.sentences:
        if sent.index in done:
            continue
        mk = ctx.masked(sent.index)
        for rx in (INDIRECT, THAT, REPORTED):
            im = rx.search(mk.text)
            if not im or im.group("q").lstrip()[:1] in ('"', "„", "“", "»"):
                continue
            speaker = _speaker(ctx, mk, im, 0)
            if speaker is None:
                continue
            q = _unmask(ctx, im.group("q"))
            if rx is INDIRECT and im.group("q2"):
                q = q + " … " + _unmask(ctx, im.group("q2"))
            _quote(ctx, speaker, q.strip(" ."), sent.index, mk, mk.text, (sent.start, sent.end))
            break


def _sentence_at(ctx: Context, pos: int) -> int | None:
    for s in ctx.sentences:
        if s.start <= pos < s.end:
            return s.index
    return None


def _masked_pos(mk, pos: int) -> int:
    for mstart, mend, ostart in mk.pieces:
        if ostart <= pos <= ostart + (mend - mstart):
            return mstart + (pos - ostart)
    return len(mk.text)


def _speaker(ctx: Context, mk, m: re.Match[str], offset: int) -> int | None:
    groups = m.groupdict()
    ph = groups.get("p") or groups.get("p2")
    if ph:
        return _person(ctx, int(ph[2:-1]))
    if groups.get("er"):
        return ctx.resolve_pronoun(mk.sentence.index, mk.orig(offset + m.start("er")))
    return None


def _unmask(ctx: Context, s: str) -> str:
    return PLACEHOLDER.sub(lambda x: ctx.mentions[int(x.group(2))].text, s)


def _quote(ctx: Context, speaker: int, body: str, s: int, mk, seg: str, span: tuple[int, int]) -> None:
    outlet = None
    for _, rx in CUES[:3]:
        om = rx.search(seg)
        if om and _is_outlet(ctx, int(om.group("o")), om.group("noun"), "talk"):
            outlet = int(om.group("o"))
            break
    ev = ctx.evidence(s, span, QUOTE_NAME, 0.8)
    ctx.quotes.append(Quote(speaker, body, ev, outlet))
    if outlet is not None:
        ctx.relate(speaker, "reportedBy", outlet, s, NAME, 0.8)
