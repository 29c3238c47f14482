"""Who is who inside one article: name keys, same-entity tests, the persons, the platforms.

Why: "Duysak" and "Duysaks", "er" and the name it stands for, a "person"
that hosts accounts (a platform NER typed as a person) - every extractor
asks these questions; the answers come from indexes by name key and
surname, so a question costs the few namesakes of a mention, not the article.
"""
from __future__ import annotations

import re

from kg.extract.mention_index import MentionIndex
from kg.extract.token_tags import TokenTags
from kg.records import ACCOUNT, PER

_Index = dict[tuple[str, str], list[int]]
# a noun for a person ("Mitautorin", "Seismologin", "Sänger"): a full name after it is that person
PERSON_NOUN = re.compile(r"[A-ZÄÖÜ][\w-]*(?:in|er|ist|loge|login|ant|antin|ent|entin|eur|eurin)")
_NAME_PAIR = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w-]+) (?=([A-ZÄÖÜ][a-zäöüß]+)(?![\w-]))")


class ArticleEntities:
    """Same-entity tests and the article's persons and platforms, over its mention index."""

    def __init__(self, mentions: MentionIndex, tokens: TokenTags, text: str = "") -> None:
        self._mentions, self._tokens, self._text = mentions, tokens, text
        self._memo: dict = {}  # keyed by (what, number of mentions of the labels it was made from)

    def key(self, i: int) -> str:
        """The name key of the entity of mention ``i`` (its canonical mention's normal form, lower case)."""
        m = self._mentions[self._mentions.canon(i)]
        return (m.norm or m.text).lower()

    def same(self, a: int | None, b: int | None) -> bool:
        """Same entity inside the article: same canonical mention or same surname (Duysak ~ Duysaks)."""
        if a is None or b is None:
            return False
        ka, kb = self.key(a), self.key(b)
        if ka == kb:
            return True
        la, lb = _surname(ka), _surname(kb)
        if self._mentions[a].label == self._mentions[b].label == PER and min(len(la), len(lb)) >= 4 \
                and abs(len(la) - len(lb)) <= 2:  # "Duysak" ~ "Duysaker", not "Roth" ~ "Rothschild"
            return la.startswith(lb) or lb.startswith(la)
        return False

    def keys(self, i: int) -> list[tuple[str, str]]:
        """Index keys such that ``same(i, j)`` implies a shared key (the name key; for a person
        also its surname cut by 0-2 letters: of two surnames within 2 letters, the shorter is in both)."""
        key = self.key(i)
        keys = [("k", key)]
        if self._mentions[i].label == PER:
            last = _surname(key)
            keys += [("s", last[:len(last) - k]) for k in range(3) if len(last) - k >= 4]
        return keys

    def matches(self, index: _Index, i: int):
        """The mentions of ``index`` (built by ``add_to_index``) that are the same entity as ``i``."""
        seen: set[int] = set()
        for k in self.keys(i):
            for j in index.get(k, ()):
                if j not in seen:
                    seen.add(j)
                    if self.same(i, j):
                        yield j

    def add_to_index(self, index: _Index, i: int) -> None:
        """File mention ``i`` under its ``keys``: ``matches`` then finds it among its few namesakes."""
        for k in self.keys(i):
            index.setdefault(k, []).append(i)

    def salience(self, i: int) -> int:
        """How many mentions of the article refer to the entity of mention ``i``."""
        n = self._mentions.count(PER)  # the answer depends on the persons' mentions only
        key = ("salience", n, self._mentions.canon(i))
        if key not in self._memo:
            pkey = ("per-index", n)
            if pkey not in self._memo:
                index: _Index = {}
                for j in range(len(self._mentions)):
                    if self._mentions[j].label == PER:
                        self.add_to_index(index, j)
                self._memo[pkey] = index
            self._memo[key] = sum(1 for _ in self.matches(self._memo[pkey], i))
        return self._memo[key]

    def is_platform(self, i: int | None) -> bool:
        """Does mention ``i`` name a platform that hosts an account in this article (whatever NER typed it)?"""
        return i is not None and any(self.same(p, i) for p in self.platforms())

    def platforms(self) -> list[int]:
        """One mention per platform that hosts an account in the article."""
        key = ("platforms", self._mentions.count(ACCOUNT))
        if key not in self._memo:
            seen: dict[str, int] = {}
            for m in self._mentions:
                if m.label == ACCOUNT and m.platform is not None:
                    seen.setdefault(self.key(m.platform), m.platform)
            self._memo[key] = list(seen.values())
        return self._memo[key]

    def persons(self) -> list[int]:
        """One representative mention per person in the article (longest name first)."""
        return self._persons()[0]

    def person_of(self, i: int | None):
        """The persons (of ``persons()``) that are the same entity as mention ``i``."""
        return () if i is None else self.matches(self._persons()[1], i)

    def _persons(self) -> tuple[list[int], _Index]:
        """``persons()`` and their index by name key."""
        key = ("persons", self._mentions.count(PER), self._mentions.count(ACCOUNT))  # nor do relations
        if key in self._memo:
            return self._memo[key]
        ms = self._mentions
        reps: list[int] = []
        platforms: _Index = {}
        for p in self.platforms():
            self.add_to_index(platforms, p)
        idx = [i for i, m in enumerate(ms) if m.label == PER and m.kind in ("name", "partial")
               and not re.search(r"(?i)account|konto|profil", ms[ms.canon(i)].text)
               and next(self.matches(platforms, i), None) is None  # a "person" that hosts accounts is a platform
               and not self.common_noun(i)]
        idx.sort(key=lambda i: -len(ms[ms.canon(i)].text))
        index: _Index = {}  # of reps: each new name is checked against its few namesakes
        for i in idx:
            c = ms.canon(i)
            if next(self.matches(index, c), None) is None:
                reps.append(c)
                self.add_to_index(index, c)
        self._memo[key] = reps, index
        return reps, index

    def common_noun(self, i: int) -> bool:
        """A one-word "name" the tagger reads as a common noun ("Denkmäler"), unless it is a known surname
        or the article introduces it as a name ("Volksanwalt Günter Kräuter ... sagte Kräuter")."""
        m = self._mentions[self._mentions.canon(i)]
        if len(m.text.split()) > 1 or self._tokens.tag_at(m.start) not in ("NN", "ADJA", "ADJD"):
            return False
        return m.text not in self._mentions.surnames() and m.text.removesuffix("s") not in self._introduced()

    def _introduced(self) -> set[str]:
        """Words the text writes right after a given name or a person noun ("Günter Kräuter", "Sängerin Adele"):
        names, even where NER cut the name short or the tagger reads the word as a common noun."""
        if "introduced" not in self._memo:
            from kg.extract.patterns.classes import in_class
            from kg.nlp.gazetteer import first_names

            firsts = first_names() | {m.text.split()[0] for m in self._mentions if m.label == PER}
            self._memo["introduced"] = {
                d.group(2) for d in _NAME_PAIR.finditer(self._text)
                if d.group(1) in firsts or in_class("ROLE_NOUN", d.group(1))
                or PERSON_NOUN.fullmatch(d.group(1)) and self._tokens.tag_at(d.start(1)) in ("NN", None)}
        return self._memo["introduced"]


def _surname(key: str) -> str:
    words = key.split()
    return words[-1].rstrip("s") if words else ""  # a key of only spaces has no surname
