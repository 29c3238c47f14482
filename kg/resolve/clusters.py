"""Clusters: the mutable working form of an entity between clustering and Entity records."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.resolve.groups import Group
from kg.resolve.passes import UnionFind


@dataclass
class Cluster:
    groups: list[Group]
    reasons: dict[tuple[str, int], tuple[str, float]] = field(default_factory=dict)
    label: str | None = None  # curated label
    type: str | None = None  # curated ontology class
    dropped: bool = False
    extra_mentions: list[tuple[str, int]] = field(default_factory=list)  # compound links

    def form_texts(self) -> list[str]:
        return [f.text for g in self.groups for f in g.forms]

    @property
    def first_gid(self) -> tuple[str, int]:
        return min(g.gid for g in self.groups)


def clusters_from(groups: list[Group], uf: UnionFind) -> list[Cluster]:
    """Collect union-find components in a deterministic order (first group id)."""
    comps: dict[int, list[int]] = {}
    for i in range(len(groups)):
        comps.setdefault(uf.find(i), []).append(i)
    out = []
    for members in comps.values():
        gs = sorted((groups[i] for i in members), key=lambda g: g.gid)
        reasons = {groups[i].gid: uf.reason.get(i, ("root", 1.0)) for i in members}
        out.append(Cluster(gs, reasons))
    out.sort(key=lambda c: c.first_gid)
    return out
