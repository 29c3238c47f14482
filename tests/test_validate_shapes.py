"""SHACL validation: a clean build conforms; a broken graph is caught with the offending node."""
from __future__ import annotations

import dataclasses

import pytest
from golden.kg_sample import DECISIONS, sample_kg
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.rdf import serialize_trig, validate
from kg.records import Edge, Entity

VOLLMAR = "https://w3id.org/kg-news/id/person/henrike-vollmar"


@pytest.fixture()
def build(tmp_path):
    def write(kg, decisions=DECISIONS):
        (tmp_path / "graph.trig").write_bytes(serialize_trig(kg, decisions))
        return tmp_path
    return write


def test_sample_graph_conforms(build):
    report = validate(build(sample_kg()))
    assert report.conforms, report.violations
    assert report.triples > 400


def test_relation_to_wrong_class_is_a_warning(build):
    kg = sample_kg()
    place = Entity("loc/ostheim", "Location", "Ostheim", doc_ids=("a01",))
    wrong = Edge("person/henrike-vollmar", "employedBy", "loc/ostheim", kg.edges[0].evidence)
    report = validate(build(dataclasses.replace(kg, entities=kg.entities + (place,), edges=kg.edges + (wrong,))))
    assert report.conforms and not report.violations  # well-formed, only implausible
    hits = [v for v in report.warnings if v.focus == VOLLMAR and v.path.endswith("#employedBy")]
    assert hits and hits[0].value.endswith("loc/ostheim")


def test_relation_to_an_undescribed_node_is_a_violation(build):
    kg = sample_kg()
    dangling = Edge("person/henrike-vollmar", "employedBy", "org/niemand", kg.edges[0].evidence)
    report = validate(build(dataclasses.replace(kg, edges=kg.edges + (dangling,))))
    assert not report.conforms
    assert any(v.focus.endswith("org/niemand") and v.path.endswith("#type") for v in report.violations)


def test_evidence_without_sentence_or_known_article_is_caught(build):
    kg = sample_kg()
    edge = kg.edges[0]
    bad_ev = dataclasses.replace(edge.evidence[0], sentence_text="", doc_id="not-built", confidence=1.7)
    report = validate(build(dataclasses.replace(kg, edges=(dataclasses.replace(edge, evidence=(bad_ev,)),))))
    paths = {v.path.rsplit("#", 1)[-1] for v in report.violations if "/evidence/" in v.focus}
    assert {"sentenceText", "article", "confidence"} <= paths


def test_entity_without_label_and_unsupported_statement_are_caught(build, tmp_path):
    data = serialize_trig(sample_kg()).decode()
    data = data.replace('rdfs:label "Nordlicht Logistik" ;', "")  # drop a label
    data = data.replace("GRAPH kgga:a02 {", "GRAPH kgga:a02 {\n  person:konrad-albrecht kg:employedBy org:zwitscher .")
    (tmp_path / "graph.trig").write_text(data, encoding="utf-8")
    report = validate(tmp_path)
    focus = {(v.focus.rsplit("/", 1)[-1], v.path.rsplit("#", 1)[-1]) for v in report.violations}
    assert ("nordlicht-logistik", "label") in focus
    assert ("konrad-albrecht", "employedBy") in focus  # no kg:Evidence behind it


def test_validate_command_exit_status_and_offending_node(build):
    runner = CliRunner()
    kg = sample_kg()
    result = runner.invoke(app, ["validate", "--out", str(build(kg))])
    assert result.exit_code == 0 and "conforms" in result.output and "warning" not in result.output
    odd = Edge("person/henrike-vollmar", "nationality", "org/zwitscher", kg.edges[0].evidence)
    result = runner.invoke(app, ["validate", "--out", str(build(dataclasses.replace(kg, edges=kg.edges + (odd,))))])
    assert result.exit_code == 0 and "[Warning]" in result.output and VOLLMAR in result.output
    dangling = Edge("person/henrike-vollmar", "nationality", "loc/nirgendwo", kg.edges[0].evidence)
    result = runner.invoke(app, ["validate", "--out", str(build(dataclasses.replace(kg, edges=kg.edges + (dangling,))))])
    assert result.exit_code == 1
    assert "[Violation]" in result.output and "loc/nirgendwo" in result.output


def test_not_a_build_is_a_clean_error(tmp_path):
    with pytest.raises(KgError, match="graph.trig"):
        validate(tmp_path)
    (tmp_path / "graph.trig").write_text("this is { not trig", encoding="utf-8")
    with pytest.raises(KgError, match="graph.trig"):
        validate(tmp_path)


def test_two_records_of_one_sentence_stay_two_valid_evidence_nodes(build):
    kg = sample_kg()
    edge = kg.edges[0]
    twin = dataclasses.replace(edge.evidence[0], confidence=0.4, hedged=True, hedge="angeblich")
    kg = dataclasses.replace(kg, edges=(dataclasses.replace(edge, evidence=edge.evidence + (twin,)),) + kg.edges[1:])
    report = validate(build(kg))
    assert report.conforms, report.violations
