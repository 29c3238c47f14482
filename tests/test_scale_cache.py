"""The content-hash cache: an unchanged corpus is rebuilt without analysing any article."""
from __future__ import annotations

from kg.build_cmd import run_build
from kg.cache import CACHE_DIR
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
    entries = sorted((out / CACHE_DIR).rglob("*.pkl"))
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
