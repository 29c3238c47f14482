"""Derived ACCOUNT mentions ("Xs Plattform-Account", "das private Konto von X") with accountOf/onPlatform.

Why: accounts are the objects of deactivation and user reports, but NER does
not see them. A platform is a compound prefix ("Plattform-Account") only when
the article also names it on its own (as an ORG mention or a free-standing
word), so "Bankkonto" never makes a platform. Owner-less definite mentions
("der Account") continue the article's last account.
"""
from __future__ import annotations

import functools
import re

from kg.extract.account_owners import (  # noqa: F401  (surname_owner: used by events and facts through here)
    DESCRIBED_SUBJECT,
    by_title,
    described_person,
    described_subject,
    handle_person,
    previous_subject,
    sentence_person,
    single_owner,
    surname_owner,
)
from kg.extract.context import Context
from kg.extract.patterns import (  # the table registers its classes at import
    accounts_table,
    compile_table,
    find,
)
from kg.records import ACCOUNT, MEDIA, ORG, PER

_SOCIAL = re.compile(accounts_table.PLATFORMS)

NAME = "account/1"
_NOUN = r"(?:[Aa]ccount|[Kk]onto|[Pp]rofil|Kanal|(?<=[a-z])kanal)(?:s|es)?"
# "der Kurznachrichtendienst X", "die Videoplattform X": an organisation named as a platform
PLATFORM_NOUN = re.compile(r"(?:Kurznachrichtendienst|Nachrichtendienst|Videodienst|Onlinedienst|Fotodienst|Messenger\w*|"
                           r"[\w-]*[Pp]lattform|[Nn]etzwerk|Online-Netzwerk|soziale[nm]? Netzwerk|Videoportal)\s+"
                           r"(?:[a-zäöüß][\w-]*\s+)?")
ACCOUNT_RE = re.compile(
    r"(?P<pre>\b[A-ZÄÖÜ][\w.]*?(?:-\s?|\s(?=[Aa]ccount)|(?=[a-z]*(?:account|konto|profil|kanal)\b)))?"
    rf"(?P<noun>{_NOUN})\b"
)
_GATE = re.compile(r"(?i)account|konto|profil|kanal")
_DET_BEFORE = re.compile(r"(?P<det>\b(?i:der|die|das|den|dem|des|sein(?:e[nmrs]?)?|ihr(?:e[nmrs]?)?|ein(?:e[nmrs]?)?)\s+"
                         r"(?:[a-zäöüß][\w-]*\s+){0,3})$")
_OWNER_AFTER = re.compile(r"^(?P<prep>\s+(?:von|des|der)\s+)(?:[A-ZÄÖÜ][\w-]*\s+)?")  # "des Rappers X", "von US-Präsident X"
_TITLE_AFTER = re.compile(r"^\s+(?:des|der)\s+(?P<title>[\w-]+?)(?:en|s)?\b")
_PLATFORM_AFTER = re.compile(r"^\s+(?:auf|bei)\s+")
_GENERIC_SUBJECT = re.compile(r"\b(?:[Ww]er|man|[Jj]ede[rn]?|[Aa]lle|[Nn]utzer\w*|User\w*|Kunden)\b")
_GENERIC = {"Bank", "Giro", "Spar", "Geschäfts", "Privat", "Auslands", "Schweizer", "Spenden", "Treuhand", "Sperr",
            "Nutzer", "Benutzer", "Kunden", "Fernseh", "Radio", "Wasser", "Abwasser", "Kabel"}


