"""The pattern engine: rows as data, slots, lexicon classes, compound prefixes, per-row evidence names."""
from __future__ import annotations

import pytest
from handmade import article

from kg.extract import extract_article
from kg.extract.context import Context
from kg.extract.patterns import compile_table, find, table_extractor

NAMES = {"Jana Beispiel": "PER", "Jonas Albrecht": "PER", "Datenwerk": "ORG", "Linz": "LOC"}


def _ctx(text: str, names: dict | None = None) -> Context:
    doc, sents, ments = article(text, {**NAMES, **(names or {})})
    return Context.build(doc, sents, ments)


ROW = {"name": "employedBy.test-row/1", "predicate": "employedBy",
       "pattern": [{"ENT": "PER", "SLOT": "s"}, {"LOWER": {"IN": ["arbeitet", "arbeitete"]}},
                   {"LOWER": "für"}, {"ENT": ["ORG", "MEDIA"], "SLOT": "o"}],
       "subject": "s", "object": "o", "confidence": 0.7}


def test_a_row_matches_and_names_the_evidence() -> None:
    ctx = _ctx("Heute arbeitete Jana Beispiel nicht. Jonas Albrecht arbeitete für Datenwerk in Linz.")
    table_extractor([ROW])(ctx)
    (r,) = ctx.results.relations
    assert (ctx.mentions[r.subject].text, ctx.mentions[r.object].text) == ("Jonas Albrecht", "Datenwerk")
    assert r.evidence.extractor == "employedBy.test-row/1" and r.evidence.confidence == 0.7


def test_anchor_words_skip_sentences_without_them() -> None:
    (row,) = compile_table([ROW])
    assert row.anchors == {"arbeitet", "arbeitete"}
    ctx = _ctx("Jonas Albrecht schuftete für Datenwerk.")
    assert find(row, ctx, 0) == []


@pytest.mark.parametrize("bad", [
    {**ROW, "name": "no-version"},
    {**ROW, "pattern": [{"LOWERCASE": "x", "SLOT": "s"}, {"ENT": "ORG", "SLOT": "o"}]},
    {**ROW, "pattern": [{"IS": "NO_SUCH_CLASS", "SLOT": "s"}, {"ENT": "ORG", "SLOT": "o"}]},
    {**ROW, "object": "missing"},
    {**ROW, "colour": "red"},
])
def test_bad_rows_fail_at_compile_time(bad: dict) -> None:
    with pytest.raises(ValueError):
        compile_table([bad])


def test_duplicate_row_names_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        compile_table([ROW, ROW])


def test_repeat_operator_is_bounded_and_greedy() -> None:
    row = {**ROW, "name": "employedBy.gap/1",
           "pattern": [{"ENT": "PER", "SLOT": "s"}, {"ENT": False, "OP": "{0,3}"}, {"LOWER": "für"},
                       {"ENT": "ORG", "SLOT": "o"}]}
    near = _ctx("Jonas Albrecht war lange für Datenwerk da.")
    far = _ctx("Jonas Albrecht war sehr viele lange Jahre für Datenwerk da.")
    table_extractor([row])(near)
    table_extractor([row])(far)
    assert len(near.results.relations) == 1 and far.results.relations == []


def test_compound_prefix_names_a_known_organisation() -> None:
    a = extract_article(None, *article("Datenwerk wächst. Datenwerk-Chefin Jana Beispiel freut sich.", NAMES))
    rels = {(a.mentions[r.subject].text, a.mentions[r.object].text, r.evidence.extractor) for r in a.relations}
    assert ("Jana Beispiel", "Datenwerk", "employedBy.role-compound/1") in rels


def test_a_modal_in_another_clause_does_not_hedge() -> None:
    a = extract_article(None, *article("Die Datenwerk-Chefin Jana Beispiel forderte, die Hälfte der Posten solle "
                                       "an Frauen gehen.", NAMES))
    (r,) = [r for r in a.relations if r.predicate == "employedBy"]
    assert not r.evidence.hedged
    a = extract_article(None, *article("Die Datenwerk-Chefin Jana Beispiel soll zurückgetreten sein.", NAMES))
    (r,) = [r for r in a.relations if r.predicate == "employedBy"]
    assert r.evidence.hedged


def test_a_class_registered_after_the_sentence_index_is_seen() -> None:
    from kg.extract.patterns.classes import register_class

    ctx = _ctx("Jonas Albrecht schuftete für Datenwerk.")
    (role,) = compile_table([{**ROW, "name": "employedBy.test-role/1",
                              "pattern": [{"ENT": "PER", "SLOT": "s"}, {"IS": "WORK_VERB"}, {"ENT": "ORG", "SLOT": "o"}]}])
    assert find(role, ctx, 0) == []  # builds the sentence's class index without the new class
    register_class("TEST_TOIL_VERB", r"schuftete|rackerte")
    (row,) = compile_table([{**ROW, "name": "employedBy.test-toil/1",
                             "pattern": [{"ENT": "PER", "SLOT": "s"}, {"IS": "TEST_TOIL_VERB"},
                                         {"LOWER": "für"}, {"ENT": ["ORG", "MEDIA"], "SLOT": "o"}]}])
    assert [m.text("o") for m in find(row, ctx, 0)] == ["Datenwerk"]


def test_a_subject_slot_with_a_list_relates_each_person() -> None:
    ctx = _ctx("Jana Beispiel und Jonas Albrecht arbeiten für Datenwerk.")
    table_extractor([{**ROW, "name": "employedBy.test-list/1",
                      "pattern": [{"ENT": "PER", "SLOT": "s"}, {"LOWER": "und"}, {"ENT": "PER", "SLOT": "s"},
                                  {"LOWER": "arbeiten"}, {"LOWER": "für"}, {"ENT": "ORG", "SLOT": "o"}]}])(ctx)
    assert sorted(ctx.mentions[r.subject].text for r in ctx.results.relations) == ["Jana Beispiel", "Jonas Albrecht"]
