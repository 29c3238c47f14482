"""Ingest of each format and of article metadata: dates, titles, ids, encodings."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ingest import iter_inputs
from kg.ingest.decode import decode, normalize
from kg.ingest.markdown import markdown_to_text
from kg.ingest.meta import dateline_date, find_date, guess_title, normalize_date, parse_date, safe_id
from kg.records import Document, InputStatus

TEXT = "Die Försterin Maren Eichholz zählte im Oberwald 40 Luchse. Der Naturschutzbund Talgrund lobte die Arbeit."


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("30.11.2017", "2017-11-30"),
        ("date 2017-11", "2017-11"),
        ("vom 30. November 2017", "2017-11-30"),
        ("Stand: 01.02.2020, 14:35 Uhr", "2020-02-01"),
        ("Veröffentlicht am 3. März 2021", "2021-03-03"),
        ("Montag, 4. Jänner 2016", "2016-01-04"),
        ("November 5, 2019", "2019-11-05"),
        ("Published: 2018-07-09T10:00:00Z", "2018-07-09"),
        ("Mai 2015", "2015-05"),
    ],
)
def test_datelines(line: str, iso: str) -> None:
    assert dateline_date(line) == iso


@pytest.mark.parametrize("line", ["Am 30. November 2017 trafen sich die Minister in Bonn.", "31.02.2019", "Kapitel 12",
                                  "Die 2017-er Ernte war gut"])
def test_not_datelines(line: str) -> None:
    assert dateline_date(line) is None


def test_find_date_prefers_header_and_normalize_date_rejects_nonsense() -> None:
    assert find_date("Überschrift\n12.03.2019\n\nText vom 1. Mai 2018.") == "2019-03-12"
    assert find_date("Update vom 2. Juni 2020: Die Lage ist ruhig.") == "2020-06-02"
    assert find_date("Nur Text ohne Datum.") is None
    assert normalize_date("2017") == "2017"
    assert normalize_date("2017-11-30T08:00:00+01:00") == "2017-11-30"
    assert normalize_date("morgen") is None
    assert parse_date("2019-13-01") is None


def test_guess_title() -> None:
    assert guess_title("Luchse im Oberwald gezählt\n\n" + TEXT) == "Luchse im Oberwald gezählt"
    assert guess_title("12.03.2019\n\nLuchse im Oberwald gezählt\n\n" + TEXT) == "Luchse im Oberwald gezählt"
    assert guess_title(TEXT) is None  # a sentence, not a headline
    assert guess_title("Politik | Inland\n" + TEXT) is None


@pytest.mark.parametrize(
    "raw",
    ["a b", "..", ".", "", "x/../y", 'q"uote', "<tag>", "new\nline", "rtl\u202eevil", "zw\u200bsp", "汉字", "%2e%2e"],
)
def test_safe_id_is_iri_safe_and_never_a_path_segment(raw: str) -> None:
    s = safe_id(raw)
    assert s and s not in (".", "..") and not s.startswith(".")
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in s)


def test_safe_id_keeps_clean_ids_and_separates_lossy_ones() -> None:
    assert safe_id("000_77144676c226a0bc") == "000_77144676c226a0bc"
    assert safe_id("gnad-test-0001") == "gnad-test-0001"
    assert safe_id("Brücke über die Aue") == "Bruecke-ueber-die-Aue"
    assert safe_id("汉字") != safe_id("日本")  # letters lost: a hash keeps them apart
    assert safe_id("x" * 150) != safe_id("x" * 151)  # cut: a hash keeps them apart


def test_decode_encodings() -> None:
    s = "Grüße, Jörg – „5 €“"
    assert decode(s.encode("utf-8"))[0] == s
    assert decode(s.encode("utf-16"))[0] == s
    assert decode(s.encode("utf-16-le"))[0] == s  # no BOM: found by the NUL pattern
    assert decode(b"\xef\xbb\xbf" + s.encode())[0] == s
    assert decode(s.encode("cp1252")) == (s, "cp1252")
    assert decode("Grüße aus Köln".encode("latin-1"))[0] == "Grüße aus Köln"
    text, enc = decode("Grüße aus Köln und Düsseldorf ".encode() + b"\xff")
    assert text.startswith("Grüße aus Köln") and "replaced" in enc


def test_normalize_removes_invisible_controls_and_composes() -> None:
    raw = "Ko\u0308ln\u200b ist\u00a0scho\u0308n\u202e.\r\nZweite\u2028Zeile\x07"
    assert normalize(raw) == "Köln ist schön.\nZweite\nZeile "


def test_markdown_becomes_plain_text() -> None:
    md = "---\ntitle: Aus dem Vorspann\ndate: 2020-04-05\n---\n# Luchse im Oberwald\n\n**Die Försterin** " \
         "[Maren Eichholz](https://example.invalid/me) zählte _40_ Luchse. ![Bild](x.png)\n\n> Ein Zitat.\n"
    text, meta = markdown_to_text(md)
    assert "Die Försterin Maren Eichholz zählte 40 Luchse." in text
    assert "Ein Zitat." in text and "#" not in text and "](" not in text and "**" not in text
    assert meta["title"] == "Aus dem Vorspann" and meta["date"] == "2020-04-05"
    assert markdown_to_text("Datei_name_x bleibt")[0] == "Datei_name_x bleibt"


def test_txt_markdown_and_jsonl_documents(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# Luchse gezählt\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Luchse im Oberwald\n12.03.2019\n\n" + TEXT.replace("40", "41"), encoding="utf-8")
    lines = [
        {"id": "x 1", "text": TEXT.replace("40", "42"), "title": " Ein  Titel ", "date": "5. Mai 2019",
         "url": "https://example.invalid/a", "publisher": "Talbote", "category": " Wissenschaft "},
        {"id": 7, "text": TEXT.replace("40", "43")},
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    docs = list(iter_inputs([tmp_path]))
    assert all(isinstance(d, Document) for d in docs)
    a, b, c1, c2 = docs
    assert (a.id, a.title, a.date, a.source) == ("a", "Luchse im Oberwald", "2019-03-12", str(tmp_path / "a.txt"))
    assert (b.id, b.title) == ("b", "Luchse gezählt")
    assert c1.title == "Ein Titel" and c1.date == "2019-05-05" and c1.publisher == "Talbote"
    assert c1.url == "https://example.invalid/a" and c1.id == "x-1" and c1.source.endswith("c.jsonl:1")
    assert c2.id == "7" and c2.source.endswith("c.jsonl:2")
    assert (c1.category, c2.category, a.category) == ("Wissenschaft", None, None)
    assert len({d.content_hash for d in docs}) == 4 and all(len(d.content_hash) == 64 for d in docs)
    assert [d.id for d in iter_inputs([tmp_path])] == [d.id for d in docs]  # deterministic


def test_jsonl_category_must_be_a_string_and_becomes_the_article_section(tmp_path: Path) -> None:
    from kg.rdf import serialize_trig
    from kg.records import KnowledgeGraph

    (tmp_path / "c.jsonl").write_text(json.dumps({"text": TEXT, "category": 3}) + "\n"
                                      + json.dumps({"text": TEXT.replace("40", "44"), "category": "Inland"}),
                                      encoding="utf-8")
    bad, good = list(iter_inputs([tmp_path]))
    assert isinstance(bad, InputStatus) and "line 1: field 'category' must be a string, got number" in bad.reason
    trig = serialize_trig(KnowledgeGraph(documents=(good,), entities=(), edges=())).decode("utf-8")
    assert 'schema:articleSection "Inland"' in trig


def test_jsonl_over_long_line_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "a " * 600_000}) + "\n" + json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    first, second = iter_inputs([path], max_bytes=1_000_000)
    assert isinstance(first, InputStatus) and first.status == "failed" and first.reason.startswith("line 1: too large")
    assert isinstance(second, Document) and second.id == "big-2"


def test_same_file_twice_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    items = list(iter_inputs([tmp_path / "a.txt", tmp_path, tmp_path / "nope.txt"]))
    assert isinstance(items[0], Document)
    assert items[1] == InputStatus(str(tmp_path / "a.txt"), "skipped", f"same file as {tmp_path / 'a.txt'}")
    assert items[2].status == "failed" and items[2].reason == "no such file or folder"


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests run as root, where chmod 000 does not stop reads: simulate the error instead
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")

    def deny(*_a: object, **_k: object) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("kg.ingest.read_limited", deny)
    (item,) = iter_inputs([tmp_path / "a.txt"])
    assert item == InputStatus(str(tmp_path / "a.txt"), "failed", "cannot read: permission denied")


def test_output_folder_inside_input_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".kg.lock").write_text("", encoding="utf-8")
    (tmp_path / "out" / "graph.html").write_text("<html><body><p>" + TEXT + " Ausgabe.</p></body></html>")
    items = list(iter_inputs([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Document", "InputStatus"]
    assert items[1].reason == "a kg output folder, not input"
    (only,) = iter_inputs([tmp_path / "out"])  # also when named directly (kg build out --out out)
    assert isinstance(only, InputStatus) and only.status == "skipped"


def test_html_drops_chrome_by_class_and_hidden_elements_but_not_an_article_wrapper() -> None:
    from kg.ingest.html import extract_html

    page = ('<html><body><div class="page has-social-share"><p>Die Verkehrsministerin Petra Steinbeißer '
            'eröffnete die Brücke.</p></div><div id="cookie-banner">Wir verwenden Cookies</div>'
            '<p style="display: none">versteckter Text</p><div class="comments"><p>Leser: toll</p></div>'
            '<p hidden>auch versteckt</p></body></html>')
    text = extract_html(page).text
    assert text == "Die Verkehrsministerin Petra Steinbeißer eröffnete die Brücke."
    long_page = ('<html><body><article><p>' + "Ein Satz über die Brücke in Flusstal. " * 10 + '</p>'
                 '<aside class="related">Mehr Artikel</aside><nav>Menü</nav></article>'
                 '<div class="share-bar">Teilen</div></body></html>')
    long_text = extract_html(long_page).text
    assert long_text.startswith("Ein Satz") and "Mehr Artikel" not in long_text and "Teilen" not in long_text


def test_defuse_leaves_only_complete_tags_for_the_parser() -> None:
    from kg.ingest.html import defuse

    assert defuse("a <!-- x --> b <!doctype html><?xml?> c") == "a  b  c"
    assert defuse("1 < 2 <b>fett</b> <a href='x'") == "1 &lt; 2 <b>fett</b> &lt;a href='x'"
    assert defuse("<!-- offen " + "<p>" * 3) == ""  # an unterminated comment runs to the end
    assert defuse("<a <b>") == "&lt;a <b>"


def test_unlistable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (tmp_path / "locked").mkdir()
    (tmp_path / "open.txt").write_text(TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr("kg.ingest.sources.os.scandir", scandir)
    locked, opened = iter_inputs([tmp_path])
    assert locked == InputStatus(str(tmp_path / "locked"), "failed", "cannot list folder: permission denied")
    assert isinstance(opened, Document)
