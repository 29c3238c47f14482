"""Atomic writes and the one-writer lock of an output folder."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg.errors import KgError, OutputError
from kg.io import LOCK_NAME, atomic_write_bytes, atomic_write_text, build_lock


def test_atomic_write_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "graph.trig"
    atomic_write_text(target, "alt\n")
    atomic_write_bytes(target, b"neu\n")
    assert target.read_bytes() == b"neu\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.trig"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    m = os.umask(0)
    os.umask(m)
    return m


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_text("alt", encoding="utf-8")

    def broken_replace(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        atomic_write_text(target, "neu")
    assert target.read_text(encoding="utf-8") == "alt"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


_WRITER = textwrap.dedent(
    """
    import os, sys
    from kg.io import atomic_write_bytes
    path = sys.argv[1]
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        atomic_write_bytes(path, (str(i % 10) * 200_000).encode())
    """
)


def test_sigkill_during_writes_never_leaves_a_torn_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.trig"
    atomic_write_bytes(target, b"0" * 200_000)
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(target)], stdout=subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        for _ in range(20):  # let it write a few times
            data = target.read_bytes()
            assert len(data) == 200_000 and len(set(data)) == 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = target.read_bytes()
        assert len(data) == 200_000 and len(set(data)) == 1


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from kg.io import build_lock
    with build_lock(sys.argv[1]):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
        open(sys.argv[1] + ".done", "w").close()  # written while still holding the lock
    """
)


def test_second_writer_fails_clearly_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(out), "30"], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"locked\n"
        with pytest.raises(KgError, match=f"another kg build is writing {out} \\(pid {proc.pid}\\)"):
            with build_lock(out):
                pass
    finally:
        proc.kill()
        proc.wait()
    with build_lock(out) as held:  # the kernel released the killed holder's lock
        assert held == out and (out / LOCK_NAME).read_text().split()[0] == str(os.getpid())


def test_waiting_writer_gets_the_lock_when_the_first_finishes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(out), "0.5"], stdout=subprocess.PIPE)
    messages: list[str] = []
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"locked\n"
        with build_lock(out, wait=30, on_wait=messages.append):
            assert Path(f"{out}.done").exists()  # only after the holder finished
    finally:
        proc.kill()
        proc.wait()
    assert len(messages) == 1 and messages[0].startswith(f"waiting for another kg build writing {out}")


def test_lock_on_a_file_path_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match="exists and is not a folder"):
        with build_lock(tmp_path / "out"):
            pass
