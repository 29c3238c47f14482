"""The relations found so far in an article, indexed by predicate and by their subject's name keys.

Why: "does this person already have a nationality / an employer?" was a scan of every
relation, asked for every person for every description ("der Deutsche"), so a long
article cost descriptions x persons x relations. The index answers it from the few
relations whose subject may be the same entity (``Context._same_keys``: two mentions
that are ``same_entity`` share a key), and grows as relations are added.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.records import RelationCandidate

if TYPE_CHECKING:
    from kg.extract.context import Context


class RelationIndex:
    """Relations of ``ctx.relations`` by (predicate, subject key); rebuilt if the list is replaced."""

    def __init__(self) -> None:
        self.relations: list[RelationCandidate] | None = None
        self.done = 0
        self.by_key: dict[tuple[str, str, str], list[int]] = {}
        self.by_predicate: dict[str, list[int]] = {}

    def _sync(self, ctx: Context) -> None:
        if self.relations is not ctx.relations:
            self.__init__()
            self.relations = ctx.relations
        rels = ctx.relations
        for n in range(self.done, len(rels)):
            r = rels[n]
            self.by_predicate.setdefault(r.predicate, []).append(n)
            if r.subject is not None:
                for kind, key in ctx._same_keys(r.subject):
                    self.by_key.setdefault((r.predicate, kind, key), []).append(n)
        self.done = len(rels)

    def with_predicate(self, ctx: Context, predicate: str) -> list[RelationCandidate]:
        """The relations of this predicate, in the order they were found."""
        self._sync(ctx)
        return [ctx.relations[n] for n in self.by_predicate.get(predicate, ())]

    def of_subject(self, ctx: Context, subject: int | None, predicate: str) -> Iterator[RelationCandidate]:
        """The relations of this predicate whose subject is ``ctx.same_entity`` as ``subject``."""
        if subject is None:
            return
        self._sync(ctx)
        seen: set[int] = set()
        for kind, key in ctx._same_keys(subject):
            for n in self.by_key.get((predicate, kind, key), ()):
                if n not in seen:
                    seen.add(n)
                    r = ctx.relations[n]
                    if ctx.same_entity(r.subject, subject):
                        yield r
