"""Curation file: validation and a stable round trip over rebuilds and new articles."""
from __future__ import annotations

import pytest
from test_resolve_helpers import article

from kg.errors import KgError
from kg.resolve import resolve


def _corpus():
    return [
        article("a1", "Anna Berger sprach. Nordsoft wächst.", [("Anna Berger", "PER"), ("Nordsoft", "ORG")]),
        article("b1", "Annika Berger sprach.", [("Annika Berger", "PER")]),
        article("c1", "Jonas Kellerhals kam. Kellerhals ging.", [("Jonas Kellerhals", "PER"), ("Kellerhals", "PER", {"kind": "partial", "antecedent": 0})]),  # noqa: E501
        article("d1", "Kellerhals schwieg.", [("Kellerhals", "PER")]),
    ]


def _labels(res):
    return sorted(e.label for e in res.entities)


def test_round_trip_merge_split_rename_retype_drop(tmp_path):
    cur = tmp_path / "curation.yaml"
    cur.write_text(
        "merge:\n  - entities: ['Anna Berger', 'Annika Berger']\n    label: Anna Berger\n"
        "split:\n  - entity: person/jonas-kellerhals\n    docs: ['d1']\n"
        "rename:\n  - {entity: Nordsoft, label: Nordsoft AG}\n"
        "retype:\n  - {entity: Nordsoft, type: MediaOrganization}\n",
        encoding="utf-8",
    )
    res = resolve(_corpus(), curation_path=cur)
    assert _labels(res) == ["Anna Berger", "Jonas Kellerhals", "Kellerhals", "Nordsoft AG"]
    assert res.mention_entity[("b1", 0)] == res.mention_entity[("a1", 0)] == "person/anna-berger"
    assert res.mention_entity[("d1", 0)] == "person/kellerhals"
    assert ("media/nordsoft-ag", "MediaOrganization") in {(e.key, e.type) for e in res.entities}
    kinds = [k for k, _ in res.decisions]
    assert kinds == ["split", "merge", "rename", "retype"]
    # rebuild: identical; then a new article naming both forms again: decisions still hold
    assert resolve(_corpus(), curation_path=cur).entities == res.entities
    more = _corpus() + [article("e1", "Annika Berger und Nordsoft.", [("Annika Berger", "PER"), ("Nordsoft", "ORG")])]
    res2 = resolve(more, curation_path=cur)
    assert _labels(res2) == _labels(res)
    assert res2.mention_entity[("e1", 0)] == "person/anna-berger"
    assert res2.mention_entity[("e1", 1)] == "media/nordsoft-ag"


def test_drop_and_unmatched_decisions(tmp_path):
    cur = tmp_path / "c.yaml"
    cur.write_text("drop: [Nordsoft]\nmerge: [[Niemand, Keiner]]\n", encoding="utf-8")
    res = resolve(_corpus(), curation_path=cur)
    assert "Nordsoft" not in _labels(res) and ("a1", 1) not in res.mention_entity
    assert ("unmatched", "merge Niemand + Keiner") in res.decisions


@pytest.mark.parametrize("text, problem", [
    ("merge: [", "not valid YAML"),
    ("- a\n- b\n", "expected a mapping"),
    ("mergen: []\n", "unknown section"),
    ("merge:\n  - entities: [Nur]\n", "at least two"),
    ("retype:\n  - {entity: X, type: Planet}\n", "'type' must be one of"),
    ("split:\n  - {entity: X}\n", "'forms' and/or 'docs'"),
    ("rename:\n  - {entity: X}\n", "'label' is required"),
])
def test_invalid_curation_names_file_and_problem(tmp_path, text, problem):
    cur = tmp_path / "bad.yaml"
    cur.write_text(text, encoding="utf-8")
    with pytest.raises(KgError) as err:
        resolve(_corpus(), curation_path=cur)
    assert str(cur) in str(err.value) and problem in str(err.value)


def test_missing_curation_file(tmp_path):
    with pytest.raises(KgError, match="cannot read"):
        resolve(_corpus(), curation_path=tmp_path / "nope.yaml")


def test_decisions_reach_the_knowledge_graph(tmp_path):
    from kg.resolve import assemble

    cur = tmp_path / "c.yaml"
    cur.write_text("drop: [Nordsoft]\n", encoding="utf-8")
    arts = _corpus()
    kg = assemble(arts, resolve(arts, curation_path=cur))
    assert kg.decisions == (("drop", "Nordsoft"),)


def test_split_of_a_partial_form_keeps_the_full_name_in_place(tmp_path):
    a = article("a1", "Anna Berger kam. Berger ging, sie lachte.",
                [("Anna Berger", "PER"), ("Berger", "PER", {"kind": "partial", "antecedent": 0, "occurrence": 2}),
                 ("sie", "PER", {"kind": "pronoun", "antecedent": 0})])
    cur = tmp_path / "c.yaml"
    cur.write_text("split:\n  - {entity: Anna Berger, forms: [Berger]}\n", encoding="utf-8")
    res = resolve([a], curation_path=cur)
    assert res.mention_entity[("a1", 0)] == "person/anna-berger" == res.mention_entity[("a1", 2)]
    assert res.mention_entity[("a1", 1)] == "person/berger"


def test_check_inputs_fails_early_on_bad_files(tmp_path):
    from kg.resolve import check_inputs

    bad = tmp_path / "c.yaml"
    bad.write_text("drop: 3\n", encoding="utf-8")
    with pytest.raises(KgError, match="'drop' must be a list"):
        check_inputs(bad)
    check_inputs(None, None)
