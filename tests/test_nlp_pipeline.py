"""The pipeline itself: components, tags and lemmas, languages, odd input never crashes."""
from __future__ import annotations

import random

import pytest

from kg.nlp import detect_language, extract_mentions, load_pipeline, pipeline_info
from kg.records import Document


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("de")


def test_pipeline_is_cached_and_described(nlp):
    assert load_pipeline("de") is nlp
    info = pipeline_info("de")
    assert {"name", "version", "official_model", "components"} <= set(info)
    if not info["official_model"]:
        assert info["components"] == ["tokenizer", "kg_sentences", "kg_hanta", "kg_ner"]
        assert nlp.pipe_names == ["kg_sentences", "kg_hanta", "kg_ner"]


def test_stts_tags_lemmas_and_sentences(nlp):
    doc = nlp("Am 3. November sagte Dr. Kowalski, die Mitarbeiter hätten Konten gesperrt. Danach ging sie.")
    assert [s.text for s in doc.sents] == [
        "Am 3. November sagte Dr. Kowalski, die Mitarbeiter hätten Konten gesperrt.", "Danach ging sie."]
    tok = {t.text: t for t in doc}
    assert (tok["sagte"].tag_, tok["sagte"].lemma_, tok["sagte"].pos_) == ("VVFIN", "sagen", "VERB")
    assert tok["gesperrt"].lemma_ == "sperren"
    assert tok["Mitarbeiter"].tag_ == "NN" and tok["Konten"].lemma_ == "Konto"
    assert tok["Kowalski"].tag_ == "NE" and tok["Kowalski"].pos_ == "PROPN"


def test_line_breaks_end_sentences(nlp):
    doc = nlp("Eine Überschrift ohne Punkt\n\nDer Text beginnt hier.")
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == [
        "Eine Überschrift ohne Punkt", "Der Text beginnt hier."]


def test_sentence_records_match_text(nlp):
    text = "  Erster Satz hier.\n\nZweiter Satz folgt!  "
    sents, _m = extract_mentions(nlp(text), Document("t", text, "t", "h"))
    assert [s.text for s in sents] == ["Erster Satz hier.", "Zweiter Satz folgt!"]
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert [s.index for s in sents] == [0, 1]


def test_detect_language():
    assert detect_language("Der Mann sagte, dass er nicht mit der Presse sprechen wolle.") == "de"
    assert detect_language("The man said that he would not talk to the press about it.") == "en"
    assert detect_language("") == "de"


def test_english_text_gets_the_same_records():
    nlp_en = load_pipeline("en")
    text = "Reporter Janet Hollowell said the company Brightwick Ltd would close its office in Toronto."
    doc = nlp_en(text)
    sents, ms = extract_mentions(doc, Document("e", text, "e", "h", lang="en"))
    got = {m.text: m.label for m in ms if m.kind == "name"}
    assert len(sents) == 1
    assert got.get("Janet Hollowell") == "PER"
    assert got.get("Brightwick Ltd") == "ORG"
    assert got.get("Toronto") == "LOC"


ODD = ["", " ", "\n\n\n", "...!!!???", "😀🎉 👍", "Ελληνικά και 東京 und Straße", "x" * 20000,
       "A" * 300 + " " + "b-" * 500, "((((((((", "\u200b\u200b", "-- -- --", "www. .de", "Herr", "Er sie es"]


@pytest.mark.parametrize("text", ODD, ids=[f"odd{i}" for i in range(len(ODD))])
def test_odd_text_never_crashes(nlp, text):
    doc = nlp(text)
    sents, ms = extract_mentions(doc, Document("t", text, "t", "h"))
    for m in ms:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text


def test_one_megabyte_without_full_stop(nlp):
    rng = random.Random(7)
    vocab = ("der die das Haus geht schnell nach Kelmstadt und mit Frau Kowalski weil es regnet "
             "🙂 Ελλάδα 東京 Zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz").split()
    text = " ".join(rng.choice(vocab) for _ in range(200_000))[:1_000_000]
    doc = nlp(text)
    sents, ms = extract_mentions(doc, Document("t", text, "t", "h"))
    assert len(sents) > 100  # the length cap splits it
    assert max(len(s.text) for s in sents) < 5000
    assert all(text[m.start:m.end] == m.text for m in ms[:500])


def test_english_context_rules_and_pronouns():
    nlp_en = load_pipeline("en")
    text = ("A Glimmora employee closed the account of Senator Walter Brankley. "
            "Speaking to the Harbourline reporter Anna Kowalczyk, he said he was sorry.")
    _s, ms = extract_mentions(nlp_en(text), Document("e", text, "e", "h", lang="en"))
    got = {m.text: m.label for m in ms if m.kind == "name"}
    assert got["Glimmora"] == "ORG"
    assert got["Harbourline"] == "MEDIA"
    assert got["Walter Brankley"] == "PER" and got["Anna Kowalczyk"] == "PER"
    walter = next(i for i, m in enumerate(ms) if m.text == "Walter Brankley")
    assert [m.antecedent for m in ms if m.kind == "pronoun"] == [walter, walter]
