"""The pattern engine's row prefilter (gates): skipping a row must never lose a match.

Each test runs real tables over invented sentences twice - through the gated path
(``find``, ``apply_rows``' plan) and through the matcher alone, which tries every row
everywhere - and wants the same matches.
"""
from __future__ import annotations

import pytest
from handmade import article

from kg.extract.context import Context
from kg.extract.patterns import compile_table, employment_table, engine, nationality_table, places_table, speech_table
from kg.extract.patterns.tokens import units

NAMES = {"Jana Beispiel": "PER", "Jonas Albrecht": "PER", "Mia Roth": "PER", "Datenwerk": "ORG", "Nordbank": "ORG",
         "Linz": "LOC", "Kanada": "LOC", "Tagesblatt": "MEDIA"}
SENTENCES = (
    "Der Kanadier Jonas Albrecht arbeitet seit Jahren für Datenwerk in Linz.",
    "Jana Beispiel, eine Deutsche mit langem Atem, sagte dem Tagesblatt, sie bleibe.",
    "Die britische Sängerin und Autorin Mia Roth hat einen kanadischen Pass.",
    "Datenwerk-Chefin Jana Beispiel sagte, die Nordbank habe ihren Sitz in Linz.",
    "Die Österreicherin jubelte. Als Deutscher ist er nach Kanada gegangen.",
    "Heute regnet es, und niemand sagt etwas dazu.",
    "Jonas Albrecht, der frühere Geschäftsführer der Nordbank, kehrte in seine Heimat Kanada zurück.",
    "Wie das Tagesblatt berichtet, war Mia Roth früher als Beraterin bei Datenwerk tätig.",
)
TABLES = {"employment": employment_table.ROWS, "nationality": nationality_table.ROWS, "places": places_table.ROWS,
          "said": speech_table.SAID, "outlet": speech_table.OUTLET, "reported": speech_table.REPORTED}


def _ctx(text: str) -> Context:
    return Context.build(*article(text, NAMES))


def _ungated(row, ctx, s: int) -> list:
    us = units(ctx, s)
    return engine._find_in(row, ctx, s, us, engine._sentence_index(ctx, s, us))


@pytest.mark.parametrize("table", sorted(TABLES))
def test_gated_find_equals_the_matcher_alone(table: str) -> None:
    rows = compile_table(TABLES[table])
    fired = 0
    for text in SENTENCES:
        ctx = _ctx(text)
        for sent in ctx.sentences:
            for row in rows:
                want = _ungated(row, ctx, sent.index)
                assert engine.find(row, ctx, sent.index) == want, (row.name, sent.text)
                fired += bool(want)
    assert fired  # the sentences exercise the table


@pytest.mark.parametrize("table", sorted(TABLES))
def test_the_plan_picks_exactly_the_rows_whose_gates_pass(table: str) -> None:
    rows = compile_table(TABLES[table])
    plan = engine._Plan(rows)
    for text in SENTENCES:
        ctx = _ctx(text)
        for sent in ctx.sentences:
            us = units(ctx, sent.index)
            idx = engine._sentence_index(ctx, sent.index, us)
            passing = [i for i, row in enumerate(rows) if engine.passes(row, idx)]
            assert plan.viable(idx) == passing
            assert plan.viable(idx, 3) == [i for i in passing if i > 3]
            for i, row in enumerate(rows):  # a row the gates skip has no match
                assert i in passing or not _ungated(row, ctx, sent.index), (row.name, sent.text)


def test_gates_name_the_required_words_classes_and_labels() -> None:
    (row,) = compile_table([{"name": "employedBy.test-gates/1", "predicate": "employedBy", "subject": "s", "object": "o",
                             "pattern": [{"LOWER": "als", "OP": "?"}, {"IS": "ROLE_NOUN"}, {"ENT": "PER", "SLOT": "s"},
                                         {"LOWER": {"IN": ["bei", "für"]}}, {"HEAD_IS": "ROLE_NOUN", "OP": "?"},
                                         {"ENT": ["ORG", "MEDIA"], "SLOT": "o"}]}])
    assert set(row.gates) == {frozenset({("l", "bei"), ("l", "für")}), frozenset({("c", "ROLE_NOUN")}),
                              frozenset({("e", "PER")}), frozenset({("e", "ORG"), ("e", "MEDIA")})}
    assert row.gates[0] == frozenset({("l", "bei"), ("l", "für")})  # words first: the most selective


def test_a_row_that_adds_a_mention_gives_later_rows_the_new_unit() -> None:
    """"die Firma Nordwerk" becomes an ORG mention; a later row that needs an ORG unit then fires."""
    rows = compile_table([
        {"name": "employedBy.test-derive/1", "predicate": "employedBy", "subject": "@before", "object": "o",
         "derive": {"o": "raw-name"}, "pattern": [{"LOWER": "firma"}, {"IS_TITLE": True, "ENT": False, "SLOT": "o"}]},
        {"name": "locatedIn.test-later/1", "predicate": "locatedIn", "subject": "o", "object": "l",
         "pattern": [{"ENT": "ORG", "SLOT": "o"}, {"LOWER": "in"}, {"ENT": "LOC", "SLOT": "l"}]}])
    ctx = _ctx("Jonas Albrecht arbeitet für die Firma Nordwerk in Linz.")
    plan = engine._plan(rows)
    us = units(ctx, 0)
    assert plan.viable(engine._sentence_index(ctx, 0, us)) == [0]  # no ORG unit yet
    engine.apply_rows(ctx, rows)
    got = [(r.evidence.extractor, ctx.mentions[r.subject].text, ctx.mentions[r.object].text)
           for r in ctx.results.relations]
    assert got == [("employedBy.test-derive/1", "Jonas Albrecht", "Nordwerk"),
                   ("locatedIn.test-later/1", "Nordwerk", "Linz")]


@pytest.mark.parametrize(("word", "country"), [("Deutschen", "Deutschland"), ("Deutscher", "Deutschland"),
                                               ("Türkin", "Türkei"), ("Türken", "Türkei"), ("Kanadierin", "Kanada"),
                                               ("Österreichern", "Österreich"), ("Haus", None), ("", None)])
def test_demonym_forms_are_looked_up_not_scanned(word: str, country: str | None) -> None:
    from kg.extract.lexicon import country_of_demonym

    assert country_of_demonym(word) == country
