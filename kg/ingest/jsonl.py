"""JSONL input: one article a line, streamed so file size never matters.

Each line becomes a JsonlRecord (validated fields) or a problem string that
names the line ("line 7: invalid JSON: ..."). Lines longer than the article
limit are skipped without being held in memory.
"""
from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.ingest.decode import BinaryInput, decode, sniff_binary
from kg.ingest.sources import too_large

OPTIONAL_FIELDS = ("title", "date", "url", "publisher", "category")
_CHUNK = 1 << 16


@dataclass(frozen=True)
class JsonlRecord:
    line: int
    text: str
    content_hash: str
    id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class JsonlProblem:
    line: int
    status: str  # skipped | failed
    reason: str


def read_jsonl(path: Path, limit: int) -> Iterator[JsonlRecord | JsonlProblem]:
    """Records and problems of a JSONL file, line by line. Raises OSError if unreadable."""
    with open(path, "rb") as f:
        head = f.read(4096)
        kind = sniff_binary(head)
        if kind:
            yield JsonlProblem(0, "failed", f"binary file ({kind}), not JSONL")
            return
        f.seek(0)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            lines = _utf16_lines(f, limit)  # rare: small files only
        else:
            lines = _binary_lines(f, limit)
        for lineno, raw, size in lines:
            if raw is None:
                yield JsonlProblem(lineno, "failed", f"line {lineno}: {too_large(size, limit)}")
                continue
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            if not raw.strip():
                continue  # blank lines separate nothing; not an article
            yield parse_line(lineno, raw)


def parse_line(lineno: int, raw: bytes) -> JsonlRecord | JsonlProblem:
    """One JSONL line -> validated record, or a problem naming the line and the field."""
    where = f"line {lineno}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            line = decode(raw)[0]
        except BinaryInput as exc:
            return JsonlProblem(lineno, "failed", f"{where}: {exc}")
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return JsonlProblem(lineno, "failed", f"{where}: invalid JSON: {_short(str(exc))}")
    if not isinstance(obj, dict):
        return JsonlProblem(lineno, "failed", f"{where}: expected a JSON object, got {_json_type(obj)}")
    if "text" not in obj or obj["text"] is None:
        return JsonlProblem(lineno, "failed", f"{where}: missing field 'text'")
    fields: dict[str, str | None] = {}
    for name in ("text", *OPTIONAL_FIELDS):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return JsonlProblem(lineno, "failed",
                                f"{where}: field '{name}' must be a string, got {_json_type(value)}")
        fields[name] = value
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        return JsonlProblem(lineno, "failed", f"{where}: field 'id' must be a string or integer, "
                                               f"got {_json_type(raw_id)}")
    text = fields["text"] or ""
    if not text.strip():
        return JsonlProblem(lineno, "skipped", f"{where}: empty text")
    return JsonlRecord(
        line=lineno,
        text=text,
        content_hash=hashlib.sha256(raw.rstrip(b"\r\n")).hexdigest(),
        id=str(raw_id) if raw_id is not None and str(raw_id).strip() else None,
        title=fields["title"], date=fields["date"], url=fields["url"], publisher=fields["publisher"],
        category=fields["category"],
    )


def _binary_lines(f: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes or None when too long, length), reading at most ``limit`` bytes a line."""
    lineno = 0
    while True:
        raw = f.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while True:  # skip the rest of the over-long line in chunks
                chunk = f.readline(_CHUNK)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield lineno, None, size
            continue
        yield lineno, raw, len(raw)


def _utf16_lines(f: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    data = f.read(limit * 4 + 1)
    text, _ = decode(data)
    for i, line in enumerate(text.split("\n"), 1):
        raw = line.encode("utf-8")
        yield (i, raw, len(raw)) if len(raw) <= limit else (i, None, len(raw))


def _json_type(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def _short(msg: str, n: int = 120) -> str:
    return msg if len(msg) <= n else msg[: n - 1] + "…"
