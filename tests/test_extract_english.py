"""English articles: the compact English rule set (kg.extract.english)."""
from __future__ import annotations

from dataclasses import replace

from handmade import article

from kg.extract import extract_article

NAMES = {"Jonas Miller": "PER", "Miller": "PER", "Mia Roth": "PER", "Chirpa": "ORG", "Netzblick": "MEDIA", "He": "PER",
         "US": "LOC", "Linz": "LOC"}
COREF = {"Miller": "Jonas Miller", "He": "Jonas Miller"}


def run(text: str):
    d, s, m = article(text, NAMES, corefs=COREF)
    return extract_article(None, replace(d, lang="en"), s, m)


def rels(a) -> set[tuple]:
    return {(a.mentions[r.subject].text, r.predicate, None if r.object is None else a.mentions[r.object].text)
            for r in a.relations}


def test_english_relations_event_fact_quote() -> None:
    a = run("Jonas Miller, a former contractor for Chirpa, deactivated Mia Roth's Chirpa account on March 3 for eleven minutes. "
            "He told Netzblick that it was a mistake. \"I made a mistake,\" Jonas Miller said. "
            "Mia Roth has more than 41 million followers. Miller, a German citizen, grew up there.")
    assert rels(a) >= {("Jonas Miller", "employedBy", "Chirpa"), ("Jonas Miller", "reportedBy", "Netzblick"),
                       ("Jonas Miller", "nationality", "Germany"), ("Mia Roth's Chirpa account", "accountOf", "Mia Roth"),
                       ("Jonas Miller", "deactivated", "Mia Roth's Chirpa account")}
    emp = next(r for r in a.relations if r.predicate == "employedBy")
    assert dict(emp.qualifiers) == {"role": "former contractor", "kind": "contractor", "time": "earlier"}
    (ev,) = a.events
    assert ev.kind == "Deactivation" and ev.duration == "PT11M"
    assert (ev.date, ev.date_text) == ("2019-03-03", "on March 3")
    assert [(f.value, a.mentions[f.subject].text) for f in a.facts] == [("41000000", "Mia Roth")]
    assert sorted((a.mentions[q.speaker].text, q.text, q.outlet is not None) for q in a.quotes) == [
        ("Jonas Miller", "I made a mistake", False), ("Jonas Miller", "it was a mistake", True)]


def test_english_negation_and_passive() -> None:
    a = run("Mia Roth's Chirpa account was not deactivated. Mia Roth's Chirpa account was suspended.")
    assert [e.kind for e in a.events] == ["Suspension"] and a.events[0].agent is None
    assert not [r for r in a.relations if r.predicate == "deactivated"]


def test_german_rules_do_not_run_on_english_text() -> None:
    assert extract_article(None, *_de_as_en("Jonas Miller arbeitete als Leiharbeiter bei Chirpa.")).relations == ()


def _de_as_en(text: str):
    d, s, m = article(text, NAMES)
    return replace(d, lang="en"), s, m


def test_english_quote_split_by_sentence_and_modifier_org_is_no_agent() -> None:
    a = run("A Chirpa employee deactivated Mia Roth's Chirpa account. \"I made a mistake,\" Jonas Miller said.")
    assert a.events[0].agent is None
    assert [(a.mentions[q.speaker].text, q.text) for q in a.quotes] == [("Jonas Miller", "I made a mistake")]


def _employment(text: str) -> set[tuple]:
    a = run(text)
    return {(a.mentions[r.subject].text, a.mentions[r.object].text, tuple(r.qualifiers), r.evidence.extractor)
            for r in a.relations if r.predicate == "employedBy"}


def test_english_employment_rows() -> None:
    assert _employment("Jonas Miller worked for the staffing firm Chirpa until last year.") == {
        ("Jonas Miller", "Chirpa", (("kind", "employee"), ("time", "current")), "employedBy.en-worked-for/1")}
    assert _employment("Mia Roth, the chief executive of Chirpa, said the company would grow.") == {
        ("Mia Roth", "Chirpa", (("role", "chief executive"), ("kind", "employee"), ("time", "current")),
         "employedBy.en-apposition/1")}
    assert _employment("Chirpa CEO Mia Roth announced a new feature.") == {
        ("Mia Roth", "Chirpa", (("role", "CEO"), ("kind", "employee"), ("time", "current")),
         "employedBy.en-org-role-name/1")}
    assert _employment("The chief executive of Chirpa, Mia Roth, declined to comment.") == {
        ("Mia Roth", "Chirpa", (("role", "chief executive"), ("kind", "employee"), ("time", "current")),
         "employedBy.en-role-of-org-name/1")}
    assert {q for _, _, q, _ in _employment("Jonas Miller had worked as an engineer at Chirpa.")} == {
        (("role", "engineer"), ("kind", "employee"), ("time", "earlier"))}


def test_english_employment_negated_or_unrelated() -> None:
    assert _employment("Jonas Miller never worked for Chirpa.") == set()
    assert _employment("Jonas Miller met the chief executive in a cafe near Chirpa.") == set()


def test_english_rows_of_this_round() -> None:
    """One handwritten sentence per English row added with its German family (of-org, office compound, seats)."""
    a = run("Jonas Miller of Chirpa said the plan was late. Chirpa commissioner Mia Roth agreed. "
            "The US company Chirpa grew. Netzblick, based in Linz, reported it.")
    found = {(r.evidence.extractor, a.mentions[r.subject].text, a.mentions[r.object].text) for r in a.relations}
    assert found >= {("employedBy.en-of-org/1", "Jonas Miller", "Chirpa"),
                     ("employedBy.en-org-office-name/1", "Mia Roth", "Chirpa"),
                     ("locatedIn.en-country-org/1", "Chirpa", "US"),
                     ("locatedIn.en-based-in/1", "Netzblick", "Linz")}


def test_english_of_org_needs_the_clause_to_end() -> None:
    a = run("Jonas Miller of Chirpa fame bought a house.")
    assert not [r for r in a.relations if r.predicate == "employedBy"]
