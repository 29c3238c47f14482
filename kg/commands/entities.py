"""`kg entities`: every entity of a build with type, label, articles and alias provenance."""
from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("entities")(entities)


def entities(
    out: Path = typer.Argument(..., help="Build folder (holding graph.trig)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    type_: str = typer.Option(None, "--type", "-t", help="Only this class (Person, Organization, MediaOrganization, Location, Account, Agent)."),
    min_articles: int = typer.Option(0, "--min-articles", help="Only entities mentioned in at least this many articles."),
) -> None:
    """List entities with type, preferred label, aliases (rule and score that merged each) and number of articles."""
    from kg.errors import InputError
    from kg.resolve.graphread import load_graph

    if fmt not in ("table", "json"):
        raise InputError(f"--format: {fmt!r} is not one of table, json")
    view = load_graph(out, statements=False)
    rows = [n for n in view.nodes.values()
            if (not type_ or n.type.lower() == type_.lower()) and n.articles >= min_articles]
    rows.sort(key=lambda n: (-n.articles, n.type, n.label.casefold(), n.key))
    if fmt == "json":
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
