"""A build is replaced only by a better one: failures of every kind leave the previous build as it was.

In-process, with a stand-in for the NLP stage (fast): the cache is data that
cannot run code, a failed build (no readable input, no build to --add to, disk
full, unwritable folder) leaves OUT byte for byte, and a kill at any step of
the commit leaves the four files of one build.
"""
from __future__ import annotations

import dataclasses
import enum
import errno
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_scale_cache import (
    CountingAnalysis as Analysis,  # a stand-in for the NLP stage
)

from kg import codec
from kg.builder import run_build
from kg.cache import CACHE_DIR, ENTRY_SUFFIX, GRAPH_ENTRY
from kg.errors import InputError, KgError, OutputError
from kg.generations import COMMIT_STEPS, FAULT_ENV, OUTPUTS, current_build
from kg.io import LOCK_NAME
from kg.records import (
    Alias,
    ArticleAnalysis,
    Entity,
    Evidence,
    RelationCandidate,
    Resolution,
)

ROOT = Path(__file__).resolve().parents[1]
TEXTS = {
    "eins.txt": "Die Stadt Lindenau eröffnet ein neues Freibad.\n",
    "zwei.txt": "Der Verein Grünes Tal pflanzt hundert Bäume am Ufer.\n",
}
MORE = {"drei.txt": "Die Bäckerei Morgenrot schließt nach vierzig Jahren.\n"}


def _corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _build(inputs, out, runner=None, **kwargs):
    kwargs.setdefault("validate", False)
    return run_build(list(inputs), out, run_batch=runner or Analysis(), **kwargs)


def _tree(out: Path) -> dict[str, bytes | str]:
    """Every file and link in OUT (but the lock file, whose content names the last holder)."""
    found: dict[str, bytes | str] = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if rel == LOCK_NAME:
            continue
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            found[rel] = path.read_bytes()
    return found


@pytest.fixture
def built(tmp_path):
    """A finished build of TEXTS in tmp_path/out, with its page."""
    out = tmp_path / "out"
    _build([_corpus(tmp_path / "corpus", TEXTS)], out)
    return out


# --- the cache is data ---------------------------------------------------------------------------

class Colour(enum.Enum):
    RED = "red"
    BLUE = 2


@dataclasses.dataclass(frozen=True)
class Inner:
    name: str
    score: float
    colour: Colour | None = None


@dataclasses.dataclass(frozen=True)
class Outer:
    inner: tuple[Inner, ...]
    pairs: tuple[tuple[str, str], ...]
    fixed: tuple[int, str]
    table: dict[tuple[str, int], str]
    maybe: int | None = None
    flag: bool = False
    items: list[str] = dataclasses.field(default_factory=list)


def _same(a, b) -> bool:
    """Equal and of exactly the same types all the way down."""
    if type(a) is not type(b):
        return False
    if dataclasses.is_dataclass(a):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(k, j) and _same(a[k], b[j]) for k, j in zip(a, b))
    return a == b


def test_codec_round_trips_types_exactly():
    value = Outer(inner=(Inner("a", 1), Inner("b", 0.5, Colour.BLUE), Inner("c", 2.0, Colour.RED)),
                  pairs=(("role", "Chef"),), fixed=(3, "x"), table={("doc", 1): "person/x", ("doc", 2): "org/y"},
                  maybe=None, flag=True, items=["ü", "\u2028"])
    back = codec.loads(codec.dumps(value, Outer), Outer)
    assert _same(back, value)
    assert type(back.inner[0].score) is int and type(back.inner[2].score) is float  # 1 stays 1, 2.0 stays 2.0
    evidence = Evidence("d", 0, "Satz.", 0, 4, "employment/1", 0.9, qualifiers=(("role", "Chef"),))
    analysis_like = RelationCandidate(0, "employedBy", None, evidence, (("time", "earlier"),))
    assert _same(codec.loads(codec.dumps(analysis_like, RelationCandidate), RelationCandidate), analysis_like)
    resolution = Resolution((Entity("p/x", "Person", "X", (Alias("X", "exact", 1.0, ("d",)),)),), {("d", 0): "p/x"})
    back = codec.loads(codec.dumps(resolution, Resolution), Resolution)
    assert _same(back.mention_entity, resolution.mention_entity) and _same(back.entities, resolution.entities)


