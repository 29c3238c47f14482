"""Property-based tests: ingest never raises, cleaning only deletes, minted
IRIs are valid and distinct, and written RDF parses back to the same graph."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import iter_inputs, make_document
from kg.ingest.clean import clean
from kg.ingest.decode import decode, normalize
from kg.ingest.meta import safe_id
from kg.records import Document, InputStatus
from kg.vocab import article_graph_iri, article_iri, entity_iri, slug

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# text with everything: controls, surrogate-free Unicode, markup and quote characters
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
MARKUP = st.lists(st.sampled_from(["<p>", "</p>", "<script>", "</script>", "<table>", "<td>", "&amp;", "&#0;",
                                   "<!--", "-->", "<![CDATA[", "\n\n", "Kommentare", "Folgen Sie uns auf X.",
                                   "Datenschutz", "30.11.2017", "{", "\"text\":", "\x00", "\ufeff", "Wort. "]),
                  max_size=30).map("".join)


@SETTINGS
@given(data=st.binary(max_size=2000), ext=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".htm", ".xyz"]))
def test_ingest_never_raises_on_any_bytes(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(data)
        for item in iter_inputs([path]):
            assert isinstance(item, (Document, InputStatus))
            if isinstance(item, InputStatus):
                assert item.status in ("skipped", "failed") and item.reason
            else:
                assert item.text.strip() and item.text == item.text.strip()
                item.text.encode("utf-8")  # always encodable


@SETTINGS
@given(text=st.one_of(ANY_TEXT, MARKUP), ext=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_ingest_never_raises_on_any_text(text: str, ext: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{ext}"
        data = json.dumps({"text": text, "id": text[:20], "title": text[:30]}) if ext == ".jsonl" else text
        path.write_bytes(data.encode("utf-8"))
        items = list(iter_inputs([path]))
        assert items and all(isinstance(i, (Document, InputStatus)) for i in items)


@SETTINGS
@given(text=st.one_of(ANY_TEXT, MARKUP))
def test_cleaning_only_deletes_lines_or_sentences(text: str) -> None:
    text = normalize(text)
    cleaned = clean(text)
    original_lines = [line.strip() for line in text.split("\n")]
    for line in cleaned.split("\n"):
        # every kept sentence is (a part of) an original line, never rewritten
        for sentence in re.split(r"(?<=[.!?…])\s+", line.strip()):
            assert any(sentence in orig for orig in original_lines), sentence


@SETTINGS
@given(data=st.binary(max_size=500))
def test_decode_always_returns_text_or_says_binary(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        assert "binary" in str(exc)
    else:
        assert isinstance(text, str) and encoding


@SETTINGS
@given(text=ANY_TEXT)
def test_make_document_text_is_normalised(text: str) -> None:
    doc = make_document(text, source="s", raw_id=text, content_hash="0" * 64)
    if isinstance(doc, Document):
        assert normalize(doc.text) == doc.text
        assert not any(c in doc.text for c in "\u200b\u202e\ufeff\x00\r")


def _valid_iri(value: str) -> bool:
    ox.NamedNode(value)  # raises ValueError for an invalid IRI
    return True


@SETTINGS
@given(names=st.lists(ANY_TEXT, min_size=2, max_size=2, unique=True))
def test_minted_iris_are_valid_and_distinct(names: list[str]) -> None:
    a, b = names
    for name in names:
        s = slug(name)
        assert s and all(c.isascii() and (c.isalnum() or c == "-") for c in s) and not s.startswith("-")
        assert _valid_iri(entity_iri(f"person/{s}"))
        assert _valid_iri(article_iri(safe_id(name))) and _valid_iri(article_graph_iri(safe_id(name)))
        assert _valid_iri(entity_iri(name))  # even a raw key is escaped into a valid IRI
    assert entity_iri(a) != entity_iri(b)  # keys are distinct, so are their IRIs
    if _fold(a) != _fold(b):  # names that differ after case/accent folding keep distinct slugs
        assert slug(a) != slug(b)


def _fold(name: str) -> str:
    """What slug is allowed to ignore: case, accents, German umlaut spelling, punctuation runs."""
    import unicodedata

    de = name.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}))
    kept = all(not c.isalnum() or unicodedata.normalize("NFKD", c).encode("ascii", "ignore") for c in de)
    if not kept:
        return name  # lossy: slug adds a hash of the exact text
    ascii_ = unicodedata.normalize("NFKD", de).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or name


def test_slug_of_long_names_stays_distinct() -> None:
    stem = "Verband der besonders langen Namen und ihrer Freunde im ganzen Land " * 2
    assert slug(stem + "Nord") != slug(stem + "Süd")
    assert slug("Jana Wolkenstein") == "jana-wolkenstein"


NAME = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=40)


@SETTINGS
@given(stem=NAME, ext=st.sampled_from([".txt", ".md", ".html", ".jsonl", ""]))
def test_any_file_name_gives_a_printable_source_and_a_safe_id(stem: str, ext: str) -> None:
    name = stem + ext
    if name in (".", "..") or len(name.encode("utf-8")) > 200:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        body = '{"text": "Die Försterin Maren Eichholz zählte Luchse."}' if ext == ".jsonl" else \
            "Die Försterin Maren Eichholz zählte Luchse."
        path.write_text(body, encoding="utf-8")
        for item in iter_inputs([Path(tmp)]):
            assert item.source.isprintable()
            if isinstance(item, Document):
                assert item.id and all(c.isascii() and (c.isalnum() or c in "._-") for c in item.id)
                assert item.id not in (".", "..") and not item.id.startswith(".")
