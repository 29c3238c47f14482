#!/usr/bin/env python3
"""Benchmark `kg build` on a corpus: cold build, warm rebuild, and the bare NLP pass.

    python3 scripts/bench_build.py [--corpus PATH] [--workers N] [--limit N] [--repeat N] [--stages] [--profile]

Each phase runs in a fresh process so that every one starts cold:
  bare     load_pipeline + nlp.pipe over the cleaned article texts (same --workers),
  build    `kg build CORPUS --out TMP --workers N --quiet` (the defaults: HTML on),
  rebuild  the same command again: every analysis comes from the content-hash cache.
Prints wall time, CPU time (user + sys of the phase and its workers: less
sensitive than wall time to other load on the machine), articles/s, tokens/s, peak RSS (the largest single process, from
getrusage incl. children, and the whole process tree, sampled with psutil), the
ratio build / bare, and rebuild / build. With --stages, a cold build also runs
in-process with a timer around each stage; with --profile, under cProfile, with
the time summed per kg module and library.
Default corpus: ../shared/corpus/10kgnad/articles.jsonl next to the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "10kgnad" / "articles.jsonl"
RUSAGE_FILE = "KG_BENCH_RUSAGE"  # where a phase process writes its own peak RSS at exit


def _documents(corpus: Path, limit: int | None) -> list:
    from kg.pipeline import iter_documents
    from kg.records import Document

    docs = [d for d in iter_documents([corpus]) if isinstance(d, Document)]
    return docs[:limit] if limit else docs


def _limited_corpus(corpus: Path, limit: int | None, tmp: Path) -> Path:
    """The first ``limit`` lines of a JSONL corpus (the whole corpus without a limit)."""
    if not limit:
        return corpus
    if corpus.suffix != ".jsonl":
        sys.exit("bench_build: --limit needs a .jsonl corpus")
    part = tmp / f"first-{limit}.jsonl"
    with corpus.open(encoding="utf-8") as src, part.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    return part


def _bare_batch(docs):
    """Bare NLP: the pipeline over the texts, nothing else; returns token counts."""
    from kg.nlp import load_pipeline
    from kg.pipeline import BATCH_SIZE

    nlp = load_pipeline(docs[0].lang)
    return [len(doc) for doc in nlp.pipe((d.text for d in docs), batch_size=BATCH_SIZE)]


def _record_rusage() -> None:
    """At exit: the peak RSS of this process and of its largest (worker) child, in bytes."""
    import atexit

    def write() -> None:
        usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
        Path(os.environ[RUSAGE_FILE]).write_text(json.dumps({
            "largest_rss": max(u.ru_maxrss for u in usage) * 1024,  # Linux: KiB
            "cpu": sum(u.ru_utime + u.ru_stime for u in usage),
            "cpu_main": usage[0].ru_utime + usage[0].ru_stime,
        }))

    if os.environ.get(RUSAGE_FILE):
        atexit.register(write)


def kg_phase(argv: list[str]) -> None:
    """Runs in its own process: `kg ARGV...`."""
    from kg.cli import console  # what the `kg` command runs

    sys.argv = ["kg", *argv]
    console()


def bare_phase(corpus: Path, workers: int) -> None:
    """Runs in its own process: prints {"seconds", "articles", "tokens", "chars"} as JSON."""
    docs = _documents(corpus, None)
    started = time.perf_counter()
    from kg.executors import ProcessRunner
    from kg.nlp import load_pipeline
    from kg.pipeline import analyze_all

    load_pipeline(docs[0].lang if docs else "de")  # loaded once, shared by forked workers
    runner = ProcessRunner(workers, fn=_bare_batch) if workers > 1 else _bare_batch
    tokens = sum(analyze_all(docs, run_batch=runner))
    seconds = time.perf_counter() - started
    import kg

    print(json.dumps({"seconds": seconds, "articles": len(docs), "tokens": tokens,
                      "chars": sum(len(d.text) for d in docs), "kg": kg.__file__}))


class TreeRss:
    """Peak summed RSS of a process and its descendants, sampled every 50 ms."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.proc, self.peak, self._stop = psutil.Process(pid), 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            self._stop.wait(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def snapshot_code(tmp: Path) -> Path:
    """A frozen copy of kg for all phases: the cache keys on kg's code, and a work
    tree edited during the benchmark would make the rebuild a cold build."""

    code = tmp / "code"
    for name in ("kg", "ontology"):  # kg finds ../ontology next to the package
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, code / name, ignore=shutil.ignore_patterns("__pycache__"))
    return code


