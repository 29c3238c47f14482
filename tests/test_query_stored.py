"""The stored queries answer the six questions on a hand-made graph; bindings are substitutions."""
from __future__ import annotations

import json

import pytest
from golden.kg_sample import DECISIONS, sample_kg
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.rdf import serialize_trig
from kg.store import available_queries, load_query_file, open_store, run_query


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("build")
    (folder / "graph.trig").write_bytes(serialize_trig(sample_kg(), DECISIONS))
    return folder


@pytest.fixture(scope="module")
def store(out):
    return open_store(out)


def ask(store, name, **bindings):
    variables, rows = run_query(store, load_query_file(name), bindings)
    return [dict(zip(variables, row)) for row in rows]


def test_who_deactivated_matches_alias_case_insensitively(store):
    rows = ask(store, "who-deactivated", owner_label="ALBRECHT")
    assert [r["agentLabel"] for r in rows] == ["Henrike Vollmar"]
    assert rows[0]["articles"] == "a01"


def test_employers_with_qualifiers(store):
    rows = ask(store, "employers", person_label="Henrike Vollmar")
    assert [(r["employerLabel"], r["roles"], r["kinds"]) for r in rows] == [
        ("Nordlicht Logistik", "Auftragnehmerin", "contractor")]
    assert ask(store, "employers", person_label="Konrad Albrecht") == []


def test_reported_by_includes_quotes_given_to_an_outlet(store):
    rows = ask(store, "reported-by", subject_label="konrad albrecht")
    assert [(r["outletLabel"], r["how"]) for r in rows] == [("Tagesblick", "reportedBy")]
    rows = ask(store, "reported-by", subject_label="Vollmar")
    assert [(r["outletLabel"], r["how"]) for r in rows] == [("Tagesblick", "quote spokenTo")]


def test_offline_duration(store):
    rows = ask(store, "offline-duration", owner_label="Konrad Albrecht")
    assert [(r["duration"], r["durationText"], r["articleId"]) for r in rows] == [("PT12M", "zwölf Minuten", "a01")]


def test_evidence_gives_the_supporting_sentence(store):
    rows = ask(store, "evidence", subject_label="vollmar", predicate="employedBy", object_label="Nordlicht Logistik")
    assert len(rows) == 1
    assert (rows[0]["articleId"], rows[0]["sentenceIndex"]) == ("a01", 0)
    assert "Auftragnehmerin für Nordlicht Logistik" in rows[0]["sentenceText"]
    assert rows[0]["extractor"] == "employment/1"
    # a literal object matches by value
    rows = ask(store, "evidence", subject_label="Albrecht", predicate="followerCount", object_label="15000000")
    assert [r["sentenceIndex"] for r in rows] == [1]


def test_disagreements_show_both_values_with_sources(store):
    rows = ask(store, "disagreements")
    found = {(r["property"], r["value1"], r["value2"]) for r in rows}
    assert ("followerCount", "12000000", "15000000") in found
    assert ("name spelling", "Henrike Vollmar", "Volmar") in found
    assert all(r["about"] for r in rows)


def test_point_lookups(store):
    rows = ask(store, "entity-by-label", label="tagesblick")
    assert [(r["entityLabel"], r["type"]) for r in rows] == [("Tagesblick", "MediaOrganization")]
    rows = ask(store, "entity-relations", label="Nordlicht Logistik")
    assert [(r["direction"], r["property"], r["otherLabel"]) for r in rows] == [("in", "employedBy", "Henrike Vollmar")]


def test_name_key_folds_case_and_whitespace():
    from kg.rdf.terms import name_key

    assert name_key("  Henrike\t VOLLMAR \n") == "henrike vollmar"
    assert name_key("Große Straße") == name_key("GROSSE STRASSE") == "grosse strasse"
    assert name_key("Zoë") == name_key("Zoe\u0308")  # composed and decomposed umlaut alike


def test_bound_names_are_normalised_like_the_stored_keys(store):
    rows = ask(store, "employers", person_label="  henrike\n  VOLLMAR ")
    assert [r["employerLabel"] for r in rows] == ["Nordlicht Logistik"]
    rows = ask(store, "evidence", subject_label="VOLMAR", object_label="nordlicht   logistik")
    assert {r["property"] for r in rows} == {"employedBy"}
    rows = ask(store, "disagreements", subject_label="konrad  albrecht")
    assert rows and all(r["about"] for r in rows)


def test_graph_without_name_keys_gets_them_on_open(tmp_path):
    """A build written before kg:nameKey (or a hand-written graph) still answers look-ups by name."""
    import pyoxigraph as ox

    quads = [q for q in ox.parse(serialize_trig(sample_kg(), DECISIONS), format=ox.RdfFormat.TRIG)
             if not q.predicate.value.endswith("#nameKey")]
    (tmp_path / "graph.trig").write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))
    store = open_store(tmp_path)
    assert [r["entityLabel"] for r in ask(store, "entity-by-label", label="VOLLMAR")] == ["Henrike Vollmar"]
    assert len(ask(store, "entity-by-label")) == len(sample_kg().entities)


def test_unbound_parameter_lists_everything(store):
    assert len(ask(store, "entity-by-label")) == len(sample_kg().entities)


@pytest.mark.parametrize("evil", ['Vollmar" ) } SELECT * WHERE { ?s ?p ?o } #', "x' || true || '", "<bad iri"])
def test_hostile_binding_is_a_value_not_code(store, evil):
    assert ask(store, "employers", person_label=evil) == []


def test_bindable_variables_are_hidden_from_the_result(store):
    variables, _ = run_query(store, load_query_file("evidence"), {"subject_label": "Vollmar"})
    assert not {"subject_label", "predicate", "object_label"} & set(variables)


def test_query_file_lookup(tmp_path):
    assert {"who-deactivated", "employers", "reported-by", "offline-duration", "evidence", "disagreements",
            "entity-by-label", "entity-relations"} <= set(available_queries())
    assert load_query_file("employers.rq") == load_query_file("employers")
    custom = tmp_path / "mine.rq"
    custom.write_text("SELECT ?x WHERE { BIND(1 AS ?x) }", encoding="utf-8")
    assert "BIND" in load_query_file(custom)
    with pytest.raises(KgError, match="no such query"):
        load_query_file("does-not-exist")


def test_binding_a_variable_the_query_does_not_take_is_refused(store):
    with pytest.raises(KgError, match=r"\?person_label"):
        run_query(store, load_query_file("reported-by"), {"person_label": "Vollmar"})


def test_syntax_error_is_a_clean_error(store):
    with pytest.raises(KgError, match="SPARQL"):
        run_query(store, "SELECT WHERE {")


def test_query_command_formats(out):
    runner = CliRunner()
    result = runner.invoke(app, ["query", "--out", str(out), "employers", "--bind", "person_label=vollmar", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["employerLabel"] == "Nordlicht Logistik"
    result = runner.invoke(app, ["query", "--out", str(out), "who-deactivated", "-b", "owner_label=Albrecht", "-f", "csv"])
    assert result.output.splitlines()[0].startswith("agentLabel,ownerLabel")
    assert "Henrike Vollmar" in result.output
    result = runner.invoke(app, ["query", "--out", str(out), "employers"])
    assert "Nordlicht Logistik" in result.output and "1 row" in result.output
    result = runner.invoke(app, ["query", "--out", str(out), "employers", "--bind", "novalue"])
    assert result.exit_code != 0
    result = runner.invoke(app, ["query", "--out", str(out)])  # no query: the stored ones, with what they bind
    assert "who-deactivated" in result.output and "--bind owner_label=" in result.output
