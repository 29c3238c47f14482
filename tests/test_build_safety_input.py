"""Inputs that must not reach the graph as they are: broken UTF-8 and symlinks out of the input folder."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.builder import run_build
from kg.ingest.decode import decode
from kg.ingest.sources import InputFile, iter_files
from kg.records import ArticleAnalysis

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("data,text", [
    (b"Ka\xc3rl Maier sagte am Montag in Berlin, dass er kommt.", "Ka\ufffdrl Maier sagte"),
    (b"Der Verein von M\xc3ller tagte.", "M\ufffdller"),
    (b"Ein Wort mit \x81 darin.", "mit \ufffd darin"),
    ("Straße und Müller".encode() + b" \xc3 dann", "Straße und Müller \ufffd dann"),
])
def test_utf8_with_a_few_bad_bytes_stays_utf8(data, text):
    decoded, encoding = decode(data)
    assert encoding == "utf-8 (invalid bytes replaced)" and text in decoded


@pytest.mark.parametrize("text", ["Der Käse ist teuer, sagte Karl Müller.", "MÜLLER und Übelhör im Café",
                                  "„Das kostet 5 €“ – sagte Jörg.", "François Hollande in SÃO PAULO"])
def test_real_cp1252_is_still_read_as_cp1252(text):
    assert decode(text.encode("cp1252")) == (text, "cp1252")


def _links(tmp_path: Path) -> tuple[Path, Path]:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Geheim: Die Zugangsdaten von Anna Schmidt.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("Die Stadt Lindenau eröffnet ein Freibad.", encoding="utf-8")
    (corpus / "sub" / "b.txt").write_text("Der Verein Grünes Tal pflanzt Bäume.", encoding="utf-8")
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "away").symlink_to(secret.parent, target_is_directory=True)
    (corpus / "inside.txt").symlink_to(corpus / "sub" / "b.txt")  # a link within the folder: fine
    return corpus, secret


def test_symlinks_out_of_the_input_folder_are_skipped(tmp_path):
    corpus, secret = _links(tmp_path)
    items = list(iter_files([corpus]))
    read = sorted(i.path.name for i in items if isinstance(i, InputFile))
    skipped = {Path(i.source).name: i.reason for i in items if not isinstance(i, InputFile) and i.status == "skipped"}
    assert read == ["a.txt", "inside.txt"]  # sub/b.txt is inside.txt again ("same file"); never the secret
    assert "outside the input folder" in skipped["leak.txt"] and "--follow-links" in skipped["leak.txt"]
    assert "outside the input folder" in skipped["away"]
    followed = [i.path for i in iter_files([corpus], follow_links=True) if isinstance(i, InputFile)]
    assert [p.resolve() for p in followed].count(secret.resolve()) == 1  # through away/, then leak.txt is "same file"
    assert [i.path for i in iter_files([corpus / "leak.txt"]) if isinstance(i, InputFile)]  # named: read


def _stand_in(batch):
    return [ArticleAnalysis(document=d, sentences=(), mentions=(), pipeline="stand-in") for d in batch]


def test_build_reports_skipped_links_and_follows_them_when_asked(tmp_path):
    corpus, secret = _links(tmp_path)
    out = tmp_path / "out"
    result = run_build([corpus], out, html=False, validate=False, run_batch=_stand_in)
    texts = " ".join(a.document.text for a in result.analyses)
    assert "Geheim" not in texts and "Geheim" not in (out / "graph.trig").read_text(encoding="utf-8")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    reasons = {Path(s["source"]).name: s["reason"] for s in report["inputs"]}
    assert "outside the input folder" in reasons["leak.txt"]
    result = run_build([corpus], out, html=False, validate=False, run_batch=_stand_in, follow_links=True)
    assert "Geheim" in " ".join(a.document.text for a in result.analyses)


def test_cli_has_follow_links():
    run = subprocess.run([sys.executable, "-m", "kg", "build", "--help"], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}, timeout=120)
    assert "--follow-links" in run.stdout
