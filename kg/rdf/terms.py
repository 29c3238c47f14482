"""RDF terms as N-Triples strings: the writer sorts and groups these directly.

Formatting terms as plain strings (instead of rdflib nodes) keeps the writer
fast and its output byte-stable. Every literal passes through ``literal`` so
quotes, backslashes, newlines, control characters and lone surrogates from bad
input can never break the file.
"""
from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

from kg.vocab import KG, PREFIXES

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
OWL = PREFIXES["owl"]
XSD = PREFIXES["xsd"]
SKOS = PREFIXES["skos"]
PROV = PREFIXES["prov"]
SCHEMA = PREFIXES["schema"]
DCTERMS = PREFIXES["dcterms"]



def name_key(text: str) -> str:
    """The look-up key of a name (kg:nameKey): NFC, casefolded, whitespace collapsed.

    The writer stores it for every label and alias, and bound names are normalised with
    it before a stored query runs (kg.store.bind_terms), so a case-insensitive look-up is
    an index hit instead of a scan of every label.
    """
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


# Characters that must be escaped inside a "..." literal (plus all C0 controls and DEL).
_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
for _c in list(range(0x20)) + [0x7F]:
    _ESCAPES.setdefault(_c, f"\\u{_c:04X}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f]')
# Characters not allowed raw inside <...> in Turtle/N-Triples.
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')

_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^\d{4}$")
_MONTH_DAY = re.compile(r"^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_DURATION = re.compile(r"^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")


def clean_text(text: str) -> str:
    """Valid Unicode for UTF-8: lone surrogates (from undecodable input) become U+FFFD."""
    if _SURROGATE.search(text):
        # a valid pair is recombined, a lone half replaced
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def iri(value: str) -> str:
    """``<value>``, percent-encoding the characters an IRI may not hold raw."""
    if _IRI_BAD.search(value):
        value = _IRI_BAD.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), value)
    return "<" + clean_text(value) + ">"


def literal(value: str, datatype: str | None = None, lang: str | None = None) -> str:
    """An escaped literal; plain (xsd:string) unless ``datatype`` or ``lang`` is given."""
    text = clean_text(str(value))
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    if lang:
        return f'"{text}"@{lang}'
    if datatype and datatype != XSD + "string":
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


def integer(value: int) -> str:
    return f'"{int(value)}"^^<{XSD}integer>'


def decimal(value: float) -> str:
    """Canonical xsd:decimal (XSD 1.1, as Oxigraph stores it): ``0.85``, ``1``; non-finite become xsd:double."""
    value = float(value)
    if not math.isfinite(value):
        lex = "NaN" if math.isnan(value) else ("INF" if value > 0 else "-INF")
        return f'"{lex}"^^<{XSD}double>'
    lex = format(Decimal(repr(value)), "f")
    if "." in lex:
        lex = lex.rstrip("0").rstrip(".")
    if lex in ("-0", ""):
        lex = "0"
    return f'"{lex}"^^<{XSD}decimal>'


def boolean(value: bool) -> str:
    return f'"{"true" if value else "false"}"^^<{XSD}boolean>'


def date_literal(value: str) -> str:
    """xsd:date, xsd:gYearMonth, xsd:gYear or xsd:gMonthDay by shape; anything else stays a plain string."""
    value = value.strip()
    if _DATE.match(value):
        return literal(value, XSD + "date")
    if _YEAR_MONTH.match(value):
        return literal(value, XSD + "gYearMonth")
    if _YEAR.match(value):
        return literal(value, XSD + "gYear")
    if _MONTH_DAY.match(value):  # a day without its year ("am 2. November")
        return literal(value, XSD + "gMonthDay")
    return literal(value)


def duration_literal(value: str) -> str:
    value = value.strip()
    if _DURATION.match(value):
        return literal(value, XSD + "duration")
    return literal(value)


def value_literal(value: str) -> str:
    """A fact value typed by its shape: integer, decimal, date, duration or string."""
    v = value.strip()
    if _INTEGER.match(v):
        return integer(int(v))
    if _DATE.match(v) or _YEAR_MONTH.match(v):
        return date_literal(v)
    if _DURATION.match(v):
        return duration_literal(v)
    try:
        number = float(v)
    except ValueError:
        return literal(value)
    if math.isfinite(number) and re.fullmatch(r"[+-]?\d*\.\d+", v):
        return decimal(number)
    return literal(value)


def kg_term(local: str) -> str:
    """``<kg:local>`` for an ontology class or property name (percent-encoding odd names)."""
    return iri(KG + local)
