"""scripts/eval_ner.py: reading GermEval TSV, span scoring and the --out file (invented sentences)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("eval_ner", ROOT / "scripts" / "eval_ner.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


TSV = """#\thttp://example.invalid/a\t[2020-01-01]
1\tDie\tO\tO
2\tBundesministerin\tO\tO
3\tJolanda\tB-PER\tO
4\tPfeiffenberg\tI-PER\tO
5\treiste\tO\tO
6\tnach\tO\tO
7\tRegensburg\tB-LOC\tO
8\t.\tO\tO

#\thttp://example.invalid/b\t[2020-01-02]
1\tDie\tO\tO
2\tdeutschen\tB-LOCderiv\tO
3\tFans\tO\tO
4\tjubelten\tO\tO
5\t.\tO\tO

"""


def test_spans_and_scores():
    ev = _load()
    assert ev.spans(["O", "B-PER", "I-PER", "O", "B-LOC"]) == {(1, 3, "PER"), (4, 5, "LOC")}
    assert ev.spans(["I-ORG", "I-ORG"]) == {(0, 2, "ORG")}
    p, r, f = ev.prf(8, 2, 2)
    assert (round(p, 2), round(r, 2), round(f, 2)) == (0.8, 0.8, 0.8)


def test_eval_runs_and_writes_predictions(tmp_path, capsys):
    ev = _load()
    data = tmp_path / "dev.tsv"
    data.write_text(TSV, encoding="utf-8")
    out = tmp_path / "pred.tsv"
    assert ev.main(["--data", str(data), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "PER/ORG/LOC" in printed and "tokens/s" in printed and "LOCderiv" in printed
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert len(rows) == 13 and all(len(r) == 4 for r in rows)
    tags = {r[1]: r[2] for r in rows}
    assert tags["Jolanda"] == "B-PER" and tags["Pfeiffenberg"] == "I-PER"
    assert tags["Regensburg"] == "B-LOC"
    assert tags["deutschen"] == "O"


def test_missing_file_is_a_clean_error(tmp_path, capsys):
    ev = _load()
    assert ev.main(["--data", str(tmp_path / "nope.tsv")]) == 2
    assert "no such file" in capsys.readouterr().err