def extract_accounts(ctx: Context) -> None:  # noqa: C901
    """Add ACCOUNT mentions and their accountOf/onPlatform relations."""
    last: tuple[int | None, int | None] = (None, None)  # (owner, platform) of the last account
    pending: list[tuple[int, int, int]] = []  # definite accounts without an owner yet: (start, end, sentence)
    for sent in ctx.sentences:
        if not _GATE.search(sent.text):
            last = _handles(ctx, sent, last)
            continue
        for m in ACCOUNT_RE.finditer(sent.text):
            a0 = sent.start + m.start()
            noun = m.group("noun")
            pre = (m.group("pre") or "").strip().rstrip("-").strip()
            if pre in _GENERIC:
                continue
            if pre and not (m.group("pre") or "").rstrip().endswith("-") and not m.group("pre")[-1:].isalpha():
                ps = sent.start + m.start("pre")  # "Der Account", "Plattform Account": only a name is a prefix
                if ctx.mentions.at(ps, ps + len(pre), (ORG, MEDIA, PER)) is None:
                    pre = ""
            owner, platform = _classify_prefix(ctx, pre, sent.start + m.start("pre") if pre else None)
            if pre and owner is None and platform is None:
                continue  # an unknown compound ("Sparbuch-Konto"): not a social account
            lead = m.start() if pre else m.start("noun")  # a dropped prefix ("Der ") belongs before the noun
            a0 = sent.start + lead
            before = sent.text[:lead]
            det = _DET_BEFORE.search(before)
            start = a0
            if owner is None:
                owner, start = _owner_before(ctx, sent.index, sent.start, before, start)
            end = sent.start + m.end()
            after = sent.text[m.end():]
            if owner is None:
                owner, end = _owner_after(ctx, sent.start + m.end(), after)
            if platform is None:
                pm = _PLATFORM_AFTER.match(after)
                if pm:
                    platform = ctx.mentions.at(end + pm.end(), end + pm.end() + 1, (ORG, MEDIA))
            possessive = bool(det and re.match(r"(?i:sein|ihr)", det.group("det")))
            definite = bool(det and re.match(r"(?i:der|die|das|den|dem|des)\b", det.group("det")))
            genitive = bool(det and re.match(r"(?i:des|eines|seines|ihres)\b", det.group("det")))
            plural = noun.lower().endswith("s") and not genitive
            if plural and owner is None:
                continue  # "die Accounts, die ... gemeldet wurden": accounts in general
            if owner is None and possessive:  # "Über seinen Account hat X ...": the person of the sentence
                owner = sentence_person(ctx, sent, start, end)
                if owner is None and DESCRIBED_SUBJECT.match(sent.text):
                    owner = described_subject(ctx, sent)
                    if owner is None:
                        continue  # "Der Chef der X habe auf seinem Profil ...": the one described, not the last owner
            if owner is None and (possessive or definite) and last[0] is not None:
                owner = last[0]
            if owner is None and possessive and not _GENERIC_SUBJECT.search(sent.text):
                owner = ctx.resolve.pronoun(sent.index, sent.start + det.start())
            if owner is None:
                if possessive or definite:
                    pending.append((start, end, sent.index))
                continue
            if platform is None and last[0] is not None and ctx.entities.same(owner, last[0]):
                platform = last[1]
            if platform is None:
                platform = _named_platform(ctx, sent)
            if platform is None and noun.lower().startswith(("konto", "profil", "kanal")):
                continue  # "Konto" without any platform: could be a bank account
            i = ctx.mentions.add(start, end, ACCOUNT, sent.index, rule="account:" + ("prefix" if pre else "noun"),
                                owner=ctx.mentions.canon(owner), platform=ctx.mentions.canon(platform))
            last = (ctx.mentions.canon(owner), ctx.mentions.canon(platform) if platform is not None else last[1])
            _relate(ctx, i)
        last = _handles(ctx, sent, last)
    ctx.masks.forget()  # platforms are known now: masks read them as organisations
    extract_account_rows(ctx)
    owner = single_owner(ctx)
    if owner is not None and pending:  # one account owner in the whole article: "der Account" is theirs
        platform = next((m.platform for m in ctx.mentions if m.label == ACCOUNT and m.platform is not None), None)
        for start, end, s in pending:
            _relate(ctx, ctx.mentions.add(start, end, ACCOUNT, s, rule="account:article", owner=owner, platform=platform))
    extract_account_rows(ctx, described=True)  # after "der Account" found its owner: "des US-Präsidenten" is no description


HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}\b")


