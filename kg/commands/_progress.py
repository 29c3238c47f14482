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
    """``progress(done, total)`` for kg.builder, and ``stage(name)`` for the steps after NLP."""

    def __init__(self, expected: int, write=None) -> None:
        self.expected = expected
        self.started = time.monotonic()
        self._write = write or (lambda line: print(line, file=sys.stderr, flush=True))
        self._last_time = self.started
        self._last_share = 0.0
        self._first: tuple[float, int] | None = None  # when the first article was in: the rate leaves out start-up

    def total(self, total: int | None) -> int | None:
        return total if total is not None else (self.expected or None)

    def __call__(self, done: int, total: int | None) -> None:
        total = self.total(total)
        now = time.monotonic()
        if self._first is None:
            self._first = (now, done)
        share = done / total if total else 0.0
        if done != total and now - self._last_time < PLAIN_EVERY and share - self._last_share < 0.1:
            return
        self._last_time, self._last_share = now, share
        since, first = self._first
        rate = (done - first) / (now - since) if done > first and now > since else None
        self._write("kg: " + describe(done, total, rate))

    def start(self) -> None:
        self._write(f"kg: reading {self.expected} articles" if self.expected else "kg: reading the inputs")

    def stage(self, name: str) -> None:
        self._write(f"kg: {name} ({clock(time.monotonic() - self.started)} elapsed)")


def describe(done: int, total: int | None, rate: float | None) -> str:
    """``analysed 120/998 articles (12%), 8.1 articles/s, 1:48 left`` (rate and time left once known)."""
    speed = f", {rate:.1f} articles/s" if rate else ""
    if not total:
        return f"analysed {done} articles{speed}"
    left = f", {clock((total - done) / rate)} left" if rate and done < total else ""
    return f"analysed {done}/{total} articles ({100 * done // total}%){speed}{left}"


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


class _RichProgress(BuildProgress):
    def __init__(self, expected: int, bar) -> None:
        super().__init__(expected)
        self.bar = bar
        self.task = bar.add_task("analysing", total=expected or None, rate="")

    def __call__(self, done: int, total: int | None) -> None:
        speed = self.bar.tasks[0].speed  # rich's own estimate over the recent updates
        rate = f"{speed:.1f} articles/s" if speed else ""
        self.bar.update(self.task, completed=done, total=self.total(total), rate=rate)

    def stage(self, name: str) -> None:
        self.bar.update(self.task, description=name if len(name) <= 24 else name[:23] + "…")  # the line says it all
        self.bar.console.print(f"kg: {name}")


@contextlib.contextmanager
def progress_bar(enabled: bool = True, inputs: Sequence[Path] = ()) -> Iterator[BuildProgress | None]:
    """A rich bar on a terminal, plain lines on stderr otherwise; None when ``enabled`` is false."""
    if not enabled:
        yield None
        return
    expected = count_articles(inputs)
    if not sys.stderr.isatty():
        plain = BuildProgress(expected)
        plain.start()
        yield plain
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import (
        Progress as RichProgress,
    )

    columns = (
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
    )
    with RichProgress(*columns, console=Console(stderr=True), transient=True) as bar:
        yield _RichProgress(expected, bar)
