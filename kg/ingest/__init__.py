"""Ingestion: paths -> Document (clean article text + metadata) or InputStatus.

``iter_inputs`` never raises for bad input: every file (or JSONL line) that
cannot become an article is reported with a reason instead. Document.text is
the normalised, furniture-free text every later offset refers to.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.ingest.clean import clean
from kg.ingest.decode import BinaryInput, decode, looks_binary_text, normalize
from kg.ingest.html import extract_html
from kg.ingest.jsonl import JsonlProblem, read_jsonl
from kg.ingest.markdown import markdown_to_text
from kg.ingest.meta import HEADER_DATE, find_date, guess_title, normalize_date, safe_id
from kg.ingest.sources import InputFile, iter_files, read_limited
from kg.records import Document, InputStatus

__all__ = ["iter_inputs", "make_document", "max_article_bytes", "DEFAULT_MAX_ARTICLE_MB", "INGEST_VERSION"]

# Bump when decoding, cleaning or metadata rules change what Document.text holds
# (cached analyses keyed by raw content are stale then).
INGEST_VERSION = "1"

DEFAULT_MAX_ARTICLE_MB = 5
# Prose has a sentence end or a line break at least this often; a longer run is
# not article text (a minified blob, a dump) and would only stall NLP.
MAX_RUN_CHARS = 100_000
_BREAKS = re.compile("[.!?…;:\n]")


def max_article_bytes() -> int:
    """Per-article size limit: KG_MAX_ARTICLE_MB (default 5 MB)."""
    try:
        mb = float(os.environ.get("KG_MAX_ARTICLE_MB", DEFAULT_MAX_ARTICLE_MB))
    except ValueError:
        mb = DEFAULT_MAX_ARTICLE_MB
    return max(1, int(mb * 1_000_000))


class _Ids:
    """Unique, IRI-safe article ids and duplicate-text detection for one build."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.texts: dict[str, str] = {}

    def claim(self, raw: str) -> str:
        base = safe_id(raw)
        new, n = base, 1
        while new.lower() in self.used:  # case-insensitive: ids also name cache files
            n += 1
            new = f"{base}-{n}"
        self.used.add(new.lower())
        return new


def iter_inputs(paths: Sequence[Path], max_bytes: int | None = None,
                follow_links: bool = False) -> Iterator[Document | InputStatus]:
    """Documents and statuses for ``paths`` (files and folders, recursive, deterministic order);
    symlinks out of an input folder are skipped unless ``follow_links``."""
    limit = max_bytes or max_article_bytes()
    ids = _Ids()
    for item in iter_files(paths, follow_links=follow_links):
        if isinstance(item, InputStatus):
            yield item
            continue
        try:
            if item.kind == "jsonl":
                yield from _jsonl_documents(item, limit, ids)
            else:
                yield _file_document(item, limit, ids)
        except Exception as exc:  # noqa: BLE001 - bad input must never stop the build
            yield InputStatus(source=item.source, status="failed", reason=_read_problem(exc))


def _read_problem(exc: Exception) -> str:
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "cannot read: is a folder"
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or type(exc).__name__}"
    return f"cannot read: {type(exc).__name__}: {exc}"


def _file_document(item: InputFile, limit: int, ids: _Ids) -> Document | InputStatus:
    src = item.source
    try:
        data = read_limited(item.path, limit)
    except ValueError as exc:
        return InputStatus(source=src, status="failed", reason=str(exc))
    if not data.strip():
        return InputStatus(source=src, status="skipped", reason="empty file" if not data else "only whitespace")
    try:
        text, _encoding = decode(data)
    except BinaryInput as exc:
        return InputStatus(source=src, status="failed", reason=str(exc))
    meta: dict[str, str | None] = {}
    if item.kind == "html":
        page = extract_html(text)
        text = page.text
        meta = {"title": page.title, "date": page.date, "url": page.url, "publisher": page.publisher,
                "lang": page.lang}
    elif item.kind == "markdown":
        text, fm = markdown_to_text(text)
        meta = {k: fm.get(k) for k in ("title", "date", "url", "publisher", "category")}
    return make_document(text, source=src, raw_id=item.path.stem, content_hash=_sha256(data), ids=ids, **meta)


