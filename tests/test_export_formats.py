"""kg export: RDF formats round-trip; GEXF/GraphML are readable networks of the projection."""
from __future__ import annotations

import io

import networkx as nx
import pyoxigraph as ox
import pytest
from golden.kg_sample import DECISIONS, sample_kg
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.rdf import serialize_trig
from kg.rdf.export import export


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("build")
    (folder / "graph.trig").write_bytes(serialize_trig(sample_kg(), DECISIONS))
    return folder


def _quads(out):
    store = ox.Store()
    store.load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    return set(store)


@pytest.mark.parametrize("fmt,rdf_format", [("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS),
                                            ("jsonld", ox.RdfFormat.JSON_LD)])
def test_dataset_formats_keep_every_quad(out, fmt, rdf_format):
    assert set(ox.parse(export(out, fmt), format=rdf_format)) == _quads(out)


def test_turtle_is_the_union_of_all_graphs(out):
    triples = {q.triple for q in ox.parse(export(out, "turtle"), format=ox.RdfFormat.TURTLE)}
    assert triples == {q.triple for q in _quads(out)}


def test_exports_are_deterministic(out):
    for fmt in ("nquads", "turtle", "jsonld"):
        assert export(out, fmt) == export(out, fmt)


@pytest.mark.parametrize("fmt,reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_network_formats_read_back(out, fmt, reader):
    from kg.store import open_store
    from kg.view.project import project

    graph = reader(io.BytesIO(export(out, fmt)))
    projected = project(open_store(out))
    assert graph.number_of_nodes() == projected.number_of_nodes() > 0
    assert graph.number_of_edges() == projected.number_of_edges()
    labels = {data.get("label") for _, data in graph.nodes(data=True)}
    assert "Henrike Vollmar" in labels


def test_export_command_writes_file(out, tmp_path):
    target = tmp_path / "g.nq"
    result = CliRunner().invoke(app, ["export", "--out", str(out), "--format", "nquads", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert len(target.read_bytes().splitlines()) == len(_quads(out))


def test_unknown_format_is_a_clean_error(out):
    with pytest.raises(KgError, match="unknown format"):
        export(out, "xml")


def test_network_attributes_are_xml_safe_scalars_of_one_type():
    from kg.rdf.export import _flat, _one_type_per_key

    records = [_flat({"a": 1, "b": ["x", "y"], "c": {"k": "v"}, "d": None, "e": "a\x01b"}), _flat({"a": "zwei"})]
    _one_type_per_key(records)
    assert records[0] == {"a": "1", "b": "x; y", "c": '{"k": "v"}', "e": "a\ufffdb"}
    assert records[1] == {"a": "zwei"}
