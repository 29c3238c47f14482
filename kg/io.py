"""Crash-safe output: atomic file replacement and one-writer-per-folder locking.

A build killed at any moment (SIGKILL, power loss) must leave the previous
graph and page intact: every output file is written to a temporary file in the
same folder, fsynced, then renamed over the old one (os.replace is atomic on
POSIX). Two builds into the same folder must not interleave: ``build_lock``
takes an exclusive flock on OUT/.kg.lock; a second build fails at once with a
clear KgError, or waits up to ``wait`` seconds if asked to.

The lock is an flock, released by the kernel when its last holder ends. Forked
children (the worker processes of a parallel build) would inherit it and keep
it past a killed build, so every fork closes the lock in the child at once. The
lock file names its owner (pid and process start time from /proc): a lock
still held after its owner ended is reported with the processes holding it and
how to end them.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from kg.errors import OutputError

LOCK_NAME = ".kg.lock"
DEAD_OWNER_GRACE = 3.0  # seconds for a dead build's orphans (its workers) to end before we give up
_UMASK = os.umask(0o022)
os.umask(_UMASK)
_held_locks: set[int] = set()  # fds of the build locks this process holds


def _close_locks_in_child() -> None:
    for fd in list(_held_locks):
        with contextlib.suppress(OSError):
            os.close(fd)  # closing (never unlocking) leaves the parent's lock in place
    _held_locks.clear()


os.register_at_fork(after_in_child=_close_locks_in_child)


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so readers see the old or the new file, never a mix."""
    path = Path(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    fsync_dir(folder)


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """``atomic_write_bytes`` for text (UTF-8, newlines as given)."""
    atomic_write_bytes(path, text.encode(encoding))


def fsync_dir(folder: Path | str) -> None:
    """Make a rename in ``folder`` durable (best effort: not every filesystem allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def build_lock(out_dir: Path | str, wait: float = 0.0, on_wait=None) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """Hold the exclusive writer lock of ``out_dir`` (created if missing) for the block.

    ``wait`` = 0: a second build fails at once with OutputError "another kg build
    is writing OUT". ``wait`` > 0: it waits up to that many seconds, calling
    ``on_wait(message)`` once so the CLI can say why it is waiting. The lock is
    released by the kernel when the process dies, so a killed build never
    leaves a stale lock behind (forked children do not keep it: see above).
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out}: {_reason(exc)}") from None
    try:
        _acquire(fd, out, wait, on_wait)
        _held_locks.add(fd)
        with contextlib.suppress(OSError):  # a read-only folder fails later, with its own message
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()} {_start_time(os.getpid()) or 0}\n".encode(), 0)
        yield out
    finally:
        _held_locks.discard(fd)
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _reason(exc: OSError) -> str:
    return "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))


def _acquire(fd: int, out: Path, wait: float, on_wait) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + max(0.0, wait)
    dead_since: float | None = None
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        pid, alive = _owner(fd)
        now = time.monotonic()
        if not alive:  # its orphans may still be on their way out
            dead_since = dead_since or now
        if now >= deadline and (alive or now - dead_since >= DEAD_OWNER_GRACE):  # type: ignore[operator]
            if alive:
                raise OutputError(f"another kg build is writing {out}" + (f" (pid {pid})" if pid else "")
                                  + "; wait for it to finish or use another --out folder")
            raise OutputError(_stale_message(out, pid))
        if not told and on_wait is not None and alive:
            on_wait(f"waiting for another kg build writing {out}" + (f" (pid {pid})" if pid else ""))
            told = True
        time.sleep(0.1)


def _owner(fd: int) -> tuple[int | None, bool]:
    """The pid written by the lock's owner and whether that very process still runs
    (same pid and the same start time, so a reused pid does not count)."""
    try:
        fields = os.pread(fd, 64, 0).decode("ascii", "replace").split()
        pid = int(fields[0])
        started = int(fields[1]) if len(fields) > 1 else None
    except (OSError, ValueError, IndexError):
        return None, True  # unknown owner: assume a live build
    now = _start_time(pid)
    if now is None:
        return pid, not Path("/proc/self").exists() and _pid_exists(pid)
    return pid, started in (None, 0, now)


def _start_time(pid: int) -> int | None:
    """The start time of process ``pid`` in clock ticks since boot (/proc/PID/stat field 22)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return int(stat.rsplit(")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def _pid_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _stale_message(out: Path, pid: int | None) -> str:
    holders = lock_holders(out / LOCK_NAME)
    who = f"the kg build that took it{f' (pid {pid})' if pid else ''} has ended"
    if holders:
        listed = ", ".join(f"pid {p} ({cmd})" for p, cmd in holders[:5])
        return (f"{out} is locked, but {who}; still holding {LOCK_NAME}: {listed}. "
                f"End them (kill {' '.join(str(p) for p, _ in holders[:5])}) and build again")
    return (f"{out} is locked, but {who}; find the process holding {out / LOCK_NAME} "
            f"(fuser {out / LOCK_NAME}) and end it, then build again")


def lock_holders(lock: Path) -> list[tuple[int, str]]:
    """Processes with ``lock`` open (from /proc/*/fd; only the ones we may inspect)."""
    try:
        target = os.stat(lock)
    except OSError:
        return []
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        if proc.name == str(os.getpid()):  # we have it open too, to ask for it
            continue
        try:
            for fd in (proc / "fd").iterdir():
                st = os.stat(fd)
                if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
                    cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
                    found.append((int(proc.name), cmd.strip()[:80] or "?"))
                    break
        except (OSError, ValueError):
            continue
    return sorted(found)
