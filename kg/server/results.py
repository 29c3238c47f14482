"""Content negotiation and serialisation of query answers, with a row cap.

Rows are serialised here (not by Oxigraph) so that a result can be cut at
``max_rows`` and still be a valid document; a cut is reported in the
``X-KG-Truncated`` header and, where the format has room, in the body.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class Format:
    name: str  # json, xml, csv, tsv, turtle, ntriples, rdfxml, jsonld, n3
    media_type: str


SOLUTION_FORMATS = {
    "json": Format("json", "application/sparql-results+json"),
    "xml": Format("xml", "application/sparql-results+xml"),
    "csv": Format("csv", "text/csv"),
    "tsv": Format("tsv", "text/tab-separated-values"),
}
GRAPH_FORMATS = {
    "turtle": Format("turtle", "text/turtle"),
    "ntriples": Format("ntriples", "application/n-triples"),
    "rdfxml": Format("rdfxml", "application/rdf+xml"),
    "jsonld": Format("jsonld", "application/ld+json"),
    "n3": Format("n3", "text/n3"),
}
_SOLUTION_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json", "text/javascript": "json",
    "application/javascript": "json", "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/xml": "xml", "text/csv": "csv", "text/tab-separated-values": "tsv",
}
_GRAPH_TYPES = {
    "text/turtle": "turtle", "application/turtle": "turtle", "application/x-turtle": "turtle",
    "application/n-triples": "ntriples", "text/plain": "ntriples", "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml", "text/xml": "rdfxml", "application/ld+json": "jsonld",
    "application/json": "jsonld", "text/n3": "n3", "text/rdf+n3": "n3",
}
# short names accepted in ?format= / ?output= (SPARQLWrapper and browsers use them)
_SOLUTION_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv"}
_GRAPH_NAMES = {"turtle": "turtle", "ttl": "turtle", "nt": "ntriples", "ntriples": "ntriples",
                "n-triples": "ntriples", "xml": "rdfxml", "rdf+xml": "rdfxml", "rdfxml": "rdfxml",
                "json-ld": "jsonld", "jsonld": "jsonld", "json": "jsonld", "n3": "n3"}


def negotiate(form: str, accept: str | None, format_name: str | None = None) -> Format | None:
    """The answer format for a query form, from ?format= or the Accept header; None = 406."""
    graph = form in ("CONSTRUCT", "DESCRIBE")
    table, types, names = (GRAPH_FORMATS, _GRAPH_TYPES, _GRAPH_NAMES) if graph else (
        SOLUTION_FORMATS, _SOLUTION_TYPES, _SOLUTION_NAMES)
    default = table["turtle" if graph else "json"]
    if format_name:
        key = names.get(format_name.strip().lower()) or types.get(format_name.strip().lower())
        if key:
            return table[key]
    if not accept:
        return default
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, media))
    for _, _, media in sorted(ranked):
        if media in types:
            return table[types[media]]
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str
    rows: int
    truncated: bool


def take(iterator, max_rows: int) -> tuple[list, bool]:
    """At most ``max_rows`` items, and whether more were there."""
    items = []
    for item in iterator:
        if len(items) >= max_rows:
            return items, True
        items.append(item)
    return items, False


def truncation_note(max_rows: int) -> str:
    return f"result truncated to the first {max_rows} rows (server limit --max-rows)"


def serialize_solutions(variables: list[str], rows: list[list], fmt: Format, truncated: bool, max_rows: int) -> bytes:
    """SELECT rows (lists of pyoxigraph terms or None) in the SPARQL results format ``fmt``."""
    if fmt.name == "json":
        doc = {"head": {"vars": variables}, "results": {"bindings": [
            {v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]}}
        if truncated:
            doc["truncated"] = True
            doc["message"] = truncation_note(max_rows)
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt.name == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n")
        if truncated:
            out.append(f"<!-- {truncation_note(max_rows)} -->\n")
        out.append("<results>\n")
        for row in rows:
            out.append("<result>")
            out += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>" for v, t in zip(variables, row) if t is not None]
            out.append("</result>\n")
        out.append("</results>\n</sparql>\n")
        return "".join(out).encode("utf-8")
    if fmt.name == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([_csv_term(t) for t in row])
        return buf.getvalue().encode("utf-8")
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_boolean(value: bool, fmt: Format) -> bytes:
    if fmt.name == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if fmt.name == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode("utf-8")
    return (("true" if value else "false") + "\n").encode("utf-8")


def serialize_triples(triples: list, fmt: Format, prefixes: dict[str, str] | None = None) -> bytes:
    import pyoxigraph

    rdf_format = {"turtle": pyoxigraph.RdfFormat.TURTLE, "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
                  "rdfxml": pyoxigraph.RdfFormat.RDF_XML, "jsonld": pyoxigraph.RdfFormat.JSON_LD,
                  "n3": pyoxigraph.RdfFormat.N3}[fmt.name]
    with_prefixes = fmt.name in ("turtle", "n3", "rdfxml")
    return pyoxigraph.serialize(triples, format=rdf_format, prefixes=prefixes if with_prefixes else None) or b""


def _kind(term) -> str:
    name = type(term).__name__
    return {"NamedNode": "uri", "BlankNode": "bnode", "Literal": "literal", "Triple": "triple"}.get(name, "literal")


def _json_term(term) -> dict:
    kind = _kind(term)
    if kind == "triple":
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate), "object": _json_term(term.object)}}
    out = {"type": kind, "value": term.value}
    if kind == "literal":
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANGSTRING):
            out["datatype"] = term.datatype.value
    return out


def _xml_term(term) -> str:
    kind = _kind(term)
    if kind == "uri":
        return f"<uri>{escape(term.value)}</uri>"
    if kind == "bnode":
        return f"<bnode>{escape(term.value)}</bnode>"
    if kind == "triple":
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    attr = ""
    if term.language:
        attr = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype.value not in (XSD_STRING, RDF_LANGSTRING):
        attr = f" datatype={quoteattr(term.datatype.value)}"
    return f"<literal{attr}>{escape(_NOT_XML.sub(chr(0xFFFD), term.value))}</literal>"


def _csv_term(term) -> str:
    if term is None:
        return ""
    kind = _kind(term)
    if kind == "bnode":
        return "_:" + term.value
    if kind == "triple":
        return str(term)
    return term.value
