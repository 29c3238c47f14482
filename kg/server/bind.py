"""Binding values into SPARQL text as VALUES blocks, with the meaning of SEP-0007 substitutions.

Used for an Oxigraph server (whose protocol has no substitutions) and for the
embedded store too: on kg's stored queries Oxigraph plans a VALUES-bound query
far better than the same query with ``substitutions`` (employers: 2.7 s -> 0.4 s
at 1 M quads, see scripts/bench_store.py --values). Terms are written by
pyoxigraph, never formatted from user text.
"""
from __future__ import annotations

from kg.errors import KgError


class BindError(KgError):
    """The query cannot take bound values this way (HTTP 400)."""

    bad_request = True


def inline_values(query: str, values: dict) -> str:  # noqa: C901
    """``query`` with ``VALUES (?a ?b) { (t1 t2) }`` opening every group graph pattern.

    That is how SEP-0007 substitution behaves (pyoxigraph's ``substitutions``): the
    variable is bound everywhere, inside subqueries, OPTIONAL, UNION and FILTER EXISTS
    too, and still appears in the results. Braces of CONSTRUCT templates, VALUES data
    blocks and subquery openers are left alone; strings, IRIs and comments never count.
    """
    import pyoxigraph

    from kg.server import lexer

    names, terms = [], []
    for var, term in values.items():
        name = var.value if isinstance(var, pyoxigraph.Variable) else str(var).lstrip("?$")
        if isinstance(term, pyoxigraph.BlankNode):
            raise BindError(f"?{name}: a blank node cannot be bound as a value")
        names.append("?" + pyoxigraph.Variable(name).value)
        terms.append(str(term))
    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} "
    toks = list(lexer.tokens(query))
    inserts, skip_depth, depth, previous = [], None, 0, None
    for i, tok in enumerate(toks):
        word = tok.value.upper() if tok.kind == "word" else ""
        if tok.kind == "punct" and tok.value == "{":
            depth += 1
            following = toks[i + 1] if i + 1 < len(toks) else None
            opens_subquery = following is not None and following.kind == "word" and following.value.upper() == "SELECT"
            if skip_depth is None:
                if previous == "VALUES_BLOCK" or previous == "CONSTRUCT":
                    skip_depth = depth
                elif not opens_subquery:
                    inserts.append(tok.end)
        elif tok.kind == "punct" and tok.value == "}":
            if skip_depth == depth:
                skip_depth = None
            depth -= 1
        if word == "CONSTRUCT" and i + 1 < len(toks) and toks[i + 1].value.upper() == "WHERE":
            raise BindError("bound values need a CONSTRUCT { template } WHERE { pattern } query, not the short form")
        if word == "VALUES":
            previous = "VALUES_BLOCK"
        elif word == "CONSTRUCT":
            previous = "CONSTRUCT"
        elif tok.kind == "punct" and tok.value == "{":
            previous = None
    if not inserts:
        raise BindError("bound values need a query with a WHERE { ... } group")
    out, last = [], 0
    for pos in inserts:
        out += [query[last:pos], block]
        last = pos
    out.append(query[last:])
    return "".join(out)


def bind_query(query: str, values: dict | None) -> tuple[str, dict | None]:
    """(text, substitutions) to run: the values inlined as VALUES blocks, or left as substitutions
    (the only way) for a query that cannot take VALUES blocks (``CONSTRUCT WHERE``)."""
    if not values:
        return query, None
    try:
        return inline_values(query, values), None
    except BindError:
        return query, values
