#!/usr/bin/env python3
"""How fast the explorer's JSON API answers through `kg serve` (search, neighbours, evidence, article).

Starts the real server on a free port over a build folder, makes the first
request of each kind (the name index is loaded then, and each query shape is
checked once per worker), then times N requests of each kind with random
inputs taken from the graph, and prints p50/p95/p99 in milliseconds.

Usage: python3 scripts/bench_api.py OUT [--runs 200] [--workers 2] [--seed 1]
       python3 scripts/bench_api.py --synthetic 100000 [...]  (a generated graph of that many entities)
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LABELS = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?label WHERE { GRAPH <https://w3id.org/kg-news/graph/entities> { ?e skos:prefLabel ?label } } ORDER BY ?e"""


def fetch(base: str, path: str, **params) -> tuple[float, dict]:
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(f"{base}{path}?{urlencode(params)}", timeout=60) as r:
            body = json.loads(r.read())
    except urllib.error.HTTPError as exc:
        body = {"error": exc.read().decode("utf-8", "replace"), "status": exc.code}
    return (time.perf_counter() - start) * 1000, body


def pct(times: list[float], p: float) -> float:
    s = sorted(times)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--synthetic", type=int, default=0, help="generate a graph of this many entities instead")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    from kg.server import close_server, make_server

    if args.synthetic:
        import tempfile

        from kg.rdf import serialize_trig
        from kg.view.synthetic import synthetic_kg

        t0 = time.perf_counter()
        args.out = Path(tempfile.mkdtemp(prefix="kg-bench-api-"))
        (args.out / "graph.trig").write_bytes(serialize_trig(synthetic_kg(args.synthetic, seed=args.seed)))
        size = (args.out / "graph.trig").stat().st_size
        print(f"generated {args.synthetic:,} entities: graph.trig {size / 1e6:.0f} MB in {time.perf_counter() - t0:.1f} s")
    elif args.out is None:
        ap.error("give a build folder OUT or --synthetic N")
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (timings scale with it)")
    t0 = time.perf_counter()
    server = make_server(args.out, "127.0.0.1", 0, workers=args.workers, max_rows=10000)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"kg serve {args.out} ({args.workers} workers) ready in {time.perf_counter() - t0:.1f} s")
    try:
        with urllib.request.urlopen(f"{base}/sparql?{urlencode({'query': LABELS})}", timeout=120) as r:
            rows = json.loads(r.read())["results"]["bindings"]
        entities = [(row["e"]["value"], row["label"]["value"]) for row in rows]
        rng = random.Random(args.seed)
        print(f"{len(entities)} labelled entities")
        cold = {}
        cold["search"], _ = fetch(base, "/api/search", q="a")
        # nodes with links, found through the API itself
        linked, edges = [], []
        for iri, _ in rng.sample(entities, min(len(entities), 400)):
            ms, body = fetch(base, "/api/neighbours", iri=iri, limit=50)
            cold.setdefault("neighbours", ms)
            if body.get("edges"):
                linked.append(iri)
                edges.extend(body["edges"])
        e0 = edges[0]
        cold["evidence"], _ = fetch(base, "/api/evidence", subject=e0["source"], predicate=e0["predicateIri"],
                                    object=e0["target"])
        print("first request (index load, query checks): " + ", ".join(f"{k} {v:.0f} ms" for k, v in cold.items()))
        print(f"{len(linked)} of 400 sampled entities have links; {len(edges)} edges seen")
        kinds = {
            "search (prefix)": lambda: fetch(base, "/api/search", q=rng.choice(entities)[1][: rng.randint(3, 8)], limit=10),
            "search (typo)": lambda: fetch(base, "/api/search", q=typo(rng.choice(entities)[1], rng), limit=10),
            "neighbours": lambda: fetch(base, "/api/neighbours", iri=rng.choice(linked), limit=100),
            "evidence (edge)": lambda: (lambda e: fetch(base, "/api/evidence", subject=e["source"],
                                                        predicate=e["predicateIri"], object=e["target"]))(rng.choice(edges)),
            "evidence (node)": lambda: fetch(base, "/api/evidence", iri=rng.choice(linked), limit=50),
        }
        print(f"{args.runs} requests each, one client:")
        for name, call in kinds.items():
            times, errors = [], 0
            for _ in range(args.runs):
                ms, body = call()
                times.append(ms)
                errors += "error" in body
            print(f"  {name:<17} p50 {pct(times, 50):7.1f}  p95 {pct(times, 95):7.1f}  p99 {pct(times, 99):7.1f} ms"
                  f"  ({errors} errors)", flush=True)
    finally:
        close_server(server)
        if args.synthetic:
            import shutil

            shutil.rmtree(args.out, ignore_errors=True)


if __name__ == "__main__":
    main()
