"""Light in-article coreference, one left-to-right pass (linear in mentions).

- partial: a surname or first name alone -> the last full name containing it;
- pronoun: "er"/"sie" as subject -> the last person of fitting gender;
- description: "der Mitarbeiter", "das Unternehmen" -> the single fitting
  entity of the article, narrowed by the role or kind noun it was named with.
Every antecedent is the index of a kind="name" mention.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from kg.nlp import gazetteer as gz
from kg.nlp import lexicon as lx
from kg.nlp.sentences import sentence_starts
from kg.nlp.tokens import Tok, span_text
from kg.records import Document, Mention, valid_span

DEFINITE = frozenset("der die das dem den des".split())
MALE_NOUNS = frozenset("mann herr vater sohn bruder junge ehemann".split())
FEMALE_NOUNS = frozenset("frau mutter tochter schwester ehefrau dame".split())
PRONOUN_GENDER = {"er": "m", "sie": "f", "he": "m", "she": "f"}
PERSON_NOUNS = MALE_NOUNS | FEMALE_NOUNS | frozenset("person mensch".split())


@dataclass
class Raw:
    start: int
    end: int
    text: str
    label: str
    sentence: int
    kind: str
    norm: str
    rule: str
    confidence: float
    title: str | None = None
    antecedent: int | None = None
    tok: int = -1
    tok_end: int = -1


def _gender(raw: Raw) -> str:
    """"m", "f" or "" from the first name or the title ("Präsidentin", "Frau")."""
    first = raw.norm.split()[0] if raw.norm else ""
    g = gz.first_name_genders().get(first, "") if len(raw.norm.split()) > 1 else ""
    title = (raw.title or "").lower()
    if not g and title:
        if title in ("frau", "mrs.", "ms.") or title.endswith("in") and lx.role_head(title[:-2]):
            g = "f"
        elif lx.role_head(title):
            g = "m"
    return g


def _description_raws(doc: Doc, toks: list[Tok], tok_sent: list[int], taken: set[int], ent_starts) -> list[Raw]:
    """Definite noun phrases that may describe a named entity: article (+ adjectives) + head noun."""
    out = []
    n = len(toks)
    for tok in toks:
        if tok.lower_ not in DEFINITE or tok.i in taken:
            continue
        j = tok.i + 1
        while j < n and j - tok.i <= 3 and toks[j].tag_ in ("ADJA", "ADV") and not toks[j].text[:1].isupper():
            j += 1
        if j >= n:
            continue
        head = toks[j]
        if j in taken or not head.text[:1].isupper() or head.tag_ not in ("NN", "ADJA", "NE"):
            continue
        if j + 1 in ent_starts:
            continue  # apposition to a name ("das Unternehmen X"), not a description
        word = head.text
        low = word.lower()
        if low in PERSON_NOUNS or lx.role_head(word) or (head.tag_ in ("NN", "ADJA") and low.endswith("e")
                                                         and _demonym(word)):
            label = "PER"
        elif lx.media_head(word):
            label = "MEDIA"
        elif lx.org_head(word):
            label = "ORG"
        else:
            continue
        start, end = tok.idx, head.idx + len(word)
        out.append(Raw(start, end, span_text(toks, tok.i, j + 1), label, tok_sent[tok.i], "description", low, "coref:description",
                       0.6, title=word, tok=tok.i, tok_end=j + 1))
    return out


def _demonym(word: str) -> bool:
    """"Deutsche", "Franzose": nominalised nationality adjectives/nouns (from country gazetteer stems)."""
    stem = word[:-1].lower()
    return len(stem) >= 4 and stem[:5] in _country_prefixes()


@lru_cache(maxsize=1)
def _country_prefixes() -> frozenset[str]:
    """The first four and five letters (lower case) of every country name longer than four letters."""
    return frozenset(c.lower()[:k] for c in gz.countries() if len(c) > 4 for k in (4, 5))


def _pronoun_raws(doc: Doc, toks: list[Tok], tok_sent: list[int]) -> list[Raw]:
    out = []
    for tok in toks:
        low = tok.lower_
        if low not in PRONOUN_GENDER or tok.tag_ not in ("PPER", "PRP", "PNP"):
            continue
        if low == "sie" and tok.text == "Sie" and tok.i not in sentence_starts(doc):
            continue  # polite "Sie"
        if low == "sie":
            nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
            prv = toks[tok.i - 1] if tok.i > 0 else None
            verb = nxt if nxt is not None and nxt.tag_.startswith("V") else prv
            # singular finite verb next to it: "sie sagt", "hat sie" (plural verbs end in -en/-n)
            if verb is None or not verb.tag_.endswith("FIN") or verb.lower_.endswith("n"):
                continue
        out.append(Raw(tok.idx, tok.idx + len(tok.text), tok.text, "PER", tok_sent[tok.i], "pronoun", low,
                       "coref:pronoun", 0.6, tok=tok.i, tok_end=tok.i + 1))
    return out


def resolve(doc: Doc, toks: list[Tok], document: Document, names: list[Raw], tok_sent: list[int],  # noqa: C901
            ent_starts: set[int] | None = None) -> list[Mention]:
    """Mentions of one article: the names, plus pronouns, partial names and definite
    descriptions linked to their antecedents. ``toks``: ``kg.nlp.tokens.tokens(doc)``; ``ent_starts``: the first tokens of doc.ents."""
    taken = set()
    for r in names:
        taken.update(range(r.tok, r.tok_end))
    raws = sorted(names + _pronoun_raws(doc, toks, tok_sent) + _description_raws(
        doc, toks, tok_sent, taken, {e.start for e in doc.ents} if ent_starts is None else ent_starts),
                  key=lambda r: (r.start, -r.end))
    people: dict[str, int] = {}  # surname / first name -> index of the full name
    last_by_gender: dict[str, int] = {}
    entities: dict[str, list[int]] = {"PER": [], "ORG": [], "MEDIA": [], "LOC": []}
    seen_norm: dict[tuple[str, str], int] = {}
    nouns: dict[int, set[str]] = {}  # entity (name index) -> role/kind nouns it was named with
    genders: dict[int, str] = {}
    descriptions = []
    for idx, r in enumerate(raws):
        if r.kind == "name":
            if r.label == "PER" and len(r.norm.split()) == 1 and r.norm in people:
                r.kind, r.antecedent, r.rule = "partial", people[r.norm], "coref:partial"
                head = r.antecedent
            else:
                key = (r.label, r.norm.lower())
                head = seen_norm.setdefault(key, idx)
                if head == idx and r.label in entities:
                    entities[r.label].append(idx)
                if r.label == "PER" and len(r.norm.split()) > 1:
                    for part in (r.norm.split()[0], r.norm.split()[-1]):
                        people[part] = idx
            if r.title:
                nouns.setdefault(head, set()).add((lx.role_head(r.title) or r.title).lower())
            prev = toks[r.tok - 1] if r.tok > 0 and r.tok < len(toks) else None
            if prev is not None and (lx.org_head(prev.text) or lx.media_head(prev.text)):
                nouns.setdefault(head, set()).add((lx.org_head(prev.text) or lx.media_head(prev.text)))
            if r.label == "PER" and (raws[head].rule != "default" or " " in raws[head].norm):
                # only persons with some evidence take pronouns (not a stray capitalised word)
                g = genders.get(head) or _gender(raws[head])
                genders[head] = g
                for key in ((g,) if g else ("m", "f")):
                    last_by_gender[key] = head
        elif r.kind == "pronoun":
            want = PRONOUN_GENDER[r.norm]
            r.antecedent = last_by_gender.get(want)
        else:
            descriptions.append((idx, r))
    earlier = _Earlier(entities, nouns, genders)
    fitting: dict[str, int] = {}  # how many persons of the article fit a person noun
    for idx, r in descriptions:  # after the pass: the kind nouns of the whole article are known
        r.antecedent = earlier.fit(r, idx)
        if r.label == "PER" and r.antecedent is not None and not _titled(r, r.antecedent, nouns):
            # an untitled person description needs the article to offer exactly one person
            low = (r.title or "").lower()
            if low not in fitting:
                fitting[low] = len(_fitting_people(r, entities, genders))
            if fitting[low] != 1:
                r.antecedent = None
    out = []
    for r in raws:
        if r.kind != "name" and r.antecedent is None:
            continue
        if not valid_span(r.start, r.end, r.text):  # a Mention cannot hold it; its corefs lose their antecedent
            continue
        out.append(r)
    index = {id(r): i for i, r in enumerate(out)}
    old = {i: id(r) for i, r in enumerate(raws)}
    mentions = []
    for r in out:
        ante = index.get(old[r.antecedent]) if r.antecedent is not None else None
        label = out[ante].label if ante is not None and r.kind != "name" else r.label
        mentions.append(Mention(document.id, r.start, r.end, r.text, label, r.sentence, kind=r.kind,
                                norm=r.norm if r.kind == "name" else (out[ante].norm if ante is not None else r.norm),
                                rule=r.rule, confidence=r.confidence, antecedent=ante,
                                title=r.title if r.kind == "name" else None))
    return mentions


def _titled(r: Raw, i: int, nouns: dict[int, set[str]]) -> bool:
    word = r.title or ""
    key = lx.role_head(word) or word.lower()
    return key in nouns.get(i, ())


def _fitting_people(r: Raw, entities: dict[str, list[int]], genders: dict[int, str]) -> list[int]:
    low = (r.title or "").lower()
    people = entities.get("PER", [])
    if low in FEMALE_NOUNS:
        return [i for i in people if genders.get(i, "") in ("f", "")]
    return [i for i in people if genders.get(i, "") in ("m", "")] if low not in ("person", "mensch") else people


class _Earlier:
    """The entities named before a description, by label, kind noun and gender.

    Why: a description fits the single entity named before it; sorted index lists
    answer "which ones come before position idx" by bisection, so an article
    with many descriptions and many names costs n log n, not n * m.
    """

    def __init__(self, entities: dict[str, list[int]], nouns: dict[int, set[str]], genders: dict[int, str]):
        self.entities = entities  # each list is ascending: names are appended in text order
        self.by_noun: dict[tuple[str, str], list[int]] = {}
        for lab, items in entities.items():
            for i in items:
                for noun in nouns.get(i, ()):
                    self.by_noun.setdefault((lab, noun), []).append(i)
        people = entities.get("PER", [])
        self.male = [i for i in people if genders.get(i) in ("m", "")]
        self.female = [i for i in people if genders.get(i, "") in ("f", "")]

    @staticmethod
    def _single(lists: list[list[int]], idx: int) -> int | None:
        """The one element below ``idx`` across these ascending lists (None if zero or several)."""
        found = [lst[0] for lst in lists if bisect.bisect_left(lst, idx) == 1]
        total = sum(min(bisect.bisect_left(lst, idx), 2) for lst in lists)
        return found[0] if total == 1 else None

    def fit(self, r: Raw, idx: int) -> int | None:
        labels = ("ORG", "MEDIA") if r.label in ("ORG", "MEDIA") else (r.label,)
        word = r.title or ""
        low = word.lower()
        key = lx.role_head(word) or lx.org_head(word) or lx.media_head(word) or low
        named = self._single([self.by_noun.get((lab, key), []) for lab in labels], idx)
        if named is not None:
            return named
        if r.label == "PER":
            pool = self.male if low in MALE_NOUNS else self.female if low in FEMALE_NOUNS else \
                self.entities.get("PER", [])
        else:
            pool = self.entities.get(r.label, [])
        return self._single([pool], idx)
