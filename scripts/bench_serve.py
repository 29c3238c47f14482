#!/usr/bin/env python3
"""`kg serve` under attack and under load: what the gate costs, and whether quick queries keep answering.

On a synthetic news graph (scripts/bench_store.generate), on 127.0.0.1 only:

1. the read-only gate (kg.server.guard, a full SPARQL parse) per stored query, in microseconds;
2. latency of a quick query with the server idle;
3. the same while ``--costly`` long queries run (each restarted when the time limit stops it),
   with the server's defaults (workers, long-query slots) and, for comparison, with as many
   long-query slots as workers (what one server without the rationing does).

Bounded: at most ``--cheap`` quick queries and ``--seconds`` per phase.

    python3 scripts/bench_serve.py                      # 100 k quads, 3 workers, 2 costly
    python3 scripts/bench_serve.py --quads 20000 --cheap 50 --seconds 10
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CHEAP = "SELECT ?p WHERE { ?p a <https://w3id.org/kg-news/ontology#Person> } LIMIT 5"
COSTLY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _get(url: str, query: str, timeout: float = 60) -> int:
    try:
        with urllib.request.urlopen(f"{url}?{urlencode({'query': query})}", timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def percentiles(ms: list[float]) -> str:
    ms = sorted(ms)
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]  # noqa: E731
    return f"p50 {statistics.median(ms):7.1f} ms  p95 {pick(0.95):7.1f} ms  p99 {pick(0.99):7.1f} ms  max {ms[-1]:7.1f} ms"


def bench_gate() -> None:
    from kg.server.sparql import parse
    from kg.store import available_queries, load_query_file

    print("gate (full SPARQL parse, uncached), per stored query:")
    for name in available_queries():
        text = load_query_file(name)
        runs = 50
        t0 = time.perf_counter()
        for _ in range(runs):
            parse(text)
        print(f"  {name:26} {len(text):6} chars  {(time.perf_counter() - t0) / runs * 1e6:8.0f} us")


def cheap_latencies(url: str, n: int, seconds: float) -> tuple[list[float], dict[int, int]]:
    times, statuses = [], {}
    stop = time.monotonic() + seconds
    while len(times) < n and time.monotonic() < stop:
        t0 = time.perf_counter()
        status = _get(url, CHEAP, timeout=seconds)
        times.append((time.perf_counter() - t0) * 1000)
        statuses[status] = statuses.get(status, 0) + 1
    return times, statuses


def phase(out: Path, label: str, costly: int, cheap: int, seconds: float, **server_options) -> None:
    from kg.server import close_server, describe, make_server

    server = make_server(out, "127.0.0.1", 0, **server_options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    info = describe(server)
    url = f"http://127.0.0.1:{info['port']}/sparql"
    done = threading.Event()
    costly_statuses: list[int] = []

    def keep_costly() -> None:
        while not done.is_set():
            costly_statuses.append(_get(url, COSTLY))

    try:
        _get(url, CHEAP)  # warm up
        runners = [threading.Thread(target=keep_costly, daemon=True) for _ in range(costly)]
        for runner in runners:
            runner.start()
        if costly:
            time.sleep(max(1.0, info["long_after"] * 2))  # the costly ones are long by now
        times, statuses = cheap_latencies(url, cheap, seconds)
        done.set()
        print(f"  {label}: {len(times)} quick queries {statuses}  {percentiles(times)}")
        if costly:
            print(f"    (costly queries ended with statuses {sorted(set(costly_statuses)) or 'still running'})")
    finally:
        done.set()
        close_server(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quads", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--costly", type=int, default=2, help="long queries kept running")
    parser.add_argument("--cheap", type=int, default=200, help="quick queries per phase (at most)")
    parser.add_argument("--seconds", type=float, default=20.0, help="time per phase (at most)")
    parser.add_argument("--timeout", type=float, default=10.0, help="server --timeout")
    args = parser.parse_args()
    from bench_store import generate

    bench_gate()
    with tempfile.TemporaryDirectory(prefix="kg-bench-serve-") as tmp:
        out = Path(tmp)
        generate(out, args.quads)
        print(f"kg serve on {args.quads:,} quads, {args.workers} workers, timeout {args.timeout:g} s, "
              f"quick query: {CHEAP}")
        common = {"timeout": args.timeout, "workers": args.workers}
        phase(out, "idle", 0, args.cheap, args.seconds, **common)
        phase(out, f"{args.costly} costly running, defaults (long queries <= workers - 1)", args.costly, args.cheap,
              args.seconds, **common)
        phase(out, f"{args.costly} costly running, no rationing (long queries <= workers = {args.costly})",
              args.costly, args.cheap, args.seconds, timeout=args.timeout, workers=args.costly,
              long_queries=args.costly)


if __name__ == "__main__":
    main()
