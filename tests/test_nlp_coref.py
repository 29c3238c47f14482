"""In-article coreference: partial names, pronouns, definite descriptions (invented text)."""
from __future__ import annotations

import pytest

from kg.nlp import extract_mentions, load_pipeline
from kg.records import Document


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("de")


def analyse(nlp, text: str):
    return extract_mentions(nlp(text), Document("t", text, "t", "h"))


def test_surname_and_genitive_point_to_full_name(nlp):
    text = "Jannik Obermaier arbeitet seit Jahren dort. Später wurde Obermaiers Konto gesperrt. Obermaier schwieg."
    _s, ms = analyse(nlp, text)
    full = next(i for i, m in enumerate(ms) if m.text == "Jannik Obermaier")
    partials = [m for m in ms if m.kind == "partial"]
    assert {m.text for m in partials} == {"Obermaiers", "Obermaier"}
    assert all(m.antecedent == full and m.norm == "Jannik Obermaier" for m in partials)
    for m in partials:  # resolved mentions keep their own offsets
        assert text[m.start:m.end] == m.text


def test_pronoun_takes_last_person_of_fitting_gender(nlp):
    text = "Lotte Wimmelbach traf Henrik Solvang. Er lachte. Dann sagt sie nichts mehr."
    _s, ms = analyse(nlp, text)
    by_text = {m.text: i for i, m in enumerate(ms) if m.kind == "name"}
    er = next(m for m in ms if m.kind == "pronoun" and m.text == "Er")
    sie = next(m for m in ms if m.kind == "pronoun" and m.text == "sie")
    assert er.antecedent == by_text["Henrik Solvang"]
    assert sie.antecedent == by_text["Lotte Wimmelbach"]


def test_plural_sie_is_not_resolved(nlp):
    _s, ms = analyse(nlp, "Lotte Wimmelbach kam spät. Die Gäste warteten, dann gingen sie heim.")
    assert not [m for m in ms if m.kind == "pronoun"]


def test_description_resolves_to_the_single_candidate(nlp):
    text = "Das Unternehmen Kramwerk Solutions wächst. Das Unternehmen stellt ein."
    _s, ms = analyse(nlp, text)
    desc = [m for m in ms if m.kind == "description"]
    assert len(desc) == 1 and desc[0].text == "Das Unternehmen"
    assert ms[desc[0].antecedent].text == "Kramwerk Solutions"
    assert desc[0].label == "ORG"


def test_description_stays_unresolved_when_ambiguous(nlp):
    text = "Henrik Solvang und Jannik Obermaier kamen. Der Mann setzte sich."
    _s, ms = analyse(nlp, text)
    assert not [m for m in ms if m.kind == "description"]


def test_antecedents_always_point_backwards_to_names(nlp):
    text = ("Die Bundesministerin Jolanda Pfeiffenberg kam nach Regensburg. Pfeiffenberg sagte, sie sei froh. "
            "Der Zeitungsrapport-Reporter Henrik Solvang fragte. Er wartete. Die Frau antwortete.")
    _s, ms = analyse(nlp, text)
    for i, m in enumerate(ms):
        if m.antecedent is not None:
            assert m.antecedent < i
            assert ms[m.antecedent].kind == "name"