@pytest.mark.parametrize("bad", [b"[", b"{}", b'[["a", 1]]', b'[[], [], [1, "x"], [], null, 1]',
                                 b'[[["a", 1, "green"]], [], [1, "x"], [], null, false, []]',
                                 b'[[], [], [1, "x"], [], "1", false, []]'])
def test_codec_rejects_what_does_not_fit(bad):
    with pytest.raises(codec.CodecError):
        codec.loads(bad, Outer)


def test_schema_hash_changes_with_the_shape():
    @dataclasses.dataclass(frozen=True)
    class Other:
        name: str
        score: int

    assert codec.schema_hash(Inner) != codec.schema_hash(Other)
    assert codec.schema_hash(ArticleAnalysis) == codec.schema_hash(ArticleAnalysis)


def _pickle_bomb(marker: Path) -> bytes:
    class Bomb:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    return pickle.dumps(Bomb())


def test_planted_cache_entries_run_nothing_and_are_rebuilt(built, tmp_path):
    marker = tmp_path / "PWNED"
    bomb = _pickle_bomb(marker)
    entries = sorted(p for p in (built / CACHE_DIR).rglob("*" + ENTRY_SUFFIX))
    assert len(entries) == 2
    entries[0].write_bytes(bomb)  # an article's entry
    (current_build(built) / GRAPH_ENTRY).write_bytes(bomb)  # the graph's entry
    (built / CACHE_DIR / "graph.pkl").write_bytes(bomb)  # where kg once kept it
    again = Analysis()
    result = _build([tmp_path / "corpus"], built, again)
    assert not marker.exists()
    assert len(again.seen) == 1  # the planted article entry was not trusted: analysed again
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    notes = " ".join(report["notes"])
    assert "not a kg cache entry" in notes and entries[0].name in notes and GRAPH_ENTRY in notes
    assert any("cache entry ignored" in s.reason for s in result.statuses)
    assert "outputs_unchanged" not in report  # the graph was resolved again, not taken from the entry
    assert entries[0].read_bytes().startswith(b'{"format"')  # rewritten as data


def test_remove_refuses_a_planted_entry_of_a_kept_article(built, tmp_path):
    marker = tmp_path / "PWNED"
    for entry in (built / CACHE_DIR).rglob("*" + ENTRY_SUFFIX):
        entry.write_bytes(_pickle_bomb(marker))
    before = _tree(built)
    with pytest.raises(OutputError, match="not a kg cache entry"):
        run_build([], built, remove=["eins"], validate=False)
    assert not marker.exists() and _tree(built) == before


def test_cached_build_writes_the_same_bytes_as_a_fresh_one(tmp_path):
    corpus = _corpus(tmp_path / "corpus", TEXTS)
    cached, fresh = tmp_path / "cached", tmp_path / "fresh"
    _build([corpus], cached)
    (current_build(cached) / GRAPH_ENTRY).unlink()  # resolve again, from the analyses in the cache
    again = Analysis()
    _build([corpus], cached, again)
    assert again.seen == []
    _build([corpus], fresh, use_cache=False)
    for name in ("graph.trig", "graph.html", "manifest.json"):
        assert (cached / name).read_bytes() == (fresh / name).read_bytes(), name


# --- nothing to build: stop before touching OUT ---------------------------------------------------

def test_missing_or_unreadable_inputs_leave_the_build_as_it_was(built, tmp_path):
    before = _tree(built)
    with pytest.raises(InputError, match="no article could be read") as err:
        _build([tmp_path / "nonexistent"], built)
    assert err.value.exit_code == 2 and "no such file or folder" in str(err.value)
    binary = tmp_path / "binary"
    binary.mkdir()
    (binary / "a.txt").write_bytes(b"%PDF-1.4 \x00\x01\x02")
    (binary / "b.txt").write_bytes(b"\x7fELF\x00\x00")
    with pytest.raises(InputError, match="binary file"):
        _build([binary], built)
    with pytest.raises(InputError, match="no article could be read"):
        _build([binary], built, add=True)
    assert _tree(built) == before


def test_add_and_remove_need_an_existing_build(tmp_path):
    corpus = _corpus(tmp_path / "corpus", TEXTS)
    with pytest.raises(OutputError, match="no kg build here"):
        _build([corpus], tmp_path / "out", add=True)
    assert not (tmp_path / "out").exists()
    stranger = tmp_path / "papers"
    stranger.mkdir()
    (stranger / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="no kg build here"):
        run_build([], stranger, remove=["eins"])
    assert sorted(p.name for p in stranger.iterdir()) == ["notes.txt"]