def _handles(ctx: Context, sent, last: tuple[int | None, int | None]) -> tuple[int | None, int | None]:
    """"@name": an account; its owner is the person right before ("X (@name)") or the article's last owner."""
    if "@" not in sent.text:
        return last
    for m in HANDLE.finditer(sent.text):
        a = sent.start + m.start()
        before = ctx.text[max(sent.start, a - 3):a]
        owner = None
        if re.fullmatch(r".?\s*\(?", before) or not before.strip():
            owner = next((ctx.mentions.canon(i) for i, mm in enumerate(ctx.mentions)
                          if mm.label == PER and a - 3 <= mm.end <= a), None)
        if owner is None:
            owner = handle_person(ctx, m.group(0))
        owner = owner if owner is not None else last[0]
        if owner is None:
            continue
        platform = _named_platform(ctx, sent) or last[1] or _social_platform(ctx, a)
        i = ctx.mentions.add(a, sent.start + m.end(), ACCOUNT, sent.index, rule="account:handle",
                            owner=owner, platform=platform)
        _relate(ctx, i)
        last = (owner, platform)
    return last


def _social_platform(ctx: Context, pos: int) -> int | None:
    """The social platform the article names nearest before ``pos`` (else first after): where a handle lives."""
    names = [i for i, mm in enumerate(ctx.mentions) if mm.label in (ORG, MEDIA) and _SOCIAL.fullmatch(mm.norm or mm.text)]
    before = [i for i in names if ctx.mentions[i].end <= pos]
    pick = max(before, key=lambda i: ctx.mentions[i].start) if before else min(
        names, key=lambda i: ctx.mentions[i].start, default=None)
    return ctx.mentions.canon(pick) if pick is not None else None


def _named_platform(ctx: Context, sent) -> int | None:
    """An organisation the sentence introduces by a platform noun ("der Videodienst X")."""
    for m in PLATFORM_NOUN.finditer(sent.text):
        i = ctx.mentions.at(sent.start + m.end(), sent.start + m.end() + 1, (ORG, MEDIA))
        if i is not None and ctx.mentions[i].start == sent.start + m.end():
            return ctx.mentions.canon(i)
    return None


def _relate(ctx: Context, i: int) -> None:
    mm = ctx.mentions[i]
    ctx.results.relate(i, "accountOf", mm.owner, mm.sentence, NAME, 0.85)
    if mm.platform is not None:
        ctx.results.relate(i, "onPlatform", mm.platform, mm.sentence, NAME, 0.85)


def _classify_prefix(ctx: Context, pre: str, pos: int | None) -> tuple[int | None, int | None]:
    """A compound prefix is an owner (a person of the article) or a platform (an organisation named on its own)."""
    if not pre or pos is None:
        return None, None
    key = pre.lower()
    keys = {key, key[:-1] if key.endswith("s") else key}
    here = ctx.mentions.at(pos, pos + len(pre), (ORG, MEDIA))
    if here is not None and ctx.mentions[here].text.lower().startswith(key) and len(ctx.mentions[here].text.split()) == 1:
        return None, ctx.mentions.canon(here)
    orgs = [i for i, mm in enumerate(ctx.mentions) if mm.label in (ORG, MEDIA) and (mm.norm or mm.text).lower() in keys]
    if orgs:
        return None, ctx.mentions.canon(orgs[0])
    for i, mm in enumerate(ctx.mentions):  # a surname of a person with a full name: the owner
        c = ctx.mentions.canon(i)
        full = (ctx.mentions[c].norm or ctx.mentions[c].text).lower().split()
        if mm.label == PER and len(full) > 1 and full[-1] in keys:
            return c, None
    lone = [i for i, mm in enumerate(ctx.mentions) if mm.label == PER and mm.kind == "name"
            and len(mm.text.split()) == 1 and (mm.norm or mm.text).lower() in keys]
    if lone:  # a one-word "person" that hosts accounts is a platform NER mistyped
        return None, ctx.mentions.canon(lone[0])
    if re.search(rf"(?<![\w-]){re.escape(pre)}s?(?![\w-])", ctx.text):
        s = next(x.index for x in ctx.sentences if x.start <= pos < x.end)
        return None, ctx.mentions.add(pos, pos + len(pre), ORG, s, rule="derived:platform", norm=pre, confidence=0.7)
    return None, None