def _jsonl_documents(item: InputFile, limit: int, ids: _Ids) -> Iterator[Document | InputStatus]:
    stem = item.path.stem
    any_line = False
    for rec in read_jsonl(item.path, limit):
        any_line = True
        if isinstance(rec, JsonlProblem):
            src = item.source if rec.line == 0 else f"{item.source}:{rec.line}"
            yield InputStatus(source=src, status=rec.status, reason=rec.reason)
            continue
        yield make_document(
            rec.text, source=f"{item.source}:{rec.line}", raw_id=rec.id or f"{stem}-{rec.line}",
            content_hash=rec.content_hash, ids=ids, title=rec.title, date=rec.date, url=rec.url,
            publisher=rec.publisher, category=rec.category,
        )
    if not any_line:
        yield InputStatus(source=item.source, status="skipped", reason="empty file (no JSONL lines)")


def make_document(
    text: str,
    *,
    source: str,
    raw_id: str,
    content_hash: str,
    ids: _Ids | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    lang: str | None = None,
    category: str | None = None,
) -> Document | InputStatus:
    """Normalise, clean and describe one article's text (shared by every input format)."""
    ids = ids or _Ids()
    text = normalize(text)
    header = HEADER_DATE.match(text)
    if header:  # "date 2017-11 ..." is metadata, not article text
        date = date or header.group(1)
        text = text[header.end():]
    if looks_binary_text(text):
        return InputStatus(source=source, status="failed", reason="binary data, not text")
    run = max(map(len, _BREAKS.split(text)), default=0)  # linear, unlike a {100000,} regex
    if run > MAX_RUN_CHARS:
        return InputStatus(source=source, status="failed",
                           reason=f"not article prose: {run:,} characters without a sentence end or "
                                  f"line break (limit {MAX_RUN_CHARS:,})")
    body = clean(text).strip()
    if not body:
        reason = "only page furniture, no article text" if text.strip() else "only whitespace"
        return InputStatus(source=source, status="skipped", reason=reason)
    text_key = hashlib.sha256(body.encode("utf-8")).hexdigest()
    if text_key in ids.texts:
        return InputStatus(source=source, status="skipped", reason=f"same text as {ids.texts[text_key]}")
    ids.texts[text_key] = source
    doc_id = ids.claim(raw_id)
    return Document(
        id=doc_id,
        text=body,
        source=source,
        content_hash=content_hash,
        title=_one_line(title) or guess_title(body),
        date=(normalize_date(date[:100]) if date else None) or find_date(body),
        url=_web_url(url),
        publisher=_one_line(publisher),
        lang=_language(body, lang),
        category=_one_line(category),
    )


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    v = " ".join(normalize(value).split())
    return v[:300] or None


def _web_url(value: str | None) -> str | None:
    """Only absolute http(s) URLs: a "javascript:" URL must never reach a link in the page."""
    v = _one_line(value)
    if v and re.fullmatch(r"https?://[^\s<>\"'`\\]+", v, re.I):
        return v
    return None


def _language(text: str, hint: str | None) -> str:
    detect = _detector()
    if detect is not None:
        try:
            lang = detect(text)
            if isinstance(lang, str) and lang:
                return lang
        except Exception:  # noqa: BLE001 - a detector bug must not lose the article
            pass
    if hint and hint[:2].lower().isalpha():
        return hint[:2].lower()
    return "de"


_DETECT: list[object] = []


def _detector():  # type: ignore[no-untyped-def]
    """kg.nlp.detect_language if the NLP package provides it (imported once)."""
    if not _DETECT:
        try:
            from kg.nlp import detect_language
        except Exception:  # noqa: BLE001 - NLP not installed or mid-work: default language
            detect_language = None
        _DETECT.append(detect_language)
    return _DETECT[0]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
