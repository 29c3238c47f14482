"""SPARQL expressions for the gate's parser (kg.server.sparql): FILTER, BIND, HAVING, ORDER BY, function calls.

A mixin: ``EXISTS { … }`` needs the parser's ``group`` and a literal its ``literal``,
which the full parser (kg.server.sparql._Parser) provides. Every link of an
operator chain (``a || b || c``, ``1 + 2 + 3``) counts one level of depth, as
Oxigraph builds and evaluates such chains as nested binary nodes.
"""
from __future__ import annotations

from kg.server.sparql_reader import RESERVED, Reader


class Expressions(Reader):
    def starts_constraint(self) -> bool:
        tok = self.tok
        return self.at("(", "NOT", "EXISTS") or tok.kind in ("iri", "pname") or (
            tok.kind == "word" and tok.word not in RESERVED and self._lex(tok.end).value == "(")

    def constraint(self) -> None:
        if self.at("("):
            self.bracketted()
        else:
            self.primary()

    def bracketted(self) -> None:
        self.expect("(")
        self.deeper()
        self.expression()
        self.expect(")")
        self.shallower()

    def expression(self) -> None:
        self.chain(("||",), self.and_expression)

    def and_expression(self) -> None:
        self.chain(("&&",), self.relational)

    def chain(self, operators: tuple[str, ...], operand) -> None:
        links = 0
        operand()
        self.as_operator()
        while self.tok.kind == "punct" and self.tok.value in operators:
            self.advance()
            self.deeper()
            links += 1
            operand()
            self.as_operator()
        self.shallower(links)

    def relational(self) -> None:
        self.additive()
        self.as_operator()
        if self.at("=", "!=", "<", ">", "<=", ">="):
            self.advance()
            self.deeper()
            self.additive()
            self.shallower()
        elif self.at("IN") or self.at("NOT"):
            if self.take("NOT"):
                self.expect("IN")
            else:
                self.advance()
            self.arguments()

    def additive(self) -> None:
        self.chain(("+", "-"), self.multiplicative)

    def multiplicative(self) -> None:
        self.chain(("*", "/"), self.unary)

    def unary(self) -> None:
        if self.take("!", "+", "-"):
            self.deeper()
            self.unary()
            self.shallower()
        else:
            self.primary()

    def primary(self) -> None:
        tok = self.tok
        if self.at("("):
            self.bracketted()
        elif tok.kind in ("iri", "pname"):
            self.advance()
            if self.at("("):
                self.arguments()
        elif tok.kind == "string":
            self.literal()
        elif tok.kind in ("var", "number"):
            self.advance()
        elif self.take("TRUE", "FALSE"):
            pass
        elif tok.word == "NOT" or tok.word == "EXISTS":
            self.advance()
            if tok.word == "NOT":
                self.expect("EXISTS")
            self.group()
        elif tok.kind == "word" and tok.word not in RESERVED:
            self.advance()
            self.arguments(aggregate=True)
        else:
            self.fail("an expression")

    def arguments(self, aggregate: bool = False) -> None:
        """``( [DISTINCT] expr, ... [; SEPARATOR = "..."] )``, ``(*)`` for COUNT, or ``()``."""
        self.expect("(")
        self.deeper()
        if aggregate:
            self.take("DISTINCT")
        if aggregate and self.take("*"):
            pass
        elif not self.at(")"):
            self.expression()
            while self.take(","):
                self.expression()
        if aggregate and self.take(";"):
            self.expect("SEPARATOR")
            self.expect("=")
            self.expect_kind("string")
        self.expect(")")
        self.shallower()
