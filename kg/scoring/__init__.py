"""Scoring a build against hand-annotated gold: gold loading, relation matching, must_not checks.

`kg.evaluate` composes these into the report of `kg evaluate`.
"""
