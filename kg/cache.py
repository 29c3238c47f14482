"""Content-hash cache of per-article analyses.

An article's analysis depends only on its content, its id and the versions of
the NLP pipeline and extractors (the fingerprint), so a rebuild of an unchanged
corpus, `kg build --add` and `kg remove` do no NLP work at all.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from kg.errors import OutputError
from kg.records import ArticleAnalysis, Document

CACHE_DIR = ".kg-cache"


class AnalysisCache:
    """Pickled ArticleAnalysis records under OUT/.kg-cache, one file per article."""

    def __init__(self, out_dir: Path, fingerprint: str, enabled: bool = True) -> None:
        self.root = out_dir / CACHE_DIR
        self.fingerprint = fingerprint
        self.enabled = enabled

    def key(self, document: Document) -> str:
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
        return value if isinstance(value, ArticleAnalysis) else None

    def get(self, document: Document) -> ArticleAnalysis | None:
        return self.get_key(self.key(document))

    def put(self, analysis: ArticleAnalysis) -> None:
        if not self.enabled:
            return
        path = self._path(self.key(analysis.document))
        _write_entry(path, pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL))


def _write_entry(path: Path, data: bytes) -> None:
    """Atomic (rename) but not fsynced: two fsyncs per article cost seconds per
    thousand articles, and an entry lost or torn in a crash is just recomputed."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
