"""employedBy with role, kind (employee|contractor|agency) and time (earlier|current).

Why these patterns: German news states employment in a few recurring shapes
- "für (das Unternehmen) X (als Rolle) tätig", "bei X war/arbeitete",
"wechselte zu X (in den Support)", "Rolle bei X", "X-Rolle Name", a credits
line "Name, X" - which a masked sentence (mentions as placeholders) matches
without a parser. The subject is the nearest person, "er", or the antecedent
of a relative clause resolved to the single fitting person.
"""
from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.context import PLACEHOLDER, Context
from kg.records import MEDIA, ORG, PER

NAME = "employment/1"
TABLE_NAME = "employment-table/1"
O = r"⟨[OM](?P<o>\d+)⟩"
_ORGNOUN = r"(?:das\s+Unternehmen|die\s+Firma|den\s+Konzern|das\s+Start-up|die\s+Agentur|den\s+Dienstleister)"
_MID = r"(?P<mid>(?:[^⟨.;]|⟨L\d+⟩){0,90}?)"
FUER = re.compile(rf"\bfür\s+(?:{_ORGNOUN}\s+)?{O}{_MID}\b(?:tätig|gearbeitet|arbeitet|arbeitete|jobbte|beschäftigt)\b")
FUER_RAW = re.compile(rf"\bfür\s+{_ORGNOUN}\s+(?P<name>[A-ZÄÖÜ][\w&.-]*(?:\s+[A-ZÄÖÜ][\w&.-]*){{0,3}}){_MID}"
                      r"\b(?:tätig|gearbeitet|arbeitet|arbeitete|beschäftigt)\b")
WORKED_FOR = re.compile(rf"\b(?:arbeitete|arbeitet|arbeiteten|jobbte|jobbt)\s+(?:(?:[\w-]+|⟨[OML]\d+⟩)\s+){{0,6}}?für\s+"
                        rf"(?:{_ORGNOUN}\s+|den\s+|die\s+|das\s+)?{O}")
_VIA = r"über\s+(?:die|eine|den|einen)\s+(?:[\w-]*[Aa]gentur|[\w-]*[Ff]irma|[\w-]*[Dd]ienstleister)\s+"
VIA_AGENCY = re.compile(rf"\b{_VIA}{O}[^.;]{{0,80}}?\b(?:gearbeitet|arbeitete|tätig|beschäftigt|angestellt|eingesetzt)\b"
                        rf"|\b(?:arbeitete|arbeitet|jobbte)\s+(?:[\w-]+\s+){{0,3}}?{_VIA}⟨[OM](?P<o2>\d+)⟩")
BEI = re.compile(rf"\bbei\s+(?:dem\s+|der\s+)?{O}\s+(?:war|gewesen|arbeitete|gearbeitet|angestellt|beschäftigt|tätig)\b"
                 rf"|\b(?:arbeitete|arbeitet|jobbte)\s+(?:\w+\s+){{0,3}}bei\s+(?:dem\s+|der\s+)?{O.replace('o>', 'o2>')}")
WECHSEL = re.compile(rf"\bwechselte\s+(?:(?:er|sie|⟨P\d+⟩)\s+)?(?:\w+\s+){{0,2}}zu\s+(?:dem\s+|der\s+)?{O}"
                     rf"(?:\s+(?:in\s+den|ins|in\s+die)\s+(?P<dept>{lexicon.DEPARTMENT_RE}))?")
ROLE_AT = re.compile(rf"\bals\s+(?P<role>{lexicon.ROLE_RE})\s+(?:bei|beim|von|des|der)\s+(?:dem\s+|der\s+)?{O}")
APPOS = re.compile(rf"⟨P(?P<p>\d+)⟩,\s+(?:der\s+|die\s+)?(?:[a-zäöüß][\w-]*\s+)?(?P<role>{lexicon.ROLE_RE})\s+"
                   rf"(?:bei|beim|von|des|der)\s+(?:dem\s+|der\s+)?{O}")
ROLE_OF_NAME = re.compile(rf"(?P<role>{lexicon.ROLE_RE})\s+(?:des|der|von|bei)\s+{O},?\s+⟨P(?P<p>\d+)⟩")
SITE = re.compile(r"\b(?:im|in\s+der|in\s+einem|in\s+einer)\s+(?P<org>[A-ZÄÖÜ][\w.]*)-(?:Headquarter|Hauptquartier|Zentrale|"
                  r"Firmenzentrale|Konzernzentrale|Büro|Niederlassung)\w*\s+(?:\w+\s+){0,2}"
                  r"(?:gearbeitet|gejobbt|tätig|beschäftigt|arbeitet|arbeitete)\b")
