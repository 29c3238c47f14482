"""The embedded Oxigraph store: open a build, run SPARQL with bound values.

``open_store`` loads out/graph.trig into an in-memory Oxigraph store (a
1,000-article build loads in about a second, so a persistent store would
only add a second copy to keep in sync) plus the ontology in its own graph,
so queries can read class and property labels. Values reach queries only as
pyoxigraph terms (VALUES blocks, kg.server.bind), never by string formatting.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from kg.errors import InputError, OutputError
from kg.rdf import ONTOLOGY_DIR  # a light module: paths here, heavy imports inside its functions
from kg.vocab import ONTOLOGY_GRAPH

QUERY_DIR = ONTOLOGY_DIR / "queries"
XSD = "http://www.w3.org/2001/XMLSchema#"


def open_store(out_dir, ontology: bool = True):
    """An in-memory pyoxigraph Store holding out_dir/graph.trig (and ontology/kg.ttl, unless told not to)."""
    import pyoxigraph as ox

    from kg.generations import current_build

    out = Path(out_dir)
    # the current generation's file, resolved once: a build finishing meanwhile switches the whole set
    path = current_build(out) / "graph.trig" if out.is_dir() or not out.suffix else out
    if not path.exists():
        if not out.exists():
            raise OutputError(f"{out}: no such folder")
        raise OutputError(f"{out}: no graph.trig here; not a kg build (run `kg build` first)")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    except SyntaxError as exc:
        raise OutputError(f"{path}: broken TriG ({exc}); rebuild with `kg build`") from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot read ({exc})") from None
    add_name_keys(store)
    if ontology:
        store.bulk_load(path=str(ONTOLOGY_DIR / "kg.ttl"), format=ox.RdfFormat.TURTLE,
                        to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
    return store


def add_name_keys(store) -> int:
    """Give a graph written before kg:nameKey existed (or by hand) its name keys, so stored queries
    that look names up by key still find them; a graph that has any keys is left as it is."""
    import pyoxigraph as ox

    from kg.rdf.terms import name_key
    from kg.vocab import ENTITIES_GRAPH, KG, PREFIXES

    graph, key = ox.NamedNode(ENTITIES_GRAPH), ox.NamedNode(KG + "nameKey")
    if next(iter(store.quads_for_pattern(None, key, None, graph)), None) is not None:
        return 0
    quads = {ox.Quad(q.subject, key, ox.Literal(name_key(q.object.value)), graph)
             for p in (PREFIXES["rdfs"] + "label", PREFIXES["skos"] + "altLabel")
             for q in store.quads_for_pattern(None, ox.NamedNode(p), None, graph) if isinstance(q.object, ox.Literal)}
    store.extend(list(quads))
    return len(quads)


def available_queries() -> list[str]:
    return sorted(p.stem for p in QUERY_DIR.glob("*.rq"))


def load_query_file(name_or_path) -> str:
    """The text of a .rq file: a path, or a name in ontology/queries ("employers" or "employers.rq")."""
    path = Path(name_or_path)
    if not path.exists():
        stem = path.name[:-3] if path.name.endswith(".rq") else path.name
        candidate = QUERY_DIR / f"{stem}.rq"
        if path.parent != Path(".") or not candidate.exists():
            raise InputError(
                f"{name_or_path}: no such query file or stored query (stored: {', '.join(available_queries())})"
            )
        path = candidate
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read query ({exc})") from None


def to_term(value):
    """A Python value as an RDF term: ``<iri>`` -> NamedNode, int -> xsd:integer, float -> xsd:decimal, else string."""
    import pyoxigraph as ox

    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"--bind: {value} is not a finite number")
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "decimal"))
    text = str(value)
    if len(text) > 2 and text.startswith("<") and text.endswith(">"):
        try:
            return ox.NamedNode(text[1:-1])
        except ValueError as exc:
            raise InputError(f"--bind: {text} is not a valid IRI ({exc})") from None
    return ox.Literal(text)


def from_term(term):
    """An RDF term as a plain Python value (IRI/string -> str, numbers -> int/float, booleans -> bool)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if type(term) is ox.NamedNode:  # the most common case first
        return term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        try:
            if dt == XSD + "integer" or dt.endswith(("#int", "#long", "#nonNegativeInteger")):
                return int(term.value)
            if dt in (XSD + "decimal", XSD + "double", XSD + "float"):
                return float(term.value)
            if dt == XSD + "boolean":
                return term.value == "true"
        except ValueError:
            pass
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def query_parameters(query_text: str, kind: str = "bind") -> list[str]:
    """Variables a query declares in a ``# bind: ?a ?b`` comment line (``kind="name-key"``: ``# name-key: ?a``)."""
    names: list[str] = []
    for line in query_text.splitlines():
        m = re.match(r"\s*#\s*" + re.escape(kind) + r":(.*)", line)
        if m:
            names += [n.lstrip("?$") for n in m.group(1).split()]
    return names


