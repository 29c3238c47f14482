#!/usr/bin/env python3
"""Score kg's NER on GermEval 2014 (outer level, exact span and type).

Usage: python3 scripts/eval_ner.py --data ../shared/eval/germeval2014/NER-de-dev.tsv [--out PRED] [--limit N]
       python3 scripts/eval_ner.py --data ../shared/eval/germeval2014/NER-de-dev.tsv --by-rule
       python3 scripts/eval_ner.py --news-dev ../shared/eval/news_dev/gold_all.json   # per rule on real news

--by-rule adds the precision of each typing rule (kg/nlp/rules.py row, lexicon file or
document pass) on the PER/ORG/LOC names it typed: "ok" when span and type match the gold,
"type" when the span is a gold name of another type, "none" when no gold name has that span.
--news-dev scores each rule's name mentions on the annotated DER STANDARD articles the same
way, a mention being right when its text names a gold entity of that article with a
compatible type (MediaOrganization and Organization are compatible).

Scoring: outer BIO column only; a prediction counts when span and type match
exactly.  MEDIA is mapped to ORG.  PER/ORG/LOC are scored micro and per type.
OTH is reported apart.  The -deriv/-part labels (LOCderiv "deutschen",
ORGpart "SPD-Chef") are treated as types of their own, like OTH: they are not
PER/ORG/LOC, so predicting PER/ORG/LOC on them counts as a false positive and
missing them costs nothing in the PER/ORG/LOC figures.
The Doc is built from the given tokens (no retokenisation); the reported
speed covers the whole pipeline after loading (tagging + rules).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MAIN = ("PER", "ORG", "LOC")


def read_germeval(path: Path):
    """Sentences as (lines, tokens, gold outer tags)."""
    sent_lines, toks, tags = [], [], []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("#") and not toks:
                sent_lines.append(line)
                continue
            if not line.strip():
                if toks:
                    yield sent_lines, toks, tags
                sent_lines, toks, tags = [], [], []
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                raise SystemExit(f"{path}: bad line {line!r}: expected index, token, outer tag, inner tag")
            sent_lines.append(line)
            toks.append(parts[1])
            tags.append(parts[2])
    if toks:
        yield sent_lines, toks, tags


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, label = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != label):
            if start is not None:
                out.add((start, i, label))
            start, label = (i, tag[2:]) if tag != "O" else (None, None)
    return out


def predict(nlp, tokens: list[str], rules: dict | None = None):
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=tokens, spaces=[True] * len(tokens))
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    tags = ["O"] * len(tokens)
    for e in doc.ents:
        label = "ORG" if e.label_ == "MEDIA" else e.label_
        tags[e.start] = "B-" + label
        for k in range(e.start + 1, e.end):
            tags[k] = "I-" + label
        if rules is not None:
            rules[(e.start, e.end, label)] = e._.kg_rule or "?"
    return tags


def print_rules(counts: dict[str, Counter], title: str) -> None:
    """One line per rule: names typed, right, wrong type, no gold name, precision."""
    print(f"\n{title}")
    print(f"{'rule':34} {'n':>5} {'ok':>5} {'type':>5} {'none':>5} {'P':>6}")
    for rule, c in sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        n = sum(c.values())
        print(f"{rule:34} {n:5} {c['ok']:5} {c['type']:5} {c['none']:5} {c['ok'] / n:6.3f}")


def news_dev(gold_path: Path, corpus: Path) -> int:
    """Per-rule precision of name mentions on the news_dev articles."""
    import json

    from kg.evaluate import compatible, gold_entities
    from kg.nlp import load_pipeline
    from kg.nlp.mentions import extract_mentions
    from kg.records import Document

    types = {"PER": "Person", "ORG": "Organization", "MEDIA": "MediaOrganization", "LOC": "Location"}
    for path in (gold_path, corpus):
        if not path.is_file():
            print(f"error: {path}: no such file", file=sys.stderr)
            return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ids = set(gold.get("documents") or [])
    by_doc: dict[str, list] = {}
    for g in gold_entities(gold):
        for d in g.docs:
            by_doc.setdefault(d, []).append(g)
    nlp = load_pipeline("de")
    counts: dict[str, Counter] = {}
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") not in ids:
                continue
            text = rec.get("text") or ""
            _sents, mentions = extract_mentions(nlp(text), Document(rec["id"], text, str(corpus), ""))
            for m in mentions:
                if m.kind != "name" or m.label not in types:
                    continue
                forms = {m.text.casefold(), (m.norm or m.text).casefold()}
                named = [g for g in by_doc.get(rec["id"], []) if forms & g.names]
                verdict = ("ok" if any(compatible(g.type, types[m.label]) for g in named)
                           else "type" if named else "none")
                counts.setdefault(m.rule or "?", Counter())[verdict] += 1
    print_rules(counts, f"news_dev name mentions by rule ({len(ids)} articles)")
    return 0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:  # noqa: C901
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--by-rule", action="store_true", help="precision of each typing rule")
    ap.add_argument("--news-dev", type=Path, metavar="GOLD", help="score rules on news_dev (gold_all.json)")
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/10kgnad/articles.jsonl")
    args = ap.parse_args(argv)
    if args.news_dev:
        return news_dev(args.news_dev, args.corpus)
    if args.data is None:
        ap.error("--data or --news-dev is required")
    if not args.data.is_file():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 2
    from kg.nlp import load_pipeline, pipeline_info

    nlp = load_pipeline("de")
    predict(nlp, ["Warmlauf", "in", "Berlin", "."])
    tp, fp, fn = Counter(), Counter(), Counter()
    by_rule: dict[str, Counter] = {}
    n_tokens, elapsed = 0, 0.0
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    for k, (lines, tokens, gold_tags) in enumerate(read_germeval(args.data)):
        if args.limit and k >= args.limit:
            break
        t0 = time.process_time()
        rules: dict = {}
        pred_tags = predict(nlp, tokens, rules)
        elapsed += time.process_time() - t0
        n_tokens += len(tokens)
        gold, pred = spans(gold_tags), spans(pred_tags)
        gold_spans = {(a, b) for a, b, _label in gold}
        for (a, b, label), rule in rules.items():
            if label in MAIN:
                verdict = "ok" if (a, b, label) in gold else "type" if (a, b) in gold_spans else "none"
                by_rule.setdefault(rule, Counter())[verdict] += 1
        for s in pred:
            (tp if s in gold else fp)[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
        if out:
            i = 0
            for line in lines:
                if line.startswith("#"):
                    out.write(line + "\n")
                    continue
                parts = line.split("\t")
                parts[2] = pred_tags[i]
                out.write("\t".join(parts) + "\n")
                i += 1
            out.write("\n")
    if out:
        out.close()
    info = pipeline_info("de")
    print(f"pipeline: {info['name']}  sentences: {k + 1 if not args.limit else min(k + 1, args.limit)}"
          f"  tokens: {n_tokens}")
    print(f"speed: {n_tokens / elapsed:,.0f} tokens/s (CPU time of one process, after loading)")
    print(f"{'type':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for label in MAIN:
        p, r, f = prf(tp[label], fp[label], fn[label])
        print(f"{label:10} {p:6.3f} {r:6.3f} {f:6.3f} {tp[label]:5} {fp[label]:5} {fn[label]:5}")
    mt, mf, mn = (sum(c[x] for x in MAIN) for c in (tp, fp, fn))
    p, r, f = prf(mt, mf, mn)
    print(f"{'PER/ORG/LOC':10} {p:6.3f} {r:6.3f} {f:6.3f} {mt:5} {mf:5} {mn:5}   (micro)")
    p, r, f = prf(tp["OTH"], fp["OTH"], fn["OTH"])
    print(f"{'OTH':10} {p:6.3f} {r:6.3f} {f:6.3f} {tp['OTH']:5} {fp['OTH']:5} {fn['OTH']:5}   (apart)")
    other = sorted(x for x in set(fn) | set(fp) | set(tp) if x not in MAIN and x != "OTH")
    if other:
        print("deriv/part (own types, not PER/ORG/LOC; never predicted): "
              + ", ".join(f"{x} {fn[x]}" for x in other))
    if args.by_rule:
        print_rules(by_rule, "PER/ORG/LOC names by rule")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
