"""The reading half of kg.server.sparql: SPARQL's terminals, an on-demand lexer and the depth count.

Tokens follow the grammar's terminal rules (IRIREF, PNAME_LN, VAR1, STRING_LITERAL…,
LANGTAG), chosen by a query's first character, so a keyword is never read out of
an IRI, a string, a prefixed name or a language tag. The lexer runs on demand
because SPARQL's ``<`` is an IRI where a term may stand and "less than" after an
operand (:meth:`Reader.as_operator`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DEPTH = 200
MAX_CHARS = 1 << 18  # 256 KiB: a parse of that many characters takes ~0.1-0.3 s

_PN_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
            "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_PN_U = _PN_BASE + "_"
_PN = _PN_U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = rf"[{_PN_BASE}](?:[{_PN}.]*[{_PN}])?"
_LOCAL = rf"(?:[{_PN_U}:0-9]|{_PLX})(?:(?:[{_PN}.:]|{_PLX})*(?:[{_PN}:]|{_PLX}))?"
_TOKENS = [
    ("space", re.compile(r"(?:\s+|#[^\n\r]*)+")),
    ("iri", re.compile(r"<(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>")),  # UCHAR escapes too
    ("bnode", re.compile(rf"_:[{_PN_U}0-9](?:[{_PN}.]*[{_PN}])?")),
    ("pname", re.compile(rf"(?:{_PREFIX})?:(?:{_LOCAL})?")),
    ("var", re.compile(rf"[?$][{_PN_U}0-9][{_PN_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*")),
    ("string", re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                          r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'', re.DOTALL)),
    ("langtag", re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")),
    ("number", re.compile(r"\d+\.\d*[eE][+-]?\d+|\d*\.\d+(?:[eE][+-]?\d+)?|\d+(?:[eE][+-]?\d+)?")),
    ("word", re.compile(r"[A-Za-z][A-Za-z0-9_]*")),
    ("punct", re.compile(r"\^\^|&&|\|\||!=|<=|>=|[{}()\[\].,;*+\-/!=<>^|?]")),
]
_SPACE = _TOKENS[0][1]


def _alternatives(*kinds: str) -> re.Pattern:
    """One pattern trying ``kinds`` in order (named groups tell which matched)."""
    table = dict(_TOKENS)
    return re.compile("|".join(f"(?P<{kind}>{table[kind].pattern})" for kind in kinds), re.DOTALL)


# by first character: only the terminals that can start with it, in the grammar's order of preference
_BY_FIRST = {"<": _alternatives("iri", "punct"), '"': _alternatives("string"), "'": _alternatives("string"),
             "?": _alternatives("var", "punct"), "$": _alternatives("var"), "@": _alternatives("langtag"),
             "_": _alternatives("bnode"), ".": _alternatives("number", "punct"), ":": _alternatives("pname")}
_BY_FIRST.update({d: _alternatives("number") for d in "0123456789"})
_NAME = _alternatives("pname", "word")
_PUNCT = _alternatives("punct")
_NO_IRI = {"<": _PUNCT}

GRAPH_WORDS = {"OPTIONAL", "MINUS", "GRAPH", "SERVICE", "FILTER", "BIND", "VALUES", "LATERAL"}
TERM_KINDS = {"iri", "pname", "bnode", "var", "string", "number"}
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
RESERVED = GRAPH_WORDS | set(QUERY_FORMS) | set(UPDATE_WORDS) | {  # never a function name
    "HAVING", "ORDER", "GROUP", "LIMIT", "OFFSET", "WHERE", "FROM", "UNION", "AS", "BY", "SILENT"}


class ParseRefusal(Exception):
    """The text is not a query the gate understands (reason in the message)."""


class TooDeep(ParseRefusal):
    """The query nests deeper than MAX_DEPTH (or is longer than MAX_CHARS)."""


@dataclass(frozen=True)
class _Tok:
    kind: str
    value: str
    start: int
    end: int

    @property
    def word(self) -> str:
        return self.value.upper() if self.kind == "word" else ""


class Reader:
    """Token cursor over the query text, plus the nesting depth reached so far."""

    def __init__(self, text: str):
        self.text, self.pos, self.level, self.deepest, self.service = text, 0, 0, 0, False
        self.tok = self._lex(0)

    # -- tokens ------------------------------------------------------------
    def _lex(self, pos: int, override: dict | None = None) -> _Tok:
        space = _SPACE.match(self.text, pos)
        if space:
            pos = space.end()
        if pos >= len(self.text):
            return _Tok("eof", "", pos, pos)
        c = self.text[pos]
        pattern = (override or {}).get(c) or _BY_FIRST.get(c) or (_NAME if c.isalpha() or c > "\x7f" else _PUNCT)
        m = pattern.match(self.text, pos)
        if m is None:
            raise ParseRefusal(f"unexpected character {self.text[pos]!r} at offset {pos}")
        return _Tok(m.lastgroup, m.group(0), pos, m.end())

    def advance(self) -> _Tok:
        tok = self.tok
        self.tok = self._lex(tok.end)
        return tok

    def as_operator(self) -> None:
        """Read a '<' that the lexer took for an IRI (``?a<?b&&?c>1``) as the comparison it is here."""
        if self.tok.kind == "iri":
            self.tok = self._lex(self.tok.start, _NO_IRI)

    def fail(self, expected: str):
        tok = self.tok
        found = "the end of the query" if tok.kind == "eof" else repr(tok.value[:40])
        raise ParseRefusal(f"expected {expected} at offset {tok.start}, found {found}")

    def at(self, *values: str) -> bool:
        tok = self.tok
        return tok.value in values if tok.kind == "punct" else tok.kind == "word" and tok.word in values

    def take(self, *values: str) -> bool:
        if self.at(*values):
            self.advance()
            return True
        return False

    def expect(self, value: str) -> None:
        if not self.take(value):
            self.fail(repr(value))

    def expect_kind(self, *kinds: str) -> _Tok:
        if self.tok.kind not in kinds:
            self.fail(" or ".join(kinds))
        return self.advance()

    # -- depth -------------------------------------------------------------
    def deeper(self, levels: int = 1) -> None:
        self.level += levels
        self.deepest = max(self.deepest, self.level)
        if self.level > MAX_DEPTH:
            raise TooDeep(f"query nests deeper than {MAX_DEPTH} levels "
                          "(groups, brackets, chained operators, patterns in a row)")

    def shallower(self, levels: int = 1) -> None:
        self.level -= levels
