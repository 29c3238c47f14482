"""One build generation at a time: OUT's four files switch together, by one rename.

A build's files (graph.trig, graph.html, report.json, manifest.json and the
cached graph) are written into a new folder OUT/.kg-builds/g-..., fsynced, and
then OUT/.kg-builds/current, a symlink to the folder of the current build, is
replaced by one atomic rename. The paths users open, OUT/graph.trig and the
others, are fixed symlinks through ``current``, so a build killed at any
moment leaves all four files of the old build or all four of the new one,
never a mix. kg's own readers resolve ``current`` once (``current_build``) and
read every file from that one folder. The previous generation is kept until
the next commit, so a reader that resolved it just before a switch can finish.

A folder written before generations existed (plain files) is first turned into
a generation holding those same files, so even that step shows the old build
at every moment. All changes happen under the build lock (kg.io.build_lock).
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import time
from pathlib import Path

from kg.errors import OutputError

BUILDS = ".kg-builds"
CURRENT = "current"
GRAPH, HTML, REPORT, MANIFEST = "graph.trig", "graph.html", "report.json", "manifest.json"
OUTPUTS = (GRAPH, HTML, REPORT, MANIFEST)  # the files users open, as links in OUT
FAULT_ENV = "KG_FAULT_COMMIT"  # tests: SIGKILL the process when the commit reaches this step
COMMIT_STEPS = ("migrated", "written", "complete", "linked", "switched", "outputs", "pruned")
_GENERATION = re.compile(r"g-[0-9a-f]+-[0-9]+")


def current_build(out: Path | str) -> Path:
    """The folder holding OUT's current build: its generation, or OUT itself for a folder
    of plain files (written by an older kg, or copied with links dereferenced)."""
    out = Path(out)
    try:
        target = os.readlink(out / BUILDS / CURRENT)
    except OSError:
        return out
    folder = out / BUILDS / target
    if not _GENERATION.fullmatch(target) or folder.is_symlink() or _is_plain_layout(out):
        return out  # a link kg did not write, or plain files that will be migrated: trust what users see
    return folder


def is_build(out: Path | str) -> bool:
    """True when OUT holds a kg build (a manifest in its current generation)."""
    return (current_build(out) / MANIFEST).is_file()


def _is_plain_layout(out: Path) -> bool:
    return any((out / name).is_file() and not (out / name).is_symlink() for name in OUTPUTS)


def _reached(step: str) -> None:
    if os.environ.get(FAULT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


class NewBuild:
    """A generation being written: ``write``/``keep`` files into ``path``, then ``commit``.

    Used as a context manager: leaving the block with an error discards the
    half-written folder and OUT still shows the previous build.
    """

    def __init__(self, out: Path | str) -> None:
        self.out = Path(out)
        self.builds = self.out / BUILDS
        try:
            self.builds.mkdir(exist_ok=True)
            migrate_plain_files(self.out)
            self.name = f"g-{time.time_ns():x}-{os.getpid()}"
            self.path = self.builds / f".new-{self.name}"
            self.path.mkdir()
        except OSError as exc:
            raise _error(self.builds, exc) from None
        self.names: list[str] = []

    def __enter__(self) -> NewBuild:
        return self

    def __exit__(self, kind, exc, tb) -> None:  # type: ignore[no-untyped-def]
        if kind is not None:
            self.discard()

    def write(self, name: str, data: bytes) -> None:
        """Write a file of the new build (fsynced before the commit)."""
        write_synced(self.path / name, data)
        self.names.append(name)

    def keep(self, name: str, folder: Path | None = None) -> bool:
        """Carry ``name`` over unchanged from ``folder`` (default: the current build); False if it has none."""
        source = (folder or current_build(self.out)) / name
        if not source.is_file():
            return False
        source = Path(os.path.realpath(source))  # link(2) would link a symlink itself, not its file
        try:
            try:
                os.link(source, self.path / name)
            except OSError:  # a filesystem without hard links
                shutil.copy2(source, self.path / name)
        except OSError as exc:
            raise _error(self.path / name, exc) from None
        self.names.append(name)
        return True

    def commit(self) -> None:
        """Switch OUT to this build (one rename), point OUT's links at it, drop older generations."""
        _reached("migrated")
        try:
            fsync_path(self.path)
            _reached("written")
            final = self.builds / self.name
            os.rename(self.path, final)
            self.path = final
            _reached("complete")
            link = self.builds / f".{CURRENT}-{os.getpid()}.tmp"
            with contextlib.suppress(FileNotFoundError):
                link.unlink()
            os.symlink(self.name, link)
            _reached("linked")
            previous = _readlink(self.builds / CURRENT)
            os.replace(link, self.builds / CURRENT)  # the switch
            fsync_path(self.builds)
        except OSError as exc:
            self.discard()
            raise _error(self.builds, exc) from None
        _reached("switched")
        try:
            _point_outputs(self.out, self.names)
            fsync_path(self.out)
            _reached("outputs")
            _prune(self.builds, keep={self.name, previous})
            _reached("pruned")
        except OSError as exc:  # the new build is in place; a later build mends the links
            raise _error(self.out, exc) from None

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def replace_page(out: Path, options: dict) -> Path:
    """OUT/graph.html rewritten (`kg view` options) as a new generation, under the build lock:
    a build running meanwhile is never mixed with this page, and a kill leaves the old one."""
    from kg.io import build_lock
    from kg.store import open_store
    from kg.view import write_html

    open_store(out, ontology=False)  # a clear error before the lock when OUT is not a build
    with build_lock(out):
        with NewBuild(out) as new:
            for name in (GRAPH, REPORT, MANIFEST):  # not the cached graph: the page no longer matches it
                new.keep(name)
            write_html(open_store(new.path, ontology=False), new.path / HTML, **options)
            new.names.append(HTML)
            new.commit()
    return out / HTML


