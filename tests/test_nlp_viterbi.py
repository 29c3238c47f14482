"""kg.nlp.viterbi gives exactly HanTa's results: sentence tags, word tag scores, morpheme paths.

Each search is run side by side with HanTa's own code on the same, unmodified tagger,
over hand-written sentences and (when ../shared is present) the first 30 10kGNAD articles.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.nlp import load_pipeline
from kg.nlp.hanta import MAX_WORD, WINDOW, _tagger
from kg.nlp.lemma_endings import LemmaEndings
from kg.nlp.viterbi import Searches, fits

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "10kgnad" / "articles.jsonl"

SENTENCES = """
Am 3. November sagte Dr. Kowalski, die Mitarbeiter hätten Konten gesperrt.
Danach ging sie nach Hause.
Die Bundesregierung will die Vertragsarbeitern zustehenden Entschädigungszahlungen bis 2025 auszahlen.
US-Präsident Trump twitterte am Sonntagabend über die Fake-News-Medien.
„Wir werden das nicht hinnehmen“, erklärte die SPÖ-Abgeordnete gegenüber der APA.
laut einem Bericht des ORF-Magazins ZiB 2 soll der Deal geplatzt sein
Die Aktie der Deutschen Bank AG gab um 1,6 Prozent auf 12,34 Euro nach.
Er hat's nicht gewusst, oder?
Kryptowährungsbörsenbetreiber Xqzvtlmb meldete Insolvenz an.
Sie fuhren über die A1 Richtung Salzburg – und dann weiter nach Wien.
#MeToo @kanzler https://example.org/artikel?id=42 :-)
Tschüss!
Ja.
.
Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellerinnen streiken.
Der Gesetzentwurf wurde im Nationalrat mit den Stimmen von ÖVP , FPÖ und NEOS beschlossen .
Im Jahr 1989 fiel die Mauer ; 30 Jahre später erinnern sich viele daran .
Bitte lesen Sie den Beitrag (Seite 4) und die Kommentare dazu!
Gestern Abend spielte Sturm Graz gegen den FC Red Bull Salzburg 2:2.
Die Ministerin betonte, dass sie zurücktreten werde, falls das Gesetz scheitere.
Grüne Politikerinnen und Politiker forderten eine Ausweitung der Maßnahmen.
The company said it would not comment on the report.
Schnell, schneller, am schnellsten lief die Läuferin ins Ziel.
Anti-Terror-Einheiten durchsuchten zwölf Wohnungen in Berlin-Neukölln.
Mehr als 3.000 Menschen demonstrierten am 1. Mai in Linz, Graz und Innsbruck.
""".strip().splitlines()


@pytest.fixture(scope="module")
def plain():
    """A HanTa tagger with HanTa's own code only (kg installs nothing on it)."""
    from HanTa import HanoverTagger as ht

    return ht.HanoverTagger("morphmodel_ger.pgz")


@pytest.fixture(scope="module")
def fast(plain):
    assert fits(plain)
    return Searches(plain)


def _split(text: str) -> list[str]:
    return text.split()


def _article_windows(limit: int = 30) -> list[list[str]]:
    """Word windows as kg_hanta hands them to the tagger."""
    if not ARTICLES.is_file():
        return []
    nlp = load_pipeline("de")
    sentencer = nlp.get_pipe("kg_sentences")
    windows = []
    with open(ARTICLES, encoding="utf-8") as fh:
        for n, line in zip(range(limit), fh):
            doc = sentencer(nlp.make_doc(json.loads(line)["text"]))
            for sent in doc.sents:
                words = [t.text if len(t.text) <= MAX_WORD else "X" for t in sent if not t.is_space]
                windows += [words[i:i + WINDOW] for i in range(0, len(words), WINDOW)]
    return windows


@pytest.fixture(scope="module")
def windows():
    return [_split(s) for s in SENTENCES] + _article_windows()


def test_sentence_tags_equal_hantas(plain, fast, windows):
    for words in windows:
        assert fast.tag_sent(words) == plain.tag_sent_viterbi(words), words


def test_word_without_tags_lets_the_transitions_decide(plain, monkeypatch):
    """A word HanTa has no tag for (UNKNOWN, or no reading at all) may take any tag."""
    from kg.nlp.viterbi import UNKNOWN

    own = plain._tag_word

    def tag_word(word, *args, **kwargs):
        return {"Qxq": [(UNKNOWN, 0)], "Zzx": []}.get(word) or own(word, *args, **kwargs)

    monkeypatch.setattr(plain, "_tag_word", tag_word)
    fast = Searches(plain)
    for words in (["Die", "Qxq", "kam", "gestern", "."], ["Zzx", "und", "Qxq", "Zzx", "!"], ["Qxq"]):
        assert fast.tag_sent(words) == plain.tag_sent_viterbi(words), words


