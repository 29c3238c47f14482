"""Quotes (said, with the outlet spoken to), literal facts (follower counts) and hedge/negation cues."""
from __future__ import annotations

import functools

import pytest
from handmade import article

from kg.extract import cues, extract_article

NAMES = {"Jonas Albrecht": "PER", "Albrecht": "PER", "Netzblick": "MEDIA", "Mia Roth": "PER", "Chirpa": "ORG",
         "er": "PER"}
COREF = {"Albrecht": "Jonas Albrecht", "er": "Jonas Albrecht"}


@functools.lru_cache(maxsize=1)
def _nlp():
    from kg.nlp import load_pipeline

    return load_pipeline("de")


def run(text: str):
    """Hand-made mentions on a tagged text: the speech rows read lemmas ("sagte" -> sagen)."""
    doc, sents, ments = article(text, NAMES, corefs=COREF)
    return extract_article(_nlp()(text), doc, sents, ments)


def quotes(a):
    return [(a.mentions[q.speaker].text, q.text, None if q.outlet is None else a.mentions[q.outlet].text)
            for q in a.quotes]


def test_direct_quote_after_with_outlet() -> None:
    a = run("„Es war ein Versehen“, sagt Jonas Albrecht im Gespräch mit dem Portal Netzblick.")
    assert quotes(a) == [("Jonas Albrecht", "Es war ein Versehen", "Netzblick")]
    assert {(r.predicate, a.mentions[r.object].text) for r in a.relations} >= {("reportedBy", "Netzblick")}


def test_direct_quote_before_colon() -> None:
    a = run("Mia Roth sagt: \"Das glaube ich ihm nicht.\"")
    assert quotes(a) == [("Mia Roth", "Das glaube ich ihm nicht.", None)]


def test_quote_over_two_sentences_pronoun_speaker() -> None:
    a = run("Jonas Albrecht schweigt lange. \"Ich habe niemanden betrogen. Ich war müde\", sagt er.")
    assert quotes(a) == [("Jonas Albrecht", "Ich habe niemanden betrogen. Ich war müde", None)]


def test_indirect_quote_comma_verb_speaker() -> None:
    a = run("Ein Fehler ist passiert, sagt Jonas Albrecht im Interview mit Netzblick: alles sei Zufall gewesen.")
    ((speaker, text, outlet),) = quotes(a)
    assert speaker == "Jonas Albrecht" and outlet == "Netzblick"
    assert text.startswith("Ein Fehler ist passiert") and "alles sei Zufall gewesen" in text


def test_indirect_dass_clause() -> None:
    a = run("Jonas Albrecht sagt gegenüber Netzblick, dass es ein Fehler war.")
    assert quotes(a) == [("Jonas Albrecht", "es ein Fehler war", "Netzblick")]


def test_scare_quotes_are_no_quotes() -> None:
    assert run("Das Management sprach von einem \"menschlichen Fehler\" im Betrieb.").quotes == ()


@pytest.mark.parametrize(
    ("text", "value", "value_text"),
    [
        ("Mehr als 43 Millionen Menschen folgen Mia Roth auf Chirpa.", "43000000", "Mehr als 43 Millionen"),
        ("Mia Roth folgen auf Chirpa mehr als 1,5 Millionen Menschen.", "1500000", "mehr als 1,5 Millionen"),
        ("Der Chirpa-Account von Mia Roth hat 12.000 Follower.", "12000", "12.000"),
        ("Der Chirpa-Account von Mia Roth war weg. Der Chirpa-Account mit zwölf Millionen Followern ist zurück.", "12000000",
         "zwölf Millionen"),
    ],
)
def test_follower_counts_on_the_owner(text: str, value: str, value_text: str) -> None:
    a = run(text)
    ((subject, attribute, v, vt),) = [(a.mentions[f.subject].text, f.attribute, f.value, f.value_text) for f in a.facts]
    assert (subject, attribute, v, vt) == ("Mia Roth", "followerCount", value, value_text)


def test_small_or_non_follower_numbers_are_no_fact() -> None:
    assert run("Drei Menschen folgen Mia Roth nach Hause. Mia Roth hat 40 Millionen Euro.").facts == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [("Er soll es getan haben.", "soll"), ("Er war nach eigenen Angaben dort.", "nach eigenen Angaben"),
     ("Laut Polizei war er dort.", "Laut"), ("Er war angeblich dort.", "angeblich"),
     ("Er sei dort gewesen.", "sei"), ("Er habe es getan.", "habe"),
     ("Er will den Schalter gedrückt haben.", "will ... haben")],
)
def test_hedge_cues(text: str, cue: str) -> None:
    assert cues.hedge_cue(text) == cue


def test_no_hedge_in_plain_or_first_person_statements() -> None:
    assert cues.hedge_cue("Ich habe es nicht mit Absicht gemacht.") is None
    assert cues.hedge_cue("Er war dort und hat es getan.") is None


def test_negation_is_clause_local() -> None:
    text = "Er hat nicht gelacht, aber er hat den Account gesperrt."
    assert cues.negated(text, text.index("gelacht"))
    assert not cues.negated(text, text.index("gesperrt"))
    assert cues.not_confirmed("Die Firma hat noch nicht bestätigt, dass er es war.")


def test_reported_speech_claims_are_attributed_to_the_speaker() -> None:
    a = run("Weiter erklärt Jonas Albrecht, er sei als Leiharbeiter bei Chirpa oft müde gewesen.")
    ((speaker, text, _),) = quotes(a)
    assert speaker == "Jonas Albrecht" and text.startswith("er sei als Leiharbeiter")
    (emp,) = [r for r in a.relations if r.predicate == "employedBy"]
    assert emp.evidence.source is not None and a.mentions[emp.evidence.source].text == "Jonas Albrecht"
    assert emp.evidence.hedged and emp.evidence.hedge == "sei"


def test_article_voice_has_no_source() -> None:
    a = run("Jonas Albrecht arbeitete als Leiharbeiter bei Chirpa.")
    (emp,) = [r for r in a.relations if r.predicate == "employedBy"]
    assert emp.evidence.source is None and not emp.evidence.hedged


def test_quote_told_to_an_all_caps_outlet() -> None:
    a = run("\"Wir prüfen das\", sagte Mia Roth dem BLICKPUNKT.")
    assert quotes(a) == [("Mia Roth", "Wir prüfen das", "BLICKPUNKT")]


def test_quote_with_described_speaker_before_the_name() -> None:
    a = run("\"Es war Zufall\", sagt der türkischstämmige Deutsche Jonas Albrecht im Gespräch mit dem Portal Netzblick.")
    assert quotes(a) == [("Jonas Albrecht", "Es war Zufall", "Netzblick")]


def test_relative_clause_follower_count_and_quote_after_it() -> None:
    a = run("Mia Roth, die 40 Millionen Follower hat, schrieb: „Mein Account war weg.“")
    assert [(a.mentions[f.subject].text, f.value) for f in a.facts] == [("Mia Roth", "40000000")]
    assert quotes(a) == [("Mia Roth", "Mein Account war weg.", None)]
