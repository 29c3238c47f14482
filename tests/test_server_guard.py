"""The read-only gate and content negotiation of `kg serve` (no server needed)."""
from __future__ import annotations

import pytest

from kg.server.guard import Refused, check_query
from kg.server.results import negotiate
from kg.server.sparql import MAX_DEPTH, parse


@pytest.mark.parametrize("text,form", [
    ("SELECT ?s WHERE { ?s ?p ?o }", "SELECT"),
    ("ask { ?s ?p ?o }", "ASK"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE <https://example.org/x>", "DESCRIBE"),
    # SERVICE inside a string literal or a comment is not a SERVICE clause
    ('SELECT ?s WHERE { ?s ?p "SERVICE <http://example.org/sparql> { ?a ?b ?c }" }', "SELECT"),
    ("SELECT ?s WHERE { ?s ?p ?o } # SERVICE <http://example.org/sparql> { }", "SELECT"),
    ("PREFIX service: <http://example.org/> SELECT ?service WHERE { ?service service:load ?o }", "SELECT"),
])
def test_read_only_queries_pass(text, form):
    assert check_query(text) == form


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * { optional { service silent <http://example.org/sparql> { ?s ?p ?o } } }",
    "SELECT * WHERE { # a comment hides nothing\n SERVICE\n<http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z . { SELECT ?s WHERE { SERVICE ?endpoint { ?s ?p ?o } } } }",
])
def test_service_is_refused_wherever_it_hides(text):
    with pytest.raises(Refused, match="SERVICE"):
        check_query(text)
    assert parse(text).service


@pytest.mark.parametrize("text,word", [
    ("INSERT DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }", "INSERT"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE"),
    ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("CLEAR ALL", "CLEAR"),
    ("DROP GRAPH <http://example.org/g>", "DROP"),
    ("CREATE GRAPH <http://example.org/g>", "CREATE"),
    ("ADD DEFAULT TO <http://example.org/g>", "ADD"),
    ("MOVE DEFAULT TO <http://example.org/g>", "MOVE"),
    ("COPY DEFAULT TO <http://example.org/g>", "COPY"),
    ("PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b ex:c }", "INSERT"),
])
def test_updates_are_refused_with_their_name(text, word):
    with pytest.raises(Refused, match="read-only") as info:
        check_query(text)
    assert word in str(info.value)


def test_empty_and_non_query_text_is_refused():
    with pytest.raises(Refused, match="empty"):
        check_query("   ")
    with pytest.raises(Refused, match="expected SELECT"):
        check_query("PREFIX ex: <http://example.org/> ex:a ex:b ex:c")


def test_keywords_in_literals_language_tags_and_prefixed_names_are_not_service():
    assert check_query('SELECT ?s WHERE { ?s ?p "SERVICE <http://example.org/> { }" }') == "SELECT"
    assert check_query('SELECT ?s WHERE { ?s ?p "Dienst"@service }') == "SELECT"
    assert not parse("PREFIX service: <http://e.org/> SELECT * { ?s service:x ?o ; <http://e.org/SERVICE> 1 }").service


def test_stored_queries_with_lateral_pass_the_parser():
    from kg.store import available_queries, load_query_file

    names = available_queries()
    assert any("LATERAL" in load_query_file(n) for n in names)
    for name in names:
        assert check_query(load_query_file(name)) == "SELECT", name


@pytest.mark.parametrize("text", [
    "SELECT * WHERE " + "{" * 3000 + "}" * 3000,
    "SELECT * WHERE { BIND(" + "+".join(["1"] * 5000) + " AS ?x) }",
    "SELECT * WHERE { " + " UNION ".join(["{}"] * 5000) + " }",
    "SELECT * WHERE { FILTER(" + "(" * 500 + "1" + ")" * 500 + ") }",
    "SELECT * WHERE { " + "OPTIONAL { ?a ?b ?c } " * 400 + "}",
])
def test_queries_deeper_than_the_engine_survives_are_refused(text):
    with pytest.raises(Refused, match=f"deeper than {MAX_DEPTH}"):
        check_query(text)


def test_queries_longer_than_the_cap_are_refused_before_parsing():
    from kg.server.sparql import MAX_CHARS

    values = " ".join(f"<http://e.org/{i}>" for i in range(MAX_CHARS // 16))
    with pytest.raises(Refused, match=f"longer than {MAX_CHARS} characters"):
        check_query(f"SELECT * WHERE {{ VALUES ?x {{ {values} }} }}")


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { ?s ?p ?o",  # unclosed
    "SELECT * WHERE { ?s ?p << ?a ?b ?c >> }",  # beyond the grammar the gate reads: refused, not waved through
    r"SELECT * WHERE { \u0053ERVICE <http://e.org/> { } }",
    "SELECT * WHERE { ?s ?p ?o } garbage",
])
def test_what_the_parser_cannot_read_is_refused(text):
    with pytest.raises(Refused, match="syntax error"):
        check_query(text)


@pytest.mark.parametrize("accept,form,name", [
    ("application/sparql-results+json", "SELECT", "json"),
    ("application/sparql-results+xml", "SELECT", "xml"),
    ("text/csv", "SELECT", "csv"),
    ("text/tab-separated-values", "ASK", "tsv"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "SELECT", "xml"),
    ("*/*", "SELECT", "json"),
    (None, "CONSTRUCT", "turtle"),
    ("application/n-triples", "DESCRIBE", "ntriples"),
    ("application/turtle,text/turtle", "CONSTRUCT", "turtle"),
])
def test_negotiation(accept, form, name):
    assert negotiate(form, accept).name == name


def test_negotiation_refuses_what_it_cannot_give_and_format_param_wins():
    assert negotiate("SELECT", "image/png") is None
    assert negotiate("SELECT", "text/csv", "json").name == "json"
    assert negotiate("CONSTRUCT", "application/sparql-results+json") is None
