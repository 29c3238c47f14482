"""On the seed articles, every named person, organisation, outlet and place of the gold file
comes out with its type (names are read from gold.json, never written here)."""
from __future__ import annotations

import hashlib
import json

import pytest

from kg.nlp import extract_mentions, load_pipeline
from kg.records import Document

LABELS = {"Person": {"PER"}, "Organization": {"ORG"}, "MediaOrganization": {"MEDIA"}, "Location": {"LOC"}}


@pytest.fixture(scope="module")
def seed_mentions(seeds_dir):
    nlp = load_pipeline("de")
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Document(path.stem, text, str(path), hashlib.sha256(text.encode()).hexdigest())
        out[path.stem[:3]] = extract_mentions(nlp(text), doc)[1]
    return out


def _gold_entities(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return [e for e in gold["entities"] if e["type"] in LABELS]


def test_every_gold_name_is_found_with_its_type(seed_mentions, gold_path):
    problems = []
    for ent in _gold_entities(gold_path):
        names = {ent["label"], *ent.get("aliases", ())}
        keys = {n.lower().replace("-", " ") for n in names}
        for doc_id in ent["docs"]:
            hits = [m for m in seed_mentions[doc_id]
                    if m.kind in ("name", "partial") and (m.norm.lower().replace("-", " ") in keys
                                                          or m.text.lower().replace("-", " ") in keys)]
            if not hits:
                problems.append(f"{doc_id}: {ent['id']} not found")
            elif not any(m.label in LABELS[ent["type"]] for m in hits):
                problems.append(f"{doc_id}: {ent['id']} typed {sorted({m.label for m in hits})}")
    assert not problems, problems


def test_no_gold_name_is_mistyped_anywhere(seed_mentions, gold_path):
    wrong = []
    for ent in _gold_entities(gold_path):
        keys = {n.lower() for n in (ent["label"], *ent.get("aliases", ())) if n[:1].isupper() or "." in n}
        for doc_id, mentions in seed_mentions.items():
            for m in mentions:
                if m.kind == "name" and m.norm.lower() in keys and m.label not in LABELS[ent["type"]]:
                    wrong.append(f"{doc_id}: {m.text!r} {m.label} ({m.rule})")
    assert not wrong, wrong
