"""Named derivers: how a row turns a slot that is a word, not a mention, into an entity.

- ``country``: a demonym or nationality adjective ("Kanadier", "japanischen"), or a
  compound whose prefix is a country ("US-Journalistin") -> a derived LOC mention named
  by the country, so resolution merges it with the country named elsewhere.
- ``city``: a city adjective ("Wiener", "Londoner") -> the city, when it is a known place.
- ``org-prefix``: the organisation a role compound's prefix names ("SPD-Chef" -> SPD): the
  prefix mention, a name the article types elsewhere, or (when NER left it untyped) an
  acronym or a capitalised word no dictionary knows as a common word.
- ``org-in-compound``: "Innenministeriumssprecher" -> "Innenministerium" (an organisation
  noun compound before the role noun), as a derived ORG mention.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import lexicon
from kg.extract.patterns.classes import in_class
from kg.extract.patterns.engine import Match, register_deriver, register_subject, subject_previous
from kg.extract.patterns.retype import ACRONYM
from kg.extract.patterns.tokens import known_names, known_prefix
from kg.records import LOC, MEDIA, ORG, PER

_NOT_ORG = {"Ex", "Vize", "Co", "Alt", "Ober", "Unter", "Chef", "Top", "Super", "Mega", "Ko", "Interims", "Noch",
            "Neo", "Anti", "Pro", "Team", "Partei", "Konzern", "Firmen", "Club", "Klub", "Vereins", "Landes",
            "Bundes", "Staats", "Regierungs", "Polizei", "EU", "UN", "UNO", "Teamchef"}


def _derived_loc(ctx, m: Match, slot: str, country: str | None) -> int | None:
    units = m.slots.get(slot, ())
    if not country or not units:
        return None
    u = units[0]
    return ctx.mentions.add(u.start, u.end, LOC, m.sentence, text=country, norm=country,
                           rule="derived:demonym", confidence=0.8)


def country(ctx, m: Match, slot: str) -> int | None:
    units = m.slots.get(slot, ())
    if not units:
        return None
    u = units[0]
    if u.prefix_mention is not None:
        pm = ctx.mentions[u.prefix_mention]
        return u.prefix_mention if pm.label == LOC and _is_country(pm.norm or pm.text) else None
    word = u.text
    return _derived_loc(ctx, m, slot, lexicon.country_of_demonym(word) or lexicon.country_of_adjective(word))


def _is_country(name: str) -> bool:
    from kg.nlp import gazetteer

    return name in lexicon.COUNTRY_NAMES or name in gazetteer.countries() or name in gazetteer.country_initials()


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    from kg.nlp import gazetteer

    return gazetteer.places() | gazetteer.countries()


def city(ctx, m: Match, slot: str) -> int | None:
    units = m.slots.get(slot, ())
    if not units or not units[0].text.endswith("er"):
        return None
    name = units[0].text[:-2]
    if name not in _places():
        return None
    u = units[0]
    return ctx.mentions.add(u.start, u.start + len(name), LOC, m.sentence, text=name, norm=name,
                           rule="derived:city-adjective", confidence=0.75)


def _untyped_org(prefix: str) -> bool:
    """An untyped compound prefix that names an organisation: "SPD", "ÖBB", "Facebook", "Lufthansa"."""
    from kg.nlp import gazetteer
    from kg.nlp.hanta import lexical_class

    if prefix in _NOT_ORG or prefix.lower().endswith(("liga", "league")) or len(prefix) < 2 or prefix in gazetteer.country_initials() or prefix in _places():  # noqa: E501
        return False
    if lexicon.country_of_demonym(prefix) or lexicon.country_of_adjective(prefix):
        return False
    caps = sum(c.isupper() for c in prefix)
    if ACRONYM.fullmatch(prefix) and caps >= 2 and caps >= len(prefix) - 2:
        return True  # SPD, ÖBB, AfD, ÖFB
    return prefix[:1].isupper() and prefix[1:].islower() and len(prefix) >= 4 and lexical_class(prefix) != "common"


def org_prefix(ctx, m: Match, slot: str) -> int | None:
    units = m.slots.get(slot, ())
    if not units:
        return None
    u = units[0]
    pm = u.prefix_mention
    if pm is not None and ctx.mentions[pm].label in (ORG, MEDIA):
        return pm
    prefix = u.text.rsplit("-", 1)[0]
    if pm is not None and ctx.mentions[pm].label == PER:
        # NER took the company for a person ("Lufthansa-Manager"): a one-word "person" that is
        # no one's surname in the article is the organisation
        name = ctx.mentions[pm].text
        if " " in name or name in ctx.mentions.surnames():
            return None
        prefix = name
    elif pm is not None:
        return None
    known = known_prefix(ctx, u.text)
    if known is not None and ctx.mentions[known].label in (ORG, MEDIA):
        return known
    if "-" in prefix or not _untyped_org(prefix):
        return None
    return ctx.mentions.add(u.start, u.start + len(prefix), ORG, m.sentence, rule="derived:compound-org",
                           confidence=0.7)


_FUGE = re.compile(r"(?:s)$")


def org_in_compound(ctx, m: Match, slot: str) -> int | None:
    """"Innenministeriumssprecher" -> an ORG mention "Innenministerium" (a specific, compound org noun)."""
    from kg.nlp import lexicon as nlp_lexicon

    units = m.slots.get(slot, ())
    if not units or "-" in units[0].text:
        return None
    u = units[0]
    low = u.text.lower()
    role = None
    for n in range(len(low) - 3, 3, -1):
        if nlp_lexicon.role_head(low[-n:]) and low[-n:] in nlp_lexicon.PERSON_ROLES:
            role = low[-n:]
            break
    if role is None:
        return None
    prefix = u.text[:len(u.text) - len(role)]
    prefix = prefix[:-1] if prefix.endswith("s") and not prefix.endswith("ss") else prefix
    head = nlp_lexicon.org_head(prefix)
    if not head or len(prefix) - len(head) < 3 or head in ("team", "mannschaft", "partei", "konzern", "firma",
                                                             "unternehmen", "gruppe", "club", "klub", "verein"):
        return None  # "Konzernchef": the company is named elsewhere; "Innenministerium" is a name
    known = known_prefix(ctx, prefix + "-x")
    if known is not None:
        return known
    return ctx.mentions.add(u.start, u.start + len(prefix), ORG, m.sentence, text=prefix, norm=prefix,
                           rule="derived:compound-org", confidence=0.65)


def country_name(ctx, m: Match, slot: str) -> int | None:
    """A LOC mention in the slot that names a country (not a city)."""
    u = next((u for u in m.slots.get(slot, ()) if u.mention is not None), None)
    if u is None:
        return None
    loc = ctx.mentions[u.mention]
    return u.mention if loc.label == LOC and _is_country(loc.norm or loc.text) else None


register_deriver("country", country)
register_deriver("country-name", country_name)
register_deriver("city", city)
register_deriver("org-prefix", org_prefix)
register_deriver("org-in-compound", org_in_compound)


_GENERIC_HEADS = {"regierung", "polizei", "partei", "team", "mannschaft", "konzern", "firma", "unternehmen", "gruppe",
                  "club", "klub", "verein", "amt", "behörde", "dienst", "netzwerk", "plattform", "marke", "kette",
                  "werk", "seite", "programm", "sendung", "kanal", "medium", "fernsehen", "blatt"}
_SPECIFIC_HEADS = re.compile(r"(?:rat|vereinigung|kammer|parlament|bund|verband|gewerkschaft|institut|ministerium|"
                             r"gericht|gerichtshof|akademie|universität|hochschule|stiftung|kommission|agentur|"
                             r"zentrale|zentrum|bank|behörde|amt|kongress|senat|liga|fraktion)$")


def org_noun(ctx, m: Match, slot: str) -> int | None:
    """A specific organisation noun compound NER left untyped ("des Presserats", "der Richtervereinigung",
    "des EU-Parlaments") -> a derived ORG mention named by the noun in the nominative."""
    from kg.nlp import lexicon as nlp_lexicon

    units = m.slots.get(slot, ())
    if len(units) != 1 or units[0].ent:
        return None
    u = units[0]
    if u.lemma and u.lemma != u.text and u.text not in (u.lemma + "s", u.lemma + "es"):
        return None  # a plural ("die deutschen Aufsichtsräte") is no one organisation
    name = u.lemma if u.lemma and u.lemma[:1].isupper() and len(u.lemma) <= len(u.text) else u.text
    if name == u.text and name.endswith("s") and not name.endswith("ss"):
        name = name[:-1]
    low = name.lower().rsplit("-", 1)[-1] if "-" in name else name.lower()
    head = nlp_lexicon.org_head(low) or (_SPECIFIC_HEADS.search(low).group(0) if _SPECIFIC_HEADS.search(low) else None)
    if not head or head in _GENERIC_HEADS or not _SPECIFIC_HEADS.search(low):
        return None
    if "-" not in name and len(low) - len(head) < 4:
        return None  # "Rat", "Bund": too general alone
    known = known_names(ctx).get(name.replace("-", " ").lower())
    if known is not None:
        return known
    return ctx.mentions.add(u.start, u.start + len(name), ORG, m.sentence, text=name, norm=name,
                           rule="derived:org-noun", confidence=0.65)


register_deriver("org-noun", org_noun)


def described(ctx, m: Match) -> int | None:
    """"@described": "Der Deutsche will ..." - the one person of the article the demonym fits, else the
    last person named in the sentence before."""
    word = m.text("o")
    return ctx.resolve.description(word, ctx.mentions.owners()) or subject_previous(ctx, m)


register_subject("described", described)


_GENERIC_PREFIX = re.compile(r"(?:Konzern|Club|Klub|Vereins|Verein|Unternehmens|Firmen|Parteien|Partei|Team|"
                             r"Gewerkschafts|Kammer|Verbands|Ministeriums|Senders|Zeitungs|Magazin)-?$")


def salient_org(ctx, m: Match, slot: str) -> int | None:
    """"Konzernchef X", "Clubmanager X": the organisation the article is about - the one it names most
    often (at least three times, and half as often again as any other: a match report names two clubs)."""
    units = m.slots.get(slot, ())
    if not units:
        return None
    u = units[0]
    word = u.text
    cut = next((k for k in range(4, len(word) - 2) if _GENERIC_PREFIX.fullmatch(word[:k])
                and classes_role(word[k:].lstrip("-"))), None)
    if cut is None:
        return None
    return most_named_org(ctx)


def most_named_org(ctx) -> int | None:
    """The organisation the article names most often (at least three times, and half as often again as any
    other), else None."""
    key = ("salient-org", ctx.mentions.count(ORG, "name", "partial"), ctx.mentions.count(MEDIA, "name", "partial"))
    if key not in ctx.memo:
        counts: dict[int, int] = {}
        for i, x in enumerate(ctx.mentions):
            if x.label in (ORG, MEDIA) and x.kind in ("name", "partial"):
                c = ctx.mentions.canon(i)
                counts[c] = counts.get(c, 0) + 1
        merged: dict[str, tuple[int, int]] = {}
        for c, n in counts.items():
            k = ctx.entities.key(c)
            first, total = merged.get(k, (c, 0))
            merged[k] = (first, total + n)
        ranked = sorted(merged.values(), key=lambda fc: -fc[1])
        ok = ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or 2 * ranked[0][1] >= 3 * ranked[1][1])
        ctx.memo[key] = ranked[0][0] if ok else None
    return ctx.memo[key]


def classes_role(word: str) -> bool:
    return in_class("ROLE_NOUN", word[:1].upper() + word[1:])


def raw_name(ctx, m: Match, slot: str) -> int | None:
    """"für die Firma Nordwerk Logistik": capitalised words NER left untyped after an organisation noun."""
    units = m.slots.get(slot, ())
    if not units or any(u.ent for u in units):
        return None
    return ctx.mentions.add(units[0].start, units[-1].end, ORG, m.sentence, rule="derived:orgnoun", confidence=0.7)


def org_extend(ctx, m: Match, slot: str) -> int | None:
    """The object mention, widened by a capitalised name word right before it that is no organisation
    noun ("der Bauer Media Group" -> "Bauer Media Group"; "der Zeitschrift X" stays X)."""
    obj = next((u for u in m.slots.get(slot, ()) if u.mention is not None), None)
    if obj is None:
        return None
    pre = m.slots.get("pre", ())
    if len(pre) != 1 or obj.ent not in (ORG, MEDIA) or in_class("ORG_NOUN", pre[0].text, pre[0].lemma) \
            or in_class("ADJ", pre[0].lemma) or pre[0].tag in ("ADJA", "ADJD"):
        return obj.mention
    return ctx.mentions.add(pre[0].start, obj.end, obj.ent, m.sentence, rule="derived:org-extend", confidence=0.65)


# an office named by its holder's title: "Staatsanwalt X" works for the article's Staatsanwaltschaft
_INSTITUTION_OF = (("staatsanwalt", "Staatsanwaltschaft"), ("polizeisprecher", "Polizei"), ("polizist", "Polizei"),
                   ("richter", "Gericht"), ("bürgermeister", "Gemeinde"))


def institution_of_role(ctx, m: Match, slot: str) -> int | None:
    """"Staatsanwalt X", "Polizeisprecherin X": the one organisation of that kind the article names
    ("der Staatsanwaltschaft Stuttgart", "die Wiener Polizei"); none when it names two or none."""
    units = m.slots.get(slot, ())
    if not units:
        return None
    word = units[0].text.lower()
    inst = next((i for r, i in _INSTITUTION_OF if word.startswith(r) and len(word) <= len(r) + 3), None)
    if inst is None:
        return None
    key = ("institution", inst, ctx.mentions.count(ORG, "name", "partial"))
    if key not in ctx.memo:
        found = {ctx.mentions.canon(i) for i, x in enumerate(ctx.mentions) if x.label == ORG and x.kind in ("name", "partial")
                 and re.search(rf"(?:^|\s|-)[\w-]*{inst}(?:s|es)?(?:$|\s)", x.text, re.IGNORECASE)}
        keys = {ctx.entities.key(c) for c in found}
        ctx.memo[key] = found.pop() if len(keys) == 1 else None
    return ctx.memo[key]


def last_outlet(ctx, m: Match, slot: str) -> int | None:
    """"leitete X das Blatt": the outlet the article named last before the match."""
    return outlet_before(ctx, m.units[m.start].start)


def outlet_before(ctx, pos: int) -> int | None:
    """The outlet (MEDIA mention) the article named last before offset ``pos``."""
    return ctx.mentions.canon(ctx.mentions.last_before(pos, MEDIA))


register_deriver("institution-of-role", institution_of_role)
register_deriver("last-outlet", last_outlet)
register_deriver("salient-org", salient_org)
register_deriver("org-extend", org_extend)
register_deriver("raw-name", raw_name)
