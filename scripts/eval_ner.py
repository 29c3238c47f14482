#!/usr/bin/env python3
"""Score kg's NER on GermEval 2014 (outer level, exact span and type).

Usage: python3 scripts/eval_ner.py --data ../shared/eval/germeval2014/NER-de-dev.tsv [--out PRED] [--limit N]

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


def predict(nlp, tokens: list[str]):
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
    return tags


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 2
    from kg.nlp import load_pipeline, pipeline_info

    nlp = load_pipeline("de")
    predict(nlp, ["Warmlauf", "in", "Berlin", "."])
    tp, fp, fn = Counter(), Counter(), Counter()
    n_tokens, elapsed = 0, 0.0
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    for k, (lines, tokens, gold_tags) in enumerate(read_germeval(args.data)):
        if args.limit and k >= args.limit:
            break
        t0 = time.process_time()
        pred_tags = predict(nlp, tokens)
        elapsed += time.process_time() - t0
        n_tokens += len(tokens)
        gold, pred = spans(gold_tags), spans(pred_tags)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
