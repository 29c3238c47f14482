"""Account events (deactivation, suspension, block, deletion, restoration) and user reports (flaggedBy).

Why syntax-light: the default pipeline has no parser, so a trigger (any
inflection of the verb families, separable forms, passives, nouns) is read in
its clause of the masked sentence: the account is an ACCOUNT placeholder (or
a person who owns one: "nahm X vom Netz"); the agent is a person before the
trigger in an active clause, "von/durch X" in a passive one, the antecedent
of a relative clause ("Der Mann, der ... lahmgelegt hat, heißt X"), or the
subject of "dafür verantwortlich, dass"; descriptions ("ein X-Mitarbeiter",
"der Deutsche") resolve to the single fitting person. Negated, non-factual
("zu deaktivieren") or disbelieved clauses give nothing.
"""
from __future__ import annotations

import functools
import re

from kg.extract import cues, lexicon
from kg.extract.accounts import surname_owner
from kg.extract.context import Context
from kg.extract.masked import PLACEHOLDER
from kg.extract.nationality import demonym_nationality
from kg.extract.patterns import (  # the table registers its classes at import
    compile_table,
    find,
    takedown_table,
)
from kg.extract.timex import find_dates, find_durations
from kg.records import ACCOUNT, MEDIA, ORG, PER, EventCandidate

NAME = "event/1"
FLAG_NAME = "flag/1"
DEACTIVATING = ("Deactivation", "Suspension", "Block", "Deletion")

TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("Restoration", re.compile(r"\bwieder\w*hergestellt\b|\bwiederherzustellen\b|\bwiederherstell\w*|\bWiederherstellung\b"
                               r"|\breaktivier\w*|\bentsperrt\b|\b(?:wieder\s+)?freigeschaltet\b|\bstellte\w*\b[^,;:]{0,80}?\bwieder\s+her\b")),
    ("Deactivation", re.compile(
        r"\bnicht\s+(?:mehr\s+)?(?:erreichbar|abrufbar|aufrufbar)\b|"
        r"\bdeaktivier\w*|\bDeaktivierung\b|\blahm(?:zu)?leg\w*|\blahmgelegt\b|\blegt\w*\b[^,;:]{0,80}?\blahm\b"
        r"|\bstill(?:zu)?leg\w*|\bstillgelegt\b|\bStilllegung\b|\blegt\w*\b[^,;:]{0,80}?\bstill\b"
        r"|\babschalt\w*|\babgeschaltet\b|\babzuschalten\b|\bAbschaltung\b|\bschaltet\w*\b[^,;:]{0,80}?\bab\b"
        r"|\bvom\s+Netz\s+(?:ge)?(?:nommen|nahm|nehmen|nimmt|zu\s+nehmen|gegangen|verschwunden|genommen)\b"
        r"|\b(?:nahm|nimmt|nahmen|nehmen)\b[^,;:]{0,80}?\bvom\s+Netz\b"
        r"|\boffline\s+(?:ge)?(?:stellt|stellte|stellen|nommen|nahm|genommen|gegangen|ging|war|zu\s+stellen)\b"
        r"|\b(?:stellt|stellte|stellten|nahm|nahmen|ging)\b[^,;:]{0,80}?\boffline\b"
        r"|\b(?:Sendepause|Maulkorb|Zwangspause)\b[^,;:]{0,80}?\bverpass\w*")),
    ("Suspension", re.compile(r"\bsperrt\w*|\bsperren\b|\bgesperrt\b|\bzu\s+sperren\b|\bSperrung\b|\bSperre\b"
                              r"|\bsuspendier\w*|\bSuspendierung\b")),
    ("Block", re.compile(r"\bblockier\w*|\bBlockierung\b")),
    ("Deletion", re.compile(r"\blösch\w*|\bgelöscht\b|\bLöschung\b")),
]
_STEMS = ("erreichbar", "abrufbar", "aufrufbar", "freigeschaltet", "deaktiv", "sperr", "schalt", "lahm", "still", "netz", "offline", "lösch", "blockier", "suspend", "wiederher",  # noqa: E501
          "reaktiv", "sendepause", "maulkorb", "zwangspause", " her")
