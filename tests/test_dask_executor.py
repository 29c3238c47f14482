"""Per-article stages on Dask workers: a LocalCluster, and an existing scheduler by address.

The end-to-end test builds a small corpus of invented German articles serially
and on a 2-process Dask cluster and compares graph.trig byte for byte.
"""
from __future__ import annotations

import logging
import os
import sys

import pytest

from kg.executors import DaskRunner, make_runner
from kg.pipeline import analyze_all
from kg.records import ArticleAnalysis, Document

distributed = pytest.importorskip("distributed")

ARTICLES = {
    "a1-werft.txt": (
        "Die Hafenwerft Nordbucht GmbH hat Jasper Klimmek als neuen Geschäftsführer vorgestellt. "
        "Klimmek arbeitete zuvor für die Reederei Falkenstein AG in Bremerhaven. "
        "\"Wir wollen wachsen\", sagte Klimmek dem Küstenboten."
    ),
    "a2-verein.txt": (
        "Die Sprecherin des Vereins Grünes Tal, Oda Wennemann, kritisierte den Bürgermeister von Lindenau. "
        "Wennemann sagte der Zeitung Lindenauer Anzeiger, der Plan sei falsch. "
        "Der Bürgermeister Ruprecht Zell wies die Vorwürfe zurück."
    ),
    "a3-konto.txt": (
        "Ein Mitarbeiter der Plattform Zwitscherling hat das Konto des Sängers Malte Okonjo gesperrt. "
        "Der Mitarbeiter Timo Brasch war bei der Firma Servicekraft GmbH angestellt. "
        "Das Konto war nach Angaben des Unternehmens elf Minuten lang nicht erreichbar."
    ),
    "a4-reise.txt": (
        "Die Ministerin Henrike Salvator reiste am Montag nach Kopenhagen. "
        "Dort traf sie Vertreter der Firma Nordlicht Energie. "
        "Salvator sagte dem Sender Radio Morgenrot, die Gespräche seien gut verlaufen."
    ),
}


def tag_with_pid(batch):
    """A stand-in for analyze_batch that records which worker process did the work."""
    return [ArticleAnalysis(document=d, sentences=(), mentions=(), pipeline=str(os.getpid())) for d in batch]


def die(batch):
    os._exit(3)


@pytest.fixture
def by_value():
    """Ship this module's functions to the workers by value (they cannot import tests/)."""
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield
    cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def scheduler():
    """A 2-process cluster, reached by address like a real remote scheduler."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR,
    )
    with cluster:
        yield cluster.scheduler_address


def _docs(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text="x", source=f"m:{i}", content_hash=str(i)) for i in range(n)]


def test_local_cluster_runs_batches_in_worker_processes_in_order(by_value):
    runner = make_runner(2, "local", fn=tag_with_pid)
    results = list(analyze_all(_docs(9), run_batch=runner, batch_size=2))
    assert [r.document.id for r in results] == [f"d{i}" for i in range(9)]
    assert str(os.getpid()) not in {r.pipeline for r in results}


def test_dask_build_is_byte_identical_to_serial(tmp_path, scheduler, monkeypatch):
    import functools

    from kg.builder import run_build

    # one article per batch, so the articles are spread over both workers
    monkeypatch.setattr("kg.builder.analyze_all", functools.partial(analyze_all, batch_size=1))

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text + "\n", encoding="utf-8")
    serial, remote = tmp_path / "serial", tmp_path / "dask"
    run_build([corpus], serial, html=False, validate=False, use_cache=False)
    result = run_build([corpus], remote, html=False, validate=False, use_cache=False,
                       run_batch=DaskRunner(scheduler, in_flight=2))
    assert len(result.analyses) == len(ARTICLES) and not result.failed
    graph = (serial / "graph.trig").read_bytes()
    assert b"Klimmek" in graph  # the build really analysed the articles
    assert (remote / "graph.trig").read_bytes() == graph
    assert _inputs(serial) == _inputs(remote)


def _inputs(out):
    import json

    return json.loads((out / "report.json").read_text(encoding="utf-8"))["inputs"]


def test_a_dying_dask_worker_is_a_clean_error(by_value, scheduler):
    """Last in this file: it kills the shared cluster's workers."""
    import dask

    from kg.errors import KgError

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with pytest.raises(KgError, match="lost the workers"):
            list(analyze_all(_docs(2), run_batch=DaskRunner(scheduler, fn=die)))
