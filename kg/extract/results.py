"""What the extractors found in one article: relations, events, quotes and facts, with evidence.

Why one sink: a relation is recorded once per (subject, predicate, object,
sentence), its ends canonicalised here (a pronoun or coreferent mention
becomes the name it stands for) rather than by every extractor, and a
relation between an entity and itself, or with a common noun NER took for a
name, is dropped here. Relations are indexed by predicate and subject name
key, so "has this person a nationality yet?" costs the person's relations.
"""
from __future__ import annotations

from collections.abc import Callable

from kg.extract import cues
from kg.extract.entities import ArticleEntities
from kg.extract.mention_index import MentionIndex
from kg.extract.references import PRONOUNS, pronoun_referent
from kg.records import PER, Document, EventCandidate, Evidence, FactCandidate, Quote, RelationCandidate, Sentence


class Results:
    """The article's findings; ``relate``, ``quote`` and ``fact`` record one, ``evidence`` makes its Evidence."""

    def __init__(self, document: Document, sentences: tuple[Sentence, ...], mentions: MentionIndex,
                 entities: ArticleEntities) -> None:
        self._doc_id, self._sentences, self._mentions, self._entities = document.id, sentences, mentions, entities
        self.events: list[EventCandidate] = []
        self.quotes: list[Quote] = []
        self.facts: list[FactCandidate] = []
        self._relations: list[RelationCandidate] = []
        self._by_subject: dict[str, dict[tuple[str, str], list[int]]] = {}  # predicate -> subject key -> positions
        self._by_predicate: dict[str, list[int]] = {}
        self._keys: set[tuple] = set()

    @property
    def relations(self) -> list[RelationCandidate]:
        return self._relations

    @relations.setter
    def relations(self, relations: list[RelationCandidate]) -> None:
        self._relations, self._by_subject, self._by_predicate = list(relations), {}, {}
        for n, r in enumerate(self._relations):
            self._file(n, r)

    def _file(self, n: int, r: RelationCandidate) -> None:
        self._by_predicate.setdefault(r.predicate, []).append(n)
        index = self._by_subject.setdefault(r.predicate, {})
        for k in self._entities.keys(r.subject):
            index.setdefault(k, []).append(n)

    def evidence(self, s: int, span: tuple[int, int], extractor: str, confidence: float,
                 source: int | None = None, hedge_text: str | None = None) -> Evidence:
        """Evidence for sentence ``s``; hedging in the sentence (or in ``hedge_text``) lowers confidence."""
        sent = self._sentences[s]
        cue = cues.hedge_cue(hedge_text if hedge_text is not None else sent.text)
        if cue:
            confidence = round(confidence * 0.7, 3)
        start, end = max(sent.start, min(span)), min(sent.end, max(span))
        if end <= start:
            start, end = sent.start, sent.end
        return Evidence(self._doc_id, s, sent.text, start, end, extractor, confidence,
                        hedged=bool(cue), hedge=cue or "", source=source)

    def relate(self, subject: int | None, predicate: str, obj: int | None, s: int, extractor: str,
               confidence: float, qualifiers: tuple[tuple[str, str], ...] = (), hedge_text: str | None = None) -> None:
        """Record a relation once per (subject, predicate, object, sentence), between canonical mentions."""
        ms = self._mentions
        subject, obj = ms.canon(subject), ms.canon(obj)
        if subject is not None and ms[subject].text.lower() in PRONOUNS:
            subject = pronoun_referent(ms, self._entities, ms[subject].sentence, ms[subject].start + 2)
        if subject is None or (obj is not None and self._entities.same(subject, obj)):
            return
        if any(x is not None and ms[x].label == PER and self._entities.common_noun(x) for x in (subject, obj)):
            return  # NER took a common noun for a name
        if (subject, predicate, obj, s) in self._keys:
            return
        self._keys.add((subject, predicate, obj, s))
        span = [ms[subject].start, ms[subject].end]
        if obj is not None:
            span += [ms[obj].start, ms[obj].end]
        sent = self._sentences[s]
        if not any(sent.start <= p <= sent.end for p in span):
            span = [sent.start, sent.end]
        ev = self.evidence(s, (min(span), max(span)), extractor, confidence, hedge_text=hedge_text)
        r = RelationCandidate(subject, predicate, obj, ev, qualifiers)
        self._relations.append(r)
        self._file(len(self._relations) - 1, r)

    def has_relation(self, subject: int, predicate: str, obj_pred: Callable[[int | None], bool] | None = None,
                     qualifiers: Callable[[tuple], bool] | None = None) -> bool:
        """Is a ``predicate`` relation of the entity of ``subject`` recorded (whose object / qualifiers pass)?
        Only the relations filed under one of the subject's name keys are looked at (same entity => shared key)."""
        index, seen = self._by_subject.get(predicate, {}), set()
        for k in self._entities.keys(subject):
            for n in index.get(k, ()):
                if n in seen:
                    continue
                seen.add(n)
                r = self._relations[n]
                if self._entities.same(r.subject, subject) and (obj_pred is None or obj_pred(r.object)) \
                        and (qualifiers is None or qualifiers(r.qualifiers)):
                    return True
        return False

    def with_predicate(self, predicate: str) -> list[RelationCandidate]:
        """The relations of ``predicate``, in the order they were recorded."""
        return [self._relations[n] for n in self._by_predicate.get(predicate, ())]

    def quote(self, speaker: int, text: str, evidence: Evidence, outlet: int | None) -> None:
        """Record what a person said (speaker and outlet canonical)."""
        self.quotes.append(Quote(self._mentions.canon(speaker), text, evidence, self._mentions.canon(outlet)))

    def fact(self, subject: int, predicate: str, value: str, text: str, evidence: Evidence) -> None:
        """Record a literal fact of an entity (canonical subject)."""
        self.facts.append(FactCandidate(self._mentions.canon(subject), predicate, value, text, evidence))
