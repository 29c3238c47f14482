"""kg.remote against a real `oxigraph serve` on a free loopback port (skipped without the binary)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
import urllib.request

import pytest

from kg.errors import KgError
from kg.remote import RemoteStore, push_build
from kg.server.bind import inline_values

KG = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
G = "https://w3id.org/kg-news/graph/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

TRIG = f"""
@prefix kg: <{KG}> .
<{G}entities> {{
  <{ID}person/hanne-kolbe> a kg:Person ; <{LABEL}> "Hanne Kolbe" .
  <{ID}org/moorbad-werke> a kg:Organization ; <{LABEL}> "Moorbad-Werke" .
  <{ID}person/jost-ammer> a kg:Person ; <{LABEL}> "Jost Ammer" .
  <{ID}article/b1> <http://purl.org/dc/terms/identifier> "b1" .
  <{ID}article/b2> <http://purl.org/dc/terms/identifier> "b2" .
}}
<{G}article/b1> {{ <{ID}person/hanne-kolbe> kg:employedBy <{ID}org/moorbad-werke> .
  <{ID}evidence/e1> <{RDF}subject> <{ID}person/hanne-kolbe> ; <{RDF}predicate> kg:employedBy ;
      <{RDF}object> <{ID}org/moorbad-werke> ; kg:article <{ID}article/b1> . }}
