"""The TriG writer: golden output, byte-for-byte determinism, escaping, evidence for every statement."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph as ox
import pytest
from golden.kg_sample import DECISIONS, sample_kg
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from kg.rdf import serialize_trig
from kg.records import Entity, KnowledgeGraph
from kg.vocab import ENTITIES_GRAPH, KG, article_graph_iri

GOLDEN = Path(__file__).parent / "golden" / "sample.trig"
# To regenerate after a deliberate model change:
#   python3 -c "import sys; sys.path.insert(0,'tests'); from golden.kg_sample import *; \
#   from kg.rdf import serialize_trig; open('tests/golden/sample.trig','wb').write(serialize_trig(sample_kg(), DECISIONS))"


def _dataset(data: bytes) -> Dataset:
    ds = Dataset()
    ds.parse(data=data, format="trig")
    return ds


def _graphs(ds: Dataset) -> dict[str, object]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def test_matches_golden_file_graph_by_graph():
    got, want = _graphs(_dataset(serialize_trig(sample_kg(), DECISIONS))), _graphs(_dataset(GOLDEN.read_bytes()))
    assert sorted(got) == sorted(want)
    for name in want:
        assert isomorphic(got[name], want[name]), name


def test_same_input_same_bytes_whatever_the_order():
    kg = sample_kg()
    shuffled = KnowledgeGraph(
        documents=kg.documents[::-1], entities=kg.entities[::-1], edges=kg.edges[::-1], events=kg.events[::-1],
        facts=kg.facts[::-1], quotes=kg.quotes[::-1],
    )
    first = serialize_trig(kg, DECISIONS)
    assert first == serialize_trig(kg, DECISIONS)
    assert first == serialize_trig(shuffled, DECISIONS)
    assert first == GOLDEN.read_bytes()


def test_one_named_graph_per_article_plus_the_entity_graph():
    ds = _dataset(serialize_trig(sample_kg()))
    names = set(_graphs(ds))
    assert names == {ENTITIES_GRAPH, article_graph_iri("a01"), article_graph_iri("a02")}
    a02 = ds.graph(URIRef(article_graph_iri("a02")))
    # the follower counts the two sentences give both stay, each in its article's graph
    counts = sorted(int(o) for o in a02.objects(None, URIRef(KG + "followerCount")))
    assert counts == [12000000, 15000000]


def test_every_direct_statement_has_evidence():
    from kg.rdf.shacl import unsupported_statements

    store = ox.Store()
    store.load(serialize_trig(sample_kg()), format=ox.RdfFormat.TRIG)
    assert unsupported_statements(store) == []
    # and the check is real: a bare triple in an article graph is reported
    store.add(ox.Quad(ox.NamedNode("https://w3id.org/kg-news/id/person/x"), ox.NamedNode(KG + "employedBy"),
                      ox.NamedNode("https://w3id.org/kg-news/id/org/y"), ox.NamedNode(article_graph_iri("a01"))))
    found = unsupported_statements(store)
    assert [v.focus for v in found] == ["https://w3id.org/kg-news/id/person/x"]


NASTY = 'Anführung "zitiert" \\ Backslash\nZeile\r\tTab \x00\x07\x1b Ende \ud800 lone \U0001F600'


def test_hostile_text_is_escaped_and_round_trips():
    kg = sample_kg()
    person = dataclasses.replace(kg.entities[0], label=NASTY)
    data = serialize_trig(dataclasses.replace(kg, entities=(person,) + kg.entities[1:]))
    data.decode("utf-8")  # valid UTF-8 despite the lone surrogate
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TRIG)
    labels = {q.object.value for q in store.quads_for_pattern(
        ox.NamedNode("https://w3id.org/kg-news/id/person/henrike-vollmar"),
        ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None)}
    assert labels == {NASTY.replace("\ud800", "\ufffd")}
    assert len(_dataset(data)) > 0  # rdflib reads it too


def test_odd_keys_and_iris_stay_parseable():
    kg = sample_kg()
    odd = Entity('org/a b<c>"d{e}', "Organization", "Seltsam GmbH", same_as=("http://example.org/x y",))
    data = serialize_trig(dataclasses.replace(kg, entities=kg.entities + (odd,)))
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TRIG)
    assert any(q.object.value == "Seltsam GmbH" for q in store)


@pytest.mark.parametrize("value,expected", [
    ("43000000", '"43000000"^^<http://www.w3.org/2001/XMLSchema#integer>'),
    ("2017-11-02", '"2017-11-02"^^<http://www.w3.org/2001/XMLSchema#date>'),
    ("PT11M", '"PT11M"^^<http://www.w3.org/2001/XMLSchema#duration>'),
    ("0.5", '"0.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
    ("viele", '"viele"'),
])
def test_fact_values_are_typed_by_shape(value, expected):
    from kg.rdf.terms import value_literal

    assert value_literal(value) == expected


def test_any_text_survives_the_writer():
    """Property: whatever a label or sentence holds, the file parses and the text comes back (bad halves -> U+FFFD)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.rdf.terms import clean_text, literal

    subject, predicate = "<https://example.org/s>", "<https://example.org/p>"

    tricky = st.sampled_from(["\ud800", "\udfff", "\ud83d", "\ude00", '"', "\\", "\n", "\r", "\x00", "\x7f"])
    @settings(max_examples=150, deadline=None)
    @given(st.text(alphabet=st.one_of(st.characters(codec=None, exclude_categories=()), tricky), max_size=40))
    def check(text):
        data = f"{subject} {predicate} {literal(text)} .\n".encode("utf-8")
        [quad] = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        assert quad.object.value == clean_text(text)

    check()


def test_same_bytes_across_processes_with_different_hash_seeds():
    import os
    import subprocess
    import sys

    code = ("import sys; sys.path.insert(0, 'tests'); from golden.kg_sample import sample_kg, DECISIONS; "
            "from kg.rdf import serialize_trig; sys.stdout.buffer.write(serialize_trig(sample_kg(), DECISIONS))")
    root = Path(__file__).resolve().parents[1]
    outputs = {
        subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "4242")
    }
    assert outputs == {GOLDEN.read_bytes()}


def test_sentence_start_is_written_when_known_and_locates_the_span():
    """kg:sentenceStart lets a reader cut the exact evidence span out of kg:sentenceText."""
    from golden.kg_sample import S1, S2

    kg = sample_kg()
    base = len(S1) + 1  # S2 starts after S1 and one space in document a01
    start = base + S2.index("Konrad Albrecht")
    ev = dataclasses.replace(kg.edges[2].evidence[0], start=start, end=start + len("Konrad Albrecht"),
                             sentence_start=base)
    edge = dataclasses.replace(kg.edges[2], evidence=(ev,))
    data = serialize_trig(dataclasses.replace(kg, edges=kg.edges[:2] + (edge,) + kg.edges[3:]))
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TRIG)
    rows = list(store.query(
        f"SELECT ?text ?s ?e ?ss WHERE {{ GRAPH ?g {{ ?ev <{KG}sentenceText> ?text ; <{KG}startOffset> ?s ; "
        f"<{KG}endOffset> ?e ; <{KG}sentenceStart> ?ss }} }}"))
    assert len(rows) == 1  # only the evidence that knows where its sentence starts
    text, s, e, ss = (rows[0][v].value for v in ("text", "s", "e", "ss"))
    assert text[int(s) - int(ss):int(e) - int(ss)] == "Konrad Albrecht"