_SITE_GATE = re.compile(r"Headquarter|Hauptquartier|[zZ]entrale|Büro|Niederlassung")
CREDIT = re.compile(rf"^\s*⟨P(?P<p>\d+)⟩\s*,\s*{O}\s*$")
EARLIER = re.compile(r"\b(?:[Nn]achdem|zuvor|früher\w*|ehemalig\w*|einst|vorher|davor|damals|eine\s+Weile|bis\s+\d{4}|"
                     r"bisher\w*|bislang|[Ee]x-)(?:\b|(?<=-))")


def kind_of(role: str) -> str:
    if re.fullmatch(lexicon.AGENCY_ROLES, role):
        return "agency"
    if re.fullmatch(lexicon.CONTRACTOR_ROLES, role):
        return "contractor"
    return "employee"


def extract_employment(ctx: Context) -> None:
    for sent in ctx.sentences:
        mk = ctx.masked(sent.index)
        t = mk.text
        has_org = "⟨O" in t or "⟨M" in t
        if "-" in t and _SITE_GATE.search(t):
            for m in SITE.finditer(t):
                o = org_named(ctx, m.group("org"), mk.orig(m.start("org")), sent.index)
                _emp(ctx, _subject(ctx, mk, m.start()), o, sent.index, t, m, "", 0.65)
        if "für" in t and not has_org:
            for m in FUER_RAW.finditer(t):
                a = mk.orig(m.start("name"))
                o = ctx.add_mention(a, a + len(m.group("name")), ORG, sent.index, rule="derived:orgnoun", confidence=0.7)
                _emp(ctx, _subject(ctx, mk, m.start()), o, sent.index, t, m, _role_in(m.group("mid")), 0.7)
        if not has_org:
            continue
        for m in FUER.finditer(t):
            role = _role_in(m.group("mid")) or _role_in(t[max(0, m.start() - 40):m.start()])
            _emp(ctx, _subject(ctx, mk, m.start()), int(m.group("o")), sent.index, t, m, role, 0.8)
        for m in VIA_AGENCY.finditer(t):  # employed through an agency: the agency is the employer
            _emp(ctx, _subject(ctx, mk, m.start()), int(m.group("o") or m.group("o2")), sent.index, t, m, "", 0.7,
                 kind="agency")
        for m in WORKED_FOR.finditer(t):
            _emp(ctx, _subject(ctx, mk, m.start()), int(m.group("o")), sent.index, t, m, "", 0.75)
        for m in BEI.finditer(t):
            o = m.group("o") or m.group("o2")
            _emp(ctx, _subject(ctx, mk, m.start()), int(o), sent.index, t, m, "", 0.7)
        for m in WECHSEL.finditer(t):
            inner = PLACEHOLDER.search(m.group(0))
            subj = ctx.canon(int(inner.group(2))) if inner and inner.group(1) == "P" else _subject(ctx, mk, m.end())
            _emp(ctx, subj, int(m.group("o")), sent.index, t, m, m.group("dept") or "", 0.75, time="current")
        for m in ROLE_AT.finditer(t):
            _emp(ctx, _subject(ctx, mk, m.start()), int(m.group("o")), sent.index, t, m, m.group("role"), 0.8)
        for rx in (APPOS, ROLE_OF_NAME):
            for m in rx.finditer(t):
                _emp(ctx, int(m.group("p")), int(m.group("o")), sent.index, t, m, m.group("role"), 0.8)
        for line in t.split("\n"):
            m = CREDIT.match(line)
            if m:
                _emp(ctx, int(m.group("p")), int(m.group("o")), sent.index, t, m, "", 0.6)


def _role_in(mid: str) -> str:
    m = re.search(rf"\bals\s+({lexicon.ROLE_RE})", mid) or re.search(rf"\b(?:im|in\s+der)\s+({lexicon.DEPARTMENT_RE})\b", mid)
    return m.group(1) if m else ""


def org_named(ctx: Context, name: str, pos: int, s: int) -> int | None:
    """An organisation the article names on its own ("X" for the compound "X-Reporter"); hyphens ~ spaces."""
    key = name.replace("-", " ").lower()
    for i, mm in enumerate(ctx.mentions):
        if mm.label in (ORG, MEDIA) and (mm.norm or mm.text).replace("-", " ").lower() in (key, key + "s"):
            return ctx.canon(i)
    here = ctx.mention_at(pos, pos + len(name), (ORG, MEDIA))
    if here is not None:
        return ctx.canon(here)
    return None


