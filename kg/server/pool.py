"""Worker processes that run queries, so that a query past its limits can really be stopped.

Each worker opens the store once, then loses the network (kg.server.sandbox:
no socket can be opened, so SERVICE cannot reach anything) and gets a memory
cap (RLIMIT_AS: what it had after loading plus ``memory_mb``), and answers
jobs over a pipe. A query that overruns its time, or whose worker dies (out of
memory, a crash), costs that worker: a fresh one replaces it in the background
while the others keep answering, and the client gets 503.

Long queries are rationed so that quick ones keep an answering worker: a query
still running after ``long_after`` seconds needs one of ``long_slots`` (fewer
than the workers); when all are taken it is stopped (503) rather than left to
occupy the last free worker.
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


class WorkerLost(KgError):
    """The worker died while answering, most likely past its memory cap (HTTP 503)."""


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


def _worker_main(conn, spec: StoreSpec, memory_mb: int) -> None:
    """Worker loop: open the store, seal the process (no network, memory cap), answer jobs until the pipe closes."""
    from kg.server.execute import answer
    from kg.server.guard import check_query

    try:
        store = spec.open()
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        conn.send(("error", f"cannot open the store: {exc}", False))
        return
    conn.send(("ready", _seal(spec, memory_mb), False))
    prefixes = _prefixes()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            check_query(job.text)  # the worker trusts no caller
            conn.send(("ok", answer(store.query(job.text, dict(job.bindings), **job.dataset()), job, prefixes), False))
        except SyntaxError as exc:
            conn.send(("error", f"SPARQL syntax error: {str(exc).splitlines()[0]}", True))
        except MemoryError:
            return  # past the memory cap: exit, the parent answers 503 and starts a fresh worker
        except KgError as exc:
            conn.send(("error", str(exc), getattr(exc, "bad_request", False)))
        except Exception as exc:  # noqa: BLE001 - one failing query never kills the worker
            conn.send(("error", f"query failed: {type(exc).__name__}: {exc}", False))


def _seal(spec: StoreSpec, memory_mb: int) -> dict:
    """Take the worker's network away (embedded store only: a remote store is reached over HTTP) and cap
    its address space at what it uses now plus ``memory_mb``; what was done, for the start-up line."""
    from kg.server.sandbox import deny_network

    sealed = {"offline": False, "memory_mb": 0}
    if not spec.url:
        sealed["offline"] = deny_network()
    if memory_mb > 0:
        try:
            import resource

            now = _address_space()
            if now:
                _, hard = resource.getrlimit(resource.RLIMIT_AS)
                cap = now + (memory_mb << 20)
                if hard == resource.RLIM_INFINITY or cap <= hard:
                    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
                    sealed["memory_mb"] = memory_mb
        except (ImportError, ValueError, OSError):
            pass
    return sealed


def _address_space() -> int:
    """This process's virtual memory size in bytes (Linux /proc), 0 when unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


class _Worker:
    def __init__(self, ctx, spec: StoreSpec, memory_mb: int):
        self.conn, child = ctx.Pipe()
        self.sealed: dict = {}
        self._killed = threading.Lock()  # a request thread and close() may both end a worker
        self.process = ctx.Process(target=_worker_main, args=(child, spec, memory_mb), daemon=True,
                                   name="kg-query-worker")
        self.process.start()
        child.close()

    def wait_ready(self, seconds: float) -> None:
        try:
            if not self.conn.poll(seconds):
                self.kill()
                raise KgError(f"query worker did not start within {seconds:.0f} s")
            status, message, _ = self.conn.recv()
        except (EOFError, OSError):  # exited, or killed by close() while starting
            raise KgError("query worker exited while opening the store") from None
        if status != "ready":
            self.kill()
            raise KgError(message)
        self.sealed = message

    def kill(self) -> None:
        """End the process and close its pipe, once, whichever thread asks first."""
        with self._killed:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(5)
            if not self.conn.closed:
                self.conn.close()


class WorkerPool:
    """``size`` worker processes; :meth:`run` answers a job or raises.

    A job waits at most ``wait`` seconds for a free worker (default: the longer of
    30 s and three query timeouts, so a burst of clients queues rather than fails),
    then runs at most ``timeout`` seconds; past ``long_after`` seconds it holds one
    of ``long_slots`` (default ``size - 1``) or is stopped.
    """

    def __init__(self, spec: StoreSpec, size: int = 3, timeout: float = 10.0, wait: float | None = None, *,
                 memory_mb: int = 2048, long_after: float = 0.5, long_slots: int | None = None):
        self.spec, self.timeout, self.memory_mb = spec, timeout, memory_mb
        self.wait = wait if wait is not None else max(30.0, 3 * timeout)
        size = max(1, size)
        self.long_after = min(long_after, timeout)
        self.long_slots = max(1, size - 1) if long_slots is None else max(1, long_slots)
        self._slots = threading.BoundedSemaphore(self.long_slots)
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self.sealed: dict = {}
        workers = [self._spawn() for _ in range(size)]
        try:
            for worker in workers:
                worker.wait_ready(STARTUP_SECONDS)
                self.sealed = worker.sealed
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        worker = _Worker(self._ctx, self.spec, self.memory_mb)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        threading.Thread(target=self._replace, daemon=True).start()

    def _replace(self) -> None:
        if self._closed:
            return
        worker = self._spawn()
        try:
            worker.wait_ready(STARTUP_SECONDS)
        except KgError:
            worker.kill()
            with self._lock:
                self._all.discard(worker)
            return
        if self._closed:
            worker.kill()
        else:
            self._idle.put(worker)

    def run(self, job: Job) -> Answer:
        try:
            worker = self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise Busy(f"all query workers stayed busy for {self.wait:g} s; try again later") from None
        try:
            worker.conn.send(job)
            ready = self._await(worker)
            reply = worker.conn.recv() if ready else None
        except (EOFError, OSError, BrokenPipeError):
            ready, reply = True, None
        if not ready or reply is None:
            self._retire(worker)
            if ready is None:
                raise Busy(f"{self.long_slots} long queries are running already (server --long-queries); this one "
                           f"was stopped after {self.long_after:g} s; try again later")
            if not ready:
                raise QueryTimeout(f"query stopped after the time limit of {self.timeout:g} s (server --timeout)")
            raise WorkerLost(f"the query worker died while answering (most likely past its memory cap of "
                             f"{self.memory_mb} MB, server --memory); it has been replaced")
        self._idle.put(worker)
        status, payload, bad_request = reply
        if status == "ok":
            return payload
        raise QueryFailed(payload, bad_request)

    def _await(self, worker: _Worker) -> bool | None:
        """True when the answer is there in time, False past the time limit, None when past ``long_after``
        seconds with every long-query slot taken."""
        if worker.conn.poll(self.long_after):
            return True
        if self.long_after >= self.timeout:
            return False
        if not self._slots.acquire(blocking=False):
            return None
        try:
            return worker.conn.poll(self.timeout - self.long_after)
        finally:
            self._slots.release()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
