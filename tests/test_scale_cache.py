"""The content-hash cache: an unchanged corpus is rebuilt without analysing any article."""
from __future__ import annotations

import json

from kg.builder import run_build
from kg.cache import CACHE_DIR, ENTRY_SUFFIX, GRAPH_ENTRY
from kg.records import ArticleAnalysis


class CountingAnalysis:
    """A stand-in for analyze_batch that records which articles it analysed."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, batch):
        self.seen.extend(d.id for d in batch)
        return [ArticleAnalysis(document=d, sentences=(), mentions=(), pipeline="counting") for d in batch]


def _corpus(tmp_path, texts: dict[str, str]):
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


TEXTS = {
    "eins.txt": "Die Stadt Lindenau eröffnet ein neues Freibad.\n",
    "zwei.txt": "Der Verein Grünes Tal pflanzt hundert Bäume am Ufer.\n",
    "drei.txt": "Die Bäckerei Morgenrot schließt nach vierzig Jahren.\n",
}


def _build(corpus, out, runner, **kwargs):
    return run_build([corpus], out, html=False, validate=False, run_batch=runner, **kwargs)


def test_rebuild_of_unchanged_corpus_analyses_nothing(tmp_path):
    corpus, out = _corpus(tmp_path, TEXTS), tmp_path / "out"
    first, second = CountingAnalysis(), CountingAnalysis()
    _build(corpus, out, first)
    graph = (out / "graph.trig").read_bytes()
    result = _build(corpus, out, second)
    assert sorted(first.seen) == ["drei", "eins", "zwei"]
    assert second.seen == []
    assert len(result.analyses) == 3
    assert all("cache" in s.reason for s in result.statuses)
    assert (out / "graph.trig").read_bytes() == graph


def test_only_changed_articles_are_analysed_again(tmp_path):
    corpus, out = _corpus(tmp_path, TEXTS), tmp_path / "out"
    _build(corpus, out, CountingAnalysis())
    (corpus / "zwei.txt").write_text("Der Verein Grünes Tal pflanzt zweihundert Bäume.\n", encoding="utf-8")
    again = CountingAnalysis()
    _build(corpus, out, again)
    assert again.seen == ["zwei"]


def test_a_torn_cache_entry_is_recomputed_not_fatal(tmp_path):
    corpus, out = _corpus(tmp_path, TEXTS), tmp_path / "out"
    _build(corpus, out, CountingAnalysis())
    entries = sorted(p for p in (out / CACHE_DIR).rglob("*" + ENTRY_SUFFIX) if p.name != GRAPH_ENTRY)
    assert len(entries) == 3 and not list((out / CACHE_DIR).rglob("*.tmp"))
    entries[0].write_bytes(entries[0].read_bytes()[:10])  # as if a crash cut the write short
    again = CountingAnalysis()
    _build(corpus, out, again)
    assert len(again.seen) == 1


def test_no_cache_analyses_everything(tmp_path):
    corpus, out = _corpus(tmp_path, TEXTS), tmp_path / "out"
    _build(corpus, out, CountingAnalysis())
    again = CountingAnalysis()
    _build(corpus, out, again, use_cache=False)
    assert sorted(again.seen) == ["drei", "eins", "zwei"]


class CountingResolution:
    """Wraps resolve_and_assemble to count the global steps a build runs."""

    def __init__(self, monkeypatch) -> None:
        import kg.builder

        self.calls = 0
        real = kg.builder.resolve_and_assemble

        def counted(*args, **kwargs):
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(kg.builder, "resolve_and_assemble", counted)


def test_unchanged_rebuild_keeps_the_files_it_wrote(tmp_path, monkeypatch):
    import json

    corpus, out = _corpus(tmp_path, TEXTS), tmp_path / "out"
    resolution = CountingResolution(monkeypatch)
    _build(corpus, out, CountingAnalysis())
    before = (out / "graph.trig").stat().st_mtime_ns
    result = _build(corpus, out, CountingAnalysis())
    assert resolution.calls == 1
    assert (out / "graph.trig").stat().st_mtime_ns == before
    assert result.graph is not None and len(result.graph.documents) == 3
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["outputs_unchanged"] is True and report["articles"] == 3


def test_changed_curation_options_or_missing_files_redo_the_global_steps(tmp_path, monkeypatch):
    corpus, out = _corpus(tmp_path, TEXTS), tmp_path / "out"
    curation = tmp_path / "curation.yaml"
    curation.write_text("merge: []\n", encoding="utf-8")
    resolution = CountingResolution(monkeypatch)
    _build(corpus, out, CountingAnalysis(), curation=curation)
    curation.write_text("merge: []\ndrop: []\n", encoding="utf-8")
    _build(corpus, out, CountingAnalysis(), curation=curation)
    assert resolution.calls == 2
    _build(corpus, out, CountingAnalysis())  # no curation this time
    assert resolution.calls == 3
    (out / "graph.trig").unlink()
    _build(corpus, out, CountingAnalysis())
    assert resolution.calls == 4 and (out / "graph.trig").exists()
    _build(corpus, out, CountingAnalysis(), use_cache=False)
    assert resolution.calls == 5


def test_changed_kg_code_invalidates_analyses_and_graph(tmp_path, monkeypatch):
    import kg.cache

    corpus, out = _corpus(tmp_path, TEXTS), tmp_path / "out"
    resolution = CountingResolution(monkeypatch)
    _build(corpus, out, CountingAnalysis())
    real = kg.cache.code_hash
    monkeypatch.setattr(kg.cache, "code_hash", lambda parts=(): real(parts) + "-edited")
    again = CountingAnalysis()
    _build(corpus, out, again)
    assert sorted(again.seen) == ["drei", "eins", "zwei"] and resolution.calls == 2


def test_add_and_remove_survive_a_code_change_between_builds(tmp_path, monkeypatch):
    import json

    import kg.cache

    corpus = _corpus(tmp_path, {"eins.txt": TEXTS["eins.txt"], "zwei.txt": TEXTS["zwei.txt"]})
    more = tmp_path / "more"
    more.mkdir()
    (more / "drei.txt").write_text(TEXTS["drei.txt"], encoding="utf-8")
    out = tmp_path / "out"
    real = kg.cache.code_hash
    _build(corpus, out, CountingAnalysis())
    monkeypatch.setattr(kg.cache, "code_hash", lambda parts=(): real(parts) + "-v2")
    added = CountingAnalysis()
    _build(more, out, added, add=True)  # old articles kept as analysed, not re-analysed
    assert added.seen == ["drei"]
    monkeypatch.setattr(kg.cache, "code_hash", lambda parts=(): real(parts) + "-v3")
    result = _build(more, out, CountingAnalysis(), add=True, remove=["eins"])
    assert sorted(a.document.id for a in result.analyses) == ["drei", "zwei"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(e["id"] for e in manifest["articles"]) == ["drei", "zwei"]


def test_progress_learns_the_total_early_and_statuses_keep_input_order(tmp_path):
    lines = [json.dumps({"id": f"a{i:03d}", "text": f"Die Gemeinde Nummer {i} baut eine Brücke über den Fluss."})
             for i in range(200)]
    lines.insert(40, "{ this line is not JSON")
    corpus = tmp_path / "many.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    calls: list[tuple[int, int | None]] = []
    result = run_build([corpus], tmp_path / "out", html=False, validate=False, run_batch=CountingAnalysis(),
                       progress=lambda done, total: calls.append((done, total)))
    assert [done for done, _ in calls] == list(range(1, 201))
    totals = [total for _, total in calls]
    # the first batches start before the whole input is read; the total is known long before the end
    assert totals[0] is None and totals[-1] == 200 and totals.index(200) <= 64
    assert [s.status for s in result.statuses].count("failed") == 1
    line_numbers = [int(s.source.rsplit(":", 1)[1]) for s in result.statuses]
    assert line_numbers == list(range(1, 202))  # input order, the bad line in its place
