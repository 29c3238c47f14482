"""Scoring a build against hand-annotated gold: gold loading, relation matching, must_not checks.

`kg.evaluate` composes these into the report of `kg evaluate`.
"""


def prf(found: int, gold: int, correct: int, predicted: int) -> dict:
    """Precision = correct / predicted, recall = found / gold, and their F1 (rounded to 3 places)."""
    p = correct / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