_METONYMY = re.compile(r"Netz|offline|abgeschaltet|abschalt|schaltet|lahm|Sendepause|Maulkorb|Zwangspause|deaktivier")
_DENIAL = re.compile(r"\b(?:bestr[ei]\w*|leugne\w*|dementier\w*|weist\w*|wies|zurückgewiesen|verneint\w*)\b")
_PASSIVE = re.compile(r"\b(?:wurde|wurden|worden|wird|werden|war|waren|ist|sind|sei|seien|gewesen|bleibt|blieb)\b")
_INTRANS = re.compile(r"gegangen|verschwunden|\bging\b|offline\s+war")
_NOMINAL = re.compile(r"^(?:Deaktivierung|Abschaltung|Stilllegung|Sperrung|Sperre|Suspendierung|Blockierung|Löschung|"
                      r"Wiederherstellung)$")
_RESPONSIBLE = re.compile(r"\b(?:dafür|daran)\s+(?:verantwortlich|schuld)(?:\s+(?:war|ist|sein|gewesen|sei))?\s*,\s*$")
_SO_LONG = re.compile(r"\b(?:[Ss]o|[Ss]olange|[Ss]o\s+lange)\s+lange\b|\b[Ss]olange\b|\b[Gg]enau\s+so\s+lange\b")


def extract_events(ctx: Context) -> None:
    for sent in ctx.sentences:
        low = sent.text.lower()
        if not any(stem in low for stem in _STEMS):
            continue
        mk = ctx.masks[sent.index]
        t = mk.text
        taken: list[tuple[int, int]] = []
        for kind, rx in TRIGGERS:
            for m in rx.finditer(t):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                _event(ctx, mk, kind, m)
    extract_takedown_rows(ctx)


def _event(ctx: Context, mk, kind: str, m: re.Match[str]) -> None:
    t = mk.text
    trig = ctx.text[mk.orig(m.start()):mk.orig(m.end())]
    a, b = cues.clause_bounds(t, m.start())
    a2, b2 = cues.clause_bounds(t, m.end() - 1)
    a, b = min(a, a2), max(b, b2)
    clause = t[a:b]
    unreachable = m.group(0).startswith("nicht")  # "war nicht erreichbar": the negation is the event
    if _blocked(t, m, a, clause, unreachable):
        return
    nominal = bool(_NOMINAL.match(m.group(0)))
    if nominal:  # "die Sperrung seines Accounts": the account is the genitive right after the noun
        g = re.match(r"\s+(?:[\w-]+\s+){0,2}?⟨A(\d+)⟩", t[m.end():b])
        account = int(g.group(1)) if g else None
        if account is None:
            return
    else:
        account = _account(ctx, clause, "")
    owner = platform = None
    if account is not None:
        owner, platform = ctx.mentions[account].owner, ctx.mentions[account].platform
    else:
        if not _METONYMY.search(m.group(0)) or unreachable:
            return
        owner = _owner_in(ctx, clause, m.start() - a)
        account = _account_of(ctx, owner)
        if account is None:
            return
        platform = ctx.mentions[account].platform
    agent = None if nominal else _agent(ctx, mk, a, b, m, owner, account)
    s = mk.sentence
    ev = ctx.results.evidence(s.index, (s.start, s.end), NAME, 0.8)
    date, duration = _timing(ctx, mk, m, a, b, nominal)
    ctx.results.events.append(EventCandidate(
        kind, trig, ev, agent=agent, account=account, owner=owner, platform=platform,
        date=date.value if date else None, date_text=date.text if date else None,
        duration=duration.value if duration else None, duration_text=duration.text if duration else None))
    if agent is not None and kind in DEACTIVATING:
        ctx.results.relate(agent, "deactivated", account, s.index, NAME, 0.8)


def _blocked(t: str, m: re.Match[str], a: int, clause: str, unreachable: bool) -> bool:
    """Negated, unconfirmed, intended ("zu deaktivieren"), disbelieved or denied: no event."""
    if not unreachable and (cues.negated(t, m.end() - 1) or cues.negated(t, m.start())) or cues.not_confirmed(clause):
        return True
    if re.search(r"\bzu\s+\w+$|zu(?:leg|schalt|stell|nehm)", t[m.start():m.end()]) or re.search(r"\bzu\s*$", t[a:m.start()]):
        return True
    if cues.negated_belief_before(t, a):
        return True
    return bool(re.match(r"\s+zu\s+haben\b", t[m.end():]) and _DENIAL.search(t[max(0, a - 80):a]))


