"""Reading "NAME = other name | other name" data files (kg/data/acronyms.txt, exonyms.txt)
into sets of names that name one thing: lines sharing a name are one set."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def read_rows(path: Path) -> list[tuple[str, list[str]]]:
    """(the name before "=", as written, [the names after it]) per data line."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            head, rest = line.split("=", 1)
            rows.append((head.strip(), [n.strip() for n in rest.split("|") if n.strip()]))
    return rows


def components(sets: Iterable[list[str]]) -> dict[str, str]:
    """item -> the smallest item of its connected set (items of one list are connected)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for items in sets:
        for item in items[1:]:
            a, b = find(items[0]), find(item)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {x: find(x) for x in list(parent)}
