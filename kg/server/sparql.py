"""A real SPARQL query parser for the gate: the form, every SERVICE/update, and how deep the query nests.

It follows the SPARQL 1.1 query grammar (plus Oxigraph's LATERAL, which kg's
stored queries use) and tokenizes by the grammar's terminals, so ``.SERVICE``
is a dot then the keyword, ``@service`` is a language tag and ``service:x`` a
prefixed name. What it cannot parse it refuses: the gate never lets through a
query it did not understand (Oxigraph alone would judge syntax, and Oxigraph
is what must not be tricked). The parse builds no tree; it measures:

* ``form``: SELECT, ASK, CONSTRUCT or DESCRIBE;
* ``service``: whether a SERVICE pattern appears anywhere;
* ``depth``: the depth of the algebra tree Oxigraph would build (brackets,
  groups, and every link of a chain such as ``a + b + c`` or ``{} UNION {}``,
  each of which is one more level of recursion in the engine). Oxigraph
  overflows its stack, and kills the process, at a few thousand levels; the
  gate refuses anything deeper than ``MAX_DEPTH``, long before.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass

from kg.server.sparql_expr import Expressions
from kg.server.sparql_reader import (
    GRAPH_WORDS,
    MAX_CHARS,
    MAX_DEPTH,
    QUERY_FORMS,
    TERM_KINDS,
    UPDATE_WORDS,
    ParseRefusal,
    TooDeep,
)

__all__ = ["MAX_CHARS", "MAX_DEPTH", "ParseRefusal", "TooDeep", "Verdict", "parse"]


@dataclass(frozen=True)
class Verdict:
    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE; or the update keyword the text starts with
    service: bool
    depth: int
    update: bool = False


class _Parser(Expressions):
    """The SPARQL grammar from the query forms down to triples; expressions come from Expressions."""

    # -- query -------------------------------------------------------------
    def query(self) -> Verdict:
        while self.at("BASE", "PREFIX"):
            if self.advance().word == "PREFIX":
                if self.tok.kind != "pname" or not self.tok.value.endswith(":"):
                    self.fail("a prefix name such as ex:")
                self.advance()
            self.expect_kind("iri")
        form = self.tok.word
        if form in UPDATE_WORDS:
            return Verdict(form, False, 0, update=True)
        if form not in QUERY_FORMS:
            self.fail("SELECT, ASK, CONSTRUCT or DESCRIBE")
        self.advance()
        getattr(self, "q_" + form.lower())()
        self.values_clause()
        if self.tok.kind != "eof":
            self.fail("the end of the query")
        return Verdict(form, self.service, self.deepest)

    def q_select(self, sub: bool = False) -> None:
        self.take("DISTINCT", "REDUCED")
        if not self.take("*"):
            count = 0
            while self.tok.kind == "var" or self.at("("):
                count += 1
                if self.tok.kind == "var":
                    self.advance()
                else:
                    self.advance()
                    self.expression()
                    self.expect("AS")
                    self.expect_kind("var")
                    self.expect(")")
            if not count:
                self.fail("'*', variables or (expression AS ?var)")
        self.where(datasets=not sub)

    def where(self, datasets: bool = True) -> None:
        """``FROM …`` clauses, ``[WHERE] { … }`` and the solution modifiers, as most forms end."""
        if datasets:
            self.datasets()
        self.take("WHERE")
        self.group()
        self.modifiers()

    def q_construct(self) -> None:
        short = self.take("WHERE")  # CONSTRUCT WHERE { triples }: the template is the pattern
        self.expect("{")
        self.triples_template("}")
        if short:
            self.modifiers()
        else:
            self.where()

    def q_describe(self) -> None:
        if not self.take("*"):
            self.expect_kind("var", "iri", "pname")
            while self.tok.kind in ("var", "iri", "pname"):
                self.advance()
        self.datasets()
        if self.at("WHERE", "{"):
            self.take("WHERE")
            self.group()
        self.modifiers()

    def q_ask(self) -> None:
        self.where()

    def datasets(self) -> None:
        while self.take("FROM"):
            self.take("NAMED")
            self.expect_kind("iri", "pname")

    def modifiers(self) -> None:
        if self.take("GROUP"):
            self.expect("BY")
            self.condition(first=True, allow_as=True)
            while self.condition(first=False, allow_as=True):
                pass
        if self.take("HAVING"):
            self.constraint()
            while self.starts_constraint():
                self.constraint()
        if self.take("ORDER"):
            self.expect("BY")
            self.condition(first=True, allow_as=False)
            while self.condition(first=False, allow_as=False):
                pass
        for _ in range(2):
            if self.take("LIMIT", "OFFSET"):
                self.expect_kind("number")

    def condition(self, first: bool, allow_as: bool) -> bool:
        if not allow_as and self.at("ASC", "DESC"):
            self.advance()
            self.bracketted()
            return True
        if self.tok.kind == "var":
            self.advance()
            return True
        if self.at("("):
            self.advance()
            self.expression()
            if allow_as and self.take("AS"):
                self.expect_kind("var")
            self.expect(")")
            return True
        if self.starts_constraint():
            self.constraint()
            return True
        if first:
            self.fail("a grouping or ordering condition")
        return False

    def values_clause(self) -> None:
        if self.take("VALUES"):
            self.data_block()

    # -- graph patterns ----------------------------------------------------
    def group(self) -> None:
        self.expect("{")
        self.deeper()
        if self.at("SELECT"):
            self.advance()
            self.q_select(sub=True)
            self.values_clause()
        else:
            elements = 0
            while not self.at("}"):
                if self.tok.kind == "eof":
                    self.fail("'}'")
                if self.at("{") or self.tok.word in GRAPH_WORDS:
                    self.not_triples()
                    self.take(".")
                else:
                    self.triples_path()
                    if not self.take(".") and not (self.at("}", "{") or self.tok.word in GRAPH_WORDS):
                        self.fail("'.' or '}'")
                elements += 1
                self.deeper()  # each element joins onto the ones before it: one more level
            self.shallower(elements)
        self.expect("}")
        self.shallower()

    def not_triples(self) -> None:
        word = self.tok.word
        if self.at("{"):
            self.group()
            unions = 0
            while self.take("UNION"):
                self.deeper()
                unions += 1
                self.group()
            self.shallower(unions)
            return
        self.advance()
        if word in ("OPTIONAL", "MINUS", "LATERAL"):
            self.group()
        elif word == "GRAPH":
            self.expect_kind("var", "iri", "pname")
            self.group()
        elif word == "SERVICE":
            self.service = True
            self.take("SILENT")
            self.expect_kind("var", "iri", "pname")
            self.group()
        elif word == "FILTER":
            self.constraint()
        elif word == "BIND":
            self.expect("(")
            self.expression()
            self.expect("AS")
            self.expect_kind("var")
            self.expect(")")
        else:  # VALUES
            self.data_block()

    def data_block(self) -> None:
        if self.tok.kind == "var":
            self.advance()
            self.expect("{")
            while not self.take("}"):
                self.data_value()
            return
        self.expect("(")
        while self.tok.kind == "var":
            self.advance()
        self.expect(")")
        self.expect("{")
        while not self.take("}"):
            self.expect("(")
            while not self.take(")"):
                self.data_value()

    def data_value(self) -> None:
        if self.take("UNDEF", "TRUE", "FALSE"):
            return
        if self.tok.kind in ("iri", "pname", "number"):
            self.advance()
        elif self.tok.kind == "string":
            self.literal()
        elif self.take("+", "-"):
            self.expect_kind("number")
        else:
            self.fail("a data value")

    # -- triples -----------------------------------------------------------
    def triples_template(self, closer: str) -> None:
        while not self.take(closer):
            self.triples_path()
            if not self.take(".") and not self.at(closer):
                self.fail(f"'.' or {closer!r}")

    def triples_path(self) -> None:
        if self.at("(", "[") and not self.empty_brackets():
            self.triples_node()
            if self.starts_verb():
                self.property_list()
            return
        self.term()
        self.property_list()

    def empty_brackets(self) -> bool:
        """NIL ``()`` and ANON ``[]`` are terms, not collections or blank-node property lists."""
        nxt = self._lex(self.tok.end)
        return (self.tok.value, nxt.value) in (("(", ")"), ("[", "]"))

    def term(self) -> None:
        if self.at("(", "[") and self.empty_brackets():
            self.advance()
            self.advance()
        elif self.tok.kind == "string":
            self.literal()
        elif self.tok.kind in TERM_KINDS:
            self.advance()
        elif self.take("TRUE", "FALSE"):
            pass
        elif self.take("+", "-"):
            self.expect_kind("number")
        else:
            self.fail("an RDF term or variable")

    def literal(self) -> None:
        self.expect_kind("string")
        if self.tok.kind == "langtag":
            self.advance()
        elif self.take("^^"):
            self.expect_kind("iri", "pname")

    def triples_node(self) -> None:
        self.deeper()
        if self.take("("):
            self.graph_node()
            while not self.take(")"):
                self.graph_node()
        else:
            self.expect("[")
            self.property_list()
            self.expect("]")
        self.shallower()

    def graph_node(self) -> None:
        if self.at("(", "[") and not self.empty_brackets():
            self.triples_node()
        else:
            self.term()

    def starts_verb(self) -> bool:
        return self.tok.kind in ("var", "iri", "pname") or self.at("A", "^", "!", "(")

    def property_list(self) -> None:
        self.verb()
        self.object_list()
        while self.take(";"):
            if self.starts_verb():
                self.verb()
                self.object_list()

    def verb(self) -> None:
        if self.tok.kind == "var":
            self.advance()
        else:
            self.path()

    def object_list(self) -> None:
        self.graph_node()
        while self.take(","):
            self.graph_node()

    def path(self) -> None:
        links = 0
        self.path_step()
        while self.at("|", "/"):
            self.advance()
            self.deeper()
            links += 1
            self.path_step()
        self.shallower(links)

    def path_step(self) -> None:
        self.take("^")
        if self.take("("):
            self.deeper()
            self.path()
            self.expect(")")
            self.shallower()
        elif self.take("!"):
            if self.take("("):
                while not self.take(")"):
                    self.take("^")
                    self.path_iri()
                    self.take("|")
            else:
                self.take("^")
                self.path_iri()
        else:
            self.path_iri()
        if self.tok.kind == "punct" and self.tok.value in "?*+":
            self.advance()

    def path_iri(self) -> None:
        if not self.take("A"):
            self.expect_kind("iri", "pname")


def parse(text: str) -> Verdict:
    """Parse ``text`` as a SPARQL query; :class:`ParseRefusal` with a one-line reason when it cannot."""
    if len(text) > MAX_CHARS:
        raise TooDeep(f"query is longer than {MAX_CHARS} characters")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 40 * MAX_DEPTH))  # Python frames only (3.11+: no C stack per frame)
    try:
        return _Parser(text).query()
    except RecursionError:
        raise TooDeep(f"query nests deeper than {MAX_DEPTH} levels") from None
    finally:
        sys.setrecursionlimit(limit)
