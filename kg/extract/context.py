"""Per-article working state shared by the extractors.

Why: extractors are syntax-light (regex over sentence text plus mention
offsets), so they share one view of the article: sentences, mentions (which
grow with derived ACCOUNT/LOC/MEDIA mentions), a *masked* sentence string in
which each mention is a placeholder ``⟨P12⟩`` (so patterns can say "a person,
then 'für', then an organisation"), evidence building, and resolution of
pronouns and descriptions ("der Deutsche") to the single fitting person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract import cues
from kg.extract.lexicon import country_of_demonym
from kg.extract.masked import MaskedSentences
from kg.extract.mention_index import MentionIndex
from kg.extract.timex import RefDate, reference_date
from kg.extract.token_tags import TokenTags
from kg.records import (
    ACCOUNT,
    PER,
    Document,
    EventCandidate,
    Evidence,
    FactCandidate,
    Quote,
    RelationCandidate,
    Sentence,
)

PRONOUNS = {"er", "sie", "ihm", "ihn", "ihr", "seiner"}


@dataclass
class Context:
    document: Document
    sentences: tuple[Sentence, ...]
    mentions: MentionIndex
    ref: RefDate = field(default_factory=RefDate)
    relations: list[RelationCandidate] = field(default_factory=list)
    events: list[EventCandidate] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    facts: list[FactCandidate] = field(default_factory=list)
    tokens: TokenTags = field(default_factory=TokenTags)  # tags and lemmas of the spaCy Doc, when there is one
    masks: MaskedSentences | None = None
    _rel_keys: set = field(default_factory=set)
    _cache: dict = field(default_factory=dict)  # per-article memo keyed by (what, number of mentions)

    @classmethod
    def build(cls, document: Document, sentences, mentions, doc: object = None) -> Context:
        sentences = tuple(sentences)
        ctx = cls(document, sentences, MentionIndex(document, sentences, mentions),
                  reference_date(document.date, document.text))
        ctx.tokens = TokenTags(doc)
        ctx.masks = MaskedSentences(document.text, sentences, ctx.mentions, ctx.is_platform)
        return ctx

    @property
    def text(self) -> str:
        return self.document.text

    # ---- mentions -------------------------------------------------------
    def name_key(self, i: int) -> str:
        m = self.mentions[self.mentions.canon(i)]
        return (m.norm or m.text).lower()

    def same_entity(self, a: int | None, b: int | None) -> bool:
        """Same entity inside the article: same canonical mention or same surname (Duysak ~ Duysaks)."""
        if a is None or b is None:
            return False
        ka, kb = self.name_key(a), self.name_key(b)
        if ka == kb:
            return True
        la, lb = self._surname(ka), self._surname(kb)
        if self.mentions[a].label == self.mentions[b].label == PER and min(len(la), len(lb)) >= 4 \
                and abs(len(la) - len(lb)) <= 2:  # "Duysak" ~ "Duysaker", not "Roth" ~ "Rothschild"
            return la.startswith(lb) or lb.startswith(la)
        return False

    @staticmethod
    def _surname(key: str) -> str:
        words = key.split()
        return words[-1].rstrip("s") if words else ""  # a key of only spaces has no surname

    def _same_keys(self, i: int) -> list[tuple[str, str]]:
        """Index keys such that ``same_entity(i, j)`` implies a shared key (the name key; for a person
        also its surname cut by 0-2 letters: of two surnames within 2 letters, the shorter is in both)."""
        key = self.name_key(i)
        keys = [("k", key)]
        if self.mentions[i].label == PER:
            last = self._surname(key)
            keys += [("s", last[:len(last) - k]) for k in range(3) if len(last) - k >= 4]
        return keys

    def _matches(self, index: dict[tuple[str, str], list[int]], i: int):
        """The mentions of ``index`` (built by ``_index_add``) that are the same entity as ``i``."""
        seen: set[int] = set()
        for k in self._same_keys(i):
            for j in index.get(k, ()):
                if j not in seen:
                    seen.add(j)
                    if self.same_entity(i, j):
                        yield j

    def _index_add(self, index: dict[tuple[str, str], list[int]], i: int) -> None:
        for k in self._same_keys(i):
            index.setdefault(k, []).append(i)

    def salience(self, i: int) -> int:
        """How many mentions of the article refer to the entity of mention ``i``."""
        key = ("salience", len(self.mentions), self.mentions.canon(i))
        if key not in self._cache:
            pkey = ("per-index", len(self.mentions))
            if pkey not in self._cache:
                index: dict[tuple[str, str], list[int]] = {}
                for j in range(len(self.mentions)):
                    if self.mentions[j].label == PER:
                        self._index_add(index, j)
                self._cache[pkey] = index
            self._cache[key] = sum(1 for _ in self._matches(self._cache[pkey], i))
        return self._cache[key]

    def is_platform(self, i: int | None) -> bool:
        """Does mention ``i`` name a platform that hosts an account in this article (whatever NER typed it)?"""
        return i is not None and any(self.same_entity(p, i) for p in self._platforms())

    def _platforms(self) -> list[int]:
        key = ("platforms", len(self.mentions))
        if key not in self._cache:
            seen: dict[str, int] = {}
            for m in self.mentions:
                if m.label == ACCOUNT and m.platform is not None:
                    seen.setdefault(self.name_key(m.platform), m.platform)
            self._cache[key] = list(seen.values())
        return self._cache[key]

    def persons(self) -> list[int]:
        """One representative mention per person in the article (longest name first)."""
        key = ("persons", len(self.mentions))  # relations do not change who the persons are
        if key in self._cache:
            return self._cache[key]
        reps: list[int] = []
        platforms: dict[tuple[str, str], list[int]] = {}
        for p in self._platforms():
            self._index_add(platforms, p)
        idx = [i for i, m in enumerate(self.mentions) if m.label == PER and m.kind in ("name", "partial")
               and not re.search(r"(?i)account|konto|profil", self.mentions[self.mentions.canon(i)].text)
               and next(self._matches(platforms, i), None) is None  # a "person" that hosts accounts is a platform
               and not self.common_noun(i)]
        idx.sort(key=lambda i: -len(self.mentions[self.mentions.canon(i)].text))
        index: dict[tuple[str, str], list[int]] = {}  # of reps: each new name is checked against its few namesakes
        for i in idx:
            c = self.mentions.canon(i)
            if next(self._matches(index, c), None) is None:
                reps.append(c)
                self._index_add(index, c)
        self._cache[key] = reps
        return reps

    # ---- evidence ----------------------------------------------------------
    def evidence(self, s: int, span: tuple[int, int], extractor: str, confidence: float,
                 source: int | None = None, hedge_text: str | None = None) -> Evidence:
        """Evidence for sentence ``s``; hedging in the sentence lowers confidence."""
        sent = self.sentences[s]
        cue = cues.hedge_cue(hedge_text if hedge_text is not None else sent.text)
        if cue:
            confidence = round(confidence * 0.7, 3)
        start, end = max(sent.start, min(span)), min(sent.end, max(span))
        if end <= start:
            start, end = sent.start, sent.end
        return Evidence(self.document.id, s, sent.text, start, end, extractor, confidence,
                        hedged=bool(cue), hedge=cue or "", source=source)

    def relate(self, subject: int | None, predicate: str, obj: int | None, s: int, extractor: str,
               confidence: float, qualifiers: tuple[tuple[str, str], ...] = (), hedge_text: str | None = None) -> None:
        """Record a relation once per (subject, predicate, object, sentence)."""
        subject, obj = self.mentions.canon(subject), self.mentions.canon(obj)
        if subject is not None and self.mentions[subject].text.lower() in PRONOUNS:
            subject = self.resolve_pronoun(self.mentions[subject].sentence, self.mentions[subject].start + 2)
        if subject is None or (obj is not None and self.same_entity(subject, obj)):
            return
        if any(x is not None and self.mentions[x].label == PER and self.common_noun(x) for x in (subject, obj)):
            return  # NER took a common noun for a name
        if (subject, predicate, obj, s) in self._rel_keys:
            return
        self._rel_keys.add((subject, predicate, obj, s))
        span = [self.mentions[subject].start, self.mentions[subject].end]
        if obj is not None:
            span += [self.mentions[obj].start, self.mentions[obj].end]
        if not any(self.sentences[s].start <= p <= self.sentences[s].end for p in span):
            span = [self.sentences[s].start, self.sentences[s].end]
        ev = self.evidence(s, (min(span), max(span)), extractor, confidence, hedge_text=hedge_text)
        self.relations.append(RelationCandidate(subject, predicate, obj, ev, qualifiers))

    def has_relation(self, subject: int, predicate: str, obj_pred=None) -> bool:
        return any(r.predicate == predicate and self.same_entity(r.subject, subject)
                   and (obj_pred is None or obj_pred(r.object)) for r in self.relations)

    # ---- resolution of pronouns and descriptions ------------------------------
    def resolve_pronoun(self, s: int, pos: int, exclude: tuple[int | None, ...] = ()) -> int | None:
        """'er' at ``pos``: an NLP pronoun mention there, else the nearest person before it (3 sentences back)."""
        i = self.mentions.at(pos, pos + 2, (PER,))
        if i is not None and self.mentions[i].start <= pos < self.mentions[i].end and self.mentions.canon(i) != i \
                and not any(self.same_entity(self.mentions.canon(i), e) for e in exclude if e is not None):
            return self.mentions.canon(i)
        before = [i for k in range(max(0, s - 3), s + 1) for i in self.mentions.in_sentence(k, (PER,))
                  if self.mentions[i].end <= pos and self.mentions[i].kind != "pronoun"
                  and self.mentions[i].text.lower() not in PRONOUNS]
        for i in sorted(before, key=lambda i: -self.mentions[i].start):
            c = self.mentions.canon(i)
            if not any(self.same_entity(c, e) for e in exclude if e is not None):
                return c
        after = [i for i in self.mentions.in_sentence(s, (PER,)) if self.mentions[i].start > pos
                 and self.mentions[i].text.lower() not in PRONOUNS]
        for i in after:
            c = self.mentions.canon(i)
            if not any(self.same_entity(c, e) for e in exclude if e is not None):
                return c
        return None

    def resolve_description(self, desc: str, exclude: tuple[int | None, ...] = ()) -> int | None:
        """"der Deutsche", "ein X-Mitarbeiter", "der Mann": the single fitting person of the article."""

        people = [p for p in self.persons() if not any(self.same_entity(p, e) for e in exclude if e is not None)
                  and not self._official(p)]
        noun = desc.split()[-1] if desc.split() else ""
        country = country_of_demonym(noun)
        fitting: list[int] = []
        if country:
            fitting = [p for p in people if self.has_relation(p, "nationality", lambda o: self._country(o) == country)]
            people = [p for p in people if not self.has_relation(
                p, "nationality", lambda o: self._country(o) not in (None, country))]
        elif re.search(r"(?i)mitarbeiter|angestellte|betreuer|arbeiter|nehmer", noun):
            prefix = noun.split("-")[0] if "-" in noun else ""
            fitting = [p for p in people if self.has_relation(
                p, "employedBy", lambda o: not prefix or (o is not None and self.name_key(o).startswith(prefix.lower())))]
        if len(fitting) == 1:
            return fitting[0]
        if not fitting and len(people) == 1:
            return people[0]
        return None

    def common_noun(self, i: int) -> bool:
        """A one-word "name" the tagger reads as a common noun ("Denkmäler"), unless it is a known surname."""
        m = self.mentions[self.mentions.canon(i)]
        if len(m.text.split()) > 1 or self.tokens.tag_at(m.start) not in ("NN", "ADJA", "ADJD"):
            return False
        key = ("surnames", len(self.mentions))
        if key not in self._cache:
            self._cache[key] = {o.text.split()[-1] for o in self.mentions if o.label == PER and len(o.text.split()) > 1}
        return m.text not in self._cache[key]

    def _official(self, p: int) -> bool:
        """Spokespeople, executives and journalists speak about an event; a description never means them.
        (A moderator is not one of them: a platform's content moderator is who blocks accounts.)"""
        return any(r.predicate == "employedBy" and self.same_entity(r.subject, p) and re.search(
            r"(?i)sprecher|chef|geschäftsführ|direktor|vorstand|reporter|redakteur|journalist|korrespondent|"
            r"präsident|leiter", dict(r.qualifiers).get("role", "")) for r in self.relations)

    def _country(self, i: int | None) -> str | None:
        return None if i is None else (self.mentions[i].norm or self.mentions[i].text)