def _subject(ctx: Context, mk, pos: int) -> int | None:
    """Who the clause at ``pos`` is about: a relative pronoun's antecedent, "er", or the nearest person before."""
    before = mk.text[:pos]
    rel = re.search(r"(?P<ante>⟨P(?P<p>\d+)⟩|(?P<desc>\b[\w-]+)),\s+(?:der|die)\s+(?:[^,⟨]*)$", before)
    if rel:
        if rel.group("p"):
            return ctx.canon(int(rel.group("p")))
        return ctx.resolve_description(rel.group("desc"))
    cands = [(m.start(), ctx.canon(int(m.group(2)))) for m in PLACEHOLDER.finditer(before) if m.group(1) == "P"]
    pron = [(m.start(), None) for m in re.finditer(r"\b[Ee]r\b", before)]
    allc = sorted(cands + pron)
    desc = lexicon.DESCRIPTION.match(before)
    if not allc and desc:  # "Der 28-Jährige arbeitete ...": the one person the description fits
        owners = tuple(mm.owner for mm in ctx.mentions if mm.owner is not None)
        return ctx.resolve_description(desc.group("noun"), owners)
    if not allc:
        after = re.match(r"\s*(?:\w+\s+){0,2}?(?:er\b|⟨P(\d+)⟩)", mk.text[pos:])
        if after and after.group(1):
            return ctx.canon(int(after.group(1)))
        if after:
            return ctx.resolve_pronoun(mk.sentence.index, mk.orig(pos))
        return None
    pos0, who = allc[-1]
    return who if who is not None else ctx.resolve_pronoun(mk.sentence.index, mk.orig(pos0))


def _emp(ctx: Context, subj: int | None, org: int | None, s: int, t: str, m: re.Match[str], role: str,
         conf: float, time: str = "", kind: str = "") -> None:
    subj, org = ctx.canon(subj), ctx.canon(org)
    if subj is None or org is None or ctx.mentions[subj].label != PER:
        return
    if ctx.mentions[org].label not in (ORG, MEDIA) and not ctx.is_platform(org):
        return
    if re.search(r"\b(?:nicht|nie|niemals|kein\w*)\b", t[max(0, m.start() - 30):m.end()]):
        return
    time = time or ("earlier" if EARLIER.search(t[max(0, m.start() - 50):m.end()]) else "current")
    quals = [("time", time)]
    if role:
        quals.insert(0, ("role", role))
        quals.insert(1, ("kind", kind_of(role)))
    else:
        quals.insert(0, ("kind", kind or "employee"))
    ctx.relate(subj, "employedBy", org, s, NAME, conf, tuple(quals))


# ---- the table-driven rows (kg.extract.patterns.employment_table) -------------------------------
_NEG = re.compile(r"\b(?:nicht|nie|niemals|kein\w*)\b", re.IGNORECASE)


def finish(ctx: Context, m, subj: int, obj: int) -> tuple[tuple[str, str], ...] | None:
    """role, kind and time of one employment match; None when the clause negates it."""
    from kg.extract.patterns import engine
    from kg.extract.patterns.classes import in_class

    window = engine.hedge_window(ctx, m)
    if any(_NEG.fullmatch(u.lower) for u in m.units[max(0, m.start - 1):m.end]):
        return None
    fixed = dict(m.row.qualifiers)
    role = m.text("role")
    if not role:
        role = next((u.head for u in m.slots.get(m.row.object, ()) if u.mention is None
                     and in_class("ROLE_NOUN", u.head, u.text.rsplit("-", 1)[-1])), "")
    before = m.units[max(0, m.start - 3):m.end]
    earlier = any(in_class("EARLIER", u.text, u.lemma) or u.lower.startswith(("ex-", "alt-")) for u in before
                  if not u.ent) or bool(EARLIER.search(window))
    time = fixed.get("time") or ("earlier" if earlier else "current")
    kind = fixed.get("kind") or (kind_of(role) if role else "employee")
    return ((("role", role),) if role else ()) + (("kind", kind), ("time", time))


def _table():
    from kg.extract.patterns import table_extractor
    from kg.extract.patterns.employment_table import ROWS

    return table_extractor(ROWS, finish)


def extract_table(ctx: Context) -> None:
    """employedBy from the rows of kg.extract.patterns.employment_table."""
    global _RUN
    if _RUN is None:
        _RUN = _table()
    _RUN(ctx)


_RUN = None
