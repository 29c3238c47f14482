"""Build the 40 news_dev articles and score them: the yardstick for real-news quality.

    python3 scripts/eval_news_dev.py                 # build into /tmp/kg-news-dev, print the report
    python3 scripts/eval_news_dev.py --by-rule       # plus per predicate / per rule, wrong edges with sentences
    python3 scripts/eval_news_dev.py --gold gold.json --format json > report.json

The articles are read in place from ../shared/corpus/10kgnad/articles.jsonl (the gold names
their ids); only the slice the gold names is built, so a run takes seconds.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(SHARED / "eval/news_dev/gold_all.json"))
    ap.add_argument("--corpus", default=str(SHARED / "corpus/10kgnad/articles.jsonl"))
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "kg-news-dev"))
    ap.add_argument("--by-rule", action="store_true")
    ap.add_argument("--format", default="text", choices=["text", "json"])
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    ids = set(gold["documents"])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    slice_path = out.with_name(out.name + "-articles.jsonl")
    with open(args.corpus, encoding="utf-8") as src, open(slice_path, "w", encoding="utf-8") as dst:
        for line in src:
            if json.loads(line).get("id") in ids:
                dst.write(line)
    kg = [sys.executable, "-m", "kg"]
    build = subprocess.run(kg + ["build", str(slice_path), "--out", str(out), "--no-html"], capture_output=True, text=True)
    if build.returncode not in (0, 1):
        sys.stderr.write(build.stdout + build.stderr)
        return build.returncode
    sys.stderr.write(build.stdout)
    cmd = kg + ["evaluate", "--out", str(out), "--gold", args.gold, "--format", args.format] + (["--by-rule"] if args.by_rule else [])
    return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
