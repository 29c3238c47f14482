"""The HTML explorer: a networkx projection of the RDF graph drawn with vis-network.

``write_html`` is imported lazily so ``import kg.view`` stays cheap.
"""
from __future__ import annotations


def write_html(store, path, *, focus=None, hops=2, path_between=None, title=None):
    """Write the explorer page for ``store`` to ``path`` (see kg.view.html.write_html)."""
    from kg.view.html import write_html as _write

    return _write(store, path, focus=focus, hops=hops, path_between=path_between, title=title)


__all__ = ["write_html"]
