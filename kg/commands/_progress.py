"""Progress of `kg build` on stderr: a rich bar on a terminal, plain lines otherwise.

The total is counted before the first article is read (files are listed, .jsonl lines counted:
milliseconds for thousands of articles), so the bar never shows ``0/?`` while the NLP pipeline
loads. The bar shows rate and time left; the serial stages after NLP (resolution, writing the
graph and page, the store) are named as they start. Without a terminal a line goes out every
``PLAIN_EVERY`` seconds or 10 % of the articles, so a log of a long build shows it is alive.
"""
from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

PLAIN_EVERY = 5.0  # seconds between plain progress lines


def count_articles(inputs: Sequence[Path]) -> int:
    """How many articles the inputs hold at most: one a file, one a non-blank .jsonl line."""
    from kg.ingest.sources import InputFile, iter_files

    total = 0
    for item in iter_files(list(inputs)):
        if not isinstance(item, InputFile):
            continue
        if item.kind != "jsonl":
            total += 1
            continue
        try:
            with open(item.path, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:  # the build reports it
            total += 1
    return total


class BuildProgress:
    """``progress(done, total)`` for kg.build_cmd, and ``stage(name)`` for the steps after NLP."""

    def __init__(self, expected: int, write=None) -> None:
        self.expected = expected
        self.started = time.monotonic()
        self._write = write or (lambda line: print(line, file=sys.stderr, flush=True))
        self._last_time = self.started
        self._last_share = 0.0

    def total(self, total: int | None) -> int | None:
        return total if total is not None else (self.expected or None)

    def __call__(self, done: int, total: int | None) -> None:
        total = self.total(total)
        now = time.monotonic()
        share = done / total if total else 0.0
        if done != total and now - self._last_time < PLAIN_EVERY and share - self._last_share < 0.1:
            return
        self._last_time, self._last_share = now, share
        self._write("kg: " + describe(done, total, now - self.started))

    def stage(self, name: str) -> None:
        self._write(f"kg: {name} ({clock(time.monotonic() - self.started)} elapsed)")


def describe(done: int, total: int | None, elapsed: float) -> str:
    """``analysed 120/998 articles (12%), 8.1 articles/s, 1:48 left``."""
    rate = done / elapsed if elapsed > 0 else 0.0
    if not total:
        return f"analysed {done} articles, {rate:.1f} articles/s"
    left = f", {clock((total - done) / rate)} left" if rate > 0 and done < total else ""
    return f"analysed {done}/{total} articles ({100 * done // total}%), {rate:.1f} articles/s{left}"


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


class _RichProgress(BuildProgress):
    def __init__(self, expected: int, bar) -> None:
        super().__init__(expected)
        self.bar = bar
        self.task = bar.add_task("analysing", total=expected or None, rate="")

    def __call__(self, done: int, total: int | None) -> None:
        elapsed = time.monotonic() - self.started
        rate = f"{done / elapsed:.1f} articles/s" if elapsed > 0 else ""
        self.bar.update(self.task, completed=done, total=self.total(total), rate=rate)

    def stage(self, name: str) -> None:
        self.bar.update(self.task, description=name)
        self.bar.console.print(f"kg: {name}")


@contextlib.contextmanager
def progress_bar(enabled: bool = True, inputs: Sequence[Path] = ()) -> Iterator[BuildProgress | None]:
    """A rich bar on a terminal, plain lines on stderr otherwise; None when ``enabled`` is false."""
    if not enabled:
        yield None
        return
    expected = count_articles(inputs)
    if not sys.stderr.isatty():
        yield BuildProgress(expected)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress as RichProgress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
    )
    with RichProgress(*columns, console=Console(stderr=True), transient=True) as bar:
        yield _RichProgress(expected, bar)