<{G}article/b2> {{ <{ID}person/hanne-kolbe> kg:employedBy <{ID}org/moorbad-werke> .
  <{ID}person/jost-ammer> kg:employedBy <{ID}org/moorbad-werke> .
  <{ID}evidence/e2> <{RDF}subject> <{ID}person/jost-ammer> ; <{RDF}predicate> kg:employedBy ;
      <{RDF}object> <{ID}org/moorbad-werke> ; kg:article <{ID}article/b2> . }}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory):
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-db")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode()[:500]}")
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not answer within 10 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def pushed(oxigraph_url, tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    (out / "graph.trig").write_text(TRIG, encoding="utf-8")
    remote = RemoteStore(oxigraph_url)
    remote.put_graph("https://example.org/not-kg", b"<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n")
    summary = push_build(out, oxigraph_url)
    return out, summary


def test_push_build_loads_every_named_graph(oxigraph_url, pushed):
    _, summary = pushed
    graphs = set(RemoteStore(oxigraph_url).graphs())
    assert {f"{G}entities", f"{G}article/b1", f"{G}article/b2"} <= graphs
    assert summary["graphs"] >= 3 and summary["quads"] >= 6


def test_remote_query_with_bindings_matches_embedded_store(oxigraph_url, pushed):
    import pyoxigraph

    from kg.store import open_store

    out, _ = pushed
    query = f"SELECT ?g ?name WHERE {{ GRAPH ?g {{ ?p <{KG}employedBy> ?o }} ?p <{LABEL}> ?name }} ORDER BY ?g"
    remote = RemoteStore(oxigraph_url).query(query, {"name": "Hanne Kolbe"})
    local = open_store(out).query(query, use_default_graph_as_union=True,
                                  substitutions={pyoxigraph.Variable("name"): pyoxigraph.Literal("Hanne Kolbe")})
    assert [r["g"].value for r in remote] == [r["g"].value for r in local] == [f"{G}article/b1", f"{G}article/b2"]
    assert list(RemoteStore(oxigraph_url).query(query, {"name": "Niemand"})) == []
    assert bool(RemoteStore(oxigraph_url).query(f"ASK {{ <{ID}org/moorbad-werke> a <{KG}Organization> }}"))


@pytest.mark.parametrize("name,bindings", [("employers", {"person_label": "jost ammer"}),
                                           ("entity-by-label", {"label": "Hanne Kolbe"}),
                                           ("entity-relations", {"label": "jost ammer"})])
def test_stored_queries_with_subqueries_bind_like_substitutions(oxigraph_url, pushed, name, bindings):
    """Bound values reach inside subqueries on the server exactly as pyoxigraph substitutions do locally."""
    from kg.server.execute import run_local
    from kg.store import load_query_file, open_store

    text = load_query_file(name)
    local = run_local(open_store(pushed[0]), text, bindings)
    variables = [v.value for v in local.variables]
    local_rows = [[str(s[v]) for v in variables] for s in local]
    remote_rows = [[str(s[v]) for v in variables] for s in RemoteStore(oxigraph_url).query(text, bindings)]
    assert remote_rows == local_rows and len(local_rows) == 1


def test_repush_deletes_removed_article_graphs_but_not_foreign_ones(oxigraph_url, pushed, tmp_path):
    (tmp_path / "graph.trig").write_text(TRIG.replace(f"<{G}article/b2> {{", f"<{G}article/b3> {{"), encoding="utf-8")
    summary = push_build(tmp_path, oxigraph_url)
    graphs = set(RemoteStore(oxigraph_url).graphs())
    assert f"{G}article/b2" not in graphs and f"{G}article/b3" in graphs
    assert "https://example.org/not-kg" in graphs
    assert summary["deleted"] == 1
    push_build(pushed[0], oxigraph_url)  # restore for the other tests


def test_bad_query_and_unreachable_server_are_clear_errors(oxigraph_url):
    with pytest.raises(KgError) as info:
        RemoteStore(oxigraph_url).query("SELECT ?x WHERE { ?x ")
    assert info.value.bad_request
    with pytest.raises(KgError, match="Oxigraph server at http://127.0.0.1"):
        RemoteStore(f"http://127.0.0.1:{_free_port()}", timeout=2).query("ASK {}")


def test_inline_values_ignores_braces_in_strings_and_comments():
    import pyoxigraph

    text = 'SELECT ?x WHERE { ?x <https://example.org/p> "}{" } # {'
    out = inline_values(text, {"x": pyoxigraph.NamedNode("https://example.org/x")})
    assert out.startswith('SELECT ?x WHERE { VALUES (?x) { (<https://example.org/x>) }')
    with pytest.raises(KgError, match="short form"):
        inline_values("CONSTRUCT WHERE { ?x ?p ?o }", {"x": pyoxigraph.NamedNode("https://example.org/x")})


def test_kg_serve_answers_from_the_oxigraph_server(oxigraph_url, pushed, tmp_path):
    from SPARQLWrapper import JSON, SPARQLWrapper

    from kg.server import close_server, make_server

    server = make_server(tmp_path, "127.0.0.1", 0, store_url=oxigraph_url, workers=1, timeout=10)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        sparql = SPARQLWrapper(f"http://127.0.0.1:{server.server_address[1]}/sparql")
        sparql.setQuery(f"SELECT ?l WHERE {{ ?o a <{KG}Organization> ; <{LABEL}> ?l }}")
        sparql.setReturnFormat(JSON)
        rows = sparql.query().convert()["results"]["bindings"]
        assert [r["l"]["value"] for r in rows] == ["Moorbad-Werke"]
    finally:
        close_server(server)
        thread.join(5)


def test_kg_store_run_query_takes_a_remote_store_as_is(oxigraph_url, pushed):
    """The contract for `kg query --store`: kg.store.run_query(RemoteStore(url), text, bindings)."""
    from kg.store import load_query_file, open_store, run_query

    text = load_query_file("employers")
    remote = run_query(RemoteStore(oxigraph_url), text, {"person_label": "jost ammer"})
    local = run_query(open_store(pushed[0]), text, {"person_label": "jost ammer"})
    assert remote == local and len(local[1]) == 1


def test_remote_dataset_arguments(oxigraph_url, pushed):
    import pyoxigraph

    query = f"SELECT ?p WHERE {{ ?p <{KG}employedBy> ?o }} ORDER BY ?p"
    rows = RemoteStore(oxigraph_url).query(query, default_graph=pyoxigraph.NamedNode(f"{G}article/b1"))
    assert [r["p"].value for r in rows] == [f"{ID}person/hanne-kolbe"]


def test_kg_query_store_option_asks_the_server(oxigraph_url, pushed, tmp_path):
    """`kg query OUT NAME --store URL` answers from the server (OUT is not read) like the embedded store."""
    import json

    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    args = ["employers", "--bind", "person_label=JOST  AMMER", "-f", "json"]
    remote = runner.invoke(app, ["query", "--out", str(tmp_path / "nothing-here"), *args, "--store", oxigraph_url])
    local = runner.invoke(app, ["query", "--out", str(pushed[0]), *args])
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.output) == json.loads(local.output)
    assert [r["employerLabel"] for r in json.loads(remote.output)] == ["Moorbad-Werke"]
    down = runner.invoke(app, ["query", "--out", str(pushed[0]), "employers", "--store", f"http://127.0.0.1:{_free_port()}"])
    assert isinstance(down.exception, KgError) and "Oxigraph server at http://127.0.0.1" in str(down.exception)
