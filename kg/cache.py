"""Content-hash cache of per-article analyses.

An article's analysis depends only on its content, its id, the versions of
the NLP pipeline and extractors (the fingerprint) and the code of the
per-article stages, so a rebuild of an unchanged corpus, `kg build --add` and
`kg remove` do no NLP work at all. The resolved graph of a build is kept too:
when neither the analyses nor curation, links, options or kg's code changed,
a rebuild keeps the files it wrote instead of resolving and writing them again.

Entries are JSON (kg.codec), never pickles: a build folder is copied and
shared, and loading must not run code. Each entry starts with a header line
naming the format, the record type, the shape of the records (a schema hash)
and the key it was written under; an entry that is torn, foreign or of another
shape is ignored with a note (``notes``) and recomputed, never trusted.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from kg import codec
from kg.errors import OutputError
from kg.records import ArticleAnalysis, Document, KnowledgeGraph

CACHE_DIR = ".kg-cache"
GRAPH_ENTRY = "graph-cache.json"  # in each build generation (kg.generations), beside the files it made
ENTRY_SUFFIX = ".json"
FORMAT = "kg-cache/2"
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
    """ArticleAnalysis records as JSON under OUT/.kg-cache, one file per article."""

    def __init__(self, out_dir: Path, fingerprint: str, enabled: bool = True) -> None:
        self.root = out_dir / CACHE_DIR
        self.fingerprint = f"{fingerprint}\x1f{code_hash(PER_ARTICLE_CODE)}"
        self.enabled = enabled
        self._origin: dict[tuple[str, str], str] = {}  # (id, content hash) -> key it was read or written under
        self.notes: list[str] = []  # entries found unusable and ignored, for report.json
        self.rejected: dict[str, str] = {}  # key -> why its entry was ignored

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
        return self.root / key[:2] / f"{key}{ENTRY_SUFFIX}"

    def get_key(self, key: str) -> ArticleAnalysis | None:
        if not self.enabled:
            return None
        path = self._path(key)
        value = read_entry(path, ArticleAnalysis, key, self._reject)
        if value is None:
            return None
        self._origin[(value.document.id, value.document.content_hash)] = key
        return value

    def _reject(self, path: Path, why: str) -> None:
        self.rejected[path.stem] = why
        self.notes.append(f"ignored cache entry {path.relative_to(self.root.parent)}: {why}; computed again")

    def get(self, document: Document) -> ArticleAnalysis | None:
        return self.get_key(self.current_key(document))

    def put(self, analysis: ArticleAnalysis) -> None:
        if not self.enabled:
            return
        key = self.current_key(analysis.document)
        _write_entry(self._path(key), entry_bytes(analysis, ArticleAnalysis, key))
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

    def get_graph(self, folder: Path, key: str) -> KnowledgeGraph | None:
        """The graph stored in build generation ``folder`` by the build that wrote it, if its key is ``key``."""
        if not self.enabled:
            return None
        return read_entry(folder / GRAPH_ENTRY, KnowledgeGraph, key, self._reject, quiet_key=True)

    def graph_entry(self, key: str, graph: KnowledgeGraph) -> bytes | None:
        """The bytes of the graph entry a new generation holds (None with the cache off)."""
        return entry_bytes(graph, KnowledgeGraph, key) if self.enabled else None


def entry_bytes(value: object, tp: type, key: str) -> bytes:
    """A cache entry: a header line (format, type, schema, key), then the record as JSON."""
    header = {"format": FORMAT, "type": tp.__name__, "schema": codec.schema_hash(tp), "key": key}
    return json.dumps(header).encode("ascii") + b"\n" + codec.dumps(value, tp)


def read_entry(path: Path, tp: type, key: str, reject, quiet_key: bool = False):  # type: ignore[no-untyped-def]
    """The ``tp`` record in the entry at ``path`` if it is a kg entry of this shape for ``key``;
    None when missing, and None plus ``reject(path, why)`` when it is anything else."""
    try:
        with path.open("rb") as fh:
            head = fh.readline(4096)
            try:
                header = json.loads(head)
            except ValueError:
                header = None
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                reject(path, "not a kg cache entry (unknown format)")
                return None
            if header.get("type") != tp.__name__ or header.get("schema") != codec.schema_hash(tp):
                reject(path, "written by another version of kg")
                return None
            if header.get("key") != key:
                if not quiet_key:
                    reject(path, "stored under another key")
                return None
            body = fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        reject(path, f"unreadable ({exc.strerror or exc})")
        return None
    try:
        return codec.loads(body, tp)
    except codec.CodecError as exc:
        reject(path, f"damaged ({exc})")
        return None


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
