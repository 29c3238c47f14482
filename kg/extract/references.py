"""Which person a pronoun ("er") or a description ("der Deutsche", "ein X-Mitarbeiter") means.

Why: news name a person once and then say "er" or "der 28-Jährige"; a
relation or event about them must land on the name. A pronoun takes the
NLP's antecedent, else the nearest person before it; a description takes
the single person of the article it fits (by nationality or employer found
so far), never a spokesperson or journalist who only talks about the event;
the fitting persons are found from the relations' side, so a description
costs the relations of its predicate, not every person times every relation.
"""
from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from kg.extract.entities import ArticleEntities
from kg.extract.lexicon import country_of_demonym
from kg.extract.mention_index import MentionIndex
from kg.records import PER

if TYPE_CHECKING:
    from kg.extract.results import Results

PRONOUNS = {"er", "sie", "ihm", "ihn", "ihr", "seiner"}
_OFFICIAL_ROLE = re.compile(r"(?i)sprecher|chef|geschäftsführ|direktor|vorstand|reporter|redakteur|journalist|"
                            r"korrespondent|präsident|leiter")


def pronoun_referent(mentions: MentionIndex, entities: ArticleEntities, s: int, pos: int,
                     exclude: tuple[int | None, ...] = ()) -> int | None:
    """'er' at ``pos``: an NLP pronoun mention there, else the nearest person before it (3 sentences back)."""
    def excluded(c: int) -> bool:
        return any(entities.same(c, e) for e in exclude if e is not None)

    i = mentions.at(pos, pos + 2, (PER,))
    if i is not None and mentions[i].start <= pos < mentions[i].end and mentions.canon(i) != i \
            and not excluded(mentions.canon(i)):
        return mentions.canon(i)
    before = [i for k in range(max(0, s - 3), s + 1) for i in mentions.in_sentence(k, (PER,))
              if mentions[i].end <= pos and mentions[i].kind != "pronoun" and mentions[i].text.lower() not in PRONOUNS]
    for i in sorted(before, key=lambda i: -mentions[i].start):
        c = mentions.canon(i)
        if not excluded(c):
            return c
    after = [i for i in mentions.in_sentence(s, (PER,)) if mentions[i].start > pos
             and mentions[i].text.lower() not in PRONOUNS]
    for i in after:
        c = mentions.canon(i)
        if not excluded(c):
            return c
    return None


class References:
    """``pronoun`` and ``description`` resolution over the mentions and the relations found so far."""

    def __init__(self, mentions: MentionIndex, entities: ArticleEntities, results: Results) -> None:
        self._mentions, self._entities, self._results = mentions, entities, results
        self._excluded: tuple[tuple, dict] = ((), {})  # the last exclude tuple and its entity index

    def pronoun(self, s: int, pos: int, exclude: tuple[int | None, ...] = ()) -> int | None:
        return pronoun_referent(self._mentions, self._entities, s, pos, exclude)

    def description(self, desc: str, exclude: tuple[int | None, ...] = ()) -> int | None:
        """"der Deutsche", "ein X-Mitarbeiter", "der Mann": the single fitting person of the article."""
        excluded = self._exclusion(exclude)

        def candidate(p: int) -> bool:  # a person the description may mean
            return next(self._entities.matches(excluded, p), None) is None and not self._official(p)

        noun = desc.split()[-1] if desc.split() else ""
        country = country_of_demonym(noun)
        fitting: set[int] = set()
        keep = candidate
        if country:
            fitting = self._related_persons("nationality", lambda o: self._country(o) == country, candidate)

            def keep(p: int) -> bool:  # and no other nationality
                return candidate(p) and not self._results.has_relation(
                    p, "nationality", lambda o: self._country(o) not in (None, country))
        elif re.search(r"(?i)mitarbeiter|angestellte|betreuer|arbeiter|nehmer", noun):
            prefix = noun.split("-")[0] if "-" in noun else ""
            fitting = self._related_persons("employedBy", lambda o: not prefix or (
                o is not None and self._entities.key(o).startswith(prefix.lower())), candidate)
        if len(fitting) == 1:
            return next(iter(fitting))
        if not fitting:  # the single person left, if there is one: the search stops at a second
            people = list(itertools.islice((p for p in self._entities.persons() if keep(p)), 2))
            return people[0] if len(people) == 1 else None
        return None

    def _related_persons(self, predicate: str, obj_pred, candidate) -> set[int]:
        """The persons passing ``candidate`` that are the subject of a ``predicate`` relation whose object
        passes ``obj_pred``: found from the relations' side, not by asking every person."""
        return {p for r in self._results.with_predicate(predicate) if obj_pred(r.object)
                for p in self._entities.person_of(r.subject) if candidate(p)}

    def _exclusion(self, exclude: tuple[int | None, ...]) -> dict:
        """The entity index of ``exclude`` (kept while the same tuple comes again: the account owners)."""
        if self._excluded[0] != exclude:
            index: dict = {}
            for e in exclude:
                if e is not None:
                    self._entities.add_to_index(index, e)
            self._excluded = (exclude, index)
        return self._excluded[1]

    def _official(self, p: int) -> bool:
        """Spokespeople, executives and journalists speak about an event; a description never means them.
        (A moderator is not one of them: a platform's content moderator is who blocks accounts.)"""
        return self._results.has_relation(p, "employedBy", qualifiers=lambda q: bool(
            _OFFICIAL_ROLE.search(dict(q).get("role", ""))))

    def _country(self, i: int | None) -> str | None:
        return None if i is None else (self._mentions[i].norm or self._mentions[i].text)
