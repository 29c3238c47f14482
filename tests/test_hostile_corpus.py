"""The bad-input corpus (generated in a tmp folder) and ingest's verdict on each file.

``make_hostile_corpus`` is also used by the end-to-end build tests. Every
entry of EXPECTED names a file and the status ingest must give it; the test
checks that ingest never raises, reports every file, and gives a reason for
everything it did not build.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.ingest import iter_inputs
from kg.ingest.sources import display_path
from kg.records import Document, InputStatus

ARTICLE = (
    "Die Bürgermeisterin Jana Wolkenstein eröffnete am Montag in Kleinhausen eine neue Bibliothek. "
    "Der Verein Lesefreunde Kleinhausen hatte das Projekt drei Jahre lang geplant.\n\n"
    "Wolkenstein sagte der Lokalzeitung Talbote, das Haus solle allen offenstehen."
)
HOSTILE_TEXT = (
    "Der Sprecher Holger Brandauer sagte: <script>alert('xss')</script> sei kein Angriff. "
    "Ein Bild <img src=x onerror=alert(1)> und ein Link javascript:alert(2) stehen im Text. "
    "Die Firma Quellwerk & Söhne \"GmbH\" antwortete nicht.\n"
)
XSS_TITLE = "</script><script>alert(5)</script><img src=x onerror=alert(6)>"
XSS_PUBLISHER = "\"><svg onload=alert(8)>"
BIG_BYTES = 50_000_000

# name -> expected status (paths relative to the corpus root)
EXPECTED: dict[str, str] = {
    "empty.txt": "skipped",
    "whitespace.txt": "skipped",
    "binary.txt": "failed",
    "nul-bytes.md": "failed",
    "big.txt": "failed",
    "long-line.txt": "failed",
    "latin1.txt": "built",
    "cp1252.txt": "built",
    "utf16.txt": "built",
    "utf8-bom.txt": "built",
    "invalid-utf8.txt": "built",
    "crlf.txt": "built",
    "page.html": "built",
    "unterminated.html": "built",  # 60,000 "<!--" and "<a ": quadratic for html.parser alone
    "nested.html": "built",
    "unclosed-markup.md": "built",  # 20,000 unclosed "*" and "[": must stay linear
    "repeated-prompts.txt": "built",
    "furniture-only.txt": "skipped",
    "hostile.txt": "built",
    "notes.pdf": "skipped",
    "data.csv": "skipped",
    "no-extension": "skipped",
    "loop-a.txt": "failed",
    "loop-b.txt": "failed",
    "dangling.txt": "failed",
    "pipe.txt": "skipped",
    "folder.txt/inside.txt": "built",
    "sub/deeper/cycle": "skipped",
    "sub/deeper/leaf.md": "built",
    'quote"s.txt': "built",
    "angle<b>.txt": "built",
    "new\nline.txt": "built",
    "zero\u200bwidth.txt": "built",
    "rtl\u202etxt.gnp.txt": "built",
    "%2e%2e.txt": "built",
    "a b#frag?x=1.txt": "built",
    "Same.txt": "built",
    "same.md": "built",
    "ümlaut ß.txt": "built",
    "x" * 200 + ".txt": "built",
    "caf\ufffd.txt": "built",  # file name bytes that are not UTF-8
    "ordner\ufffd/x.md": "built",
    "zz-copy-of-latin1.txt": "skipped",
    ".hidden.txt": "skipped",
}
JSONL_EXPECTED = {  # line -> status in articles.jsonl
    1: "built", 2: "failed", 3: "failed", 4: "failed", 5: "failed", 6: "skipped", 8: "built", 9: "built",
    10: "failed", 11: "built", 12: "built",
}


def make_hostile_corpus(root: Path, big: bool = True) -> Path:
    """Write the bad-input corpus under ``root`` and return it."""
    root.mkdir(parents=True, exist_ok=True)
    w = lambda name, data: (root / name).write_bytes(data)  # noqa: E731
    w("empty.txt", b"")
    w("whitespace.txt", b"  \n\t\r\n   \n")
    w("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    w("nul-bytes.md", b"Ein Text\x00mit\x00Nullbytes\x00\x00\x00" * 50 + b"\xff\xfe\x00")
    if big:
        with open(root / "big.txt", "wb") as f:
            line = ("Das ist ein sehr langer Artikel ohne Ende. " * 20 + "\n").encode()
            for _ in range(BIG_BYTES // len(line) + 1):
                f.write(line)
    else:
        w("big.txt", b"x" * 10)  # replaced by a small limit in fast tests
    w("long-line.txt", ("wort " * 200_000).encode())
    w("latin1.txt", ("Die Stadträtin Greta Müßiggang aus Österreich sprach über Öl. " + ARTICLE[:60]).encode("latin-1"))
    w("cp1252.txt", "„Das kostet 5 €“ – sagte Jörg Übelhör dem Käseblatt.".encode("cp1252"))
    w("utf16.txt", ("Die Gemeinde Neuburg-Süd grüßt Anna Weißmüller. " + ARTICLE).encode("utf-16"))
    w("utf8-bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode() + b" BOM.")
    w("invalid-utf8.txt", "Grüße aus Überlingen von Jürgen Ärger. ".encode() + b"\xff\xfe\xc3(" + ARTICLE.encode())
    w("crlf.txt", (ARTICLE + " Windows.").replace("\n", "\r\n").encode())
    w("page.html", _HTML.encode())
    w("unterminated.html", f"<p>{ARTICLE} Kommentarfalle.</p>".encode() + b"<a <!-- <![CDATA[ </x" * 60_000)
    w("unclosed-markup.md", f"{ARTICLE} Sternchen.\n\n".encode() + b"*a [b _c `d. " * 20_000)
    w("repeated-prompts.txt", f"{ARTICLE} Wiederholung.\n\n".encode() + b"Newsletter abonnieren. " * 20_000)
    w("nested.html", b"<div>" * 20_000 + f"<p>{ARTICLE} Tief verschachtelt.</p>".encode() + b"</div>" * 20_000)
    w("furniture-only.txt", "Externer Inhalt\n\nHier steht ein eingebetteter Inhalt eines externen Anbieters. "
      "Wenn Sie ihn laden, werden personenbezogene Daten übertragen. Mehr in unserer Datenschutzerklärung.\n\n"
      "Folgen Sie uns auf Mastodon!\n\n———\n".encode())
    w("hostile.txt", HOSTILE_TEXT.encode())
    w("notes.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    w("data.csv", b"a,b\n1,2\n")
    w("no-extension", ARTICLE.encode())
    os.symlink("loop-b.txt", root / "loop-a.txt")
    os.symlink("loop-a.txt", root / "loop-b.txt")
    os.symlink("does-not-exist.txt", root / "dangling.txt")
    os.mkfifo(root / "pipe.txt")
    (root / "folder.txt").mkdir()
    (root / "folder.txt" / "inside.txt").write_text(ARTICLE + " Ordner.", encoding="utf-8")
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "sub" / "deeper" / "leaf.md").write_text("# Eine Überschrift\n\n**Fett** und [ein Link](http://x.invalid). "
                                                     + ARTICLE, encoding="utf-8")
    os.symlink("../..", root / "sub" / "deeper" / "cycle")
    (root / os.fsdecode(b"caf\xe9.txt")).write_text(ARTICLE + " Café.", encoding="utf-8")
    (root / os.fsdecode(b"ordner\xff")).mkdir()
    (root / os.fsdecode(b"ordner\xff") / "x.md").write_text(ARTICLE + " Kaputter Name.", encoding="utf-8")
    for i, name in enumerate(n for n, s in EXPECTED.items() if s == "built" and not (root / n).exists()
                             and "/" not in n and "\ufffd" not in n):
        w(name, f"{ARTICLE} Datei {i}: {name!r}.".encode())
    w("zz-copy-of-latin1.txt", (root / "latin1.txt").read_bytes())
    w(".hidden.txt", ARTICLE.encode())
    (root / "articles.jsonl").write_bytes(b"\n".join(_JSONL_LINES) + b"\n")
    return root


_HTML = """<!doctype html><html lang="de"><head><title>&lt;/script&gt;&lt;script&gt;alert(9)&lt;/script&gt;</title>
<style>body { background: url(javascript:alert(1)) }</style>
<script>document.write('<p>Eingeschleust</p>'); var geheim = "Skriptinhalt";</script>
<meta property="article:published_time" content="2021-05-06T08:00:00+02:00">
</head><body onload="alert(3)"><nav><a href="/">Startseite</a> | <a href="/politik">Politik</a></nav>
<article><h1>Neue Brücke in Flusstal eröffnet</h1>
<p onclick="alert(4)">Die Verkehrsministerin Petra Steinbeißer eröffnete die Brücke.</p>
<table><tr><td>Kosten</td><td><table><tr><td>Bund</td><td>12 Mio.</td></tr><tr><td>Land</td><td>3 Mio.</td></tr></table>
</td></tr></table><noscript>Bitte JavaScript aktivieren</noscript>
<p>&lt;script&gt;alert('im Text')&lt;/script&gt; war als Text geschrieben.</p></article>
<aside>Werbung: Kaufen Sie jetzt!</aside><footer>Impressum</footer>
<script>alert('am Ende')"""

_JSONL_LINES = [
    json.dumps({"id": "good-1", "text": ARTICLE, "title": "Titel", "date": "30.11.2017", "publisher": "Talbote"}).encode(),
    b'{"id": "broken", "text": "unterminated',
    json.dumps({"id": "wrong-type", "text": ["kein", "String"]}).encode(),
    json.dumps({"id": "wrong-title", "text": ARTICLE, "title": {"x": 1}}).encode(),
    b"[1, 2, 3]",
    json.dumps({"id": "empty", "text": "   "}).encode(),
    b"",
    json.dumps({"id": "good-1", "text": ARTICLE + " Zweite Fassung."}).encode(),  # duplicate id
    json.dumps({"text": ARTICLE + " Ohne Kennung.", "date": "2019-02"}).encode(),
    json.dumps({"id": True, "text": ARTICLE + " Bool-ID."}).encode(),
    json.dumps({"id": "<a href=\"x\">ö</a> \u202e", "text": ARTICLE + " Seltsame ID."}).encode(),
    json.dumps({"id": "xss", "text": HOSTILE_TEXT + " Zweite Meldung.", "title": XSS_TITLE,
                "url": "javascript:alert(7)", "publisher": XSS_PUBLISHER}).encode(),
]


def shown(name: str) -> str:
    """How a corpus file name appears in sources: control and bidi characters escaped."""
    return display_path(Path(name))


def _relative(source: str, root: Path) -> str:
    return os.path.relpath(source, root)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus", big=False)


@pytest.fixture(scope="module")
def items(hostile: Path) -> list[Document | InputStatus]:
    return list(iter_inputs([hostile]))


def test_ingest_reports_every_hostile_file_with_the_expected_status(hostile: Path, tmp_path: Path) -> None:
    items = list(iter_inputs([hostile], max_bytes=1_500_000))
    by_source: dict[str, str] = {}
    for item in items:
        if isinstance(item, Document):
            by_source[_relative(item.source, hostile)] = "built"
        else:
            assert item.reason, item
            by_source[_relative(item.source, hostile)] = item.status
    (tmp_path / "big.txt").write_bytes(b"y. " * 700_000)  # over the 1.5 MB limit used here
    big = [i for i in iter_inputs([tmp_path / "big.txt"], max_bytes=1_500_000)]
    assert isinstance(big[0], InputStatus) and big[0].status == "failed" and "too large" in big[0].reason
    del by_source["big.txt"]
    expected = {shown(k): v for k, v in EXPECTED.items() if k != "big.txt"}
    expected.update({f"articles.jsonl:{line}": s for line, s in JSONL_EXPECTED.items()})
    assert {k: by_source.get(k) for k in expected} == expected
    assert set(by_source) == set(expected)


def test_built_articles_have_unique_iri_safe_ids(items: list) -> None:
    docs = [d for d in items if isinstance(d, Document)]
    ids = [d.id for d in docs]
    assert len(ids) == len(set(i.lower() for i in ids))
    for i in ids:
        assert i and i not in (".", "..") and all(c.isascii() and (c.isalnum() or c in "._-") for c in i), i
    assert "good-1" in ids and "good-1-2" in ids  # duplicate JSONL id gets a deterministic suffix
    assert "articles-9" in ids  # JSONL line without id: <stem>-<line>


def test_hostile_reasons_name_the_problem(hostile: Path, items: list) -> None:
    reasons = {_relative(s.source, hostile): s.reason for s in items if isinstance(s, InputStatus)}
    assert reasons["loop-a.txt"] == "symlink loop"
    assert "broken symlink" in reasons["dangling.txt"]
    assert "named pipe" in reasons["pipe.txt"]
    assert "binary" in reasons["binary.txt"] and "PNG" in reasons["binary.txt"]
    assert reasons["notes.pdf"].startswith("unsupported file type .pdf")
    assert reasons["articles.jsonl:2"].startswith("line 2: invalid JSON")
    assert reasons["articles.jsonl:3"] == "line 3: field 'text' must be a string, got array"
    assert reasons["articles.jsonl:4"] == "line 4: field 'title' must be a string, got object"
    assert reasons["articles.jsonl:5"] == "line 5: expected a JSON object, got array"
    assert reasons["long-line.txt"].startswith("not article prose: 1,000,000 characters without a sentence end")
    assert "same text as" in reasons["zz-copy-of-latin1.txt"]
    assert "page furniture" in reasons["furniture-only.txt"]


def test_html_keeps_article_text_but_no_script_style_or_chrome(hostile: Path) -> None:
    (doc,) = [d for d in iter_inputs([hostile / "page.html"]) if isinstance(d, Document)]
    assert "Petra Steinbeißer eröffnete die Brücke" in doc.text
    assert "Bund 12 Mio." in doc.text and "Land 3 Mio." in doc.text  # nested table flattened
    for gone in ("Eingeschleust", "Skriptinhalt", "background", "Startseite", "Impressum", "Werbung",
                 "am Ende", "JavaScript aktivieren", "onclick"):
        assert gone not in doc.text
    assert doc.title == "Neue Brücke in Flusstal eröffnet" and doc.date == "2021-05-06"


def test_encodings_decode_to_the_same_words(hostile: Path, items: list) -> None:
    text = {_relative(d.source, hostile): d.text for d in items if isinstance(d, Document)}
    assert "Greta Müßiggang aus Österreich" in text["latin1.txt"]
    assert "„Das kostet 5 €“ – sagte Jörg Übelhör" in text["cp1252.txt"]
    assert text["utf16.txt"].startswith("Die Gemeinde Neuburg-Süd grüßt Anna Weißmüller.")
    assert text["utf8-bom.txt"].startswith("Die Bürgermeisterin")
    assert "Grüße aus Überlingen von Jürgen Ärger." in text["invalid-utf8.txt"]
    assert "\r" not in text["crlf.txt"] and "\n\nWolkenstein sagte" in text["crlf.txt"]


def test_sources_are_safe_to_print(hostile: Path, items: list) -> None:
    sources = {_relative(i.source, hostile) for i in items}
    assert "new\\nline.txt" in sources and "rtl\\u202etxt.gnp.txt" in sources and "zero\\u200bwidth.txt" in sources
    for source in sources:
        assert source.isprintable(), source
