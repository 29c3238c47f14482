"""Runners for per-article batches: choice, order, bounded memory, worker failure."""
from __future__ import annotations

import os

import pytest

from kg.errors import KgError
from kg.executors import DaskRunner, ProcessRunner, make_runner
from kg.pipeline import analyze_all
from kg.records import ArticleAnalysis, Document


def _doc(i: int) -> Document:
    return Document(id=f"a{i:03d}", text=f"Text {i}.", source=f"mem:{i}", content_hash=f"h{i}")


def tag_with_pid(batch):
    """A stand-in for analyze_batch that records which process did the work."""
    return [ArticleAnalysis(document=d, sentences=(), mentions=(), pipeline=str(os.getpid())) for d in batch]


def die(batch):
    os._exit(3)


def test_make_runner_picks_the_executor():
    assert make_runner(1, None) is None
    assert isinstance(make_runner(2, None), ProcessRunner)
    local = make_runner(3, "local")
    assert isinstance(local, DaskRunner) and local.address is None and local.workers == 3
    remote = make_runner(1, "tcp://127.0.0.1:8786")
    assert isinstance(remote, DaskRunner) and remote.address == "tcp://127.0.0.1:8786"


@pytest.mark.parametrize("workers,dask", [(0, None), (-2, "local"), (2, "somewhere"), (1, "tcp://")])
def test_make_runner_rejects_bad_arguments(workers, dask):
    with pytest.raises(KgError):
        make_runner(workers, dask)


def test_process_runner_keeps_input_order_and_uses_workers():
    runner = ProcessRunner(2, fn=tag_with_pid)
    results = list(analyze_all((_doc(i) for i in range(23)), run_batch=runner, batch_size=3))
    assert [r.document.id for r in results] == [f"a{i:03d}" for i in range(23)]
    pids = {r.pipeline for r in results}
    assert str(os.getpid()) not in pids and 1 <= len(pids) <= 2


def test_process_runner_bounds_batches_in_flight():
    consumed = []

    def documents():
        for i in range(40):
            consumed.append(i)
            yield _doc(i)

    runner = ProcessRunner(2, fn=tag_with_pid, in_flight=2)
    stream = analyze_all(documents(), run_batch=runner, batch_size=4)
    first = next(stream)
    assert first.document.id == "a000"
    assert len(consumed) <= 3 * 4  # two batches in flight (+ the one being filled), not all 40
    assert len(list(stream)) == 39


def test_runner_is_callable_on_one_batch():
    runner = ProcessRunner(2, fn=tag_with_pid)
    assert [r.document.id for r in runner([_doc(1), _doc(2)])] == ["a001", "a002"]


def test_a_dying_worker_is_a_clean_error():
    runner = ProcessRunner(2, fn=die)
    with pytest.raises(KgError, match="worker process died"):
        list(analyze_all([_doc(i) for i in range(4)], run_batch=runner, batch_size=2))


def test_unreachable_dask_scheduler_is_a_clean_error(monkeypatch):
    monkeypatch.setattr("kg.executors.DASK_CONNECT_TIMEOUT", "1s")
    runner = make_runner(1, "tcp://127.0.0.1:9")  # discard port: nothing listens
    with pytest.raises(KgError, match="cannot reach the Dask scheduler"):
        list(analyze_all([_doc(1)], run_batch=runner))
