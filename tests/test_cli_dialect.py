"""One CLI dialect: every command's help is plain, bad values name the choices, errors are one line.

Runs the ``kg`` entry point in-process (kg.cli._run, as the console script does) so the error
handling under test is the real one, not CliRunner's.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from kg.cli import COMMAND_MODULES, _run
from kg.commands.query import first_sentence
from kg.records import CLASS_OF_LABEL


def kg(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["kg", *args])
    monkeypatch.setenv("COLUMNS", "120")
    code = _run()
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def build(tmp_path_factory, seeds_dir: Path) -> Path:
    from kg.builder import run_build

    out = tmp_path_factory.mktemp("dialect") / "out"
    run_build([seeds_dir], out, html=False)
    return out


@pytest.mark.parametrize("command", ["", *COMMAND_MODULES])
def test_every_help_is_plain(monkeypatch, capsys, command: str) -> None:
    code, out, err = kg(monkeypatch, capsys, *([command] if command else []), "--help")
    assert code == 0 and not err
    assert "Usage: kg" in out
    for noise in ("<bool>", "<path>", "<str>", "<int>", "<list", "{", "[[", "LEGACY"):
        assert noise not in out, f"kg {command} --help shows {noise!r}"
    if command not in ("", "build", "remove", "info"):  # the commands that read a build
        assert re.search(r"--out\s+-o\s+OUT", out), f"kg {command} --help has no --out/-o OUT"


def test_version(monkeypatch, capsys) -> None:
    import kg as package

    code, out, _ = kg(monkeypatch, capsys, "--version")
    assert code == 0 and out.strip() == f"kg {package.__version__}"


def test_a_misspelt_type_names_the_choices(monkeypatch, capsys, build: Path) -> None:
    code, out, err = kg(monkeypatch, capsys, "entities", "--out", str(build), "--type", "Persn")
    assert code == 2 and not out
    assert err.count("\n") == 1 and err.startswith("kg: error:")
    assert all(name in err for name in CLASS_OF_LABEL.values())
    code, out, _ = kg(monkeypatch, capsys, "entities", "--out", str(build), "--type", "person", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "type,label,articles,aliases,key"
    assert {line.split(",")[0] for line in out.splitlines()[1:]} == {"Person"}


@pytest.mark.parametrize("args", [["query", "/nonexistent"], ["export", "--format", "ttl"],
                                  ["query", "employers", "--format", "table"], ["build", "--bogus", "x"]])
def test_bad_values_are_one_error_line(monkeypatch, capsys, tmp_path, args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = kg(monkeypatch, capsys, *args)
    assert code == 2 and not out
    assert err.count("\n") == 1 and err.startswith("kg: error:") and "Traceback" not in err
    if args[0] == "query" and args[1] == "/nonexistent":
        assert "/nonexistent" in err and "employers" in err  # the problem and the stored queries
    if "ttl" in args:
        assert "turtle" in err and "graphml" in err


@pytest.mark.parametrize("command", ["entities", "conflicts", "validate", "view", "export", "query", "evaluate", "serve"])
def test_a_folder_that_is_not_a_build(monkeypatch, capsys, tmp_path, command: str) -> None:
    extra = {"export": ["--format", "trig"], "query": ["employers"], "evaluate": ["--gold", str(tmp_path / "g.json")]}
    code, out, err = kg(monkeypatch, capsys, command, "--out", str(tmp_path), *extra.get(command, []))
    assert code == 2 and not out
    assert err == f"kg: error: {tmp_path}: not a kg build (no graph.trig); build one with `kg build INPUTS --out {tmp_path}`\n"


def test_the_old_spellings_still_work_with_a_note(monkeypatch, capsys, build: Path) -> None:
    code, out, err = kg(monkeypatch, capsys, "conflicts", str(build), "--json")
    assert code == 0 and isinstance(__import__("json").loads(out), list)
    assert "positional build folder is deprecated" in err and "--json is deprecated" in err
    code, out, err = kg(monkeypatch, capsys, "query", str(build), "employers", "-b", "person_label=Duysak", "-f", "csv")
    assert code == 0 and "Pro Unlimited" in out and "deprecated" in err
    code, out, err = kg(monkeypatch, capsys, "query", "--out", str(build), "employers", "-f", "json")
    assert code == 0 and "Twitter" in out and not err
    code, _, err = kg(monkeypatch, capsys, "conflicts", str(build), "--out", str(build.parent))
    assert code == 2 and "give it once" in err


def test_query_list_shows_whole_first_sentences(monkeypatch, capsys) -> None:
    code, out, _ = kg(monkeypatch, capsys, "query")
    assert code == 0
    assert "for `kg conflicts`: the same event node can carry different values in different article graphs." in out
    assert first_sentence("# One, (e.g. \"x\") and\n# more. Second sentence.\nSELECT") == 'One, (e.g. "x") and more.'


def test_suggestions_are_similar_names(monkeypatch, capsys, build: Path) -> None:
    code, _, err = kg(monkeypatch, capsys, "view", "--out", str(build), "--focus", "Duysakk", "--output",
                      str(build / "x.html"))
    assert code == 2 and "'Bahtiyar Duysak'" in err and "USA" not in err
