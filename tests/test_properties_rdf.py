"""Property: whatever text articles hold, the TriG kg writes parses back (with
Oxigraph and rdflib alike) to the same graph, with every literal intact."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest.meta import safe_id
from kg.records import Alias, Document, Edge, Entity, Evidence, KnowledgeGraph
from kg.vocab import slug

serialize_trig = pytest.importorskip("kg.rdf").serialize_trig

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)
HOSTILE = st.sampled_from(['"', '"""', "\\", "\\u0000", "'", "\n", "\r", "\t", "<script>", "> .", "}", "@prefix",
                           "^^", "\x00", "\x7f", "\u2028", "\U0001f600", "\ufeff", "#", "_:b0", "%"])
WEIRD = st.lists(st.one_of(TEXT, HOSTILE), min_size=1, max_size=6).map("".join)


@st.composite
def graphs(draw: st.DrawFn) -> KnowledgeGraph:
    names = draw(st.lists(WEIRD, min_size=2, max_size=4, unique_by=slug))
    keys = [f"person/{slug(n)}" for n in names]
    doc_ids = draw(st.lists(WEIRD, min_size=1, max_size=2, unique_by=safe_id))
    docs = tuple(
        Document(id=safe_id(d), text=draw(WEIRD), source=draw(WEIRD), content_hash="ab" * 32,
                 title=draw(st.none() | WEIRD), publisher=draw(st.none() | WEIRD),
                 date=draw(st.sampled_from([None, "2017-11", "2017-11-30", "2017"])))
        for d in doc_ids
    )
    entities = tuple(
        Entity(key=k, type="Person", label=n, doc_ids=(docs[0].id,),
               aliases=(Alias(text=draw(WEIRD), rule="fuzzy", score=0.9, doc_ids=(docs[0].id,)),))
        for k, n in zip(keys, names)
    )
    sentence = draw(WEIRD)
    ev = Evidence(doc_id=docs[0].id, sentence=0, sentence_text=sentence, start=0, end=len(sentence),
                  extractor="employment/1", confidence=0.8, hedged=draw(st.booleans()), hedge=draw(WEIRD))
    edges = (Edge(subject=keys[0], predicate="employedBy", object=keys[1], evidence=(ev,),
                  qualifiers=(("role", draw(WEIRD)),)),)
    return KnowledgeGraph(documents=docs, entities=entities, edges=edges)


def _oxigraph_quads(data: bytes, fmt: ox.RdfFormat) -> set[str]:
    return {str(q) for q in ox.parse(data, format=fmt)}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kg=graphs())
def test_written_trig_parses_back_to_the_same_graph(kg: KnowledgeGraph) -> None:
    import rdflib

    data = serialize_trig(kg)
    assert serialize_trig(kg) == data  # deterministic
    quads = _oxigraph_quads(data, ox.RdfFormat.TRIG)
    # round trip through N-Quads and through rdflib's independent parser
    nquads = ox.serialize(ox.parse(data, format=ox.RdfFormat.TRIG), format=ox.RdfFormat.N_QUADS)
    assert _oxigraph_quads(nquads, ox.RdfFormat.N_QUADS) == quads
    ds = rdflib.Dataset()
    ds.parse(data=data, format="trig")
    via_rdflib = ds.serialize(format="nquads").encode("utf-8")
    assert _oxigraph_quads(via_rdflib, ox.RdfFormat.N_QUADS) == quads
    # every label and title comes back exactly as written
    literals = {q.object.value for q in ox.parse(data, format=ox.RdfFormat.TRIG) if isinstance(q.object, ox.Literal)}
    for e in kg.entities:
        assert e.label in literals
    for d in kg.documents:
        assert d.title is None or d.title in literals
    assert kg.edges[0].evidence[0].sentence_text in literals
