"""Read-only gate for SPARQL text: only SELECT/ASK/CONSTRUCT/DESCRIBE, never SERVICE, LOAD or another update.

``check_query`` parses the query with kg.server.sparql (a real parser of the
SPARQL grammar plus Oxigraph's LATERAL) and refuses, with a one-line reason:
updates (LOAD and the rest), any SERVICE pattern, queries nested deeper than
the engine survives, and anything it cannot parse. It runs in the request
thread of `kg serve`, again in the query worker (the worker trusts no caller),
and before every query of `kg query` and the Python API.

This is the second layer. The first is that the query engine has no network:
queries run in a thread or process that cannot open a socket (kg.server.sandbox).
"""
from __future__ import annotations

import functools

from kg.errors import InputError
from kg.server.sparql import ParseRefusal, TooDeep, parse

SERVICE_REFUSAL = "SERVICE (federated query) is not allowed: kg answers only from its own graph, never over the network"
_UPDATE_NAMES = {"INSERT": "INSERT", "DELETE": "DELETE", "LOAD": "LOAD", "CLEAR": "CLEAR", "DROP": "DROP",
                 "CREATE": "CREATE", "ADD": "ADD", "MOVE": "MOVE", "COPY": "COPY", "WITH": "WITH ... DELETE/INSERT"}


class Refused(InputError):
    """The request is not a read-only query this endpoint answers (HTTP 400; `kg query` exit 2)."""

    bad_request = True


def update_refusal(operation: str) -> Refused:
    return Refused(f"SPARQL Update ({operation}) is not allowed: this endpoint is read-only")


def check_query(text: str) -> str:
    """The query form ("SELECT", ...) of a query the gate admits, or :class:`Refused` with a clear reason."""
    if not text.strip():
        raise Refused("empty query")
    form, error = _verdict(text)
    if error:
        raise Refused(error)
    return form


@functools.lru_cache(maxsize=512)
def _verdict(text: str) -> tuple[str, str]:
    """(form, refusal reason or ""); cached, since the server checks each query twice and clients repeat them."""
    try:
        verdict = parse(text)
    except TooDeep as exc:
        return "", f"{exc}; the query engine cannot take that"
    except ParseRefusal as exc:
        return "", f"SPARQL syntax error (or syntax this endpoint does not accept): {exc}"
    if verdict.update:
        return "", str(update_refusal(_update_operation(text, verdict.form)))
    if verdict.service:
        return "", SERVICE_REFUSAL
    return verdict.form, ""


def _update_operation(text: str, first: str) -> str:
    """The update by name (DELETE/INSERT for a modify), for the refusal message."""
    if first in ("DELETE", "INSERT"):
        upper = " ".join(text.upper().split())
        if "DELETE" in upper and "INSERT" in upper:
            return "DELETE/INSERT"
        for word in ("DATA", "WHERE"):
            if f"{first} {word}" in upper:
                return f"{first} {word}"
    return _UPDATE_NAMES.get(first, first)