def run_phase(name: str, args: list[str], tmp: Path) -> dict:
    rusage = tmp / f"{name}.rusage.json"
    env = {**os.environ, RUSAGE_FILE: str(rusage), "PYTHONPATH": str(tmp / "code")}
    cmd = [sys.executable, __file__, "--phase", *args]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    rss = TreeRss(proc.pid)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    tree = rss.stop()
    if proc.returncode not in (0, 1):  # 1: some article failed, still a build
        sys.exit(f"bench_build: {name} failed ({proc.returncode}):\n{err[-2000:]}")
    usage = json.loads(rusage.read_text()) if rusage.exists() else {"largest_rss": 0, "cpu": 0.0, "cpu_main": 0.0}
    return {"seconds": seconds, "tree_rss": tree, **usage, "stdout": out.strip()}


def _median_phase(phases: list[dict]) -> dict:
    """Each figure of a phase as its median over the runs (peak memory: the highest)."""
    return {k: (max if k.endswith("rss") else statistics.median)(p[k] for p in phases)
            for k in phases[0] if k != "stdout"}


def profile_build(corpus: Path, workers: int, out: Path) -> None:
    """The cold build in-process under cProfile: own time summed per module family."""
    import cProfile
    import pstats

    from kg.builder import run_build
    from kg.executors import make_runner

    profiler = cProfile.Profile()
    profiler.enable()
    run_build([corpus], out, run_batch=make_runner(workers), use_cache=False)
    profiler.disable()
    totals: dict[str, float] = {}
    for (filename, _line, _func), (_cc, _nc, tottime, _ct, _callers) in pstats.Stats(profiler).stats.items():
        totals[_family(filename)] = totals.get(_family(filename), 0.0) + tottime
    print("\nprofile (own time per module family, this process only):")
    for family, seconds in sorted(totals.items(), key=lambda kv: -kv[1])[:20]:
        print(f"  {seconds:8.2f} s  {family}")


def stage_times(corpus: Path, workers: int, out: Path) -> None:
    """A cold build in-process with a CPU and wall timer around each stage (no profiler overhead)."""
    import kg.builder
    import kg.rdf
    import kg.store
    import kg.view
    from kg.executors import make_runner

    times: dict[str, list[float]] = {}

    def add(label: str, cpu: float, wall: float) -> None:
        t = times.setdefault(label, [0.0, 0.0])
        t[0] += time.process_time() - cpu
        t[1] += time.perf_counter() - wall

    def timed(module, name: str, label: str, stream: bool = False) -> None:
        real = getattr(module, name)

        def call(*args, **kwargs):
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                add(label, cpu, wall)

        def each(*args, **kwargs):
            items = real(*args, **kwargs)
            while True:
                cpu, wall = time.process_time(), time.perf_counter()
                item = next(items, StopIteration)
                add(label, cpu, wall)
                if item is StopIteration:
                    return
                yield item

        setattr(module, name, each if stream else call)

    timed(kg.builder, "fingerprint", "fingerprint (imports the NLP stack)")
    timed(kg.builder, "iter_documents", "ingest (streamed: inside the analysis below)", stream=True)
    timed(kg.builder, "analyze_all", "per-article analysis (main process: waiting for workers)"
          if workers > 1 else "per-article analysis", stream=True)
    timed(kg.builder, "resolve_and_assemble", "resolution + assembly")
    timed(kg.rdf, "serialize_trig", "TriG serialisation")
    timed(kg.rdf, "validate", "SHACL validation (on up to 200 articles)")
    timed(kg.store, "open_store", "store load (for the page)")
    timed(kg.view, "write_html", "HTML view")
    cpu, wall = time.process_time(), time.perf_counter()
    kg.builder.run_build([corpus], out, run_batch=make_runner(workers), use_cache=False)
    add("run_build total", cpu, wall)
    print("\n| stage (main process) | CPU s | wall s |\n|---|---|---|")
    for label, (c, w) in times.items():
        print(f"| {label} | {c:.1f} | {w:.1f} |")


