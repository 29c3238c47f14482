#!/usr/bin/env python3
"""Benchmark the extraction stage alone on one growing article: does doubling its size at most double the time?

    python3 scripts/bench_extract.py [--corpus PATH] [--sizes 50K,100K,200K,400K] [--profile SIZE]

For each size, a synthetic article is made in memory from the corpus texts (as
scripts/bench_article_size.py does), analysed once by the NLP pipeline, and then
``kg.extract.extract_article`` alone is timed on it (CPU seconds, best of
--repeat). Prints mentions, relations and the ratio of each size's time to the
one before: about 2.0 per doubling is linear. With --profile SIZE the
extraction of that size runs under cProfile and the top functions are printed.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_article_size import DEFAULT_CORPUS, article_of, parse_size  # noqa: E402


def analysed(text: str):
    """The NLP pass of one article: (spaCy Doc, Document, sentences, mentions)."""
    from kg.nlp import extract_mentions, load_pipeline
    from kg.records import Document

    document = Document(id="synthetic", text=text, source="bench", content_hash="")
    sdoc = load_pipeline("de")(text)
    sentences, mentions = extract_mentions(sdoc, document)
    return sdoc, document, sentences, mentions


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", default="50K,100K,200K,400K")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--profile", default=None, help="extract this one size under cProfile")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"bench_extract: {args.corpus}: no such corpus")
    from kg.extract import extract_article

    if args.profile:
        import cProfile
        import pstats

        inputs = analysed(article_of(args.corpus, parse_size(args.profile)))
        prof = cProfile.Profile()
        prof.runcall(extract_article, *inputs)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        return
    print(f"{'size':>8} {'mentions':>9} {'relations':>10} {'extract s':>10} {'x prev':>7}")
    prev = None
    for label in args.sizes.split(","):
        inputs = analysed(article_of(args.corpus, parse_size(label)))
        best, result = None, None
        for _ in range(max(1, args.repeat)):
            t0 = time.process_time()
            result = extract_article(*inputs)
            spent = time.process_time() - t0
            best = spent if best is None else min(best, spent)
        ratio = f"{best / prev:.2f}" if prev else ""
        print(f"{label:>8} {len(result.mentions):>9,} {len(result.relations):>10,} {best:>10.2f} {ratio:>7}", flush=True)
        prev = best
    print("x prev: extraction CPU time of this size / that of the size before it")


if __name__ == "__main__":
    main()
