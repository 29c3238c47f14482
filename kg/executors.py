"""Where per-article batches run: this process (default), worker processes, or Dask.

A runner is a callable ``runner(batch) -> results`` (so it can stand in for
``kg.pipeline.analyze_batch``) with a ``map_batches(batches)`` method that
keeps a bounded number of batches in flight and yields each batch's results
in submission order. Bounded: memory stays flat in corpus size however fast
the input is read. Ordered: a parallel build writes byte-for-byte what a
serial one writes (report.json included). Each ``map_batches`` call owns its
pool or Dask client and closes it when the stream ends, so nothing leaks
between builds.

Worker processes die with their build: each asks the kernel for SIGKILL when
its parent ends (prctl PR_SET_PDEATHSIG on Linux) and runs a watchdog thread
that exits when the parent pid changes (elsewhere); they ignore Ctrl-C, and an
interrupted build (Ctrl-C, SIGTERM) terminates them instead of waiting for
their batches. So no worker outlives a killed build or holds its lock.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence

from kg.errors import KgError
from kg.records import ArticleAnalysis, Document, InputStatus

BatchResults = list[ArticleAnalysis | InputStatus]
BatchFn = Callable[[Sequence[Document]], BatchResults]
Submit = Callable[[list[Document]], object]  # returns a future with .result()

IN_FLIGHT_PER_WORKER = 2  # enough to keep every worker busy while results stream back
DASK_CONNECT_TIMEOUT = "10s"
WATCHDOG_SECONDS = 0.5  # how often a worker checks that its build still runs
PR_SET_PDEATHSIG = 1


_live_pools: set = set()  # process pools of builds still running in this process


def end_workers() -> None:
    """Terminate the workers of every pool still open (a build was interrupted or failed)."""
    for pool in list(_live_pools):
        _terminate(pool)
        _live_pools.discard(pool)


def _worker_init(parent: int) -> None:
    """Runs first in every worker process: tie its life to the build's (see the module docstring)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build handles Ctrl-C and ends its workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the build ended before we got here
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="kg-watchdog", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCHDOG_SECONDS)
    os._exit(1)


def _default_fn() -> BatchFn:
    from kg.pipeline import analyze_batch

    return analyze_batch


class Runner:
    """Base runner: subclasses provide ``_session`` (a pool) and ``slots`` (its parallelism)."""

    def __init__(self, fn: BatchFn | None = None, in_flight: int | None = None) -> None:
        self.fn = fn or _default_fn()
        self._in_flight = in_flight

    def __call__(self, batch: Sequence[Document]) -> BatchResults:
        return next(iter(self.map_batches([batch])))

    def _session(self) -> contextlib.AbstractContextManager[tuple[Submit, int]]:
        raise NotImplementedError

    def map_batches(self, batches: Iterable[Sequence[Document]]) -> Iterator[BatchResults]:
        """Results of ``fn`` on each batch, in order, with at most ``in_flight`` batches pending."""
        with self._session() as (submit, slots):
            limit = max(1, self._in_flight or IN_FLIGHT_PER_WORKER * slots)
            window: deque = deque()
            for batch in batches:
                window.append(submit(list(batch)))
                if len(window) >= limit:
                    yield self._result(window.popleft())
            while window:
                yield self._result(window.popleft())

    def _result(self, future) -> BatchResults:
        return future.result()


class ProcessRunner(Runner):
    """N worker processes on this machine (fork on Linux: workers share the loaded code)."""

    def __init__(self, workers: int, fn: BatchFn | None = None, in_flight: int | None = None) -> None:
        super().__init__(fn, in_flight)
        self.workers = workers

    @contextlib.contextmanager
    def _session(self) -> Iterator[tuple[Submit, int]]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if sys.platform.startswith("linux") else "spawn"
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context(method),
                                   initializer=_worker_init, initargs=(os.getpid(),))
        _live_pools.add(pool)
        try:
            yield (lambda batch: pool.submit(self.fn, batch)), self.workers
        except BaseException:
            _terminate(pool)
            raise
        finally:
            _live_pools.discard(pool)
        pool.shutdown(wait=True)

    def _result(self, future) -> BatchResults:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise KgError(
                f"a worker process died while analysing articles ({exc}); "
                "try fewer --workers (each needs memory for its own NLP pipeline)"
            ) from None


def _terminate(pool) -> None:  # type: ignore[no-untyped-def]
    """End the workers now (their batches are lost anyway), then release the pool."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(5)
            if process.is_alive():
                process.kill()
    with contextlib.suppress(Exception):
        pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner(Runner):
    """Batches on the workers of a Dask scheduler: an existing one (tcp://...) or a LocalCluster."""

    def __init__(self, address: str | None, workers: int = 1, fn: BatchFn | None = None,
                 in_flight: int | None = None) -> None:
        super().__init__(fn, in_flight)
        self.address = address  # None: start a LocalCluster of ``workers`` processes
        self.workers = workers

    @contextlib.contextmanager
    def _session(self) -> Iterator[tuple[Submit, int]]:
        with self._client() as client:
            slots = sum(client.nthreads().values()) or 1
            futures: list = []

            def submit(batch: list[Document]):
                future = client.submit(self.fn, batch, pure=False)
                futures.append(future)
                return future

            try:
                yield submit, slots
            finally:
                client.cancel([f for f in futures if not f.done()])

    def _result(self, future) -> BatchResults:
        from distributed import KilledWorker

        try:
            return future.result()
        except (KilledWorker, OSError, TimeoutError) as exc:
            where = self.address or "the local Dask cluster"
            raise KgError(f"--dask {where}: lost the workers while analysing articles ({type(exc).__name__}: {exc})") from None

    @contextlib.contextmanager
    def _client(self):
        import logging

        from distributed import Client, LocalCluster

        if self.address is None:
            cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
            )
            with cluster, Client(cluster) as client:
                yield client
            return
        try:
            client = Client(self.address, timeout=DASK_CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise KgError(f"--dask {self.address}: cannot reach the Dask scheduler ({exc})") from None
        with client:
            if not client.nthreads():
                raise KgError(f"--dask {self.address}: the scheduler has no workers")
            yield client


def make_runner(workers: int = 1, dask: str | None = None, fn: BatchFn | None = None) -> Runner | None:
    """A run_batch callable for kg.pipeline.analyze_all, or None for in-process serial work.

    ``--workers N`` alone: N local processes. ``--dask local``: a LocalCluster of
    N worker processes. ``--dask tcp://HOST:PORT``: an existing scheduler's workers.
    """
    if workers < 1:
        raise KgError(f"--workers must be at least 1, not {workers}")
    if dask is None:
        return ProcessRunner(workers, fn) if workers > 1 else None
    if dask == "local":
        return DaskRunner(None, workers, fn)
    if "://" not in dask or not dask.split("://", 1)[1]:
        raise KgError(f"--dask {dask!r}: expected 'local' or a scheduler address like tcp://HOST:8786")
    return DaskRunner(dask, workers, fn)