def bind_terms(query_text: str, bindings: dict | None) -> dict | None:
    """``{name: value}`` as ``{Variable: term}`` for the query; the one place bound values are prepared.

    Variables the query declares with ``# name-key: ?label`` are names: their text is
    normalised with kg.rdf.terms.name_key, as the writer stores kg:nameKey, so the query can
    anchor on the key (an index hit) and still match labels and aliases case-insensitively.
    """
    if not bindings:
        return None
    import pyoxigraph as ox

    from kg.rdf.terms import name_key

    keyed = set(query_parameters(query_text, "name-key"))
    out = {}
    for raw_name, value in bindings.items():
        name = raw_name.value if isinstance(raw_name, ox.Variable) else str(raw_name).lstrip("?$")
        term = to_term(value)
        if name in keyed and isinstance(term, ox.Literal):
            term = ox.Literal(name_key(term.value))
        out[ox.Variable(name)] = term
    return out


def run_query(store, query_text: str, bindings: dict | None = None, *, raw: bool = False):
    """Run SPARQL; returns (variables, rows). ``bindings`` go in as VALUES blocks (kg.server.bind.bind_query:
    terms written by pyoxigraph, never formatted from user text), name keys normalised (``bind_terms``).

    SELECT gives one row per solution; ASK gives ``(["result"], [(bool,)])``; CONSTRUCT/DESCRIBE
    give subject/predicate/object rows. ``raw=True`` keeps pyoxigraph terms instead of Python values.
    """
    import pyoxigraph as ox

    declared = query_parameters(query_text)
    unknown = sorted(set(bindings or {}) - set(declared)) if declared else []
    if unknown:
        raise InputError(f"no variable {', '.join('?' + n for n in unknown)} to bind "
                         f"(this query takes {', '.join('?' + n for n in declared)})")
    from kg.server.bind import bind_query

    text, subs = bind_query(query_text, bind_terms(query_text, bindings))
    try:
        result = store.query(text, substitutions=subs)
    except SyntaxError as exc:
        raise InputError(f"SPARQL syntax error: {exc}") from None
    except RuntimeError as exc:  # e.g. a bound variable the query does not select
        raise InputError(f"cannot bind {', '.join('?' + n for n in bindings or {})}: {exc}") from None
    conv = (lambda t: t) if raw else from_term
    if isinstance(result, ox.QuerySolutions):
        # bindable variables must be selected for substitution to apply; their columns only echo the input
        hidden = set(bindings or {}) | set(query_parameters(query_text))
        variables = [v.value for v in result.variables if v.value not in hidden]
        rows = [tuple(conv(sol[v]) for v in variables) for sol in result]
        return variables, rows
    if isinstance(result, ox.QueryBoolean) or isinstance(result, bool):
        return ["result"], [(bool(result),)]
    rows = [(conv(t.subject), conv(t.predicate), conv(t.object)) for t in result]
    return ["subject", "predicate", "object"], rows
