"""`kg conflicts OUT`: facts on which the sources disagree, each side with its articles."""
from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("conflicts")(conflicts)


def conflicts(
    out: Path = typer.Argument(Path("out"), help="A build folder (holding graph.trig)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """List event dates, durations, facts (follower counts) and name spellings that sources disagree on."""
    import json

    from kg.conflicts import find_conflicts, render
    from kg.store import open_store

    found = find_conflicts(open_store(out, ontology=False))
    if as_json:
        typer.echo(json.dumps([c.as_dict() for c in found], ensure_ascii=False, indent=2))
    else:
        typer.echo(render(found))
