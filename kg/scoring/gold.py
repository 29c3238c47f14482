"""Read and check a gold file: the seeds' schema and the news_dev schema (gold.json, gold_all.json).

news_dev adds (see shared/eval/news_dev/README.md): `said` rows without `o` (a statement
not made to an outlet), `o_alt` (other acceptable objects), `optional` entities,
`optional_relations`, `current_by_doc`, `qualifiers`, `anaphora` (bare common nouns,
never names) and free-text `must_not` items.
"""
from __future__ import annotations

import json
from pathlib import Path

from kg.errors import InputError

UNKNOWN = "UNKNOWN"  # UNKNOWN_USER, UNKNOWN_AGENT …: an agent or object the text does not name
# predicates whose object may be left out: the speaker said something, to no outlet in particular
OBJECT_OPTIONAL = {"said"}


def _fail(path: Path, problem: str) -> InputError:
    return InputError(f"{path}: {problem}")


def _check_relation(path: Path, where: str, r: object, ids: set[str]) -> None:
    if not isinstance(r, dict) or not all(isinstance(r.get(k), str) for k in ("s", "p")):
        raise _fail(path, f"{where}: needs string fields s, p, o")
    if "o" not in r and r["p"] not in OBJECT_OPTIONAL:
        raise _fail(path, f"{where}: needs string fields s, p, o ({r['p']} needs an object)")
    if "o" in r and not isinstance(r["o"], str):
        raise _fail(path, f"{where}: field 'o' must be a string")
    alts = r.get("o_alt") or []
    if not isinstance(alts, list) or not all(isinstance(a, str) for a in alts):
        raise _fail(path, f"{where}: 'o_alt' must be a list of entity ids")
    for end, value in [("s", r["s"]), ("o", r.get("o"))] + [("o_alt", a) for a in alts]:
        if value is not None and value not in ids and not value.startswith(UNKNOWN):
            raise _fail(path, f"{where}: {end}={value!r} is not a gold entity id")


def load_gold(path: Path | str) -> dict:
    """Read and check the gold file; raises InputError naming the file and the first problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(path, f"cannot read gold file ({exc.strerror or exc})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise _fail(path, f"not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise _fail(path, "expected an object with an 'entities' list")
    ids = set()
    for n, e in enumerate(data["entities"], 1):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("id", "type", "label")):
            raise _fail(path, f"entity {n}: needs string fields id, type, label")
        ids.add(e["id"])
    for key, name in (("relations", "relation"), ("optional_relations", "optional relation")):
        rows = data.get(key) or []
        if not isinstance(rows, list):
            raise _fail(path, f"'{key}' must be a list")
        for n, r in enumerate(rows, 1):
            _check_relation(path, f"{name} {n}", r, ids)
    if not isinstance(data.get("must_not") or [], list):
        raise _fail(path, "'must_not' must be a list")
    return data


def in_docs(doc_id: str, prefixes) -> bool:
    """Doc ids are article-id prefixes ending at a separator: "000" matches "000_77144676"."""
    return any(doc_id == p or (doc_id.startswith(str(p)) and not doc_id[len(str(p))].isalnum()) for p in prefixes)