def _family(filename: str) -> str:
    """kg/<package> for kg's code, the top-level package name for libraries."""
    path = Path(filename)
    parts = path.parts
    if "kg" in parts and str(ROOT) in filename:
        rest = parts[parts.index("kg") + 1:]
        return "kg/" + (rest[0] if len(rest) > 1 else rest[0].removesuffix(".py")) if rest else "kg"
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    return "python" if filename.startswith(("<", "~")) or "lib/python" in filename else filename


def machine() -> str:
    import spacy

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores, {mem:.1f} GiB memory, Python {platform.python_version()}, "
            f"spaCy {spacy.__version__}, {platform.platform()}, load average {load}")


def main() -> None:
    if sys.argv[1:3] == ["--phase", "kg"]:  # before argparse: kg's own options follow
        _record_rusage()
        return kg_phase(sys.argv[3:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (JSONL)")
    parser.add_argument("--profile", action="store_true", help="also profile the cold build in-process")
    parser.add_argument("--stages", action="store_true", help="also time each stage of a cold build in-process")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run bare NLP, build and rebuild this many times, interleaved; report medians")
    parser.add_argument("--phase", choices=["bare"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "bare":
        _record_rusage()
        return bare_phase(args.corpus, args.workers)
    if not args.corpus.exists():
        sys.exit(f"bench_build: {args.corpus} not found")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        corpus = _limited_corpus(args.corpus, args.limit, Path(tmp))
        snapshot_code(Path(tmp))
        out = Path(tmp) / "out"
        workers = ["--workers", str(args.workers)]
        kg_build = ["kg", "build", str(corpus), "--out", str(out), *workers, "--quiet"]
        runs = []
        for _ in range(args.repeat):  # interleaved, so drifting load on the machine hits both alike
            shutil.rmtree(out, ignore_errors=True)
            bare = run_phase("bare", ["bare", "--corpus", str(corpus), *workers], Path(tmp))
            counts = json.loads(bare.pop("stdout"))
            assert counts["kg"].startswith(tmp), f"phases must run the snapshot of kg, not {counts['kg']}"
            build = run_phase("build", kg_build, Path(tmp))
            rebuild = run_phase("rebuild", kg_build, Path(tmp))
            runs.append((bare, build, rebuild))
        bare, build, rebuild = (_median_phase([r[i] for r in runs]) for i in range(3))
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        print(f"machine: {machine()}")
        print(f"corpus: {args.corpus} ({counts['articles']} articles, {counts['chars']:,} characters, "
              f"{counts['tokens']:,} tokens), --workers {args.workers}")
        print(f"graph: {report['entities']} entities, {report['relations']} relations, {report['events']} events")
        print("| phase | wall s | CPU s, all processes (main) | articles/s | tokens/s | peak RSS, process tree "
              "| peak RSS, largest process |")
        print("|---|---|---|---|---|---|---|")
        for name, phase in (("bare NLP", bare), ("build (cold)", build), ("rebuild (warm cache)", rebuild)):
            s = phase["seconds"]
            print(f"| {name} | {s:.1f} | {phase['cpu']:.1f} ({phase['cpu_main']:.1f}) | {counts['articles'] / s:.1f} | "
                  f"{counts['tokens'] / s:,.0f} | {phase['tree_rss'] / 2**20:,.0f} MiB | "
                  f"{phase['largest_rss'] / 2**20:,.0f} MiB |")
        ratios = {key: statistics.median(b[key] / a[key] for a, b, _ in runs) for key in ("seconds", "cpu")}
        rebuilt = {key: statistics.median(r[key] / b[key] for _, b, r in runs) for key in ("seconds", "cpu")}
        if args.repeat > 1:  # each ratio within one run (same load), then the median over the runs
            print(f"(median of {args.repeat} interleaved runs; build / bare NLP of each run: "
                  + ", ".join(f"{b['seconds'] / a['seconds']:.2f}" for a, b, _ in runs) + ")")
        print(f"build / bare NLP = {ratios['seconds']:.2f} (CPU: {ratios['cpu']:.2f}); "
              f"rebuild / build = {rebuilt['seconds']:.1%} (CPU: {rebuilt['cpu']:.1%})")
        if args.stages:
            stage_times(corpus, args.workers, Path(tmp) / "staged")
        if args.profile:
            profile_build(corpus, args.workers, Path(tmp) / "profiled")


if __name__ == "__main__":
    main()
