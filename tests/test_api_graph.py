"""The Python API (kg.open / kg.build -> Graph) on a small invented build folder."""
from __future__ import annotations

import html
import xml.etree.ElementTree as ET

import pytest

import kg
from kg.errors import InputError, OutputError

KG = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
G = "https://w3id.org/kg-news/graph/"

TRIG = f"""
@prefix kg: <{KG}> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<{G}entities> {{
  <{ID}person/ilka-brandauer> a kg:Person ; rdfs:label "Ilka Brandauer" ; skos:prefLabel "Ilka Brandauer" ;
      skos:altLabel "Brandauer" ; kg:mentionedIn <{ID}article/c1> .
  <{ID}org/falkenried-ag> a kg:Organization ; rdfs:label "Falkenried AG <i>&</i>" ; kg:mentionedIn <{ID}article/c1> .
  <{ID}article/c1> a kg:Article ; kg:contentHash "abc" .
}}
<{G}article/c1> {{
  <{ID}person/ilka-brandauer> kg:employedBy <{ID}org/falkenried-ag> .
  <{ID}evidence/e1> a kg:Evidence ; rdf:subject <{ID}person/ilka-brandauer> ; rdf:predicate kg:employedBy ;
      rdf:object <{ID}org/falkenried-ag> ; kg:article <{ID}article/c1> ; kg:sentenceIndex 0 ;
      kg:sentenceText "Ilka Brandauer arbeitet für die Falkenried AG." ; kg:startOffset 0 ; kg:endOffset 46 ;
      kg:confidence 0.9 .
}}
"""


@pytest.fixture()
def graph(tmp_path):
    (tmp_path / "graph.trig").write_text(TRIG, encoding="utf-8")
    return kg.open(tmp_path)


def test_query_rows_bindings_and_ask(graph):
    rows = graph.query(f"SELECT ?who ?org WHERE {{ ?who <{KG}employedBy> ?org }}")
    assert rows.variables == ["who", "org"]
    assert rows == [{"who": f"{ID}person/ilka-brandauer", "org": f"{ID}org/falkenried-ag"}]
    bound = graph.query("SELECT ?x ?name WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?name }",
                        name="Ilka Brandauer")
    assert [r["x"] for r in bound] == [f"{ID}person/ilka-brandauer"]
    unprojected = graph.query("SELECT ?x WHERE { { SELECT ?x WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> "
                              "?name } } }", name="Ilka Brandauer")
    assert [r["x"] for r in unprojected] == [f"{ID}person/ilka-brandauer"]  # bound inside the subquery too
    assert graph.query(f"ASK {{ <{ID}org/falkenried-ag> a <{KG}Organization> }}") is True
    assert graph.query(f"ASK {{ <{ID}org/falkenried-ag> a <{KG}Person> }}") is False


def test_stored_query_by_name_and_entities(graph):
    found = graph.query("entity-by-label", label="brandauer")
    assert [r["entity"] for r in found] == [f"{ID}person/ilka-brandauer"]
    labels = sorted(r["entityLabel"] for r in graph.entities())
    assert labels == ["Falkenried AG <i>&</i>", "Ilka Brandauer"]


def test_bad_query_and_missing_build_are_clear_errors(graph, tmp_path):
    with pytest.raises(InputError, match="syntax error"):
        graph.query("SELECT ?x WHERE { ?x ")
    with pytest.raises(OutputError, match="graph.trig"):
        kg.open(tmp_path / "nowhere")
    with pytest.raises(InputError, match="unknown export format"):
        graph.export(tmp_path / "x.docx")


def test_export_rdf_and_network(graph, tmp_path):
    import pyoxigraph

    trig = graph.export(tmp_path / "copy.trig")
    quads = list(pyoxigraph.parse(path=str(trig), format=pyoxigraph.RdfFormat.TRIG))
    assert {q.graph_name.value for q in quads} == {f"{G}entities", f"{G}article/c1"}
    nq = graph.export(tmp_path / "flat.out", "nquads")
    assert (f"<{ID}person/ilka-brandauer> <{KG}employedBy> <{ID}org/falkenried-ag> <{G}article/c1> ."
            in nq.read_text(encoding="utf-8"))
    graphml = graph.export(tmp_path / "net.graphml")
    tree = ET.parse(graphml)
    assert tree.getroot().tag.endswith("graphml")
    assert "Ilka Brandauer" in graphml.read_text(encoding="utf-8")


def test_html_and_notebook_display_escape_the_page(graph, tmp_path):
    page = graph.to_html(tmp_path / "view.html")
    text = page.read_text(encoding="utf-8")
    assert "Ilka Brandauer" in text
    shown = graph._repr_html_()
    assert shown.startswith("<iframe srcdoc=\"") and shown.endswith("</iframe>")
    inner = shown[len('<iframe srcdoc="'):shown.index('" sandbox=')]
    assert "<" not in inner and '"' not in inner
    assert "Ilka Brandauer" in html.unescape(inner)


def test_build_in_a_temporary_folder_returns_a_queryable_graph(tmp_path):
    article = tmp_path / "meldung.txt"
    article.write_text("Stadtrat beschließt neuen Radweg\n\nDie Sprecherin Mirja Tollhausen sagte am Montag in "
                       "Kassel, der Radweg werde im Frühjahr gebaut.\n", encoding="utf-8")
    g = kg.build([article])
    assert g.out.is_dir() and (g.out / "graph.trig").is_file()
    assert [s.status for s in g.result.statuses] == ["built"]
    assert g.query(f"ASK {{ ?a a <{KG}Article> }}") is True
    folder = g.out
    del g
    import gc

    gc.collect()
    assert not folder.exists()  # the temporary build goes with its Graph
