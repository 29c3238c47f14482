"""`kg build`, `kg build --add` and `kg remove`: from inputs to the files in OUT.

OUT holds graph.trig (the RDF dataset), graph.html (the explorer page),
report.json (what happened to every input) and manifest.json (which articles
the graph holds, for --add and remove). Every file is written atomically, under
a lock, and only after the whole graph is ready, so a killed build leaves the
previous graph and page intact.
"""
from __future__ import annotations

import itertools
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

from kg.cache import AnalysisCache
from kg.errors import OutputError
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

MANIFEST = "manifest.json"
REPORT = "report.json"
GRAPH = "graph.trig"
HTML = "graph.html"

AUTO_VALIDATE_MAX_ARTICLES = 200
Progress = Callable[[int, int | None], None]  # (articles done, articles to analyse; None: still reading)


def load_manifest(out: Path) -> list[dict]:
    """The articles of the previous build: id, source, content hash, cache key."""
    path = out / MANIFEST
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
) -> BuildResult:
    """Build (or update, with add/remove) the graph in ``out``; see the module docstring."""
    from kg.io import build_lock
    from kg.resolve import check_inputs

    check_inputs(curation, links)  # fail on a bad curation or link file before the slow stages
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with build_lock(out):
        cache = AnalysisCache(out, fingerprint(), enabled=use_cache)
        result = BuildResult()
        analyses: dict[str, ArticleAnalysis] = {}
        removed = set(remove)
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
                    raise OutputError(
                        f"{out}: the cached analysis of article {entry['id']} is missing; rebuild from the inputs"
                    )
                analyses[entry["id"]] = previous

        result.statuses, groups = _analyse_inputs(inputs, cache, analyses, run_batch, progress)
        result.analyses = [analyses[k] for k in sorted(analyses)]
        graph_key = cache.graph_key(result.analyses, curation, links, options=(html, validate))
        result.graph = cache.get_graph(graph_key) if _outputs_exist(out, html) else None
        if result.graph is not None:  # nothing changed since the build that wrote OUT: keep its files
            _keep_outputs(out, result, seconds=time.perf_counter() - started)
        else:
            cache.drop_graph()
            with frozen_heap():
                result.graph = resolve_and_assemble(result.analyses, curation=curation, links=links, groups=groups)
                _write_outputs(out, result, cache, html=html, validate=validate,
                               seconds=time.perf_counter() - started)
                cache.put_graph(graph_key, result.graph)
    if store_url:
        from kg.remote import push_build

        push_build(out, store_url)
    return result


def _analyse_inputs(
    inputs: Sequence[Path],
    cache: AnalysisCache,
    analyses: dict[str, ArticleAnalysis],
    run_batch: Callable | None,
    progress: Progress | None,
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
        for item in iter_documents(list(inputs)):
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
        statuses[slot[article.id]] = InputStatus(article.source, "built", "", article.id)
    return [s for s in statuses if s is not None], groups


def _outputs_exist(out: Path, html: bool) -> bool:
    return all((out / name).is_file() for name in (GRAPH, MANIFEST, REPORT, *((HTML,) if html else ())))


def _keep_outputs(out: Path, result: BuildResult, *, seconds: float) -> None:
    """An unchanged rebuild: graph, page and manifest stay; the report is new."""
    from kg.io import atomic_write_text

    report = _report(result, None, seconds)
    try:  # the validation of the build that wrote these files still holds
        previous = json.loads((out / REPORT).read_text(encoding="utf-8"))
        report.update({k: previous[k] for k in ("validation",) if k in previous})
    except (OSError, ValueError, TypeError):
        pass
    report["outputs_unchanged"] = True
    atomic_write_text(out / REPORT, json.dumps(report, indent=1, ensure_ascii=False) + "\n")


def _write_outputs(out: Path, result: BuildResult, cache: AnalysisCache, *, html: bool, validate: bool | None,
                   seconds: float) -> None:
    """Graph first, then the page, then report and manifest: each one atomic."""
    from kg.io import atomic_write_bytes, atomic_write_text, fsync_dir
    from kg.rdf import serialize_trig

    graph = result.graph
    assert graph is not None
    # Graph and page are made in a staging folder and renamed in one go at the
    # end: a kill at any point leaves the previous pair (or the new pair).
    staging = out / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    atomic_write_bytes(staging / GRAPH, serialize_trig(graph, getattr(graph, "decisions", ())))
    validation = None
    if validate is None:  # automatic: SHACL is cheap on small builds, slow on large ones
        validate = len(result.analyses) <= AUTO_VALIDATE_MAX_ARTICLES
    if validate:
        from kg.rdf import validate as shacl_validate

        validation = shacl_validate(staging)
    if html:
        from kg.store import open_store
        from kg.view import write_html

        write_html(open_store(staging), staging / HTML)
    for name in (GRAPH, HTML):
        if (staging / name).exists():
            os.replace(staging / name, out / name)
    fsync_dir(out)
    shutil.rmtree(staging, ignore_errors=True)
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
    atomic_write_text(out / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    atomic_write_text(out / REPORT, json.dumps(_report(result, validation, seconds), indent=1, ensure_ascii=False) + "\n")


def _report(result: BuildResult, validation, seconds: float) -> dict:
    from kg.resolve.lookalike import mixed_script_names
    graph = result.graph
    pipelines = sorted({a.pipeline for a in result.analyses if a.pipeline})
    report = {
        "inputs": [asdict(s) for s in result.statuses],
        "counts": result.counts(),
        "articles": len(result.analyses),
        "entities": len(graph.entities) if graph else 0,
        "relations": len(graph.edges) if graph else 0,
        "events": len(graph.events) if graph else 0,
        "pipelines": pipelines,
        "seconds": round(seconds, 3),
        "mixed_script": mixed_script_names(graph.entities) if graph else [],  # look-alike names (kg.resolve)
    }
    if validation is not None:
        report["validation"] = _validation_summary(validation)
    return report


def _validation_summary(validation) -> dict:
    """The SHACL result in a few numbers (kg.rdf.validate's ValidationReport)."""
    return {"conforms": bool(validation.conforms), "violations": len(validation.violations)}
