"""The `$ kg …` examples in README.md and docs/readme/*.md run, and say what they print.

Each example runs in a scratch folder where ``out`` is a build of the seeds (made once per
session) and ``../shared`` is the shared data. Every non-blank output line the doc shows must
be a line of the real output (or part of one), once times, versions and temporary paths are
masked; a line ``...`` stands for lines left out, an ``…`` inside a line for text left out. A code block after ``<!-- docs-test: skip -->`` is not
run (its input is not at hand: a server, another corpus); an example whose shown output has a
``kg: error:`` line may exit non-zero.
"""  # noqa: E501
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs" / "readme").glob("*.md"))]
SKIP = "<!-- docs-test: skip -->"
MASKS = (
    (re.compile(r"/tmp/\S+"), "<path>"),
    (re.compile(r"\d+(\.\d+)?\s*(s|ms|seconds)\b"), "<time>"),
    (re.compile(r"\b\d+\.\d+\.\d+\S*"), "<version>"),
    (re.compile(r"[━─]+"), "─"),  # table rules: their length follows the terminal width
    (re.compile(r"\s+"), " "),
)


@dataclass(frozen=True)
class Example:
    doc: str
    line: int
    command: str
    shown: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.doc}:{self.line}"


def examples(path: Path) -> list[Example]:  # noqa: C901
    """Every `$ kg …` line of a doc outside skipped blocks, with the output lines under it."""
    found: list[Example] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    skip_next = in_fence = in_indent = skipping = False
    current: list | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            found.append(Example(path.name, current[0], current[1], tuple(current[2])))
        current = None

    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped == SKIP:
            skip_next = True
            continue
        if stripped.startswith("```"):
            close()
            in_fence = not in_fence
            if in_fence:
                skipping, skip_next = skip_next, False
            continue
        indented = line.startswith("    ")
        if not in_fence:
            if indented and not in_indent:
                in_indent, skipping, skip_next = True, skip_next, False
            elif stripped and not indented:
                close()
                in_indent = False
        if not (in_fence or in_indent):
            continue
        if stripped.startswith("$ "):
            close()
            command = stripped[2:].split("  #")[0].strip()
            if command.startswith("kg ") and not skipping:
                current = [number, command, []]
        elif current is not None and stripped:
            current[2].append(stripped)
    close()
    return found


def mask(text: str) -> str:
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text.strip()


def shows(line: str, actual: list[str]) -> bool:
    """Is the doc's line in the output? An ``…`` inside it stands for text the doc shortened."""
    pattern = re.compile(".*?".join(re.escape(part) for part in mask(line).split("…")))
    return any(pattern.search(a) for a in actual)


ALL = [e for doc in DOCS for e in examples(doc)]


@pytest.fixture(scope="session")
def docs_workdir(tmp_path_factory, seeds_dir: Path) -> Path:
    """A folder with ``out`` (the seeds, built once) and ``../shared``."""
    from kg.builder import run_build

    base = tmp_path_factory.mktemp("docs")
    (base / "shared").symlink_to(seeds_dir.parents[1], target_is_directory=True)
    work = base / "work"
    work.mkdir()
    run_build([seeds_dir], work / "out")
    return work


def test_the_docs_have_examples() -> None:
    assert len(ALL) >= 15, [str(e) for e in ALL]


@pytest.mark.parametrize("example", ALL, ids=str)
def test_doc_example(example: Example, docs_workdir: Path) -> None:
    argv = shlex.split(example.command)
    env = {**os.environ, "COLUMNS": "120", "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    cwd = docs_workdir
    if argv[1] == "build" and "from cache" not in " ".join(example.shown):  # a first build: a folder of its own
        cwd = docs_workdir.parent / f"fresh-{example.doc}-{example.line}"
        cwd.mkdir()
    result = subprocess.run([sys.executable, "-m", "kg", *argv[1:]], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    expects_error = any(line.startswith("kg: error:") for line in example.shown)
    assert result.returncode == 0 or expects_error, f"{example}: `{example.command}` exited {result.returncode}:\n{output}"
    actual = [mask(line) for line in output.splitlines()]
    missing = [line for line in example.shown if line not in ("...", "…") and not shows(line, actual)]
    assert not missing, f"{example}: `{example.command}` did not print:\n" + "\n".join(missing) + f"\n--- it printed:\n{output}"


def test_a_skipped_block_is_not_run(tmp_path: Path) -> None:
    doc = tmp_path / "d.md"
    doc.write_text(f"text\n\n{SKIP}\n```\n$ kg serve\nlistening\n```\n\n    $ kg info\n    kg 1.2.3\n", encoding="utf-8")
    assert [(e.command, e.shown) for e in examples(doc)] == [("kg info", ("kg 1.2.3",))]

