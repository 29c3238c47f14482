"""Worker processes that run queries, so that a query past its time limit can really be stopped.

Each worker opens the store once and answers jobs over a pipe. A query that
overruns is stopped by killing its worker; a fresh worker replaces it in the
background while the others keep answering.
"""
from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass

from kg.errors import KgError
from kg.server.execute import Job
from kg.server.results import Answer

STARTUP_SECONDS = 600.0


class QueryTimeout(KgError):
    """The query ran past the time limit and was stopped (HTTP 503)."""


class Busy(KgError):
    """No worker became free in time (HTTP 503)."""


class QueryFailed(KgError):
    """The store rejected or failed the query (HTTP 400 for syntax, 500 otherwise)."""

    def __init__(self, message: str, bad_request: bool):
        super().__init__(message)
        self.bad_request = bad_request


@dataclass(frozen=True)
class StoreSpec:
    """What a worker opens: a build folder (embedded store) or an Oxigraph server URL."""

    out_dir: str | None = None
    url: str | None = None

    def open(self):
        if self.url:
            from kg.remote import RemoteStore

            remote = RemoteStore(self.url)
            remote.query("ASK {}")  # fail at start-up, not on the first request, when the server is not there
            return remote
        from kg.server.execute import LocalStore

        return LocalStore(self.out_dir)


def _prefixes() -> dict[str, str]:
    from kg.vocab import PREFIXES

    return {k: v for k, v in PREFIXES.items() if k != "kgid"}  # kgid:person\/x reads worse than the IRI


def _worker_main(conn, spec: StoreSpec) -> None:
    """Worker loop: open the store, then answer one job at a time until the pipe closes."""
    from kg.server.execute import answer
    from kg.server.guard import check_structure

    try:
        store = spec.open()
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        conn.send(("error", f"cannot open the store: {exc}", False))
        return
    conn.send(("ready", None, False))
    prefixes = _prefixes()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            check_structure(job.text)
            conn.send(("ok", answer(store.query(job.text, dict(job.bindings), **job.dataset()), job, prefixes), False))
        except SyntaxError as exc:
            conn.send(("error", f"SPARQL syntax error: {str(exc).splitlines()[0]}", True))
        except KgError as exc:
            conn.send(("error", str(exc), getattr(exc, "bad_request", False)))
        except Exception as exc:  # noqa: BLE001 - one failing query never kills the worker
            conn.send(("error", f"query failed: {type(exc).__name__}: {exc}", False))


class _Worker:
    def __init__(self, ctx, spec: StoreSpec):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, spec), daemon=True, name="kg-query-worker")
        self.process.start()
        child.close()

    def wait_ready(self, seconds: float) -> None:
        if not self.conn.poll(seconds):
            self.kill()
            raise KgError(f"query worker did not start within {seconds:.0f} s")
        try:
            status, message, _ = self.conn.recv()
        except EOFError:
            raise KgError("query worker exited while opening the store") from None
        if status != "ready":
            self.kill()
            raise KgError(message)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes; :meth:`run` answers a job or raises.

    A job waits at most ``wait`` seconds for a free worker (default: the longer of
    30 s and three query timeouts, so a burst of clients queues rather than fails),
    then runs at most ``timeout`` seconds.
    """

    def __init__(self, spec: StoreSpec, size: int = 2, timeout: float = 10.0, wait: float | None = None):
        self.spec, self.timeout = spec, timeout
        self.wait = wait if wait is not None else max(30.0, 3 * timeout)
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        workers = [self._spawn() for _ in range(max(1, size))]
        try:
            for worker in workers:
                worker.wait_ready(STARTUP_SECONDS)
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        worker = _Worker(self._ctx, self.spec)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def _replace(self) -> None:
        if self._closed:
            return
        worker = self._spawn()
        try:
            worker.wait_ready(STARTUP_SECONDS)
        except KgError:
            self._retire(worker)
            return
        if self._closed:
            self._retire(worker)
        else:
            self._idle.put(worker)

    def run(self, job: Job) -> Answer:
        try:
            worker = self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise Busy(f"all query workers stayed busy for {self.wait:g} s; try again later") from None
        try:
            worker.conn.send(job)
            ready = worker.conn.poll(self.timeout)
            reply = worker.conn.recv() if ready else None
        except (EOFError, OSError, BrokenPipeError):
            ready, reply = True, None
        if not ready or reply is None:
            self._retire(worker)
            threading.Thread(target=self._replace, daemon=True).start()
            if not ready:
                raise QueryTimeout(f"query stopped after the time limit of {self.timeout:g} s (server --timeout)")
            raise KgError("query worker died while answering; it has been restarted")
        self._idle.put(worker)
        status, payload, bad_request = reply
        if status == "ok":
            return payload
        raise QueryFailed(payload, bad_request)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
