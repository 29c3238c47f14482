"""Node sizes and, for large graphs, positions computed in Python.

vis-network's physics is fine for a few hundred nodes; above LAYOUT_THRESHOLD
the browser would spend many seconds simulating, so positions come from a
vectorised force layout here (repulsion against a random sample of nodes,
which is O(n * sample) per step instead of O(n^2)) and physics stays off.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

LAYOUT_THRESHOLD = 1000  # above: Python positions, physics off
SEED_THRESHOLD = 300  # above: Python positions as the start of a short physics run
MIN_SIZE, MAX_SIZE = 10.0, 42.0


def node_sizes(graph: nx.MultiDiGraph) -> dict[str, float]:
    """Size by PageRank on the undirected simple graph (degree if PageRank fails)."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(graph.to_undirected(as_view=True))
    try:
        score = nx.pagerank(simple, max_iter=200)
    except (nx.PowerIterationFailedConvergence, ImportError):
        score = {n: float(d) for n, d in simple.degree()}
    top = max(score.values()) or 1.0
    low = min(score.values())
    span = (top - low) or 1.0
    return {n: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt((s - low) / span), 1) for n, s in score.items()}


def positions(graph: nx.MultiDiGraph, *, iterations: int = 80, sample: int = 200, seed: int = 7,
              spacing: float = 90.0) -> dict[str, tuple[float, float]]:
    """Force-directed positions in vis-network pixels (deterministic for a seed).

    Nodes without any edge would only form a ring around the drawing; they go
    into a compact grid beside it instead.
    """
    nodes = [v for v in graph.nodes if graph.degree(v) > 0]
    isolated = [v for v in graph.nodes if graph.degree(v) == 0]
    placed = _force(graph, nodes, iterations, sample, seed, spacing)
    return {**placed, **_grid(isolated, placed, spacing)}


def _grid(isolated: list, placed: dict, spacing: float) -> dict[str, tuple[float, float]]:
    if not isolated:
        return {}
    xs = [p[0] for p in placed.values()] or [0.0]
    ys = [p[1] for p in placed.values()] or [0.0]
    cols = max(1, int(math.sqrt(len(isolated))))
    x0, y0, step = max(xs) + 2 * spacing, min(ys), spacing * 0.8
    return {v: (round(x0 + (i % cols) * step, 1), round(y0 + (i // cols) * step, 1)) for i, v in enumerate(isolated)}


def _force(graph, nodes: list, iterations: int, sample: int, seed: int, spacing: float):
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array(sorted({(index[s], index[o]) for s, o in graph.edges() if s != o}), dtype=np.int64)
    rng = np.random.default_rng(seed)
    x, y = (rng.uniform(-1.0, 1.0, size=n) * math.sqrt(n) for _ in range(2))
    temperature = math.sqrt(n) / 4
    m = min(sample, n)
    for step in range(iterations):
        picked = rng.choice(n, size=m, replace=False)
        dx = x[:, None] - x[picked][None, :]
        dy = y[:, None] - y[picked][None, :]
        inv = 1.0 / np.maximum(dx * dx + dy * dy, 1e-3)
        fx = (dx * inv).sum(axis=1) * (n / m)
        fy = (dy * inv).sum(axis=1) * (n / m)
        if len(edges):
            a, b = edges[:, 0], edges[:, 1]
            ex, ey = x[a] - x[b], y[a] - y[b]
            length = np.sqrt(ex * ex + ey * ey)
            fx -= np.bincount(a, ex * length, n) - np.bincount(b, ex * length, n)
            fy -= np.bincount(a, ey * length, n) - np.bincount(b, ey * length, n)
        gravity = 0.02 * math.sqrt(n) / max(1.0, max(np.abs(x).max(), np.abs(y).max()) / math.sqrt(n))
        fx -= x * gravity
        fy -= y * gravity
        norm = np.maximum(np.sqrt(fx * fx + fy * fy), 1e-9)
        step_len = np.minimum(norm, temperature * (1.0 - step / iterations) + 0.05) / norm
        x += fx * step_len
        y += fy * step_len
    x -= x.mean()
    y -= y.mean()
    return {node: (round(float(px) * spacing, 1), round(float(py) * spacing, 1)) for node, px, py in zip(nodes, x, y)}