def _timing(ctx: Context, mk, m: re.Match[str], a: int, b: int, nominal: bool):
    """The date nearest the trigger in its sentence; a duration of its clause, an explicit span, or "so lange"."""
    s = mk.sentence
    dates = [d for d in find_dates(s.text, ctx.ref, s.start) if d.value]
    date = min(dates, key=lambda d: abs(d.start - mk.orig(m.start()))) if dates else None
    ca, cb = mk.orig(a), mk.orig(b)
    durs = [d for d in _lasting(ctx, find_durations(s.text, s.start))
            if (ca <= d.start < cb and not nominal) or re.search(r"\bfür\s+(?:\w+\s+)?$", ctx.text[max(0, d.start - 12):d.start])
            or re.match(r"\s+lang\b", ctx.text[d.end:d.end + 6])]
    if not durs and _SO_LONG.search(mk.text[a:b]) and s.index > 0:
        prev = ctx.sentences[s.index - 1]
        durs = _lasting(ctx, find_durations(prev.text, prev.start))
    return date, (durs[0] if durs else None)


def _lasting(ctx: Context, durs: list) -> list:
    """Durations, not time points: "vor zwei Wochen" and "elf Minuten später" say when, not how long."""
    text = ctx.text
    return [d for d in durs if not re.search(r"(?i)\bvor\s+$", text[max(0, d.start - 5):d.start])
            and not re.match(r"\s+(?:später|zuvor|danach|früher|davor|vorher)\b", text[d.end:d.end + 10])]


def _account(ctx: Context, clause: str, after: str) -> int | None:
    found = [int(x.group(2)) for x in PLACEHOLDER.finditer(after or clause) if x.group(1) == "A"]
    if not found and after:
        found = [int(x.group(2)) for x in PLACEHOLDER.finditer(clause) if x.group(1) == "A"]
    return found[0] if found else None


