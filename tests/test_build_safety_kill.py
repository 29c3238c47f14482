"""Killed builds take their workers and their lock with them.

A `kg build --workers 2` killed with SIGKILL or SIGTERM (before its workers
finish, midway) leaves no kg process behind 5 s later, and the next build gets
the lock at once. A lock still held after its owner ended is reported with the
processes holding it.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.errors import OutputError
from kg.io import LOCK_NAME, build_lock

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def _processes() -> list[tuple[int, int, int]]:
    """(pid, parent pid, session id) of every live process, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z":  # zombies have ended
            found.append((int(stat.parent.name), int(fields[1]), int(fields[3])))
    return found


def _session(sid: int) -> list[int]:
    """Pids of the processes in session ``sid`` (the killed build and anything it started)."""
    return [pid for pid, _, session in _processes() if session == sid]


def _children(parent: int) -> list[int]:
    return [pid for pid, ppid, _ in _processes() if ppid == parent]


def _gone_within(sid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _session(sid):
            return True
        time.sleep(0.1)
    return not _session(sid)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/corpus/seeds")
@pytest.mark.parametrize("sig,when", [(signal.SIGKILL, "workers"), (signal.SIGKILL, "midway"),
                                      (signal.SIGTERM, "workers"), (signal.SIGTERM, "midway")])
def test_killed_parallel_build_leaves_no_process_and_no_lock(tmp_path, sig, when):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(SEEDS), "--out", str(out), "--workers", "2",
                             "--quiet", "--no-validate"], cwd=tmp_path, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            workers = _children(proc.pid)
            entries = list((out / ".kg-cache").rglob("*.json")) if out.exists() else []
            if (when == "workers" and len(workers) >= 2) or (when == "midway" and entries):
                break
            time.sleep(0.05)
        if proc.poll() is not None:
            pytest.skip("the build finished before it could be killed")
        proc.send_signal(sig)
        proc.wait(timeout=30)
        assert _gone_within(proc.pid, 5), f"left behind: {_session(proc.pid)}"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    err = proc.stderr.read().decode() if proc.stderr else ""
    assert "Traceback" not in err, err[-2000:]
    if sig == signal.SIGTERM:
        assert proc.returncode == 130  # as Ctrl-C
    started = time.monotonic()
    with build_lock(out):  # the next build starts at once
        assert time.monotonic() - started < 1
    assert not (out / "graph.trig").exists()  # nothing half-made was published


_ORPHAN = textwrap.dedent(
    """
    import fcntl, os, subprocess, sys
    from kg.io import _start_time
    fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.write(fd, f"{os.getpid()} {_start_time(os.getpid())}\\n".encode())
    # a child that inherits the lock (as workers of an old kg did) and outlives this process
    child = subprocess.Popen(["sleep", "60"], pass_fds=(fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(child.pid, flush=True)
    os._exit(0)
    """
)


def test_lock_of_a_dead_build_names_the_process_still_holding_it(tmp_path, monkeypatch):
    import kg.io

    monkeypatch.setattr(kg.io, "DEAD_OWNER_GRACE", 0.3)
    out = tmp_path / "out"
    out.mkdir()
    run = subprocess.run([sys.executable, "-c", _ORPHAN, str(out / LOCK_NAME)], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    orphan = int(run.stdout.strip())
    try:
        with pytest.raises(OutputError) as err:
            with build_lock(out):
                pass
        message = str(err.value)
        assert "has ended" in message and f"pid {orphan} (sleep 60)" in message and f"kill {orphan}" in message
    finally:
        os.kill(orphan, signal.SIGKILL)
    time.sleep(0.2)
    with build_lock(out):
        pass


_FORKER = textwrap.dedent(
    """
    import os, sys, time
    from kg.io import build_lock
    with build_lock(sys.argv[1]):
        child = os.fork()
        if child == 0:
            time.sleep(60)
            os._exit(0)
        print(child, flush=True)
        time.sleep(60)
    """
)


def test_forked_children_do_not_keep_the_lock(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", _FORKER, str(out)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    child = int(proc.stdout.readline())  # type: ignore[union-attr]
    try:
        proc.kill()
        proc.wait()
        started = time.monotonic()
        with build_lock(out):  # the child still runs, but it closed its copy of the lock at the fork
            assert time.monotonic() - started < 1
            assert Path(f"/proc/{child}").exists()
    finally:
        os.kill(child, signal.SIGKILL)
