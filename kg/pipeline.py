"""The one place where kg's stages are composed.

ingest -> NLP -> mentions -> extraction (per article, pure, parallel, cached)
-> resolution -> assembly -> RDF -> HTML view (global).
"""
from __future__ import annotations

import contextlib
import gc
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.records import ArticleAnalysis, Document, InputStatus, KnowledgeGraph

BATCH_SIZE = 32


def analyze_batch(documents: Sequence[Document]) -> list[ArticleAnalysis | InputStatus]:
    """Run the per-article stages on a batch; one failing article never sinks the batch.

    Pure in its inputs (the NLP pipeline is loaded once per process and cached),
    so it can run in this process, in a process pool or on a Dask worker.
    """
    from kg.extract import extract_article
    from kg.nlp import extract_mentions, load_pipeline

    results: list[ArticleAnalysis | InputStatus] = []
    by_lang: dict[str, list[Document]] = {}
    for document in documents:
        by_lang.setdefault(document.lang, []).append(document)
    for lang, docs in by_lang.items():
        nlp = load_pipeline(lang)
        name = pipeline_name(lang)
        try:
            spacy_docs = list(nlp.pipe((d.text for d in docs), batch_size=BATCH_SIZE))
        except Exception:  # fall back to one by one to isolate the bad article
            spacy_docs = None
        for i, document in enumerate(docs):
            try:
                sdoc = spacy_docs[i] if spacy_docs is not None else nlp(document.text)
                sentences, mentions = extract_mentions(sdoc, document)
                analysis = extract_article(sdoc, document, sentences, mentions)
                results.append(_with_pipeline(analysis, name))
            except Exception as exc:  # noqa: BLE001 - reported per article
                results.append(
                    InputStatus(
                        source=document.source,
                        status="failed",
                        reason=f"analysis failed: {type(exc).__name__}: {exc}",
                        article_id=document.id,
                    )
                )
    return results


def _with_pipeline(analysis: ArticleAnalysis, name: str) -> ArticleAnalysis:
    from dataclasses import replace

    return analysis if analysis.pipeline else replace(analysis, pipeline=name)


def pipeline_name(lang: str) -> str:
    from kg.nlp import pipeline_info

    return str(pipeline_info(lang)["name"])


def fingerprint(lang: str = "de") -> str:
    """What an analysis depends on besides the text: pipeline and extractor versions."""
    from kg import __version__
    from kg.extract import extractor_versions
    from kg.ingest import INGEST_VERSION
    from kg.nlp import pipeline_info

    info = pipeline_info(lang)
    return json.dumps(
        {"kg": __version__, "nlp": info.get("name"), "nlp_version": info.get("version"),
         "ingest": INGEST_VERSION,
         "extractors": sorted(extractor_versions())},
        sort_keys=True,
    )


@dataclass
class BuildResult:
    """What a build did: per-input statuses and the graph it produced."""

    statuses: list[InputStatus] = field(default_factory=list)
    graph: KnowledgeGraph | None = None
    analyses: list[ArticleAnalysis] = field(default_factory=list)

    @property
    def failed(self) -> list[InputStatus]:
        return [s for s in self.statuses if s.status == "failed"]

    def counts(self) -> dict[str, int]:
        """How many inputs ended in each status (built, skipped, failed)."""
        return dict(Counter(s.status for s in self.statuses))


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Exempt every object alive now (the analyses of all articles, the lookup tables) from
    the cyclic garbage collector while the global stages run: they live to the end of the
    build, and scanning them again and again costs about a fifth of those stages' time."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def prepare_resolution() -> None:
    """Build resolution's lookup tables now: a parallel build calls this while the
    workers analyse, so the serial work after the last article is shorter."""
    from kg.resolve import warm_up

    warm_up()


def resolution_groups(analysis: ArticleAnalysis):
    """The per-article part of resolution (mentions grouped by coreference), which a build
    computes as each analysis arrives, while the workers analyse the next articles."""
    from kg.resolve import article_groups

    return article_groups(analysis)


def resolve_and_assemble(
    analyses: Sequence[ArticleAnalysis],
    curation: Path | None = None,
    links: Path | None = None,
    groups: Mapping | None = None,
) -> KnowledgeGraph:
    """The global reduce: one node per real entity, one edge per relation.

    ``groups``: ``resolution_groups`` already computed, by article id.
    """
    from kg.resolve import assemble, resolve

    ordered = sorted(analyses, key=lambda a: a.document.id)
    resolution = resolve(ordered, curation_path=curation, links_path=links, groups=groups)
    return assemble(ordered, resolution)


def iter_documents(paths: Sequence[Path], follow_links: bool = False) -> Iterator[Document | InputStatus]:
    from kg.ingest import iter_inputs

    yield from iter_inputs(paths, follow_links=follow_links)


def analyze_all(
    documents: Iterable[Document],
    run_batch: Callable[[Sequence[Document]], list[ArticleAnalysis | InputStatus]] = analyze_batch,
    batch_size: int = BATCH_SIZE,
) -> Iterator[ArticleAnalysis | InputStatus]:
    """Stream documents through ``run_batch`` in batches (memory flat in corpus size).

    A parallel runner (kg.executors) has ``map_batches``, which keeps a bounded
    number of batches in flight and yields their results in order.
    """
    batches = _batches(documents, batch_size)
    map_batches = getattr(run_batch, "map_batches", None)
    for results in map_batches(batches) if map_batches else map(run_batch, batches):
        yield from results


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
