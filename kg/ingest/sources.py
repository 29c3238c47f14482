"""Which files a build reads: walk paths and folders deterministically and
safely (symlink loops, FIFOs, unreadable folders, missing paths) and read
bytes under a size limit. Problems become InputStatus records, never raises.

A symlink inside an input folder that leads out of it is skipped (reported
with its target) unless ``follow_links``: a shared corpus folder must not be
able to pull any readable file of the machine into the graph. Paths named on
the command line are read even when they are links: the user chose them.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.records import InputStatus

SUPPORTED = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
             ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl"}
KG_OUTPUT_MARKER = ".kg.lock"  # kg.io.LOCK_NAME: a folder holding it is a build's output


@dataclass(frozen=True)
class InputFile:
    path: Path
    kind: str  # text | markdown | html | jsonl
    size: int

    @property
    def source(self) -> str:
        return display_path(self.path)


def display_path(path: Path) -> str:
    """The path as safe, printable text for reports and terminals.

    Undecodable bytes in file names become U+FFFD (Python keeps them as lone
    surrogates, which no UTF-8 report can hold); everything Python does not
    call printable - control characters (newline, the ESC of terminal escape
    sequences), bidi controls (a right-to-left override can disguise "gnp.txt"
    as "txt.png"), zero-width and odd spaces - is shown as an escape like
    "\\n", "\\x1b", "\\u202e".
    """
    text = os.fsencode(path).decode("utf-8", "replace")
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def iter_files(paths: Sequence[Path], follow_links: bool = False) -> Iterator[InputFile | InputStatus]:
    """Every input file under ``paths`` in a stable order (arguments as given, folders sorted)."""
    seen_files: dict[tuple[int, int], str] = {}
    seen_dirs: set[tuple[int, int]] = set()
    for p in paths:
        root = None if follow_links else os.path.realpath(p)
        yield from _visit(Path(p), seen_files, seen_dirs, top=True, root=root)


def _visit(path: Path, seen_files: dict[tuple[int, int], str], seen_dirs: set[tuple[int, int]],  # noqa: C901
           top: bool, root: str | None = None) -> Iterator[InputFile | InputStatus]:
    src = display_path(path)
    if root is not None and not top and os.path.islink(path):
        target = os.path.realpath(path)
        if os.path.commonpath([root, target]) != root:
            yield InputStatus(source=src, status="skipped",
                              reason=f"symlink to {display_path(Path(target))}, outside the input folder; "
                                     "use --follow-links to read it")
            return
    try:
        st = os.stat(path)
    except OSError as exc:
        yield InputStatus(source=src, status="failed", reason=_stat_problem(path, exc))
        return
    if stat.S_ISDIR(st.st_mode):
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            yield InputStatus(source=src, status="skipped", reason="folder already read (symlink loop or repeated path)")
            return
        seen_dirs.add(key)
        try:
            with os.scandir(path) as it:
                names = sorted(e.name for e in it)
        except OSError as exc:
            yield InputStatus(source=src, status="failed", reason=f"cannot list folder: {_os_reason(exc)}")
            return
        if KG_OUTPUT_MARKER in names:
            yield InputStatus(source=src, status="skipped", reason="a kg output folder, not input")
            return
        for name in names:
            if name.startswith("."):  # .git, .DS_Store, editor swap files: reported, not read
                yield InputStatus(source=display_path(path / name), status="skipped", reason="hidden file or folder")
                continue
            yield from _visit(path / name, seen_files, seen_dirs, top=False, root=root)
        return
    if not stat.S_ISREG(st.st_mode):
        yield InputStatus(source=src, status="skipped", reason=f"not a regular file ({_file_kind(st.st_mode)})")
        return
    suffix = path.suffix.lower()
    kind = SUPPORTED.get(suffix)
    if kind is None:
        what = f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"
        yield InputStatus(source=src, status="skipped",
                          reason=f"{what}; kg reads {', '.join(sorted(set(SUPPORTED)))}")
        return
    key = (st.st_dev, st.st_ino)
    if key in seen_files:
        yield InputStatus(source=src, status="skipped", reason=f"same file as {seen_files[key]}")
        return
    seen_files[key] = src
    yield InputFile(path=path, kind=kind, size=st.st_size)


def read_limited(path: Path, limit: int) -> bytes:
    """The file's bytes; raises ValueError when it is larger than ``limit`` (without reading it all)."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            raise ValueError(too_large(size, limit))
        data = f.read(limit + 1)
    if len(data) > limit:  # grew while we read it
        raise ValueError(too_large(len(data), limit))
    return data


def too_large(size: int, limit: int) -> str:
    return f"too large: {_mb(size)} (limit {_mb(limit)} per article; set KG_MAX_ARTICLE_MB to change)"


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"broken symlink (target {os.readlink(path)!r} does not exist)"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    return _os_reason(exc)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or type(exc).__name__


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device")):
        if test(mode):
            return name
    return "special file"
