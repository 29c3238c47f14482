#!/usr/bin/env python3
"""Throughput of the NLP stage (pipeline + extract_mentions) on one core.

Usage: python3 scripts/bench_nlp.py [--data ../shared/corpus/10kgnad/articles.jsonl] [--limit N]

Prints load time, articles, characters and tokens per second, and the share
of time per pipeline component. Figures are CPU time of this process; the
machine's load average is printed too, since a busy machine slows CPU-bound
code even in CPU time (shared caches, hyper-threads): compare runs taken under
similar load.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "corpus" / "10kgnad" / "articles.jsonl"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 2
    from kg.records import Document

    docs = []
    with open(args.data, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if args.limit and n >= args.limit:
                break
            rec = json.loads(line)
            text = rec["text"]
            docs.append(Document(str(rec.get("id", n)), text, f"{args.data}:{n + 1}",
                                 hashlib.sha256(text.encode()).hexdigest()))
    t0 = time.process_time()
    from kg.nlp import extract_mentions, load_pipeline, pipeline_info

    nlp = load_pipeline("de")
    nlp("Aufwärmen in Berlin.")
    load = time.process_time() - t0
    per_comp: Counter = Counter()
    n_tokens = n_mentions = 0
    t0 = time.process_time()
    for d in docs:
        doc = nlp.make_doc(d.text)
        for name, proc in nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            per_comp[name] += time.process_time() - t
        t = time.process_time()
        _sents, mentions = extract_mentions(doc, d)
        per_comp["extract_mentions"] += time.process_time() - t
        n_tokens += len(doc)
        n_mentions += len(mentions)
    total = time.process_time() - t0
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    chars = sum(len(d.text) for d in docs)
    print(f"pipeline: {pipeline_info('de')['name']}  load+warm-up: {load:.2f}s")
    print(f"{len(docs)} articles, {chars:,} chars, {n_tokens:,} tokens, {n_mentions:,} mentions in {total:.2f}s")
    print(f"{len(docs) / total:,.1f} articles/s  {chars / total:,.0f} chars/s  {n_tokens / total:,.0f} tokens/s "
          f"(CPU time, one core; load average {load_avg:.1f} on {os.cpu_count()} cores)")
    tok_time = total - sum(per_comp.values())
    print(f"  tokenizer: {tok_time / total:5.1%}")
    for name, secs in per_comp.items():
        print(f"  {name}: {secs / total:5.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
