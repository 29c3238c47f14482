"""`kg build`, `kg build --add` and `kg remove`: from inputs to the files in OUT.

OUT holds graph.trig (the RDF dataset), graph.html (the explorer page),
report.json (what happened to every input) and manifest.json (which articles
the graph holds, for --add and remove). A build is replaced only by a better
one: when no input could be read, or --add/remove find no build, it stops
before touching OUT. The four files are written, under the build lock, as one
new generation (kg.generations) that replaces the old one in a single rename,
so a build killed or failing at any point leaves the previous build as it was.
"""
from __future__ import annotations

import contextlib
import itertools
import json
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

from kg.cache import AnalysisCache
from kg.errors import InputError, OutputError
from kg.generations import GRAPH, HTML, MANIFEST, REPORT, NewBuild, current_build, is_build
from kg.pipeline import (
    BATCH_SIZE,
    BuildResult,
    analyze_all,
    fingerprint,
    frozen_heap,
    iter_documents,
    prepare_resolution,
    resolution_groups,
    resolve_and_assemble,
)
from kg.records import ArticleAnalysis, Document, InputStatus

AUTO_VALIDATE_MAX_ARTICLES = 200
Progress = Callable[[int, int | None], None]  # (articles done, articles to analyse; None: still reading)


def load_manifest(out: Path) -> list[dict]:
    """The articles of the previous build: id, source, content hash, cache key."""
    path = current_build(out) / MANIFEST
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return list(data["articles"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise OutputError(f"{path}: not a kg manifest ({exc})") from None


def run_build(
    inputs: Sequence[Path],
    out: Path,
    *,
    add: bool = False,
    remove: Iterable[str] = (),
    curation: Path | None = None,
    links: Path | None = None,
    use_cache: bool = True,
    html: bool = True,
    validate: bool | None = None,
    run_batch: Callable | None = None,
    progress: Progress | None = None,
    store_url: str | None = None,
    follow_links: bool = False,
) -> BuildResult:
    """Build (or update, with add/remove) the graph in ``out``; see the module docstring."""
    from kg.resolve import check_inputs

    check_inputs(curation, links)  # fail on a bad curation or link file before the slow stages
    out = Path(out)
    removed = set(remove)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if (add or removed) and not is_build(out):
        what = "--add" if add else "remove"
        raise OutputError(f"{out}: no kg build here (no manifest.json); {what} changes an existing build: "
                          f"check --out, or build it first with `kg build INPUTS --out {out}`")
    if inputs:
        _check_readable(inputs, out, follow_links)
    created = not out.exists()
    started = time.perf_counter()
    try:
        with _build_lock(out), _terminate_as_interrupt():
            result = _build_locked(inputs, out, add, removed, curation, links, use_cache, html, validate,
                                   run_batch, progress, follow_links, started)
    except BaseException:
        from kg.executors import end_workers

        end_workers()  # an error or Ctrl-C/SIGTERM: the workers stop now, not after their batches
        if created:
            _remove_new_folder(out)
        raise
    if store_url:
        from kg.remote import push_build

        _stage(progress, f"loading the graph into {store_url}")
        push_build(out, store_url)
    return result


def _stage(progress: Progress | None, name: str) -> None:
    """Name a serial step after NLP on the progress display (kg.commands._progress), if it shows steps."""
    stage = getattr(progress, "stage", None)
    if stage:
        stage(name)


def _build_locked(inputs, out, add, removed, curation, links, use_cache, html, validate,  # type: ignore[no-untyped-def]
                  run_batch, progress, follow_links, started) -> BuildResult:
    cache = AnalysisCache(out, fingerprint(), enabled=use_cache)
    result = BuildResult()
    analyses: dict[str, ArticleAnalysis] = {}
    if add or removed:
        previous_articles = load_manifest(out)
        missing = removed - {e["id"] for e in previous_articles}
        if missing:
            raise OutputError(f"{out}: no article with id {', '.join(sorted(missing))} in this build")
        for entry in previous_articles:
            if entry["id"] in removed:
                continue
            previous = cache.get_key(entry["key"])
            if previous is None:
                why = cache.rejected.get(entry["key"], "missing")
                raise OutputError(f"{out}: the cached analysis of article {entry['id']} is {why}; "
                                  "rebuild from the inputs")
            analyses[entry["id"]] = previous

    result.statuses, groups = _analyse_inputs(inputs, cache, analyses, run_batch, progress, follow_links)
    if inputs and not any(s.status == "built" for s in result.statuses):
        raise InputError(_nothing_read(result.statuses, out))
    result.analyses = [analyses[k] for k in sorted(analyses)]
    graph_key = cache.graph_key(result.analyses, curation, links, options=(html, validate))
    current = current_build(out)
    result.graph = cache.get_graph(current, graph_key) if _outputs_exist(out, html) else None
    if result.graph is not None:  # nothing changed since the build that wrote OUT: keep its files
        _keep_outputs(out, current, result, cache, seconds=time.perf_counter() - started)
    else:
        with frozen_heap():
            _stage(progress, "resolving entities and relations")
            result.graph = resolve_and_assemble(result.analyses, curation=curation, links=links, groups=groups)
            _stage(progress, "writing graph.trig, graph.html and report.json")
            _write_outputs(out, result, cache, graph_key, html=html, validate=validate,
                           seconds=time.perf_counter() - started)
    return result


@contextlib.contextmanager
def _build_lock(out: Path):  # type: ignore[no-untyped-def]
    from kg.io import build_lock

    with build_lock(out):
        yield


@contextlib.contextmanager
def _terminate_as_interrupt():  # type: ignore[no-untyped-def]
    """SIGTERM stops a build like Ctrl-C: workers end, OUT keeps the previous build."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _check_readable(inputs: Sequence[Path], out: Path, follow_links: bool) -> None:
    """Stop before OUT is touched when no input names a file kg could read (a typo, an empty folder)."""
    from kg.ingest.sources import InputFile, iter_files

    statuses = []
    for item in iter_files(list(inputs), follow_links=follow_links):
        if isinstance(item, InputFile):
            return
        statuses.append(item)
    raise InputError(_nothing_read(statuses, out))


def _nothing_read(statuses: Sequence[InputStatus], out: Path) -> str:
    shown = "; ".join(f"{s.source}: {s.reason}" for s in statuses[:3]) or "no files"
    more = f" (and {len(statuses) - 3} more)" if len(statuses) > 3 else ""
    return f"no article could be read from the inputs ({shown}{more}); {out} was left as it was"


def _remove_new_folder(out: Path) -> None:
    """After a failed first build: take away what this build created, if that is all OUT holds."""
    from kg.cache import CACHE_DIR
    from kg.generations import BUILDS
    from kg.io import LOCK_NAME

    with contextlib.suppress(OSError):
        names = {p.name for p in out.iterdir()}
        if names <= {LOCK_NAME, BUILDS, CACHE_DIR}:
            for name in (BUILDS, CACHE_DIR):
                if (out / name).is_dir() and not any((out / name).rglob("*.json")):
                    shutil.rmtree(out / name, ignore_errors=True)
            (out / LOCK_NAME).unlink(missing_ok=True)
            out.rmdir()


def _analyse_inputs(
    inputs: Sequence[Path],
    cache: AnalysisCache,
    analyses: dict[str, ArticleAnalysis],
    run_batch: Callable | None,
    progress: Progress | None,
    follow_links: bool = False,
) -> tuple[list[InputStatus], dict]:
    """Read the inputs and analyse every article the cache does not hold, adding to ``analyses``.

    The first batches go to the workers as soon as they are read; then the rest is
    read in full while the workers are busy, so the progress bar knows the total.
    Returns the status of every input, in input order, and each new analysis's
    resolution groups (computed here while the workers analyse the next batches).
    """
    statuses: list[InputStatus | None] = []
    slot: dict[str, int] = {}  # article id -> its place in statuses, filled when its analysis is in
    total: int | None = None
    ahead = BATCH_SIZE * max(2, getattr(run_batch, "workers", 1))  # a batch for every worker

    def to_analyse() -> Iterator[Document]:
        nonlocal total
        stream = new_documents()
        yield from itertools.islice(stream, ahead)
        rest = list(stream)
        total = len(slot)
        yield from rest

    def new_documents() -> Iterator[Document]:
        for item in iter_documents(list(inputs), follow_links=follow_links):
            if isinstance(item, InputStatus):
                statuses.append(item)
                continue
            cached = cache.get(item)
            if cached is not None:
                analyses[item.id] = cached
                statuses.append(InputStatus(item.source, "built", "unchanged: analysis from cache", item.id))
                continue
            slot[item.id] = len(statuses)
            statuses.append(None)
            yield item

    kwargs = {"run_batch": run_batch} if run_batch is not None else {}
    groups: dict = {}
    for done, analysis in enumerate(analyze_all(to_analyse(), **kwargs), start=1):
        if done == 1:  # the workers have started (a fork after this would copy the tables)
            prepare_resolution()
        if progress:
            progress(done, total)
        if isinstance(analysis, InputStatus):
            statuses[slot[str(analysis.article_id)]] = analysis
            continue
        article = analysis.document
        cache.put(analysis)
        analyses[article.id] = analysis
        groups[article.id] = resolution_groups(analysis)  # while the workers go on
        note = cache.rejected.get(cache.current_key(article), "")
        note = f"cache entry ignored ({note}); analysed again" if note else ""
        statuses[slot[article.id]] = InputStatus(article.source, "built", note, article.id)
    return [s for s in statuses if s is not None], groups


def _outputs_exist(out: Path, html: bool) -> bool:
    return all((out / name).is_file() for name in (GRAPH, MANIFEST, REPORT, *((HTML,) if html else ())))


def _keep_outputs(out: Path, current: Path, result: BuildResult, cache: AnalysisCache, *, seconds: float) -> None:
    """An unchanged rebuild: graph, page, manifest and cached graph stay (hard links); the report is new."""
    from kg.cache import GRAPH_ENTRY

    report = _report(result, None, seconds, cache)
    try:  # the validation of the build that wrote these files still holds
        previous = json.loads((current / REPORT).read_text(encoding="utf-8"))
        report.update({k: previous[k] for k in ("validation",) if k in previous})
    except (OSError, ValueError, TypeError):
        pass
    report["outputs_unchanged"] = True
    with NewBuild(out) as new:
        for name in (GRAPH, HTML, MANIFEST, GRAPH_ENTRY):
            new.keep(name, current)
        new.write(REPORT, _json_bytes(report))
        new.commit()


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _write_outputs(out: Path, result: BuildResult, cache: AnalysisCache, graph_key: str, *, html: bool,
                   validate: bool | None, seconds: float) -> None:
    """Graph, page, manifest, report and cached graph into a new generation, then one switch."""
    from kg.cache import GRAPH_ENTRY
    from kg.rdf import serialize_trig

    graph = result.graph
    assert graph is not None
    with NewBuild(out) as new:
        new.write(GRAPH, serialize_trig(graph, getattr(graph, "decisions", ())))
        validation = None
        if validate is None:  # automatic: SHACL is cheap on small builds, slow on large ones
            validate = len(result.analyses) <= AUTO_VALIDATE_MAX_ARTICLES
        if validate:
            from kg.rdf import validate as shacl_validate

            validation = shacl_validate(new.path)
        if html:
            from kg.store import open_store
            from kg.view import write_html

            write_html(open_store(new.path), new.path / HTML)
            new.names.append(HTML)
        manifest = {
            "articles": [
                {
                    "id": a.document.id,
                    "source": a.document.source,
                    "content_hash": a.document.content_hash,
                    "key": cache.key(a.document),
                }
                for a in result.analyses
            ]
        }
        new.write(MANIFEST, _json_bytes(manifest))
        new.write(REPORT, _json_bytes(_report(result, validation, seconds, cache)))
        entry = cache.graph_entry(graph_key, graph)
        if entry is not None:
            new.write(GRAPH_ENTRY, entry)
        new.commit()


def _report(result: BuildResult, validation, seconds: float, cache: AnalysisCache | None = None) -> dict:
    from kg.resolve.lookalike import mixed_script_names

    graph = result.graph
    pipelines = sorted({a.pipeline for a in result.analyses if a.pipeline})
    report = {
        "inputs": [asdict(s) for s in result.statuses],
        "counts": result.counts(),
        "articles": len(result.analyses),
        "entities": len(graph.entities) if graph else 0,
        **dict(zip(("relations", "said"), relation_counts(graph))),
        "events": len(graph.events) if graph else 0,
        "pipelines": pipelines,
        "seconds": round(seconds, 3),
        "mixed_script": mixed_script_names(graph.entities) if graph else [],  # look-alike names (kg.resolve)
    }
    if cache is not None and cache.notes:
        report["notes"] = list(cache.notes)
    if validation is not None:
        report["validation"] = _validation_summary(validation)
    return report


def relation_counts(graph) -> tuple[int, int]:
    """(relations, of them said): every evidence-backed relation statement of the graph - the resolved edges
    (employedBy, reportedBy, ...) plus one kg:said per speaker and quote (an Agent -> Quote relation with its own
    evidence, which the edges do not hold)."""
    if graph is None:
        return 0, 0
    said = len({(q.speaker, q.text) for q in graph.quotes})
    return len(graph.edges) + said, said


def _validation_summary(validation) -> dict:
    """The SHACL result in a few numbers (kg.rdf.validate's ValidationReport)."""
    return {"conforms": bool(validation.conforms), "violations": len(validation.violations)}
