"""Content-hash cache of per-article analyses.

An article's analysis depends only on its content, its id, the versions of
the NLP pipeline and extractors (the fingerprint) and the code of the
per-article stages, so a rebuild of an unchanged corpus, `kg build --add` and
`kg remove` do no NLP work at all. The resolved graph of a build is kept too:
when neither the analyses nor curation, links, options or kg's code changed,
a rebuild keeps the files it wrote instead of resolving and writing them again.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from collections.abc import Sequence
from functools import lru_cache

from kg.errors import OutputError
from kg.records import ArticleAnalysis, Document, KnowledgeGraph

CACHE_DIR = ".kg-cache"
GRAPH_ENTRY = "graph.pkl"
# kg code an article's analysis depends on (the rest only shapes the global steps)
PER_ARTICLE_CODE = ("ingest", "nlp", "extract", "dates.py", "records.py", "pipeline.py", "vocab.py")


@lru_cache(maxsize=8)
def code_hash(parts: tuple[str, ...] = ()) -> str:
    """sha256 over kg's own files (``parts``: these packages/modules only; empty: all of
    kg and its ontology), so an edited rule invalidates what it produced even without
    a version bump."""
    from kg.rdf import ONTOLOGY_DIR  # shapes and queries: they shape the outputs too

    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for base in [root / part for part in parts] or [root, Path(ONTOLOGY_DIR)]:
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(f"{base.name}/{path.relative_to(base).as_posix()}".encode("utf-8") + b"\0")
                h.update(path.read_bytes())
    return h.hexdigest()


class AnalysisCache:
    """Pickled ArticleAnalysis records under OUT/.kg-cache, one file per article."""

    def __init__(self, out_dir: Path, fingerprint: str, enabled: bool = True) -> None:
        self.root = out_dir / CACHE_DIR
        self.fingerprint = f"{fingerprint}\x1f{code_hash(PER_ARTICLE_CODE)}"
        self.enabled = enabled
        self._origin: dict[tuple[str, str], str] = {}  # (id, content hash) -> key it was read or written under

    def key(self, document: Document) -> str:
        """The key the analysis of ``document`` is stored under: the one it was read from
        or written to in this build (an older fingerprint's, for articles kept by --add or
        remove), else the current one. The manifest records it, so later builds find it."""
        return self._origin.get((document.id, document.content_hash)) or self.current_key(document)

    def current_key(self, document: Document) -> str:
        return self.key_of(document.content_hash, document.id)

    def key_of(self, content_hash: str, article_id: str) -> str:
        raw = "\x1f".join((content_hash, article_id, self.fingerprint))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pkl"

    def get_key(self, key: str) -> ArticleAnalysis | None:
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            with path.open("rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None  # missing or stale: recompute
        if not isinstance(value, ArticleAnalysis):
            return None
        self._origin[(value.document.id, value.document.content_hash)] = key
        return value

    def get(self, document: Document) -> ArticleAnalysis | None:
        return self.get_key(self.current_key(document))

    def put(self, analysis: ArticleAnalysis) -> None:
        if not self.enabled:
            return
        key = self.current_key(analysis.document)
        _write_entry(self._path(key), pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL))
        self._origin[(analysis.document.id, analysis.document.content_hash)] = key

    def graph_key(self, analyses: Sequence[ArticleAnalysis], *inputs: Path | None, options: object = ()) -> str:
        """What a build's graph and files depend on: every analysis, the curation and
        links files (by content), the build options and all of kg's code."""
        h = hashlib.sha256(code_hash().encode("ascii"))
        for analysis in analyses:
            h.update(self.key(analysis.document).encode("ascii"))
        for path in inputs:
            h.update(b"\0" + (_file_hash(path) if path is not None else b"-"))
        h.update(repr(options).encode("utf-8"))
        return h.hexdigest()

    def get_graph(self, key: str) -> KnowledgeGraph | None:
        """The graph stored by the build that wrote OUT's files, if its key is ``key``."""
        if not self.enabled:
            return None
        try:
            with (self.root / GRAPH_ENTRY).open("rb") as fh:
                stored_key, graph = pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return graph if stored_key == key and isinstance(graph, KnowledgeGraph) else None

    def drop_graph(self) -> None:
        """Forget the stored graph before OUT's files change (even with the cache off)."""
        with contextlib.suppress(FileNotFoundError):
            (self.root / GRAPH_ENTRY).unlink()

    def put_graph(self, key: str, graph: KnowledgeGraph) -> None:
        if self.enabled:
            _write_entry(self.root / GRAPH_ENTRY, pickle.dumps((key, graph), protocol=pickle.HIGHEST_PROTOCOL))


def _file_hash(path: Path) -> bytes:
    try:
        return hashlib.sha256(Path(path).read_bytes()).digest()
    except OSError:
        return b"unreadable"


def _write_entry(path: Path, data: bytes) -> None:
    """Atomic (rename) but not fsynced: two fsyncs per article cost seconds per
    thousand articles, and an entry lost or torn in a crash is just recomputed."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        except FileNotFoundError:  # the first entry in its folder (a mkdir per entry costs as much as the write)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
