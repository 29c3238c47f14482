"""English articles: the same relations from the commonest English shapes.

Why a separate, smaller rule set: English word order is fixed enough that a
few masked-sentence patterns carry most statements ("X, a contractor for Y",
"told Y", "Y reported", "X's Platform account", "deactivated ... account",
"a German national"). Runs only for ``Document.lang == "en"``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.context import Context
from kg.extract.lexicon import EN_DEMONYMS
from kg.extract.masked import PLACEHOLDER
from kg.extract.patterns import table_extractor
from kg.extract.patterns.english_table import PLACE_ROWS as EN_PLACE_ROWS
from kg.extract.patterns.english_table import ROWS as EN_ROWS
from kg.extract.reporting import extract_spokesperson_rows
from kg.extract.timex import parse_number
from kg.records import ACCOUNT, LOC, MEDIA, ORG, PER, EventCandidate

NAME = "english/2"
P = r"⟨P(?P<p>\d+)⟩"
ACCOUNT_EN = re.compile(rf"(?:{P}['’]s?\s+)?(?:(?P<plat>[A-Z][\w.]+)\s+|⟨[OMP](?P<pi>\d+)⟩\s+)?account\b"
                        rf"(?:\s+of\s+⟨P(?P<p2>\d+)⟩)?")
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}\b")
TRIGGER = re.compile(r"\b(?P<t>deactivated|deactivating|suspended|disabled|deleted|banned|restored|reactivated|"
                     r"took\s+(?:\S+\s+){0,4}?(?:down|offline)|taken\s+down|shut\s+down|knocked\s+offline|went\s+offline)\b")
KIND = {"suspended": "Suspension", "banned": "Block", "deleted": "Deletion", "restored": "Restoration",
        "reactivated": "Restoration"}
NEGATION = re.compile(r"\b(?:not|never|no|n't|nobody|denied)\b")
HEDGE = re.compile(r"\b(?:reportedly|allegedly|apparently|according\s+to|claims?|claimed|may|might)\b")
DEMONYMS = EN_DEMONYMS
_DEM = "(?P<dem>" + "|".join(DEMONYMS) + ")"
NATIONALITY = [re.compile(rf"\b(?:a|the)\s+{_DEM}(?:\s+(?:citizen|national|man|woman))?\s*,?\s*{P}"),
               re.compile(rf"{P},\s+(?:a|an)\s+{_DEM}\s+(?:citizen|national)")]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
EN_DATE = re.compile(r"\b(?:on\s+)?(?P<m>January|February|March|April|May|June|July|August|September|October|November|"
                     r"December)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b")
DURATION = re.compile(r"\b(?P<n>\d+|one|two|three|five|ten|eleven|twelve|fifteen|twenty)\s+(?P<u>minute|hour|day)s?\b")
_EN_NUM = {"one": 1, "two": 2, "three": 3, "five": 5, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
FOLLOWERS = re.compile(r"(?P<num>(?:more\s+than\s+|over\s+|nearly\s+|about\s+)?(?P<n>\d+(?:[.,]\d+)?)\s*(?P<m>million|m)?)\s+"
                       r"followers")


def extract_english(ctx: Context) -> None:
    if ctx.document.lang != "en":
        return
    _EMPLOYMENT(ctx)
    _PLACES(ctx)
    extract_spokesperson_rows(ctx)
    last_owner: int | None = None
    for sent in ctx.sentences:
        mk = ctx.masks[sent.index]
        t, s = mk.text, sent.index
        negated = bool(NEGATION.search(t))
        for rx in NATIONALITY:
            for m in rx.finditer(t):
                dem, a = m.group("dem"), mk.orig(m.start("dem"))
                loc = ctx.mentions.add(a, a + len(dem), LOC, s, text=DEMONYMS[dem], norm=DEMONYMS[dem],
                                      rule="derived:demonym")
                ctx.results.relate(int(m.group("p")), "nationality", loc, s, NAME, 0.75)
        last_owner = _accounts(ctx, sent, last_owner)
        _events(ctx, sent, negated)
        _facts(ctx, sent)
    # said and reportedBy: the English rows of kg.extract.patterns.speech_en_table (kg.extract.speech)


def finish_employment(ctx: Context, m, subj: int, obj: int) -> tuple[tuple[str, str], ...] | None:
    """role, kind and time of an English employment row; a negation in the clause drops it."""
    from kg.extract.patterns.engine import hedge_window

    if NEGATION.search(hedge_window(ctx, m)):
        return None
    role = m.text("role")
    fixed = dict(m.row.qualifiers)
    words = " ".join(u.lower for u in m.units[max(0, m.start - 2):m.end])
    time = fixed.get("time") or ("earlier" if re.search(r"\b(?:former|ex-|had\s+worked|previously|once)\b", words)
                                 else "current")
    kind = "contractor" if "contractor" in role.lower() else "employee"
    return ((("role", role),) if role else ()) + (("kind", kind), ("time", time))


_EMPLOYMENT = table_extractor(EN_ROWS, finish_employment)
_PLACES = table_extractor(EN_PLACE_ROWS)


def _accounts(ctx: Context, sent, last_owner: int | None) -> int | None:
    t = sent.text
    if "account" not in t and "@" not in t:
        return last_owner
    mk = ctx.masks[sent.index]
    for m in ACCOUNT_EN.finditer(mk.text):
        owner = m.group("p") or m.group("p2")
        owner = ctx.mentions.canon(int(owner)) if owner else (last_owner if re.search(r"\b(?:the|his|her|its)\s+$",
                                                                             mk.text[:m.start()]) else None)
        if owner is None:
            continue
        platform = int(m.group("pi")) if m.group("pi") else None
        if m.group("plat"):
            a = mk.orig(m.start("plat"))
            platform = ctx.mentions.at(a, a + len(m.group("plat")), (ORG, MEDIA, PER))
        a, b = mk.orig(m.start()), mk.orig(m.end())
        i = ctx.mentions.add(a, b, ACCOUNT, sent.index, rule="account:en", owner=owner, platform=platform)
        ctx.results.relate(i, "accountOf", owner, sent.index, NAME, 0.8)
        if platform is not None:
            ctx.results.relate(i, "onPlatform", platform, sent.index, NAME, 0.8)
        last_owner = owner
    return last_owner


def _events(ctx: Context, sent, negated: bool) -> None:
    mk = ctx.masks[sent.index]
    t = mk.text
    for m in TRIGGER.finditer(t):
        if negated:
            return
        accounts = [int(x.group(2)) for x in PLACEHOLDER.finditer(t) if x.group(1) == "A"]
        if not accounts:
            return
        account = accounts[0]
        word = m.group("t").split()[0]
        kind = KIND.get(word, "Deactivation")
        by = re.search(r"\bby\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?⟨[PO](\d+)⟩", t[m.end():])
        owner = ctx.mentions[account].owner
        before = [int(x.group(2)) for x in PLACEHOLDER.finditer(t[:m.start()]) if x.group(1) in "PO"
                  and not re.match(r"\s+(?:employee|contractor|staffer|worker|spokes\w+)\b", t[x.end():])
                  and not ctx.entities.same(int(x.group(2)), owner)]
        people = [c for c in before if ctx.mentions[ctx.mentions.canon(c)].label == PER]
        agent = int(by.group(1)) if by else (people[-1] if people else (before[-1] if before else None))
        if re.search(r"\b(?:was|were|been|is)\s+$", t[:m.start()]) and not by:
            agent = None
        dur = DURATION.search(sent.text)
        duration = None
        if dur:
            n = int(dur.group("n")) if dur.group("n").isdigit() else _EN_NUM[dur.group("n")]
            duration = f"PT{n}{'M' if dur.group('u') == 'minute' else 'H'}" if dur.group("u") != "day" else f"P{n}D"
        ev = ctx.results.evidence(sent.index, (sent.start, sent.end), NAME, 0.75, hedge_text="")
        hedge = HEDGE.search(t)
        if hedge:
            ev = replace(ev, hedged=True, hedge=hedge.group(0), confidence=0.5)
        when = EN_DATE.search(sent.text)
        date = None
        if when:
            year = int(when.group("y")) if when.group("y") else ctx.ref.year
            month, day = _MONTHS.index(when.group("m").lower()) + 1, int(when.group("d"))
            date = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        ctx.results.events.append(EventCandidate(kind, m.group("t"), ev,
                                         agent=agent, account=account, owner=owner,
                                         platform=ctx.mentions[account].platform,
                                         date=date, date_text=when.group(0) if when else None,
                                         duration=duration, duration_text=dur.group(0) if dur else None))
        if agent is not None and kind != "Restoration" and ctx.mentions[ctx.mentions.canon(agent)].label in (PER, ORG):
            ctx.results.relate(agent, "deactivated", account, sent.index, NAME, 0.75)
        return


def _facts(ctx: Context, sent) -> None:
    mk = ctx.masks[sent.index]
    t = mk.text
    for m in FOLLOWERS.finditer(t):
        owner = next((int(x.group(2)) for x in PLACEHOLDER.finditer(t) if x.group(1) == "P"), None)
        accounts = [int(x.group(2)) for x in PLACEHOLDER.finditer(t) if x.group(1) == "A"]
        if accounts and ctx.mentions[accounts[0]].owner is not None:
            owner = ctx.mentions[accounts[0]].owner
        n = parse_number(m.group("n"))
        if owner is None or n is None:
            continue
        value = str(int(n * (1_000_000 if m.group("m") else 1)))
        ctx.results.fact(owner, "followerCount", value, m.group("num").strip(),
                         ctx.results.evidence(sent.index, (mk.orig(m.start()), mk.orig(m.end())), NAME, 0.75))
