"""The first view of a big graph: its most connected part, small enough to read.

A page of thousands of nodes opened on everything shows specks; most of them are
names without any relation. Above OVERVIEW_THRESHOLD nodes the page opens on the
entities with the most relations and the edges between them (at most
OVERVIEW_MAX nodes, every one linked to another shown node). Everything else
stays in the page, reachable by search, filters and "expand".
"""
from __future__ import annotations

import networkx as nx

OVERVIEW_THRESHOLD = 300  # above: the page opens on the overview
OVERVIEW_MAX = 300


def overview_nodes(graph: nx.MultiDiGraph, limit: int = OVERVIEW_MAX) -> set[str]:
    """The ``limit`` best-connected nodes that have a neighbour among themselves.

    Rank is the number of distinct neighbours (then the label, for stable output).
    Nodes left without a shown neighbour are dropped and the next in rank is
    taken, so no lone dot or 2-node island of minor names fills the view.
    """
    simple = nx.Graph(graph.to_undirected(as_view=True))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    ranked = sorted((n for n in simple if simple.degree(n) > 0),
                    key=lambda n: (-simple.degree(n), graph.nodes[n].get("label", ""), n))
    chosen: set[str] = set()
    dropped: set[str] = set()
    at = 0
    for _ in range(4):  # top up after dropping lone nodes; a few rounds settle it
        while len(chosen) < limit and at < len(ranked):
            if ranked[at] not in dropped:
                chosen.add(ranked[at])
            at += 1
        lone = {n for n in chosen if not any(m in chosen for m in simple[n])}
        if not lone:
            break
        chosen -= lone
        dropped |= lone
    return chosen