def _owner_before(ctx: Context, s: int, s0: int, before: str, start: int) -> tuple[int | None, int]:
    """A genitive name right before the account noun: "Xs Plattform-Account"."""
    stripped = before.rstrip()
    if not stripped:
        return None, start
    end = s0 + len(stripped)
    for i in ctx.mentions.in_sentence(s, (PER,)):
        mm = ctx.mentions[i]
        if mm.end == end and mm.text.endswith(("s", "'", "’")):
            return ctx.mentions.canon(i), mm.start
    w = re.search(r"([A-ZÄÖÜ][\w-]*)(?:s|'|’)$", stripped)
    owner = surname_owner(ctx, w.group(1)) if w else None
    return (owner, s0 + w.start()) if owner is not None else (None, start)


def _owner_after(ctx: Context, pos: int, after: str) -> tuple[int | None, int]:
    """"... von X", "... des US-Präsidenten", "... Xs": the owner and where the account phrase ends."""
    m = _OWNER_AFTER.match(after)
    for off in ((m.end("prep"), m.end()) if m else ()):  # "von X", then "des Rappers X"
        i = ctx.mentions.at(pos + off, pos + off + 1, (PER,))
        if i is not None and ctx.mentions[i].start == pos + off:
            return ctx.mentions.canon(i), ctx.mentions[i].end
    t = _TITLE_AFTER.match(after)
    if t:
        i = ctx.mentions.at(pos + t.start("title"), pos + t.end("title"), (PER,))
        if i is not None:
            return ctx.mentions.canon(i), max(pos + t.end(), ctx.mentions[i].end)
        found = by_title(ctx, t.group("title"))
        if found is not None:
            return found, pos + t.end("title") + len(re.match(r"\w*", after[t.end("title"):]).group(0))
    g = re.match(r"^\s+([A-ZÄÖÜ][\w-]*)(?:s|'|’)(?!\w)", after)
    if g:
        owner = surname_owner(ctx, g.group(1))
        if owner is not None:
            return owner, pos + g.end()
    return None, pos


# ---- the table-driven rows (kg.extract.patterns.accounts_table) ---------------------------------
@functools.cache
def _account_rows() -> tuple:
    return compile_table(accounts_table.ROWS)


def extract_account_rows(ctx: Context, described: bool = False) -> None:  # noqa: C901
    """ACCOUNT mentions for pages, groups and own websites named as such, with accountOf/onPlatform.

    An account known by its own name (a group's name, a domain) or only by a description
    ("das Facebook-Profil des 38-Jährigen") carries that name as its ``norm``: resolution keys
    an account without an owner by it (kg.resolve.account_kind). ``described``: run only the rows
    for accounts of a described owner (they come last, when every other account is known)."""
    for sent in ctx.sentences:
        if not _PAGE_GATE.search(sent.text):
            continue
        done: set[int] = set()
        for row in _account_rows():
            if any(spec.slot == "desc" for spec in row.specs) != described:
                continue
            for m in find(row, ctx, sent.index):
                acc = m.slots["acc"][0]
                if acc.start in done or ctx.mentions.at(acc.start, acc.end, (ACCOUNT,)) is not None:
                    continue  # the noun rules above made this account already
                name, end = _row_name(ctx, m)
                if name is None:
                    continue
                owner = _row_owner(ctx, m) if "desc" not in m.slots else described_person(ctx, m.slots["desc"][0].text)
                if "desc" in m.slots and owner is None:
                    name = ctx.text[acc.start:end]  # "Facebook-Profil des 38-Jährigen": the description names it
                platform = _row_platform(ctx, acc, sent.index) if "-" in acc.text and row.name != "accountOf.owner-site/1" \
                    else None
                if owner is None and platform is None and not name:
                    continue
                start = m.slots["own"][0].start if "own" in m.slots else acc.start
                if row.object == "owner":
                    end = m.slots["owner"][-1].end
                i = ctx.mentions.add(start, end, ACCOUNT, sent.index, rule=row.name, owner=owner, platform=platform,
                                    norm=name)
                done.add(acc.start)
                if owner is not None:
                    ctx.results.relate(i, "accountOf", owner, sent.index, row.name, row.confidence)
                if platform is not None:
                    ctx.results.relate(i, "onPlatform", platform, sent.index, row.name, row.confidence)
    ctx.masks.forget()


