"""Per-article groups: one group per named thing in an article, following coreference.

A group holds the name forms an article uses for one entity (full names and
partial names; pronouns and descriptions only map, they are never aliases).
Cross-article clustering (kg.resolve.passes) then merges groups.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.records import ACCOUNT, LOC, MEDIA, ORG, PER, ArticleAnalysis, Mention
from kg.resolve.lexicon import ARTICLES, STOPWORDS
from kg.resolve.names import clean, compound_parts, domain_key, is_compound_role, is_initial, is_role, strip_person_title
from kg.resolve.places import is_exonym

FAMILY = {PER: PER, ORG: ORG, MEDIA: ORG, LOC: LOC}
NAME_KINDS = ("name", "partial")
# "derived" mentions (a demonym -> its country, an outlet noun -> the outlet) map to the
# entity their norm names, but their surface is not a name of it, so never an alias.
ROOT_KINDS = NAME_KINDS + ("derived",)


@dataclass
class Form:
    text: str  # the name as used for matching (title stripped, cleaned)
    kind: str  # "name" | "partial" | "compound" | "derived"
    norm: str = ""
    mention: int = -1  # index of the mention it was read from
    label: str = ""  # that mention's NER label


@dataclass
class Group:
    gid: tuple[str, int]  # (doc_id, root mention index)
    doc_id: str
    family: str  # PER | ORG | LOC
    forms: list[Form] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    mentions: list[int] = field(default_factory=list)  # every mention index that refers to it
    bracketed: list[tuple[str, int]] = field(default_factory=list)  # gids named in brackets right after it
    qualifier: str = ""  # appended to its match keys: a party-family name's country (kg.resolve.partyctx)

    @property
    def main(self) -> str:
        return self.forms[0].text


@dataclass
class CompoundLink:
    """A compound that carries a name ("ORF-Chef"): linked to the named entity, never its own."""

    doc_id: str
    prefix: str
    mentions: list[int]


@dataclass
class ArticleGroups:
    groups: list[Group]
    compounds: list[CompoundLink]
    accounts: list[int]  # indexes of ACCOUNT mentions
    roots: dict[int, int]  # mention index -> root mention index


def root_of(mentions: tuple[Mention, ...], i: int) -> int:
    """Follow antecedents to the first mention of the chain (cycle-safe)."""
    seen = {i}
    while mentions[i].antecedent is not None:
        nxt = mentions[i].antecedent
        if not isinstance(nxt, int) or not 0 <= nxt < len(mentions) or nxt in seen:
            break
        seen.add(nxt)
        i = nxt
    return i


def strip_descriptor_compound(text: str) -> str:
    """Drop a leading compound that is no given name before a given name:
    "Basel-Legionär Marc Janko" -> "Marc Janko", but "Hans-Peter Berger" stays."""
    from kg.resolve.names import fold, tokens
    from kg.resolve.typevote import given_names

    toks = tokens(text)
    names = given_names()
    if len(toks) >= 3 and "-" in toks[0] and fold(toks[1]) in names \
            and not all(fold(p) in names for p in toks[0].split("-") if p):
        return " ".join(toks[1:])
    return text


def form_text(m: Mention) -> str:
    """The name a mention uses: cleaned, titles stripped; "" for a bare function word."""
    text = clean(m.text)
    if m.label == PER:
        text = strip_descriptor_compound(strip_person_title(text, m.title))
        if " " not in text and is_compound_role(text) and not compound_parts(text):
            return ""  # a lone compound role noun ("Auftragnehmer") is no name
        if is_initial(text):
            return ""  # a lone initial ("A.") names nobody
    return "" if text.casefold() in STOPWORDS else text


def derived_text(m: Mention) -> str:
    """The name a derived mention stands for (its norm), if it looks like a name."""
    text = clean(m.norm or m.text)
    if not text[:1].isupper() or text.casefold() in ARTICLES or len(text) < 2:
        return ""
    return text


def article_groups(analysis: ArticleAnalysis) -> ArticleGroups:  # noqa: C901
    """Group one article's mentions by their coreference roots."""
    doc_id = analysis.document.id
    mentions = analysis.mentions
    roots = {i: root_of(mentions, i) for i in range(len(mentions))}
    by_root: dict[int, list[int]] = {}
    for i, r in roots.items():
        by_root.setdefault(r, []).append(i)
    groups: list[Group] = []
    compounds: list[CompoundLink] = []
    accounts: list[int] = []
    # a platform of an account is an organisation, whatever NER said
    platforms = {roots[m.platform] for m in mentions
                 if m.label == ACCOUNT and isinstance(m.platform, int) and m.platform in roots}
    for r in sorted(by_root):
        root = mentions[r]
        members = sorted(by_root[r])
        if root.label == ACCOUNT:
            accounts.append(r)
            continue
        if root.label not in FAMILY or root.kind not in ROOT_KINDS:
            continue  # OTH, or a pronoun/description without a named antecedent
        text = form_text(root) if root.kind != "derived" else derived_text(root)
        if not text:
            continue
        parts = compound_parts(text) if domain_key(text) is None else None
        if parts and parts[2] == "related":
            compounds.append(CompoundLink(doc_id, parts[0], members))
            continue
        family = ORG if domain_key(text) or r in platforms else FAMILY[root.label]
        if family == PER and is_exonym(text):
            family = LOC  # "Budweis" read as a person is the place (kg/data/exonyms.txt)
        group = Group(gid=(doc_id, r), doc_id=doc_id, family=family, mentions=members)
        for i in members:
            m = mentions[i]
            if m.kind == "derived" and m.label in FAMILY:
                if derived_text(m):
                    group.forms.append(Form(derived_text(m), "derived", mention=i, label=m.label))
                    group.votes[m.label] += 1
                continue
            if m.kind not in NAME_KINDS or m.label not in FAMILY:
                continue
            t = form_text(m)
            p = compound_parts(t) if domain_key(t) is None else None
            if p and p[2] == "self":
                group.forms.append(Form(p[0], "compound", mention=i, label=m.label))
            elif t and not p:
                group.forms.append(Form(t, m.kind, m.norm, mention=i, label=m.label))
            else:
                continue
            group.votes[ORG if family == ORG and m.label in (PER, LOC) else m.label] += 1
        if group.forms:
            groups.append(group)
            groups.extend(_father_names(group))
    _brackets(analysis, groups)
    _party_countries(analysis, groups)
    return ArticleGroups(groups, compounds, accounts, roots)


