"""`kg entities`: every entity of a build with type, label, articles and alias provenance."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from kg.commands._common import EntityType, Format, build_folder, entity_type, legacy_out_argument, out_option


def register(app: typer.Typer) -> None:
    app.command("entities")(entities)


def entities(
    out: Path = out_option(),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    type_: str | None = typer.Option(None, "--type", "-t", callback=entity_type, metavar="|".join(t.value for t in EntityType),
                                     help="Only this class (any case)."),
    min_articles: int = typer.Option(0, "--min-articles", help="Only entities mentioned in at least this many articles."),
    legacy_out: Path | None = legacy_out_argument(),
) -> None:
    """List entities with type, preferred label, aliases (rule and score that merged each) and number of articles."""
    from kg.resolve.graphread import load_graph

    out = build_folder(out, legacy_out)
    view = load_graph(out, statements=False)
    rows = [n for n in view.nodes.values() if (not type_ or n.type == type_) and n.articles >= min_articles]
    rows.sort(key=lambda n: (-n.articles, n.type, n.label.casefold(), n.key))
    if fmt is Format.csv:
        _csv(rows)
        return
    if fmt is Format.json:
        typer.echo(json.dumps([
            {"key": n.key, "iri": n.iri, "type": n.type, "label": n.label, "articles": n.articles,
             "aliases": [{"text": a.text, "rule": a.rule, "score": a.score, "docs": list(a.docs)} for a in n.aliases]}
            for n in rows], ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(rows)} entities in {out}", show_lines=False, expand=False)
    table.add_column("type", style="cyan", no_wrap=True)
    table.add_column("label", style="bold")
    table.add_column("articles", justify="right")
    table.add_column("aliases (rule score)")
    table.add_column("key", style="dim", overflow="fold")
    for n in rows:
        aliases = "\n".join(
            f"{escape(a.text)} [dim]({escape(a.rule)}{'' if a.score is None else f' {a.score:.2f}'})[/dim]"
            for a in sorted(n.aliases, key=lambda a: a.text.casefold()))
        table.add_row(n.type, escape(n.label), str(n.articles), aliases, escape(n.key))
    Console(soft_wrap=False).print(table)


def _csv(rows) -> None:
    """One line an entity; aliases as ``text (rule score)`` joined by ``; ``."""
    import csv
    import sys

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["type", "label", "articles", "aliases", "key"])
    for n in rows:
        aliases = "; ".join(f"{a.text} ({a.rule}{'' if a.score is None else f' {a.score:.2f}'})"
                            for a in sorted(n.aliases, key=lambda a: a.text.casefold()))
        writer.writerow([n.type, n.label, n.articles, aliases, n.key])