def _owner_in(ctx: Context, clause: str, pos: int) -> int | None:
    """Metonymy "nahm X vom Netz": a person of the clause who owns an account in the article."""
    owners = {ctx.mentions.canon(mm.owner) for mm in ctx.mentions if mm.label == ACCOUNT and mm.owner is not None}
    for x in PLACEHOLDER.finditer(clause):
        if x.group(1) == "P":
            c = ctx.mentions.canon(int(x.group(2)))
            if any(ctx.entities.same(c, o) for o in owners):
                return c
    for w in re.finditer(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+(?![\w-])", clause):  # a surname NER left untyped
        c = surname_owner(ctx, w.group(0))
        if c is not None and any(ctx.entities.same(c, o) for o in owners):
            return c
    return None


def _account_of(ctx: Context, owner: int | None) -> int | None:
    if owner is None:
        return None
    for i, mm in enumerate(ctx.mentions):
        if mm.label == ACCOUNT and ctx.entities.same(mm.owner, owner):
            return i
    return None


def _agent(ctx: Context, mk, a: int, b: int, m: re.Match[str], owner: int | None, account: int) -> int | None:
    t = mk.text
    clause = t[a:b]
    rel_m = m.start() - a
    passive = bool(_PASSIVE.search(clause)) and not re.search(r"\b(?:hat|hatte|haben|hätte)\b", clause)
    passive = passive or bool(_INTRANS.search(m.group(0)))
    exclude = (owner,)
    head = t[:a]
    if re.match(r"\s+zu\s+haben\b", t[m.end():]):  # "X gab zu, den Account deaktiviert zu haben"
        pa, _ = cues.clause_bounds(t, max(0, a - 2))
        return _first_agent(ctx, mk, t[pa:a], pa, exclude, before=None)
    resp = list(_RESPONSIBLE.finditer(head[-80:] if len(head) > 80 else head))
    if resp and re.match(r"\s*dass\b", clause):  # "X war dafür verantwortlich, dass ... gesperrt war"
        off = max(0, len(head) - 80)
        ra, _ = cues.clause_bounds(t, off + resp[-1].start())
        return _first_agent(ctx, mk, t[ra:off + resp[-1].start()], ra, exclude, before=None)
    if passive:
        by = re.search(r"\b(?:von|durch)\s+(?P<who>⟨[POM]\d+⟩|[^,;:⟨]{0,60})", clause)
        if by:
            return _who(ctx, mk, a + by.start("who"), by.group("who"), exclude)
        return None
    who = _first_agent(ctx, mk, clause, a, exclude, before=rel_m)
    if who is not None:
        return who
    acc = re.search(r"⟨A\d+⟩", clause[rel_m:])  # verb second: "Am 3. März deaktivierte er den Account"
    if acc and not re.search(r"\b(?:der|die|welche[rs]?)\s", clause[:rel_m]):
        start = rel_m + len(m.group(0).split()[0])
        who = _first_agent(ctx, mk, clause[start:rel_m + acc.start()], a + start, exclude, before=None)
        if who is not None:
            return who
    if re.search(r"\b(?:selbst|selber)\b", clause):  # "X hat ihren Account selbst gelöscht"
        return _first_agent(ctx, mk, clause, a, (), before=rel_m)
    rel = re.search(r"(?P<ante>⟨P\d+⟩|[^,;:]{1,60}?),\s*$", head)
    if rel and re.match(r"\s*(?:der|die|welche[rs]?)\b", clause):
        after = re.match(r"[,\s]*(?:heißt|ist|war|sei)\s+(?:[a-zäöüß][\w-]*\s+)?⟨P(?P<p>\d+)⟩", t[b:])
        if after:
            return ctx.mentions.canon(int(after.group("p")))
        who = _who(ctx, mk, rel.start("ante"), rel.group("ante"), exclude)
        if who is None:  # "X war es, der ...": the person of the clause before
            who = _first_agent(ctx, mk, rel.group("ante"), rel.start("ante"), exclude, before=None)
        return who
    return None


def _first_agent(ctx: Context, mk, clause: str, a: int, exclude, before: int | None) -> int | None:
    """The first person (name, pronoun, description) or organisation in ``clause`` (before the trigger)."""
    scope = clause if before is None else clause[:before]
    cands: list[tuple[int, str]] = []
    for x in PLACEHOLDER.finditer(scope):
        if x.group(1) in "POM":
            cands.append((x.start(), x.group(0)))
    for x in lexicon.DESCRIPTION.finditer(scope):
        if "⟨" not in x.group(0):
            cands.append((x.start(), x.group(0)))
    for x in re.finditer(r"\b[Ee]r\b", scope):
        cands.append((x.start(), "er"))
    for pos, text in sorted(cands):
        who = _who(ctx, mk, a + pos, text, exclude)
        if who is not None:
            return who
    return None


def _who(ctx: Context, mk, pos: int, text: str, exclude) -> int | None:
    ph = PLACEHOLDER.fullmatch(text.strip())
    if ph:
        c = ctx.mentions.canon(int(ph.group(2)))
        if c is not None and ctx.mentions[int(ph.group(2))].kind == "pronoun" and \
                any(ctx.entities.same(c, e) for e in exclude if e is not None):
            return ctx.resolve.pronoun(mk.sentence.index, mk.orig(pos), exclude)  # NLP chose the excluded one
        if c is None or any(ctx.entities.same(c, e) for e in exclude if e is not None):
            return None
        if ctx.mentions[c].label in (PER, ORG, MEDIA):
            return c
        return None
    if text == "er":
        return ctx.resolve.pronoun(mk.sentence.index, mk.orig(pos), exclude)
    d = lexicon.DESCRIPTION.search(text)
    if not d:
        return None
    who = ctx.resolve.description(d.group("noun"), exclude)
    if who is None:  # the NLP stage may have linked the description to its antecedent
        i = ctx.mentions.at(mk.orig(pos + d.start("noun")), mk.orig(pos + d.end("noun")), (PER,))
        c = ctx.mentions.canon(i) if i is not None and ctx.mentions[i].kind == "description" else None
        if c is not None and c != i and not any(ctx.entities.same(c, e) for e in exclude if e is not None):
            who = c
    if who is not None and lexicon.country_of_demonym(d.group("noun")):
        demonym_nationality(ctx, who, mk.sentence.index, mk.orig(pos + d.start("noun")), d.group("noun"))
    return who


FLAG = re.compile(r"\b(?:gemeldet|meldete|meldeten|gemeldeten)\b")


def extract_flags(ctx: Context) -> None:
    """flaggedBy: a user report of an account ("wurde ... Account gemeldet"); "sich gemeldet" means spoke up."""
    for sent in ctx.sentences:
        if "meldet" not in sent.text or "⟨A" not in ctx.masks[sent.index].text:
            continue
        mk = ctx.masks[sent.index]
        t = mk.text
        for m in FLAG.finditer(t):
            a, b = cues.clause_bounds(t, m.start())
            clause = t[a:b]
            if re.search(r"\bsich\b", clause) or cues.negated(t, m.start()):
                continue
            accounts = [int(x.group(2)) for x in PLACEHOLDER.finditer(clause) if x.group(1) == "A"]
            if not accounts:
                continue
            account = accounts[0]
            owner = ctx.mentions[account].owner
            reporter = None
            by = re.search(r"\bvon\s+(?:einem\s+|einer\s+)?⟨P(\d+)⟩", clause)
            if by:
                reporter = ctx.mentions.canon(int(by.group(1)))
            elif not _PASSIVE.search(clause[:m.start() - a]):
                ps = [ctx.mentions.canon(int(x.group(2))) for x in PLACEHOLDER.finditer(clause) if x.group(1) == "P"]
                ps = [p for p in ps if not ctx.entities.same(p, owner)]
                reporter = ps[0] if ps else None
            if reporter is not None and ctx.mentions[reporter].label != PER:
                reporter = None
            ctx.results.relate(account, "flaggedBy", reporter, sent.index, FLAG_NAME, 0.75)


# ---- takedown rows (kg.extract.patterns.takedown_table) -----------------------------------------
@functools.cache
def _takedown_rows() -> tuple:
    return compile_table(takedown_table.ROWS)


def extract_takedown_rows(ctx: Context) -> None:
    """Deactivation events and deactivated relations from the takedown rows."""
    for sent in ctx.sentences:
        for row in _takedown_rows():
            for m in find(row, ctx, sent.index):
                _takedown(ctx, m)


def _takedown(ctx: Context, m) -> None:
    from kg.records import LOC

    agent = next((u.mention for u in m.slots.get("agent", ()) if u.mention is not None), None)
    if agent is None and m.slots.get("named"):  # "das Hacker-Kollektiv X": a collective named after its noun
        u = m.slots["named"][0]
        agent = ctx.mentions.add(u.start, u.end, ORG, m.sentence, rule="derived:collective", confidence=0.65)
    if agent is None or ctx.mentions[ctx.mentions.canon(agent)].label not in (ORG, PER, LOC):
        return
    if "acc" in m.slots:  # the account phrase the account rows made around the site noun
        u = m.slots["acc"][0]
        account = ctx.mentions.at(u.start, u.end, (ACCOUNT,))
    else:  # the person's presence on the platform is the account
        target, platform = m.slots["target"], m.slots["platform"][0]
        who = next((u.mention for u in target if u.mention is not None), None)
        if who is None:
            who = ctx.resolve.description(target[-1].text)
        if who is None:  # "die Politikerin": the one person the sentence names
            people = {ctx.mentions.canon(i) for i in ctx.mentions.in_sentence(m.sentence, (PER,)) if ctx.mentions[i].kind == "name"}
            who = people.pop() if len(people) == 1 else None
        account = ctx.mentions.add(target[0].start, platform.end, ACCOUNT, m.sentence, rule=m.row.name,
                                  owner=who, platform=platform.mention)
        if platform.mention is not None:
            ctx.results.relate(account, "onPlatform", platform.mention, m.sentence, m.row.name, m.row.confidence)
        if who is not None:
            ctx.results.relate(account, "accountOf", who, m.sentence, m.row.name, 0.6)
    if account is None:
        return
    acc = ctx.mentions[account]
    s = ctx.sentences[m.sentence]
    verb = m.slots["verb"][0]
    ev = ctx.results.evidence(m.sentence, (s.start, s.end), m.row.name, m.row.confidence)
    ctx.results.events.append(EventCandidate("Deletion" if verb.lemma.startswith("lösch") else "Deactivation", verb.text, ev,
                                     agent=ctx.mentions.canon(agent), account=account, owner=acc.owner, platform=acc.platform))
    ctx.results.relate(agent, "deactivated", account, m.sentence, m.row.name, m.row.confidence)