def test_a_first_build_that_reads_nothing_creates_nothing(tmp_path):
    binary = tmp_path / "binary"
    binary.mkdir()
    (binary / "a.txt").write_bytes(b"%PDF-1.4 \x00\x01\x02")
    with pytest.raises(InputError):
        _build([binary], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def _kg(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def test_cli_typos_fail_cleanly_and_touch_nothing(built, tmp_path):
    before = _tree(built)
    run = _kg("build", str(tmp_path / "nonexistent"), "--out", str(built), "--quiet", cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "no article could be read" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert _tree(built) == before
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = _kg("build", str(tmp_path / "corpus"), "--add", "--quiet", cwd=elsewhere)  # forgot --out
    assert run.returncode == 2 and "no kg build here" in run.stderr
    assert list(elsewhere.iterdir()) == []


# --- disk full, unwritable folders ----------------------------------------------------------------

def test_disk_full_during_the_commit_keeps_the_previous_build(built, tmp_path, monkeypatch):
    import kg.generations

    before = _tree(built)
    real_write = os.write

    def full(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").endswith("graph.trig"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(kg.generations.os, "write", full)
    with pytest.raises(OutputError, match="No space left on device.*previous build is unchanged"):
        _build([tmp_path / "corpus", _corpus(tmp_path / "more", MORE)], built)
    monkeypatch.undo()
    after = _tree(built)
    new_entries = {k for k in after if k.startswith(CACHE_DIR)} - set(before)
    assert {k: v for k, v in after.items() if k not in new_entries} == before  # only the new article's analysis
    assert not [k for k in after if ".new-" in k or k.endswith(".tmp")]


def test_disk_full_while_caching_keeps_the_previous_build(built, tmp_path, monkeypatch):
    import kg.cache

    before = _tree(built)

    real_write = os.write

    def full(fd, data):
        if CACHE_DIR in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(kg.cache.os, "write", full)
    with pytest.raises(OutputError, match="No space left on device"):
        _build([tmp_path / "corpus", _corpus(tmp_path / "more", MORE)], built)
    assert _tree(built) == before


def test_small_tmpfs_fills_up_and_the_previous_build_survives(built, tmp_path):
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    used = sum(p.stat().st_size for p in built.rglob("*") if p.is_file() and not p.is_symlink())
    size = (used + used // 3) // 4096 * 4096 + 32768  # room for this build, not for a second one
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        out = disk / "out"
        shutil.copytree(built, out, symlinks=True)
        before = _tree(out)
        with pytest.raises(OutputError, match="No space left on device"):
            _build([tmp_path / "corpus", _corpus(tmp_path / "more", MORE)], out)
        after = _tree(out)
        assert {k: v for k, v in after.items() if not k.startswith(CACHE_DIR)} == \
            {k: v for k, v in before.items() if not k.startswith(CACHE_DIR)}
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_unwritable_places_are_one_line_errors(tmp_path, monkeypatch, capsys):
    corpus = _corpus(tmp_path / "corpus", TEXTS)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot create output folder"):
        _build([corpus], blocker / "out")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_mkdir = os.mkdir

    def no_write(path, *args, **kwargs):  # mkdir in a folder without write permission (as root, chmod does not bite)
        if os.path.dirname(os.fspath(path)) == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_mkdir(path, *args, **kwargs)

    if os.geteuid() != 0:
        locked.chmod(0o555)
    else:
        monkeypatch.setattr(os, "mkdir", no_write)
    from kg.cli import _run

    monkeypatch.setattr(sys, "argv", ["kg", "build", str(corpus), "--out", str(locked / "out"), "--quiet"])
    assert _run() == 2
    err = capsys.readouterr().err
    assert err == f"kg: error: cannot create output folder {locked / 'out'}: permission denied\n"
    assert not (locked / "out").exists()


def test_read_only_build_folder_keeps_its_build(built, tmp_path, monkeypatch):
    import kg.generations

    before = _tree(built)
    real_mkdir = os.mkdir

    def read_only(path, *args, **kwargs):  # what mkdir does in a folder without write permission
        if str(path).startswith(str(built)):
            if os.path.lexists(path):
                raise FileExistsError(errno.EEXIST, "File exists", str(path))
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(kg.generations.os, "mkdir", read_only)
    with pytest.raises(OutputError, match="permission denied; the previous build is unchanged"):
        _build([tmp_path / "corpus"], built, use_cache=False)
    monkeypatch.undo()
    assert _tree(built) == before


# --- one generation at a time ---------------------------------------------------------------------

def _outputs(out: Path) -> dict[str, bytes]:
    """The four files as users open them; report.json without its timing."""
    files = {}
    for name in OUTPUTS:
        path = out / name
        data = path.read_bytes() if path.exists() else b""
        if name == "report.json" and data:
            report = json.loads(data)
            report.pop("seconds", None)
            data = json.dumps(report, sort_keys=True).encode()
        files[name] = data
    return files


def _killed_in_child(step: str, action) -> int:
    """Run ``action`` in a forked child that is SIGKILLed when the commit reaches ``step``; its wait status."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.environ[FAULT_ENV] = step
        try:
            action()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return status


def _plain_copy(src: Path, dst: Path) -> Path:
    """OUT as an older kg wrote it: plain files, no generations."""
    dst.mkdir()
    for name in OUTPUTS:
        shutil.copyfile(src / name, dst / name)
    shutil.copytree(src / CACHE_DIR, dst / CACHE_DIR)
    return dst


def test_a_kill_at_any_step_of_the_commit_leaves_one_whole_build(built, tmp_path):
    corpus, more = tmp_path / "corpus", _corpus(tmp_path / "more", MORE)
    old = _outputs(built)
    scenarios = {  # name: (how OUT looks before, the inputs of the killed build)
        "generations": (lambda d: shutil.copytree(built, d, symlinks=True), [corpus, more]),
        "plain files": (lambda d: _plain_copy(built, d), [corpus, more]),
        "unchanged rebuild": (lambda d: shutil.copytree(built, d, symlinks=True), [corpus]),
    }
    tries = 0
    for scenario, (make, inputs) in scenarios.items():
        reference = tmp_path / f"reference-{scenario.replace(' ', '-')}"  # the same build, not killed
        make(reference)
        _build(inputs, reference)
        new = _outputs(reference)
        assert old != new and all(old.values()) and all(new.values())
        for step in COMMIT_STEPS:
            trial = tmp_path / f"trial-{scenario.replace(' ', '-')}-{step}"
            make(trial)
            status = _killed_in_child(step, lambda: _build(inputs, trial))
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (scenario, step)
            seen = _outputs(trial)
            assert seen in (old, new), (scenario, step)
            assert _outputs(current_build(trial)) == seen  # kg's readers see the same build
            if COMMIT_STEPS.index(step) >= COMMIT_STEPS.index("switched"):
                assert seen == new, (scenario, step)
            tries += 1
    # the page rewritten by `kg view` switches the same way
    from kg.generations import replace_page as _rewrite_page

    for step in ("written", "switched", "outputs"):
        trial = tmp_path / f"trial-view-{step}"
        shutil.copytree(built, trial, symlinks=True)
        status = _killed_in_child(step, lambda: _rewrite_page(trial, {"focus": None, "hops": 2,
                                                                      "path_between": None, "title": "Neu"}))
        assert os.WIFSIGNALED(status)
        seen = _outputs(trial)
        assert {k: v for k, v in seen.items() if k != "graph.html"} == \
            {k: v for k, v in old.items() if k != "graph.html"}
        assert (seen["graph.html"] == old["graph.html"]) == (step == "written")
        tries += 1
    assert tries >= 20
    again = _build([corpus, more], trial)  # a killed commit leaves nothing that stops the next build
    assert len(again.analyses) == 3 and json.loads((trial / "report.json").read_bytes())["articles"] == 3


def test_view_takes_the_build_lock(built):
    from kg.generations import replace_page as _rewrite_page
    from kg.io import build_lock

    with build_lock(built):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                _rewrite_page(built, {"focus": None, "hops": 2, "path_between": None, "title": None})
                os._exit(0)
            except KgError as exc:
                os._exit(3 if "another kg build is writing" in str(exc) else 4)
        _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 3


def test_old_generations_are_pruned(built, tmp_path):
    corpus, more = tmp_path / "corpus", _corpus(tmp_path / "more", MORE)
    _build([corpus, more], built)
    _build([corpus], built)
    generations = [p.name for p in (built / ".kg-builds").iterdir() if p.name != "current"]
    assert len(generations) == 2  # the current one and the one before it
