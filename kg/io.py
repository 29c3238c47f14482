"""Crash-safe output: atomic file replacement and one-writer-per-folder locking.

A build killed at any moment (SIGKILL, power loss) must leave the previous
graph and page intact: every output file is written to a temporary file in the
same folder, fsynced, then renamed over the old one (os.replace is atomic on
POSIX). Two builds into the same folder must not interleave: ``build_lock``
takes an exclusive flock on OUT/.kg.lock; a second build fails at once with a
clear KgError, or waits up to ``wait`` seconds if asked to.
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
_UMASK = os.umask(0o022)
os.umask(_UMASK)


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
    leaves a stale lock behind.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out}: {exc.strerror or exc}") from None
    try:
        _acquire(fd, out, wait, on_wait)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield out
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _acquire(fd: int, out: Path, wait: float, on_wait) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + max(0.0, wait)
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = _holder(fd)
        if time.monotonic() >= deadline:
            raise OutputError(
                f"another kg build is writing {out}{holder}; wait for it to finish or use another --out folder"
            )
        if not told and on_wait is not None:
            on_wait(f"waiting for another kg build writing {out}{holder}")
            told = True
        time.sleep(0.1)


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""