def _party_countries(analysis: ArticleAnalysis, groups: list[Group]) -> None:
    """Qualify the keys of party-family names ("Grüne") by their country (kg.resolve.partyctx)."""
    from kg.resolve.partyctx import article_country, is_party_family, party_qualifier

    parties = [g for g in groups if g.family == ORG and all(is_party_family(f.text) for f in g.forms)]
    if parties:
        article = article_country(analysis)
        for g in parties:
            g.qualifier = party_qualifier(analysis, g.mentions, article)


def _father_names(group: Group) -> list[Group]:
    """"Ahmed bin Mohammed" ... "Mohammed": a lone name equal to the name after bin/ibn/ben is a
    father's name (or another person), not this person's surname: split it off as its own group."""
    from kg.resolve.lexicon import PATRONYMICS
    from kg.resolve.names import fold

    if group.family != PER:
        return []
    toks = group.forms[0].text.split()
    fathers = {fold(toks[k + 1]) for k in range(len(toks) - 1) if toks[k].lower() in PATRONYMICS}
    split = [f for f in group.forms if f.kind == "partial" and fold(f.text) in fathers] if fathers else []
    if not split or len(split) == len(group.forms):
        return []
    moved = {f.mention for f in split}
    group.forms = [f for f in group.forms if f.mention not in moved]
    group.mentions = [i for i in group.mentions if i not in moved]
    for f in split:
        group.votes[f.label] -= 1
    own = Group(gid=(group.doc_id, min(moved)), doc_id=group.doc_id, family=PER, forms=split,
                mentions=sorted(moved), votes=Counter(f.label for f in split))
    return [own]


_OPEN = re.compile(r"\s*\(\s*$")
_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&-]{1,5}")


def spells(acronym: str, word: str) -> bool:
    """The acronym's letters occur in order in the one word, the first at its start
    ("KMT" in "Kuomintang"), and the acronym is no copy of the word."""
    a, w = acronym.lower(), word.lower()
    if len(a) < 2 or a == w or not w.startswith(a[0]):
        return False
    pos = 1
    for c in a[1:]:
        pos = w.find(c, pos) + 1
        if not pos:
            return False
    return True


def _brackets(analysis: ArticleAnalysis, groups: list[Group]) -> None:
    """"Europäische Zentralbank (EZB)": an acronym in brackets right after a name of the same
    family is another name of it; recorded on the first group for the clustering. (A word in
    brackets after a place is mostly its region, "Hallwang (Flachgau)", so only acronyms count.)
    After a one-word name the acronym's letters must occur in it in order ("Kuomintang (KMT)")."""
    from kg.resolve.names import fold
    from kg.resolve.typevote import given_names

    text = analysis.document.text
    owner = {f.mention: g for g in groups for f in g.forms if f.kind in NAME_KINDS}
    named = sorted(owner, key=lambda i: (analysis.mentions[i].start, i))
    for a, b in zip(named, named[1:]):
        ga, gb = owner[a], owner[b]
        ma, mb = analysis.mentions[a], analysis.mentions[b]
        if ga is gb or not _OPEN.fullmatch(text[ma.end:mb.start]) or not text[mb.end:mb.end + 1] == ")":
            continue
        inner = clean(mb.text)
        words = clean(ma.text).split()
        acronym = bool(_ACRONYM.fullmatch(inner)) and ga.family == gb.family \
            and (len(words) > 1 or len(words) == 1 and spells(inner, words[0])) \
            and not any(is_role(w) or fold(w) in given_names() for w in words)  # no "Bürgermeister X (ÖVP)"
        if acronym:
            ga.bracketed.append(gb.gid)