def _row_name(ctx: Context, m) -> tuple[str | None, int]:
    """The account's own name after its noun and where the account phrase ends; None: no account.

    Capitalised words after a page noun name it only when one of them is a proper noun or a
    name ("Facebook-Gruppe Bürgerwehr Beispieldorf", not "auf seiner Facebook-Seite Stellung
    nehmen"); a person there is an owner in the genitive ("Facebook-Seite Mark Beispiels"), no name."""
    acc = m.slots["acc"][0]
    if "name" not in m.slots:
        return "", (m.slots["desc"][0].end if "desc" in m.slots else acc.end)
    us = list(m.slots["name"])
    if m.row.name == "accountOf.named-site/1":
        return us[0].text, us[0].end
    while us and not (us[-1].ent or us[-1].tag == "NE"):
        us.pop()  # "Facebook-Gruppe Bürgerwehr Beispieldorf Einblick (bekommen)": the name ends with its last name word
    if not us:
        return None, acc.end
    return ctx.text[us[0].start:us[-1].end], us[-1].end


_PAGE_GATE = re.compile(r"(?i)seite|account|konto|profil|kanal|gruppe|gemeinschaft|auftritt|präsenz|page|website|"
                        r"homepage|domain")


def _row_owner(ctx: Context, m) -> int | None:
    if m.row.object == "@none":
        return None
    if m.row.object == "acc":  # "UEFA-Homepage"
        return m.slots["acc"][0].prefix_mention
    if m.row.object == "owner":
        return ctx.mentions.canon(next((u.mention for u in m.slots["owner"] if u.mention is not None), None))
    return _possessor_owner(ctx, m)


def _possessor_owner(ctx: Context, m) -> int | None:
    """"seiner/ihrer X-Seite": the person the clause is about, else its organisation, else the one before."""
    us = m.units
    a, b = m.start, m.end  # the clause of the possessive
    while a > 0 and us[a - 1].text not in (",", ".", ":", ";", "–"):
        a -= 1
    while b < len(us) and us[b].text not in (",", ".", ":", ";", "–"):
        b += 1
    for labels in ((PER,), (ORG,)):
        for k, u in enumerate(us[a:b], a):
            if u.ent in labels and not (m.start <= k < m.end) and u.mention is not None \
                    and not ctx.entities.is_platform(u.mention) and not (k > 0 and us[k - 1].tag in ("APPR", "APPRART")) \
                    and not (u.text.endswith("s") and k + 1 < len(us) and not us[k + 1].ent
                             and us[k + 1].text[:1].isupper()):
                return ctx.mentions.canon(u.mention)
    own = m.slots["own"][0]
    sent = ctx.sentences[m.sentence]
    if DESCRIBED_SUBJECT.match(sent.text):
        return described_subject(ctx, sent)  # "Der Chef der X habe auf seinem Profil ...": the one described
    if not ctx.text[sent.start:own.start].strip():
        found = previous_subject(ctx, m.sentence)
        if found is not None:
            return found
    return ctx.resolve.pronoun(m.sentence, own.start)


def _row_platform(ctx: Context, acc, s: int) -> int | None:
    """The platform a compound's prefix names ("Facebook-Seite"): the article's mention of it, else a new one."""
    if acc.prefix_mention is not None:
        return ctx.mentions.canon(acc.prefix_mention)
    pre = acc.text.split("-", 1)[0]
    _, platform = _classify_prefix(ctx, pre, acc.start)
    if platform is not None:
        return platform
    return ctx.mentions.add(acc.start, acc.start + len(pre), ORG, s, rule="derived:platform", norm=pre, confidence=0.7)
