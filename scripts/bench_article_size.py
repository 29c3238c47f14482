#!/usr/bin/env python3
"""Benchmark one large article through the real build: does doubling its size at most double the time?

    python3 scripts/bench_article_size.py [--corpus PATH] [--sizes 250K,500K,1M,2M] [--profile SIZE] [--stages]

For each size, a synthetic article is made in memory by concatenating the texts
of the corpus (paragraphs separated by blank lines) until it reaches that many
bytes of UTF-8; it is written to a temporary JSONL file (never committed) and
built by `python -m kg build FILE --out TMP --workers 1 --no-cache --no-html
--no-validate --quiet` in a fresh process. Prints wall seconds, CPU seconds and
peak RSS (of that process, from os.wait4) per size, and the ratio of each size
to the one before (2 MB / 1 MB is the figure of BENCHMARKS.md). With
--profile SIZE, that size is built in-process under cProfile instead and the
top functions by cumulative time are printed. With --stages, each size is run
stage by stage in a fresh process (start-up, tokenizer, each spaCy component,
mentions, extraction, resolution, RDF) and the CPU seconds of each stage are
printed, with the total and the total without HanTa tagging (kg_hanta).
Default corpus: ../shared/corpus/10kgnad/articles.jsonl next to the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "10kgnad" / "articles.jsonl"
UNITS = {"K": 1000, "M": 1000_000}


def parse_size(text: str) -> int:
    text = text.strip().upper().rstrip("B")
    return int(float(text[:-1]) * UNITS[text[-1]]) if text[-1:] in UNITS else int(text)


def article_of(corpus: Path, size: int) -> str:
    """Real article texts, joined by blank lines and repeated, cut at a paragraph end near ``size`` bytes."""
    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8") if line.strip()]
    parts, total, i = [], 0, 0
    while total < size:
        t = texts[i % len(texts)]
        parts.append(t)
        total += len(t.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def write_corpus(tmp: Path, corpus: Path, size: int) -> Path:
    path = tmp / f"article-{size}.jsonl"
    record = {"id": f"synthetic-{size}", "text": article_of(corpus, size)}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def run_build(path: Path, out: Path) -> tuple[float, float, float, int]:
    """Wall s, CPU s, peak RSS MB and exit code of one build in a fresh process."""
    cmd = [sys.executable, "-m", "kg", "build", str(path), "--out", str(out), "--workers", "1",
           "--no-cache", "--no-html", "--no-validate", "--quiet"]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode != 0:
        print(err.strip()[-2000:], file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def profile(path: Path, out: Path) -> None:
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from kg.cli import app

    prof = cProfile.Profile()
    prof.enable()
    try:
        app(["build", str(path), "--out", str(out), "--workers", "1", "--no-cache", "--no-html", "--no-validate",
             "--quiet"], standalone_mode=False)
    except SystemExit:
        pass
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(35)


STAGES_HELP = "CPU seconds of each stage, each size in a fresh process"


def stage_times(path: Path) -> dict[str, float]:
    """CPU seconds of each stage of building the one article of ``path`` (the steps of
    kg.pipeline.analyze_batch and the global stages, timed one by one in this process)."""
    clock = time.process_time
    t = clock()
    sys.path.insert(0, str(ROOT))
    from kg import pipeline
    from kg.extract import extract_article
    from kg.ingest import iter_inputs
    from kg.nlp import extract_mentions, load_pipeline
    from kg.rdf import serialize_trig

    nlp = load_pipeline("de")
    pipeline.fingerprint()
    pipeline.prepare_resolution()
    row = {"start-up": clock() - t}
    document = next(d for d in iter_inputs([path]) if not hasattr(d, "status"))

    def timed(name, func, *args):
        t = clock()
        out = func(*args)
        row[name] = row.get(name, 0.0) + clock() - t
        return out

    doc = timed("tokenizer", nlp.make_doc, document.text)
    for name, component in nlp.pipeline:
        doc = timed(name, component, doc)
    sentences, mentions = timed("mentions", extract_mentions, doc, document)
    analysis = timed("extraction", extract_article, doc, document, sentences, mentions)
    analysis = pipeline._with_pipeline(analysis, pipeline.pipeline_name(document.lang))
    groups = timed("resolution", pipeline.resolution_groups, analysis)
    graph = timed("resolution", pipeline.resolve_and_assemble, [analysis], None, None, {document.id: groups})
    timed("rdf", serialize_trig, graph, getattr(graph, "decisions", ()))
    return row


def print_stages(tmp: Path, corpus: Path, sizes: list[str]) -> None:
    rows = {}
    for label in sizes:
        path = write_corpus(tmp, corpus, parse_size(label))
        cmd = [sys.executable, __file__, "--stages-of", str(path)]
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"bench_article_size: {label}: {done.stderr.strip()[-2000:]}")
        rows[label] = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{label}: done", file=sys.stderr, flush=True)
    names = list(dict.fromkeys(k for row in rows.values() for k in row))
    print(f"{'stage (CPU s)':<16}" + "".join(f"{label:>9}" for label in sizes))
    for name in names + ["total", "w/o kg_hanta"]:
        cells = []
        for label in sizes:
            row = rows[label]
            total = sum(row.values())
            value = total if name == "total" else total - row.get("kg_hanta", 0.0) if name.startswith("w/o") \
                else row.get(name, 0.0)
            cells.append(f"{value:>9.2f}")
        print(f"{name:<16}" + "".join(cells))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", default="250K,500K,1M,2M")
    ap.add_argument("--profile", default=None, help="build this one size in-process under cProfile")
    ap.add_argument("--stages", action="store_true", help=STAGES_HELP)
    ap.add_argument("--stages-of", type=Path, default=None, help=argparse.SUPPRESS)  # one size, in the child
    args = ap.parse_args()
    if args.stages_of:
        print(json.dumps(stage_times(args.stages_of)))
        return
    if not args.corpus.exists():
        sys.exit(f"bench_article_size: {args.corpus}: no such corpus")
    with tempfile.TemporaryDirectory(prefix="kg-bench-size-") as tmp_name:
        tmp = Path(tmp_name)
        if args.profile:
            profile(write_corpus(tmp, args.corpus, parse_size(args.profile)), tmp / "out")
            return
        if args.stages:
            print_stages(tmp, args.corpus, args.sizes.split(","))
            return
        print(f"{'size':>8} {'bytes':>10} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'x prev':>7}")
        prev = None
        for label in args.sizes.split(","):
            size = parse_size(label)
            path = write_corpus(tmp, args.corpus, size)
            wall, cpu, rss, code = run_build(path, tmp / f"out-{size}")
            ratio = f"{cpu / prev:.2f}" if prev else ""
            print(f"{label:>8} {path.stat().st_size:>10,} {wall:>8.1f} {cpu:>8.1f} {rss:>8.0f} {ratio:>7}"
                  + ("" if code == 0 else f"  (exit {code})"), flush=True)
            prev = cpu
        print("x prev: CPU time of this size / CPU time of the size before it")


if __name__ == "__main__":
    main()
