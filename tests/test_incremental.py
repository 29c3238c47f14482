"""`kg build --add` and `kg remove` give the same graph as a fresh build of the same articles.

Runs the real pipeline (NLP, extraction, resolution, RDF) on three short
articles written for this test.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.builder import run_build

ARTICLES = {
    "alpha.txt": (
        "Die Journalistin Marta Kowalski arbeitet seit 2019 für das Unternehmen Nordlicht Media. "
        "Kowalski sagte dem Magazin Weltblick, sie habe nichts falsch gemacht."
    ),
    "beta.txt": (
        "Der Ingenieur Jonas Feldmann war früher bei der Firma Brückenbau GmbH tätig. "
        "Feldmann wechselte später zu Nordlicht Media in den Kundendienst."
    ),
    "gamma.txt": (
        "Marta Kowalski wurde in Lindenau geboren. Die Reporterin des Magazins Weltblick, "
        "Tobias Renner, berichtete über Kowalski."
    ),
}


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = {}
    for name, text in ARTICLES.items():
        paths[name] = folder / name
        paths[name].write_text(text + "\n", encoding="utf-8")
    return paths


def _graph(out: Path) -> bytes:
    return (out / "graph.trig").read_bytes()


def _build(paths, out, **kw):
    return run_build(list(paths), out, html=False, validate=False, **kw)


def test_add_gives_the_same_graph_as_a_fresh_build(files, tmp_path):
    fresh, grown = tmp_path / "fresh", tmp_path / "grown"
    _build(files.values(), fresh)
    _build([files["alpha.txt"], files["beta.txt"]], grown)
    result = _build([files["gamma.txt"]], grown, add=True)
    assert [s.article_id for s in result.statuses] == ["gamma"]  # only the new article went through NLP
    assert _graph(grown) == _graph(fresh)


def test_remove_gives_the_same_graph_as_a_fresh_build_without_it(files, tmp_path):
    fresh, shrunk = tmp_path / "fresh", tmp_path / "shrunk"
    _build([files["alpha.txt"], files["gamma.txt"]], fresh)
    _build(files.values(), shrunk)
    assert _graph(shrunk) != _graph(fresh)
    result = _build([], shrunk, remove=["beta"])
    assert sorted(a.document.id for a in result.analyses) == ["alpha", "gamma"]
    assert _graph(shrunk) == _graph(fresh)
    assert b"jonas-feldmann" not in _graph(shrunk)  # supported only by the removed article
