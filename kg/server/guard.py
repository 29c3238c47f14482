"""Read-only gate for SPARQL text: only SELECT/ASK/CONSTRUCT/DESCRIBE, never SERVICE or an update.

Two checks, both blind to what strings, IRIs and comments contain:

* ``check_query`` (fast, in the request thread): tokenises the query and looks
  at keyword tokens only, so "SERVICE" in a literal does not trigger a refusal
  and a comment cannot hide one. Gives the query form for content negotiation.
* ``check_structure`` (in the worker, under the time limit): parses the query
  with rdflib's SPARQL grammar and walks the tree for ServiceGraphPattern and
  the form. Parsing costs ~0.3 s, so the verdict is cached by the query's shape
  (strings, IRIs and numbers blanked), which repeated templated queries share.
  Syntax errors are reported by Oxigraph itself when the worker runs the query.
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
SERVICE_REFUSAL = "SERVICE (federated query) is not allowed: this endpoint answers only from its own graph"


class Refused(KgError):
    """The request is not a read-only query this endpoint answers (HTTP 400)."""

    bad_request = True


def update_refusal(operation: str) -> Refused:
    return Refused(f"SPARQL Update ({operation}) is not allowed: this endpoint is read-only")


def check_query(text: str) -> str:
    """The query form ("SELECT", ...) from keyword tokens, or :class:`Refused` with a clear reason."""
    if not text.strip():
        raise Refused("empty query")
    words = lexer.keywords(text)
    first = next((w for w in words if w not in _PROLOGUE), "")
    if first in UPDATE_WORDS:
        raise update_refusal(_update_name(text) or first)
    if "SERVICE" in words:
        raise Refused(SERVICE_REFUSAL)
    if first not in QUERY_FORMS:
        raise Refused("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE"
                      + (f", found {first}" if first else ""))
    return first


def check_structure(text: str) -> None:
    """Parse-tree check (rdflib): no SERVICE anywhere; raises :class:`Refused`. Cached by query shape."""
    error = _structure(lexer.shape(text))
    if error:
        raise Refused(error)


@functools.lru_cache(maxsize=1024)
def _structure(shaped: str) -> str:
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(shaped)
    except Exception:  # noqa: BLE001 - beyond rdflib's grammar: the token check stands, Oxigraph judges syntax
        return ""
    if _has_node(tree, "ServiceGraphPattern"):
        return SERVICE_REFUSAL
    return ""


def _update_name(text: str) -> str:
    """The update operation(s) by name, from rdflib's update grammar (for the refusal message)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        update = parseUpdate(text)
    except Exception:  # noqa: BLE001 - not parseable: the keyword will do
        return ""
    names = [_RDFLIB_UPDATES.get(getattr(r, "name", ""), "update") for r in update.get("request") or []]
    return ", ".join(names)


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
