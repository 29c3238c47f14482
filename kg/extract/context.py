"""Per-article working state shared by the extractors.

Why: extractors are syntax-light (regex over sentence text plus mention
offsets), so they share one view of the article: sentences, mentions (which
grow with derived ACCOUNT/LOC/MEDIA mentions), a *masked* sentence string in
which each mention is a placeholder ``⟨P12⟩`` (so patterns can say "a person,
then 'für', then an organisation"), evidence building, and resolution of
pronouns and descriptions ("der Deutsche") to the single fitting person.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from kg.extract import cues
from kg.extract.lexicon import EN_DEMONYMS, country_of_demonym
from kg.extract.relation_index import RelationIndex
from kg.extract.timex import RefDate, reference_date
from kg.records import (
    ACCOUNT,
    LOC,
    MEDIA,
    ORG,
    PER,
    Document,
    EventCandidate,
    Evidence,
    FactCandidate,
    Mention,
    Quote,
    RelationCandidate,
    Sentence,
)

LETTER = {PER: "P", ORG: "O", MEDIA: "M", LOC: "L", ACCOUNT: "A"}
PLACEHOLDER = re.compile(r"⟨([POMLAX])(\d+)⟩")
def _demonym_word(text: str) -> bool:
    """A nationality word NER took for a name ("German", "Deutscher") stays a word."""
    return text in EN_DEMONYMS or (text[:1].isupper() and " " not in text and country_of_demonym(text) is not None)


_NO_BRACKETS = str.maketrans("⟨⟩", "<>")  # article text can never fake a placeholder
PRONOUNS = {"er", "sie", "ihm", "ihn", "ihr", "seiner"}


@dataclass
class Masked:
    """A sentence with mentions replaced by placeholders, and the way back to offsets."""

    text: str
    pieces: list[tuple[int, int, int]]  # (masked start, masked end, original absolute start) of plain runs
    sentence: Sentence

    def orig(self, pos: int) -> int:
        """Absolute document offset of a masked position (placeholders map to the mention start)."""
        for mstart, mend, ostart in self.pieces:
            if mstart <= pos <= mend:
                return ostart + (pos - mstart)
        m = [p for p in self.pieces if p[0] <= pos]
        return m[-1][2] + (m[-1][1] - m[-1][0]) if m else self.sentence.start


@dataclass
class Context:
    document: Document
    sentences: tuple[Sentence, ...]
    mentions: list[Mention]
    ref: RefDate = field(default_factory=RefDate)
    relations: list[RelationCandidate] = field(default_factory=list)
    events: list[EventCandidate] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    facts: list[FactCandidate] = field(default_factory=list)
    _masked: dict[int, Masked] = field(default_factory=dict)
    _by_sentence: tuple[int, dict[int, list[int]]] | None = None
    doc: object = None  # the spaCy Doc when there is one: POS tags are a bonus, never required
    _tags: dict[int, tuple[str | None, str | None]] | None = None
    _token_starts: list[int] = field(default_factory=list)
    _spans: dict[tuple[int, int, str], int] | None = None
    _starts: list[int] | None = None
    _rel_keys: set = field(default_factory=set)
    _cache: dict = field(default_factory=dict)  # per-article memo keyed by (what, number of mentions)

    @classmethod
    def build(cls, document: Document, sentences, mentions, doc: object = None) -> Context:
        ctx = cls(document, tuple(sentences), list(mentions), reference_date(document.date, document.text))
        ctx.doc = doc
        return ctx

    def tag_at(self, pos: int) -> str | None:
        """The STTS tag of the token starting at ``pos`` (None without a tagged Doc)."""
        return self._token_info(pos)[0]

    def lemma_at(self, pos: int) -> str | None:
        return self._token_info(pos)[1]

    def _token_info(self, pos: int) -> tuple[str | None, str | None]:
        if self._tags is None:
            self._tags = {}
            if hasattr(self.doc, "to_array"):  # a spaCy Doc: token starts in one array, no Token objects
                self._token_starts = self.doc.to_array("IDX").tolist()
            else:  # None, or any sequence of token-like objects
                self._tags = {t.idx: (t.tag_, t.lemma_) for t in self.doc or ()}
                return self._tags.get(pos, (None, None))
        info = self._tags.get(pos)
        if info is None:
            i = bisect.bisect_left(self._token_starts, pos)
            found = i < len(self._token_starts) and self._token_starts[i] == pos
            info = (self.doc[i].tag_, self.doc[i].lemma_) if found else (None, None)
            self._tags[pos] = info
        return info

    @property
    def text(self) -> str:
        return self.document.text

    # ---- mentions -------------------------------------------------------
    def add_mention(self, start: int, end: int, label: str, sentence: int, text: str | None = None,
                    norm: str = "", rule: str = "", owner: int | None = None, platform: int | None = None,
                    confidence: float = 0.8) -> int:
        """Append a derived mention (or return an equal one already there)."""
        if self._spans is None:
            self._spans = {(m.start, m.end, m.label): i for i, m in reversed(list(enumerate(self.mentions)))}
        if (start, end, label) in self._spans:
            return self._spans[(start, end, label)]
        self._spans[(start, end, label)] = len(self.mentions)
        if self._by_sentence is not None and self._by_sentence[0] == len(self.mentions):
            self._by_sentence[1].setdefault(sentence, []).append(len(self.mentions))
            self._by_sentence = (len(self.mentions) + 1, self._by_sentence[1])
        self.mentions.append(Mention(self.document.id, start, end, text or self.text[start:end], label, sentence,
                                     kind="derived", norm=norm, rule=rule, confidence=confidence,
                                     owner=owner, platform=platform))
        self._masked.pop(sentence, None)
        return len(self.mentions) - 1

    def canon(self, i: int | None) -> int | None:
        """Follow coreference antecedents to the name mention."""
        seen = set()
        while i is not None and self.mentions[i].antecedent is not None and i not in seen:
            seen.add(i)
            i = self.mentions[i].antecedent
        return i

    def in_sentence(self, s: int, labels: tuple[str, ...] | None = None) -> list[int]:
        if self._by_sentence is None or self._by_sentence[0] != len(self.mentions):
            index: dict[int, list[int]] = {}
            for i, m in enumerate(self.mentions):
                index.setdefault(m.sentence, []).append(i)
            self._by_sentence = (len(self.mentions), index)
        found = self._by_sentence[1].get(s, [])
        return [i for i in found if labels is None or self.mentions[i].label in labels]

    def sentence_of(self, pos: int) -> int | None:
        if self._starts is None:
            self._starts = [s.start for s in self.sentences]
        k = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[k].index if k >= 0 else None

    def mention_at(self, start: int, end: int, labels: tuple[str, ...]) -> int | None:
        """The longest mention of these labels overlapping [start, end) (mentions never cross sentences)."""
        best = None
        near = {self.sentence_of(start), self.sentence_of(max(start, end - 1))}
        for i in (i for s in near if s is not None for i in self.in_sentence(s)):
            m = self.mentions[i]
            if m.label in labels and m.start < end and start < m.end:
                if best is None or (m.end - m.start) > (self.mentions[best].end - self.mentions[best].start):
                    best = i
        return best

    def name_key(self, i: int) -> str:
        m = self.mentions[self.canon(i)]
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
        key = ("salience", len(self.mentions), self.canon(i))
        if key not in self._cache:
            index = self._new_mentions("per-index", dict, self._add_person)
            self._cache[key] = sum(1 for _ in self._matches(index, i))
        return self._cache[key]

    def _new_mentions(self, name: str, start, add):
        """A memo over the mentions, brought up to date by ``add(memo, i)`` for each mention added
        since the last call. Mentions are only ever appended (``add_mention``), so this equals
        folding all of them, without rescanning the article each time one is added."""
        state = self._cache.get(("fold", name))
        if state is None or state[0] is not self.mentions:
            state = self._cache[("fold", name)] = [self.mentions, 0, start()]
        for i in range(state[1], len(self.mentions)):
            add(state[2], i)
        state[1] = len(self.mentions)
        return state[2]

    def _add_person(self, index: dict[tuple[str, str], list[int]], i: int) -> None:
        if self.mentions[i].label == PER:
            self._index_add(index, i)

    def forget_masks(self) -> None:
        self._masked.clear()

    def is_platform(self, i: int | None) -> bool:
        """Does mention ``i`` name a platform that hosts an account in this article (whatever NER typed it)?"""
        return i is not None and any(self.same_entity(p, i) for p in self._platforms())

    def _platforms(self) -> list[int]:
        return list(self._new_mentions("platforms", dict, self._add_platform).values())

    def _add_platform(self, seen: dict[str, int], i: int) -> None:
        m = self.mentions[i]
        if m.label == ACCOUNT and m.platform is not None:
            seen.setdefault(self.name_key(m.platform), m.platform)

    def persons(self) -> list[int]:
        """One representative mention per person in the article (longest name first)."""
        return self._persons()[0]

    def _persons(self) -> tuple[list[int], dict[tuple[str, str], list[int]]]:
        """``persons()`` and their same-entity index. They depend on the person names (fixed once
        the article is analysed), the platforms and the surnames of full names; derived mentions
        only add to the last two, so their sizes tell when to compute again."""
        key = ("persons", len(self._platforms()), len(self._surnames()))  # relations do not change them
        if key in self._cache:
            return self._cache[key]
        reps: list[int] = []
        platforms: dict[tuple[str, str], list[int]] = {}
        for p in self._platforms():
            self._index_add(platforms, p)
        idx = [i for i, m in enumerate(self.mentions) if m.label == PER and m.kind in ("name", "partial")
               and not re.search(r"(?i)account|konto|profil", self.mentions[self.canon(i)].text)
               and next(self._matches(platforms, i), None) is None  # a "person" that hosts accounts is a platform
               and not self.common_noun(i)]
        idx.sort(key=lambda i: -len(self.mentions[self.canon(i)].text))
        index: dict[tuple[str, str], list[int]] = {}  # of reps: each new name is checked against its few namesakes
        for i in idx:
            c = self.canon(i)
            if next(self._matches(index, c), None) is None:
                reps.append(c)
                self._index_add(index, c)
        self._cache[key] = reps, index
        return reps, index

    def propagate_names(self) -> None:
        """An organisation named (and typed) once is the same name elsewhere: mark the untyped repeats."""
        names: dict[str, str] = {}
        for m in self.mentions:
            if m.label in (ORG, MEDIA) and m.kind == "name" and len(m.text) >= 3 and m.text[0].isupper():
                names.setdefault(m.text, m.label)
        if not names:
            return
        rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                        + r")(?![\w])")
        for sent in self.sentences:
            for x in rx.finditer(sent.text):
                a, b = sent.start + x.start(), sent.start + x.end()
                if any(self.mentions[i].start < b and a < self.mentions[i].end for i in self.in_sentence(sent.index)):
                    continue
                if re.search(r"(?:\b(?:ein|eine[nmrs]?|kein\w*)|[a-zäöüß]{2,}(?:e|er|en|es))\s+$", self.text[max(0, a - 30):a]):
                    continue  # "ein neuer Standard": the word, not the name
                self.add_mention(a, b, names[x.group(0)], sent.index, rule="derived:same-name", confidence=0.7)

    # ---- masked sentences --------------------------------------------------
    def masked(self, s: int) -> Masked:
        if s not in self._masked:
            self._masked[s] = self._mask(s)
        return self._masked[s]

    def _mask(self, s: int) -> Masked:
        sent = self.sentences[s]
        cand = [i for i in self.in_sentence(s) if self.mentions[i].label in LETTER or self.mentions[i].label == "OTH"]
        # accounts swallow inner mentions; otherwise longer spans win
        cand.sort(key=lambda i: (self.mentions[i].label != ACCOUNT, self.mentions[i].start,
                                 -(self.mentions[i].end - self.mentions[i].start)))
        chosen: list[int] = []
        for i in cand:
            m = self.mentions[i]
            if m.start < sent.start or m.end > sent.end:
                continue
            if m.label != ACCOUNT and re.match(r"-[A-Za-zÄÖÜäöü]", self.text[m.end:m.end + 2]):
                continue  # a compound prefix ("X-Mitarbeiter") stays text: it modifies the noun
            if m.kind == "description" or m.rule == "derived:demonym" or _demonym_word(m.text):
                continue  # "der Deutsche", "Auftragnehmer": common nouns the patterns read as words
            if all(m.end <= self.mentions[j].start or m.start >= self.mentions[j].end for j in chosen):
                chosen.append(i)
        chosen.sort(key=lambda i: self.mentions[i].start)
        out, pieces, pos, mpos = [], [], sent.start, 0
        for i in chosen:
            m = self.mentions[i]
            run = self.text[pos:m.start].translate(_NO_BRACKETS)
            pieces.append((mpos, mpos + len(run), pos))
            out.append(run)
            mpos += len(run)
            letter = "O" if m.label == PER and m.kind == "name" and self.is_platform(i) else LETTER.get(m.label, "X")
            ph = f"⟨{letter}{i}⟩"
            out.append(ph)
            mpos += len(ph)
            pos = m.end
        run = self.text[pos:sent.end].translate(_NO_BRACKETS)
        pieces.append((mpos, mpos + len(run), pos))
        out.append(run)
        return Masked("".join(out), pieces, sent)

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
        subject, obj = self.canon(subject), self.canon(obj)
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
        return any(obj_pred is None or obj_pred(r.object) for r in self._relation_index().of_subject(self, subject, predicate))

    def _relation_index(self) -> RelationIndex:
        index = self._cache.get("relation-index")
        if index is None:
            index = self._cache["relation-index"] = RelationIndex()
        return index

    # ---- resolution of pronouns and descriptions ------------------------------
    def resolve_pronoun(self, s: int, pos: int, exclude: tuple[int | None, ...] = ()) -> int | None:
        """'er' at ``pos``: an NLP pronoun mention there, else the nearest person before it (3 sentences back)."""
        i = self.mention_at(pos, pos + 2, (PER,))
        if i is not None and self.mentions[i].start <= pos < self.mentions[i].end and self.canon(i) != i \
                and not any(self.same_entity(self.canon(i), e) for e in exclude if e is not None):
            return self.canon(i)
        before = [i for k in range(max(0, s - 3), s + 1) for i in self.in_sentence(k, (PER,))
                  if self.mentions[i].end <= pos and self.mentions[i].kind != "pronoun"
                  and self.mentions[i].text.lower() not in PRONOUNS]
        for i in sorted(before, key=lambda i: -self.mentions[i].start):
            c = self.canon(i)
            if not any(self.same_entity(c, e) for e in exclude if e is not None):
                return c
        after = [i for i in self.in_sentence(s, (PER,)) if self.mentions[i].start > pos
                 and self.mentions[i].text.lower() not in PRONOUNS]
        for i in after:
            c = self.canon(i)
            if not any(self.same_entity(c, e) for e in exclude if e is not None):
                return c
        return None

    def resolve_description(self, desc: str, exclude: tuple[int | None, ...] = ()) -> int | None:
        """"der Deutsche", "ein X-Mitarbeiter", "der Mann": the single fitting person of the article."""
        def candidate(p: int) -> bool:  # a person the description may mean
            return not any(self.same_entity(p, e) for e in exclude if e is not None) and not self._official(p)

        noun = desc.split()[-1] if desc.split() else ""
        country = country_of_demonym(noun)
        fitting: set[int] = set()
        keep = candidate
        if country:
            fitting = self._related_persons("nationality", lambda o: self._country(o) == country, candidate)

            def keep(p: int) -> bool:  # no other nationality
                return candidate(p) and not self.has_relation(
                    p, "nationality", lambda o: self._country(o) not in (None, country))
        elif re.search(r"(?i)mitarbeiter|angestellte|betreuer|arbeiter|nehmer", noun):
            prefix = noun.split("-")[0] if "-" in noun else ""
            fitting = self._related_persons("employedBy", lambda o: not prefix or (
                o is not None and self.name_key(o).startswith(prefix.lower())), candidate)
        if len(fitting) == 1:
            return next(iter(fitting))
        if not fitting:  # the single person left, if there is one: stop at the second
            people = list(itertools.islice((p for p in self.persons() if keep(p)), 2))
            return people[0] if len(people) == 1 else None
        return None

    def _related_persons(self, predicate: str, obj_pred, candidate) -> set[int]:
        """The persons (of ``persons()``, passing ``candidate``) that are the subject of a relation
        of ``predicate`` whose object passes ``obj_pred``: found from the relations' side."""
        index = self._persons()[1]
        found: set[int] = set()
        for r in self._relation_index().with_predicate(self, predicate):
            if r.subject is not None and obj_pred(r.object):
                found.update(p for p in self._matches(index, r.subject) if candidate(p))
        return found

    def common_noun(self, i: int) -> bool:
        """A one-word "name" the tagger reads as a common noun ("Denkmäler"), unless it is a known surname."""
        m = self.mentions[self.canon(i)]
        if len(m.text.split()) > 1 or self.tag_at(m.start) not in ("NN", "ADJA", "ADJD"):
            return False
        return m.text not in self._surnames()

    def _surnames(self) -> set[str]:
        """The last words of the full names (several words) of persons."""
        return self._new_mentions("surnames", set, self._add_surname)

    def _add_surname(self, surnames: set[str], i: int) -> None:
        o = self.mentions[i]
        if o.label == PER and len(o.text.split()) > 1:
            surnames.add(o.text.split()[-1])

    def _official(self, p: int) -> bool:
        """Spokespeople, executives and journalists speak about an event; a description never means them.
        (A moderator is not one of them: a platform's content moderator is who blocks accounts.)"""
        return any(re.search(
            r"(?i)sprecher|chef|geschäftsführ|direktor|vorstand|reporter|redakteur|journalist|korrespondent|"
            r"präsident|leiter", dict(r.qualifiers).get("role", "")) for r in self._relation_index().of_subject(
                self, p, "employedBy"))

    def _country(self, i: int | None) -> str | None:
        return None if i is None else (self.mentions[i].norm or self.mentions[i].text)
