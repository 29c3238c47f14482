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
from kg.extract.entities import ArticleEntities
from kg.extract.lexicon import country_of_demonym
from kg.extract.masked import MaskedSentences
from kg.extract.mention_index import MentionIndex
from kg.extract.timex import RefDate, reference_date
from kg.extract.token_tags import TokenTags
from kg.records import (
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
    entities: ArticleEntities | None = None
    masks: MaskedSentences | None = None
    _rel_keys: set = field(default_factory=set)
    _cache: dict = field(default_factory=dict)  # per-article memo keyed by (what, number of mentions)

    @classmethod
    def build(cls, document: Document, sentences, mentions, doc: object = None) -> Context:
        sentences = tuple(sentences)
        ctx = cls(document, sentences, MentionIndex(document, sentences, mentions),
                  reference_date(document.date, document.text))
        ctx.tokens = TokenTags(doc)
        ctx.entities = ArticleEntities(ctx.mentions, ctx.tokens)
        ctx.masks = MaskedSentences(document.text, sentences, ctx.mentions, ctx.entities.is_platform)
        return ctx

    @property
    def text(self) -> str:
        return self.document.text

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
        if subject is None or (obj is not None and self.entities.same(subject, obj)):
            return
        if any(x is not None and self.mentions[x].label == PER and self.entities.common_noun(x) for x in (subject, obj)):
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
        return any(r.predicate == predicate and self.entities.same(r.subject, subject)
                   and (obj_pred is None or obj_pred(r.object)) for r in self.relations)

    # ---- resolution of pronouns and descriptions ------------------------------
    def resolve_pronoun(self, s: int, pos: int, exclude: tuple[int | None, ...] = ()) -> int | None:
        """'er' at ``pos``: an NLP pronoun mention there, else the nearest person before it (3 sentences back)."""
        i = self.mentions.at(pos, pos + 2, (PER,))
        if i is not None and self.mentions[i].start <= pos < self.mentions[i].end and self.mentions.canon(i) != i \
                and not any(self.entities.same(self.mentions.canon(i), e) for e in exclude if e is not None):
            return self.mentions.canon(i)
        before = [i for k in range(max(0, s - 3), s + 1) for i in self.mentions.in_sentence(k, (PER,))
                  if self.mentions[i].end <= pos and self.mentions[i].kind != "pronoun"
                  and self.mentions[i].text.lower() not in PRONOUNS]
        for i in sorted(before, key=lambda i: -self.mentions[i].start):
            c = self.mentions.canon(i)
            if not any(self.entities.same(c, e) for e in exclude if e is not None):
                return c
        after = [i for i in self.mentions.in_sentence(s, (PER,)) if self.mentions[i].start > pos
                 and self.mentions[i].text.lower() not in PRONOUNS]
        for i in after:
            c = self.mentions.canon(i)
            if not any(self.entities.same(c, e) for e in exclude if e is not None):
                return c
        return None

    def resolve_description(self, desc: str, exclude: tuple[int | None, ...] = ()) -> int | None:
        """"der Deutsche", "ein X-Mitarbeiter", "der Mann": the single fitting person of the article."""

        people = [p for p in self.entities.persons() if not any(self.entities.same(p, e) for e in exclude if e is not None)
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
                p, "employedBy", lambda o: not prefix or (o is not None and self.entities.key(o).startswith(prefix.lower())))]
        if len(fitting) == 1:
            return fitting[0]
        if not fitting and len(people) == 1:
            return people[0]
        return None

    def _official(self, p: int) -> bool:
        """Spokespeople, executives and journalists speak about an event; a description never means them.
        (A moderator is not one of them: a platform's content moderator is who blocks accounts.)"""
        return any(r.predicate == "employedBy" and self.entities.same(r.subject, p) and re.search(
            r"(?i)sprecher|chef|geschäftsführ|direktor|vorstand|reporter|redakteur|journalist|korrespondent|"
            r"präsident|leiter", dict(r.qualifiers).get("role", "")) for r in self.relations)

    def _country(self, i: int | None) -> str | None:
        return None if i is None else (self.mentions[i].norm or self.mentions[i].text)
