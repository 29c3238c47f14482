"""Progress that tells the truth: a known total, rate and time left, named stages, plain lines
without a terminal, and a summary that says what came from the cache."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.cli import _run
from kg.commands import _progress
from kg.commands._progress import BuildProgress, count_articles, describe


def test_the_total_is_counted_from_the_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Eins.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Zwei.", encoding="utf-8")
    lines = [json.dumps({"id": f"j{i}", "text": "Drei."}) for i in range(3)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines[:2]) + "\n\n" + lines[2] + "\n", encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(b"%PDF")  # not an article kg reads
    assert count_articles([tmp_path]) == 5
    assert count_articles([tmp_path / "missing"]) == 0


def test_plain_lines_come_at_a_modest_rate(monkeypatch) -> None:
    now = [100.0]
    monkeypatch.setattr(_progress.time, "monotonic", lambda: now[0])
    lines: list[str] = []
    progress = BuildProgress(200, write=lines.append)
    progress.start()
    for done in range(1, 201):  # one article each 1/8 s: 25 s in all
        now[0] += 0.125
        progress(done, 200 if done > 64 else None)
    progress.stage("resolving entities and relations")
    assert lines[0] == "kg: reading 200 articles"
    analysed = [ln for ln in lines if ln.startswith("kg: analysed")]
    assert 4 <= len(analysed) <= 12  # every 5 s or 10 %, not every article
    assert analysed[-1].startswith("kg: analysed 200/200 articles (100%), 8.0 articles/s")
    assert any(ln.endswith("left") for ln in analysed)
    assert lines[-1] == "kg: resolving entities and relations (0:25 elapsed)"


def test_describe() -> None:
    assert describe(120, 998, 8.0) == "analysed 120/998 articles (12%), 8.0 articles/s, 1:49 left"
    assert describe(3, None, None) == "analysed 3 articles"


def test_a_build_without_a_terminal_reports_progress_and_the_cache(monkeypatch, capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Anna Weber arbeitet für die Nordlicht GmbH in Bremen.", encoding="utf-8")
    (corpus / "b.txt").write_text("Die Nordlicht GmbH sagt, Anna Weber sei in Bremen tätig.", encoding="utf-8")
    out = tmp_path / "out"

    def build() -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["kg", "build", str(corpus), "--out", str(out), "--no-html"])
        code = _run()
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    code, out_text, err = build()
    assert code == 0, err
    assert "kg: reading 2 articles" in err and "kg: analysed 2/2 articles (100%)" in err
    assert "kg: resolving entities and relations" in err and "kg: writing graph.trig" in err
    assert out_text.startswith("2 articles (2 new) -> ")
    code, out_text, err = build()
    assert code == 0 and out_text.startswith("2 articles (2 from cache) -> ")
