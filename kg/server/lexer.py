"""A small SPARQL tokenizer: enough to tell keywords from strings, IRIs and comments.

Used where a full parse is not available (a query rdflib cannot parse but
Oxigraph can) and to find the top-level groups of a query when inlining
bindings for a remote store. A keyword inside a string literal, an IRI or a
comment is never reported as a keyword.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
_COMMENT = re.compile(r"#[^\n\r]*")
_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_LONG_STRINGS = (re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""', re.S), re.compile(r"'''(?:[^'\\]|\\.|'(?!''))*'''", re.S))
_STRINGS = (re.compile(r'"(?:[^"\\\n\r]|\\.)*"'), re.compile(r"'(?:[^'\\\n\r]|\\.)*'"))
_VAR = re.compile(r"[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+")
_WORD = re.compile(r"[\w\-.:%\\\u00b7]+")
_LANGTAG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Token:
    kind: str  # "iri", "string", "var", "langtag", "word", "punct"
    value: str
    start: int
    end: int


def tokens(text: str) -> Iterator[Token]:
    """Yield the tokens of ``text``, skipping whitespace and comments."""
    pos, n = 0, len(text)
    while pos < n:
        m = _SPACE.match(text, pos) or _COMMENT.match(text, pos)
        if m:
            pos = m.end()
            continue
        c = text[pos]
        m = None
        kind = "punct"
        if c == "<":
            m = _IRI.match(text, pos)
            kind = "iri"
        elif c in "\"'":
            for pattern in (*_LONG_STRINGS, *_STRINGS):
                m = pattern.match(text, pos)
                if m:
                    break
            kind = "string"
            if m is None:  # unterminated string: the rest is the string
                yield Token("string", text[pos:], pos, n)
                return
        elif c in "?$":
            m = _VAR.match(text, pos)
            kind = "var"
        elif c == "@":
            m = _LANGTAG.match(text, pos)
            kind = "langtag"
        else:
            m = _WORD.match(text, pos)
            kind = "word"
        if m is None or m.end() == pos:
            yield Token("punct", c, pos, pos + 1)
            pos += 1
            continue
        yield Token(kind, m.group(0), pos, m.end())
        pos = m.end()


def keywords(text: str) -> list[str]:
    """The bare words of ``text`` in upper case (keywords and function names; no prefixed names)."""
    return [t.value.upper() for t in tokens(text) if t.kind == "word" and ":" not in t.value]


def top_level_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each ``{ ... }`` group at nesting depth 0."""
    groups: list[tuple[int, int]] = []
    depth, start = 0, 0
    for tok in tokens(text):
        if tok.kind != "punct":
            continue
        if tok.value == "{":
            if depth == 0:
                start = tok.start
            depth += 1
        elif tok.value == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                groups.append((start, tok.end))
    return groups


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?")


def shape(text: str) -> str:
    """``text`` with comments dropped and every string, IRI and number replaced by a placeholder.

    Two queries with the same shape have the same parse structure, so a
    structural check made on one holds for the other (used as a cache key).
    """
    out, last = [], 0
    for tok in tokens(text):
        if tok.start > last:
            out.append(" ")
        if tok.kind == "string":
            out.append('""')
        elif tok.kind == "iri":
            out.append("<urn:x>")
        elif tok.kind == "word" and _NUMBER.fullmatch(tok.value):
            out.append("0")
        else:
            out.append(tok.value)
        last = tok.end
    return "".join(out)
