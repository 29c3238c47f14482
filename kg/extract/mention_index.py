"""The article's mentions and the look-ups every extractor makes on them.

Why one index: extractors find mentions by sentence and by offset, follow
coreference to the name a pronoun stands for, and add derived mentions
(accounts, outlets, countries) as they go. Each look-up structure here is
kept up to date as a mention is added, so no extractor rescans the list and
the work per article grows with its length, not with its square.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence

from kg.records import MEDIA, ORG, PER, Document, Mention, Sentence


class MentionIndex(Sequence[Mention]):
    """The mentions of one article in order (NLP ones first, derived ones appended), indexed."""

    def __init__(self, document: Document, sentences: Sequence[Sentence], mentions) -> None:
        self._doc_id, self._text = document.id, document.text
        self._sentences = tuple(sentences)
        self._starts = [s.start for s in self._sentences]
        self._items: list[Mention] = []
        self._by_sentence: dict[int, list[int]] = {}
        self._spans: dict[tuple[int, int, str], int] = {}
        self._canon: dict[int, int] = {}
        self._labels: Counter[str | tuple[str, str]] = Counter()
        self._owners: list[int] = []
        self._owners_tuple: tuple[int, ...] = ()
        self._surnames: set[str] = set()
        self._by_start: dict[str, list[tuple[int, int]]] = {}
        for m in mentions:
            self._append(m)

    # ---- the sequence -----------------------------------------------------
    def __getitem__(self, i):  # type: ignore[override]
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Mention]:
        return iter(self._items)

    def _append(self, m: Mention) -> int:
        i = len(self._items)
        self._items.append(m)
        self._by_sentence.setdefault(m.sentence, []).append(i)
        self._spans.setdefault((m.start, m.end, m.label), i)
        self._labels[m.label] += 1
        self._labels[(m.label, m.kind)] += 1
        if m.owner is not None:
            self._owners.append(m.owner)
        if m.label == PER and len(m.text.split()) > 1:
            self._surnames.add(m.text.split()[-1])
        bisect.insort(self._by_start.setdefault(m.label, []), (m.start, i))
        return i

    # ---- adding ---------------------------------------------------------------
    def add(self, start: int, end: int, label: str, sentence: int, text: str | None = None, norm: str = "",
            rule: str = "", owner: int | None = None, platform: int | None = None, confidence: float = 0.8) -> int:
        """Append a derived mention (or return an equal one already there)."""
        if (start, end, label) in self._spans:
            return self._spans[(start, end, label)]
        return self._append(Mention(self._doc_id, start, end, text or self._text[start:end], label, sentence,
                                    kind="derived", norm=norm, rule=rule, confidence=confidence,
                                    owner=owner, platform=platform))

    def propagate_names(self) -> None:
        """An organisation named (and typed) once is the same name elsewhere: mark the untyped repeats."""
        names: dict[str, str] = {}
        for m in self._items:
            if m.label in (ORG, MEDIA) and m.kind == "name" and len(m.text) >= 3 and m.text[0].isupper():
                names.setdefault(m.text, m.label)
        if not names:
            return
        rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                        + r")(?![\w])")
        for sent in self._sentences:
            for x in rx.finditer(sent.text):
                a, b = sent.start + x.start(), sent.start + x.end()
                if any(self._items[i].start < b and a < self._items[i].end for i in self.in_sentence(sent.index)):
                    continue
                if re.search(r"(?:\b(?:ein|eine[nmrs]?|kein\w*)|[a-zäöüß]{2,}(?:e|er|en|es))\s+$", self._text[max(0, a - 30):a]):
                    continue  # "ein neuer Standard": the word, not the name
                self.add(a, b, names[x.group(0)], sent.index, rule="derived:same-name", confidence=0.7)

    # ---- look-ups -------------------------------------------------------------
    def canon(self, i: int | None) -> int | None:
        """Follow coreference antecedents to the name mention (mentions never change: memoised)."""
        if i is None:
            return None
        c = self._canon.get(i)
        if c is None:
            seen, c = set(), i
            while self._items[c].antecedent is not None and c not in seen:
                seen.add(c)
                c = self._items[c].antecedent
            self._canon[i] = c
        return c

    def in_sentence(self, s: int, labels: tuple[str, ...] | None = None) -> list[int]:
        found = self._by_sentence.get(s, [])
        return [i for i in found if labels is None or self._items[i].label in labels]

    def count_in(self, s: int) -> int:
        """How many mentions sentence ``s`` has (a view of the sentence is valid while it stays)."""
        return len(self._by_sentence.get(s, ()))

    def sentence_of(self, pos: int) -> int | None:
        """The sentence holding offset ``pos``."""
        k = bisect.bisect_right(self._starts, pos) - 1
        return self._sentences[k].index if k >= 0 else None

    def at(self, start: int, end: int, labels: tuple[str, ...]) -> int | None:
        """The longest mention of these labels overlapping [start, end) (mentions never cross sentences)."""
        best = None
        near = {self.sentence_of(start), self.sentence_of(max(start, end - 1))}
        for i in (i for s in near if s is not None for i in self.in_sentence(s)):
            m = self._items[i]
            if m.label in labels and m.start < end and start < m.end:
                if best is None or (m.end - m.start) > (self._items[best].end - self._items[best].start):
                    best = i
        return best

    def last_before(self, pos: int, label: str) -> int | None:
        """The mention of ``label`` that starts last among those ending by ``pos`` (the first such on a tie)."""
        found = self._by_start.get(label, [])
        best = None
        for k in range(bisect.bisect_left(found, (pos, -1)) - 1, -1, -1):
            start, i = found[k]
            if best is not None and start < self._items[best].start:
                break
            if self._items[i].end <= pos:
                best = i
        return best

    def count(self, label: str, *kinds: str) -> int:
        """How many mentions of ``label`` (of these kinds) there are: a memo of what reads only them is
        valid while the count stays (derived mentions are of kind "derived": a name index outlives them)."""
        return sum(self._labels[(label, k)] for k in kinds) if kinds else self._labels[label]

    def owners(self) -> tuple[int, ...]:
        """The owner of every account mention, in mention order."""
        if len(self._owners_tuple) != len(self._owners):
            self._owners_tuple = tuple(self._owners)
        return self._owners_tuple

    def surnames(self) -> set[str]:
        """The last words of the person names of more than one word."""
        return self._surnames
