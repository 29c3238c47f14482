"""Read-only gate for SPARQL text: only SELECT/ASK/CONSTRUCT/DESCRIBE, never SERVICE.

The query is parsed (rdflib's SPARQL grammar; Oxigraph's parser as the
judge of syntax), so a keyword in a string literal or a comment neither
triggers nor hides a refusal.
"""
from __future__ import annotations

import functools

from kg.errors import KgError
from kg.server import lexer

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
_PROLOGUE = ("PREFIX", "BASE")
_RDFLIB_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
_RDFLIB_UPDATES = {
    "Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
    "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}


class Refused(KgError):
    """The request is not a read-only query this endpoint answers (HTTP 400)."""


def update_refusal(operation: str) -> Refused:
    return Refused(f"SPARQL Update ({operation}) is not allowed: this endpoint is read-only")


SERVICE_REFUSAL = "SERVICE (federated query) is not allowed: this endpoint answers only from its own graph"


def check_query(text: str) -> str:
    """Return the query form ("SELECT", ...) or raise :class:`Refused` with a clear reason."""
    form, error = _check(text)
    if error:
        raise Refused(error)
    return form


@functools.lru_cache(maxsize=512)
def _check(text: str) -> tuple[str, str]:
    if not text.strip():
        return "", "empty query"
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
    except ParseException:
        tree = None
    except Exception:  # noqa: BLE001 - rdflib raises assorted errors on odd input
        tree = None
    if tree is not None:
        if _has_node(tree, "ServiceGraphPattern"):
            return "", SERVICE_REFUSAL
        return _RDFLIB_FORMS.get(getattr(tree[1], "name", ""), "SELECT"), ""
    try:
        update = parseUpdate(text)
    except Exception:  # noqa: BLE001 - not an update either
        update = None
    if update is not None:
        requests = update.get("request") or []
        names = [_RDFLIB_UPDATES.get(getattr(r, "name", ""), "update") for r in requests]
        return "", str(update_refusal(", ".join(names) or "update"))
    return _check_by_tokens(text)


def _check_by_tokens(text: str) -> tuple[str, str]:
    """Fallback when rdflib cannot parse: Oxigraph judges syntax, tokens find keywords."""
    words = [w for w in lexer.keywords(text)]
    first = next((w for w in words if w not in _PROLOGUE), "")
    if first in UPDATE_WORDS:
        return "", str(update_refusal(first))
    if "SERVICE" in words:
        return "", SERVICE_REFUSAL
    import pyoxigraph

    try:
        pyoxigraph.Store().query(text)
    except SyntaxError as exc:
        return "", f"SPARQL syntax error: {exc}"
    form = next((w for w in words if w in QUERY_FORMS), "")
    if not form:
        return "", "not a SPARQL query (expected SELECT, ASK, CONSTRUCT or DESCRIBE)"
    return form, ""


def _has_node(node: object, name: str) -> bool:
    """Depth-first search of rdflib's parse tree for a CompValue called ``name``."""
    stack = [node]
    while stack:
        item = stack.pop()
        if getattr(item, "name", None) == name:
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(list(item))
    return False
