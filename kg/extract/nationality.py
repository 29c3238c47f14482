"""nationality: person -> country, from demonyms ("der Deutsche X", "X, ein Deutscher"), passports, "Heimat".

Why: the country is often named only by a demonym; a derived LOC mention
(text = the country name) carries it so resolution merges it with the
country named elsewhere. Origin phrases ("türkischstämmig", "mit türkischen
Wurzeln") are not nationality and give nothing.
"""
from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.context import PLACEHOLDER, Context
from kg.records import LOC, PER

NAME = "nationality/1"
_DEM = lexicon.demonym_noun_re()
BEFORE_NAME = re.compile(rf"(?<!\bdes\s)(?P<dem>(?<![\w-]){_DEM})\s+⟨P(?P<p>\d+)⟩")
APPOSITION = re.compile(rf"⟨P(?P<p>\d+)⟩,\s+(?:ein|eine|der|die)\s+(?:[a-zäöüß][\w-]*\s+)?(?P<dem>{_DEM})\b(?!\s*⟨P)")
PASSPORT = re.compile(rf"\b(?P<adj>{lexicon.ADJ_RE})\s+(?:Pass|Reisepass|Staatsbürgerschaft|Staatsangehörigkeit)\b")
ALS = re.compile(rf"\b[Aa]ls\s+(?P<dem>{_DEM})\b")
_KEYWORDS = ("Pass", "Staats", "Heimat")
_DEM_FORMS = {f for n in lexicon.DEMONYMS
              for f in (n, n + "n", n + "r", n + "s", n + "in", n[:-1] + "in", n + "innen", n[:-1] + "innen")}
# "Der Deutsche will ...", "dem Deutschen": one person described by nationality only (singular forms)
STANDALONE = re.compile(rf"(?<![\w-])(?:[Dd]er|[Dd]em|[Dd]ie)\s+(?:[a-zäöüß][\w-]*\s+)?(?P<dem>{_DEM})\b(?![ \t]*⟨)(?![ \t]+[A-ZÄÖÜ])")
HEIMAT = re.compile(r"\bHeimat(?:land)?\s+⟨L(?P<l>\d+)⟩")


def extract_nationality(ctx: Context) -> None:
    for sent in ctx.sentences:
        if not (any(k in sent.text for k in _KEYWORDS) or _DEM_FORMS.intersection(re.findall(r"[\w-]+", sent.text))):
            continue
        mk = ctx.masked(sent.index)
        t = mk.text
        for m in BEFORE_NAME.finditer(t):
            _add(ctx, int(m.group("p")), _demonym_loc(ctx, mk, m, "dem"), sent.index, 0.85)
        for m in APPOSITION.finditer(t):
            _add(ctx, int(m.group("p")), _demonym_loc(ctx, mk, m, "dem"), sent.index, 0.85)
        for m in PASSPORT.finditer(t):
            person = _subject_before(ctx, mk, m.start())
            loc = _loc_for(ctx, mk, m, "adj", lexicon.country_of_adjective(m.group("adj")))
            _add(ctx, person, loc, sent.index, 0.8)
        for m in ALS.finditer(t):
            person = _subject_near(ctx, mk, m.end())
            _add(ctx, person, _demonym_loc(ctx, mk, m, "dem"), sent.index, 0.7)
        for m in STANDALONE.finditer(t):
            word = m.group("dem")
            plural = m.group(0).lower().startswith("die") and word.endswith("en")
            if not plural and not (m.group(0).lower().startswith("der") and word.endswith("en")):
                owners = tuple(mm.owner for mm in ctx.mentions if mm.owner is not None)
                person = ctx.resolve_description(word, owners)
                _add(ctx, person, _demonym_loc(ctx, mk, m, "dem"), sent.index, 0.55)
        for m in HEIMAT.finditer(t):
            loc = int(m.group("l"))
            if _country(ctx, loc):
                _add(ctx, _subject_before(ctx, mk, m.start()), loc, sent.index, 0.6)


def _country(ctx: Context, i: int) -> bool:
    mm = ctx.mentions[i]
    return mm.label == LOC and (mm.norm or mm.text) in lexicon.COUNTRY_NAMES


def _demonym_loc(ctx: Context, mk, m: re.Match[str], group: str) -> int | None:
    a = mk.orig(m.start(group))
    if ctx.tag_at(a) == "ADJA" or re.match(r"\s*⟨P\d+⟩", mk.text[m.end(group):]) and _adjective_next(ctx, mk, m, group):
        return None  # "Deutschen Physikern", "vom Deutschen Archäologischen Institut": an adjective, not a person
    return _loc_for(ctx, mk, m, group, lexicon.country_of_demonym(m.group(group)))


def _adjective_next(ctx: Context, mk, m: re.Match[str], group: str) -> bool:
    nxt = re.match(r"\s*⟨P(\d+)⟩", mk.text[m.end(group):])
    first = ctx.mentions[int(nxt.group(1))].text.split()[0] if nxt else ""
    return bool(re.search(r"(?:isch|lich|ig)e[nrs]?$", first))


def _loc_for(ctx: Context, mk, m: re.Match[str], group: str, country: str | None) -> int | None:
    """A derived LOC mention at the demonym, named by its country."""
    if not country:
        return None
    a = mk.orig(m.start(group))
    return ctx.add_mention(a, a + len(m.group(group)), LOC, mk.sentence.index, text=country, norm=country,
                           rule="derived:demonym", confidence=0.8)


def demonym_nationality(ctx: Context, person: int | None, s: int, start: int, word: str) -> None:
    """Used by other extractors: a demonym description resolved to ``person`` gives its nationality."""
    country = lexicon.country_of_demonym(word)
    if person is None or not country:
        return
    loc = ctx.add_mention(start, start + len(word), LOC, s, text=country, norm=country,
                          rule="derived:demonym", confidence=0.7)
    _add(ctx, person, loc, s, 0.6)


def _subject_before(ctx: Context, mk, pos: int) -> int | None:
    """The last person placeholder before ``pos`` in the sentence, else a pronoun's antecedent."""
    persons = [int(m.group(2)) for m in PLACEHOLDER.finditer(mk.text[:pos]) if m.group(1) == "P"]
    if persons:
        return ctx.canon(persons[-1])
    pm = list(re.finditer(r"\b[Ee]r\b", mk.text[:pos]))
    if pm:
        return ctx.resolve_pronoun(mk.sentence.index, mk.orig(pm[-1].start()))
    return None


def _subject_near(ctx: Context, mk, pos: int) -> int | None:
    m = re.match(r"\s+\w+\s+(?:er\b|⟨P(\d+)⟩)", mk.text[pos:])
    if m and m.group(1):
        return ctx.canon(int(m.group(1)))
    if m:
        return ctx.resolve_pronoun(mk.sentence.index, mk.orig(pos + m.end() - 2))
    return _subject_before(ctx, mk, len(mk.text))


def _add(ctx: Context, person: int | None, loc: int | None, s: int, conf: float) -> None:
    if person is None or loc is None or ctx.mentions[ctx.canon(person)].label != PER:
        return
    ctx.relate(person, "nationality", loc, s, NAME, conf)
