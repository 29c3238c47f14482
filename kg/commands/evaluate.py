"""`kg evaluate`: score a build against a gold file (a report: exit 0 even when scores are low)."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from kg.commands._common import ReportFormat, build_folder, legacy_out_argument, out_option


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)


def evaluate(
    out: Path = out_option(),
    gold: Path = typer.Option(..., "--gold", "-g", help="Gold file (JSON: entities, relations, must_not, forbidden_labels)."),
    fmt: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Output format."),
    legacy_out: Path | None = legacy_out_argument(),
    by_rule: bool = typer.Option(False, "--by-rule", help="Also print precision and recall per predicate and per rule (extractor), and every wrong edge with its sentence."),  # noqa: E501
) -> None:
    """Entity and relation precision/recall/F1, duplicates, misses, wrong merges and must_not hits."""
    from kg.evaluate import evaluate as run
    from kg.evaluate import load_gold
    from kg.resolve.graphread import load_graph

    out = build_folder(out, legacy_out)
    data = load_gold(gold)
    report = run(load_graph(out), data)
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    _print(report, by_rule)


def _print(report: dict, by_rule: bool = False) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    con = Console(soft_wrap=False)
    missing = report["documents"]["missing"]
    if missing:
        con.print(f"[yellow]warning: {len(missing)} gold document(s) not in this build: {escape(', '.join(missing))}[/yellow]")
    t = Table(title="scores")
    for col in ("", "precision", "recall", "F1", "counts"):
        t.add_column(col, justify="right" if col else "left")
    e, r = report["entities"], report["relations"]
    t.add_row("entities", f"{e['precision']:.3f}", f"{e['recall']:.3f}", f"{e['f1']:.3f}",
              f"{e['credited']} credited / {e['predicted']} nodes / {e['gold']} gold")
    t.add_row("relations", f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}",
              f"{r['found']} found / {r['gold']} gold; {r['correct']} of {r['predicted']} edges correct")
    con.print(t)
    if by_rule:
        _print_breakdown(con, report)
    con.print("by type: " + "; ".join(f"{escape(k)} {v['credited']}/{v['gold']} ({v['predicted']} nodes)"
                                        for k, v in e["by_type"].items()), soft_wrap=True)  # one line to grep
    sections = (
        ("duplicates (one gold entity, several nodes)", report["duplicates"],
         lambda d: f"{d['label']}: " + ", ".join(n["label"] for n in d["nodes"])),
        ("wrong merges (one node, several gold entities)", report["wrong_merges"],
         lambda d: f"{d['label']}: " + ", ".join(d["gold"])),
        ("missed entities", report["missed_entities"], lambda d: f"{d['label']} ({d['type']})"),
        ("nodes matching no gold entity", report.get("spurious_entities", []),
         lambda d: f"{d['label']} ({d['type']}) [{', '.join(d['docs'][:3])}]"),
        ("missed relations", report["missed_relations"],
         lambda d: f"{d['s']} {d['p']} {d['o'] or '-'} [{', '.join(d['docs'])}]" + (f" | {d['evidence']}" if d.get("evidence") else "")),
        ("edges matching no gold relation", report["unmatched_edges"],
         lambda d: f"{d['s']} {d['p']} {d['o']} [{d.get('doc', ', '.join(d['docs']))}]"
         + (f" ({', '.join(d['rules'])}) | {d['sentence']}" if by_rule and d.get("sentence") else "")),
        ("must_not hits", report["must_not"], _must_not_line),
    )
    for title, items, fmt in sections:
        con.print(f"[bold]{escape(title)}: {len(items)}[/bold]")
        for item in items:
            con.print("  - " + escape(fmt(item)))


def _must_not_line(h: dict) -> str:
    if h["kind"] == "forbidden_label":
        return f"forbidden label {h['label']!r} on {h['node']}"
    if h["kind"] == "cue_edge":
        return f"{h['p']} edge from {h['doc']}: {h['sentence'][:120]}"
    return f"{h['rule']}: {', '.join(h['nodes'])}"


def _print_breakdown(con, report: dict) -> None:
    """Per predicate (recall and precision) and per rule (precision of its statements)."""
    from rich.markup import escape
    from rich.table import Table

    t = Table(title="relations by predicate")
    for col in ("predicate", "precision", "recall", "found/gold", "correct/edges"):
        t.add_column(col, justify="left" if col == "predicate" else "right")
    for p, v in report["relations_by_predicate"].items():
        t.add_row(escape(p), f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['found']}/{v['gold']}",
                  f"{v['correct']}/{v['predicted']}")
    con.print(t)
    # one plain line per rule: rule names are long and must not be cut
    con.print("[bold]relations by rule[/bold] (precision, correct/statements — a statement is one edge in one "
              "article —, optional, gold relations found):", soft_wrap=True)
    for rule, v in report["relations_by_rule"].items():
        flag = "" if v["precision"] >= 0.7 or not v["statements"] else "  [red]below 0.7[/red]"
        con.print(f"  {escape(rule)}  {v['precision']:.3f}  {v['correct']}/{v['statements']}  "
                  f"optional {v['optional']}  found {v['found']}{flag}", soft_wrap=True)