def migrate_plain_files(out: Path) -> None:
    """Turn plain output files in OUT into a generation and links to it; every path keeps
    showing the same bytes at every step (hard links to the very same files)."""
    if not _is_plain_layout(out):
        return
    builds = out / BUILDS
    old = current_build(out)  # OUT itself here
    linked = Path(os.path.join(builds, _readlink(builds / CURRENT) or "-"))
    name = f"g-{time.time_ns():x}-{os.getpid()}"
    staging = builds / f".new-{name}"
    staging.mkdir(parents=True)
    for file in OUTPUTS:
        path = old / file
        if path.is_symlink():  # one of our links into the old generation, or a link kg did not make
            path = linked / file if _readlink(path) == _link_target(file) else None
        if path is not None and path.is_file():
            try:
                os.link(path, staging / file)
            except OSError:
                shutil.copy2(path, staging / file)
    os.rename(staging, builds / name)
    tmp = builds / f".{CURRENT}-{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(name, tmp)
    os.replace(tmp, builds / CURRENT)
    fsync_path(builds)
    _point_outputs(out, [f for f in OUTPUTS if (builds / name / f).exists()])


def _link_target(name: str) -> str:
    return f"{BUILDS}/{CURRENT}/{name}"


def _point_outputs(out: Path, names: list[str]) -> None:
    """OUT/<name> -> .kg-builds/current/<name> for each output the build has; other outputs removed."""
    for name in OUTPUTS:
        path = out / name
        if name not in names:
            if path.is_symlink() or path.exists():
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            continue
        if path.is_symlink() and _readlink(path) == _link_target(name):
            continue
        tmp = out / f".{name}.{os.getpid()}.link"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(_link_target(name), tmp)
        os.replace(tmp, path)


def _prune(builds: Path, keep: set[str | None]) -> None:
    for entry in builds.iterdir():
        if entry.name == CURRENT or entry.name in keep:
            continue
        if _GENERATION.fullmatch(entry.name) or entry.name.startswith(".new-"):
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(f".{CURRENT}-") and entry.is_symlink():
            with contextlib.suppress(OSError):
                entry.unlink()


def _readlink(path: Path) -> str | None:
    try:
        return os.readlink(path)
    except OSError:
        return None


def write_synced(path: Path, data: bytes) -> None:
    """Write a new file and fsync it (its folder is renamed into place later, not the file)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise _error(path, exc) from None


def fsync_path(folder: Path) -> None:
    """Make the entries of ``folder`` durable (best effort: not every filesystem allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _error(path: Path, exc: OSError) -> OutputError:
    reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
    return OutputError(f"cannot write {path}: {reason}; the previous build is unchanged")
