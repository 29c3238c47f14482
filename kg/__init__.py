"""kg: knowledge graphs from news articles.

Python API (see README): ``import kg; g = kg.build(paths); g.query(sparql); g.to_html(path)``.
"""
from __future__ import annotations

__version__ = "0.1.0"


def build(paths, out=None, **options):
    """Build a graph from articles and return a :class:`kg.api.Graph`."""
    from kg.api import build as _build

    return _build(paths, out=out, **options)


def open(out):  # noqa: A001 - mirrors the CLI's notion of an output folder
    """Open an existing build folder as a :class:`kg.api.Graph`."""
    from kg.api import open_graph

    return open_graph(out)