def test_unknown_word_scores_equal_hantas(plain, fast, windows):
    words = sorted({plain.normalize(w) for ws in windows for w in ws} - set(plain.cache))
    words += ["", "a", "xy", "abc", "vertragsarbeitern", "donaudampfschifffahrtsgesellschaftskapitän"]
    assert len(words) > 40
    for w in words:
        assert fast.analyze_forward(w) == plain.analyze_forward(w), w


def test_morpheme_paths_equal_hantas(plain, fast, windows):
    """The lemma search, for every tag HanTa offers each word (not only the winning one)."""
    seen = set()
    for ws in windows:
        for w in ws:
            low = w.lower()
            for tag, _p in plain._tag_word(w):
                if (low, tag) in seen or -tag in plain.atomic_class:
                    continue
                seen.add((low, tag))
                assert fast.analyze_viterbi(low, -tag) == plain.analyze_viterbi(low, -tag), (w, tag)
    assert len(seen) > 100


def test_kg_tagger_uses_the_fast_searches_with_the_same_result(windows):
    """The pipeline's tagger (suffix guesser installed) tags as HanTa's sentence code would."""
    from HanTa import HanoverTagger as ht

    tagger = _tagger("de")
    assert isinstance(getattr(tagger, "kg_searches", None), Searches)
    assert isinstance(tagger.makelemma, LemmaEndings)
    for words in windows[:200]:
        assert tagger.tag_sent_viterbi(words) == ht.HanoverTagger.tag_sent_viterbi(tagger, words), words


def test_english_model_agrees():
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_en.pgz")
    fast = Searches(tagger)
    for words in (_split("The company said it would not comment on the report ."),
                  _split("Reporter Janet Hollowell said Brightwick Ltd would close its office in Toronto ."),
                  _split("unbelievably quirky zorbfliggers are outsourcing")):
        assert fast.tag_sent(words) == tagger.tag_sent_viterbi(words)
        for w in words:
            assert fast.analyze_forward(w.lower()) == tagger.analyze_forward(w.lower())
            for tag, _p in tagger._tag_word(w):
                if -tag not in tagger.atomic_class:
                    assert fast.analyze_viterbi(w.lower(), -tag) == tagger.analyze_viterbi(w.lower(), -tag)


def test_lemma_endings_equal_hantas(plain, windows):
    """makelemma (the tag's lemma ending) for the stems of real words under every tag, and for
    hand-written stems shorter than the table's endings."""
    stems = {w.lower() for ws in windows for w in ws if w} | {"a", "ab", "geh", "lief", "häus", "kind"}
    fast = LemmaEndings(plain)
    tags = [t for t in plain.tag2int if plain.lemmasuffixtable.get(t.split("(")[0])] + ["NN", "NE", "ADJ(A)"]
    assert len(tags) > 8
    for stem in sorted(stems)[:3000]:
        for tag in tags:
            for morphemes in ([stem], ["vor", stem]):
                assert fast(morphemes, tag) == plain.makelemma(morphemes, tag), (morphemes, tag)


def test_sentence_of_one_word_and_words_without_reading(plain, fast):
    """The numbered states decode to HanTa's tags at the edges: one word, unknown words."""
    for words in (["Ja"], ["."], ["Zzqx", "Wqv"], ["der", "Zzqx"]):
        assert fast.tag_sent(words) == plain.tag_sent_viterbi(words), words


def test_unknown_word_scores_without_shared_endings(plain, windows):
    """The per-tag ending look-up (for a model whose tags list different endings) agrees too."""
    fast = Searches(plain)
    assert fast.ending_scores is not None  # HanTa's German model: every tag lists the same endings
    fast.ending_scores = None
    words = sorted({plain.normalize(w) for ws in windows for w in ws} - set(plain.cache))[:300]
    words += ["ab", "xyz", "vertragsarbeitern"]
    for w in words:
        assert fast.analyze_forward(w) == plain.analyze_forward(w), w


def test_tagging_leaves_the_garbage_collector_as_it_found_it():
    """kg_hanta pauses the collector while it tags, and restores it (also when it was off)."""
    import gc

    nlp = load_pipeline("de")
    was = gc.isenabled()
    try:
        for state in (True, False):
            (gc.enable if state else gc.disable)()
            doc = nlp("Die Ministerin besuchte gestern Linz.")
            assert gc.isenabled() is state
            assert [t.tag_ for t in doc][:2] == ["ART", "NN"]
    finally:
        (gc.enable if was else gc.disable)()
