"""A small SPARQL tokenizer: enough to tell braces and keywords from strings, IRIs and comments.

Used to find where bound values go (kg.server.bind). It is not a gate: the
read-only check parses queries with kg.server.sparql.
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
