"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint, the graph page and a query page.

``make_server`` binds and returns the server (tests use port 0); ``serve``
runs it until interrupted.
"""
from __future__ import annotations

from pathlib import Path

from kg.server.app import close_server, describe, make_server

__all__ = ["make_server", "close_server", "describe", "serve"]


def serve(out_dir: Path, host: str = "127.0.0.1", port: int = 8000, *, timeout: float = 10.0,
          max_rows: int = 10000, store_url: str | None = None, workers: int = 3, verbose: bool = True,
          announce=print, **limits) -> None:
    """Serve until Ctrl-C; ``announce`` gets the start-up lines; ``limits``: make_server's memory_mb,
    long_after, long_queries."""
    announce(f"kg serve: loading {store_url or out_dir} into {workers} query worker{'s' if workers != 1 else ''} ...")
    server = make_server(out_dir, host, port, timeout=timeout, max_rows=max_rows, store_url=store_url,
                         workers=workers, verbose=verbose, **limits)
    info = describe(server)
    base = f"http://{info['host']}:{info['port']}"
    announce(f"kg serve: SPARQL endpoint {base}/sparql  query page {base}/query  graph {base}/")
    announce(f"  answering from {store_url or out_dir}; timeout {timeout:g} s, at most {max_rows} rows; Ctrl-C stops")
    memory = f"each worker may use {info['memory_mb']} MB beyond the graph" if info["memory_mb"] else "no memory cap"
    network = ("workers have no network (SERVICE cannot connect)" if info["offline"] else
               "SERVICE refused by the query check" + ("" if store_url else " (no network sandbox on this system)"))
    announce(f"  {memory}; at most {info['long_queries']} queries past {info['long_after']:g} s at once; {network}")
    import signal

    def _stop(signum, frame):  # SIGTERM stops like Ctrl-C: workers are shut down too
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve_forever()
    finally:
        signal.signal(signal.SIGTERM, previous)
        close_server(server)
