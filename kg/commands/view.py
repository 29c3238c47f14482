"""`kg view`: (re)write the HTML explorer of a build from its graph.trig."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.commands._common import build_folder, legacy_out_argument, out_option


def register(app: typer.Typer) -> None:
    app.command("view")(view)


def view(
    out: Path = out_option(),
    focus: Optional[str] = typer.Option(None, "--focus", help="Show only this entity (label or alias) and its neighbours."),
    hops: int = typer.Option(2, "--hops", min=0, help="With --focus: how many steps around the entity."),
    path: Optional[tuple[str, str]] = typer.Option(
        None, "--path", help="Show the shortest connections between two entities (two labels).",
        metavar="LABEL_A LABEL_B"),
    output: Optional[Path] = typer.Option(None, "--output", help="Where to write the page (default OUT/graph.html).",
                                          metavar="FILE"),
    title: Optional[str] = typer.Option(None, "--title", help="Page title."),
    legacy_out: Optional[Path] = legacy_out_argument(),
) -> None:
    """Write an offline HTML explorer: click a node or edge to see its evidence sentences."""
    from kg.errors import InputError
    from kg.store import open_store
    from kg.view import write_html

    if focus and path:
        raise InputError("use either --focus or --path, not both")
    out = build_folder(out, legacy_out)
    options = dict(focus=focus, hops=hops, path_between=path, title=title)
    if output is not None:
        written = write_html(open_store(out, ontology=False), output, **options)
    else:
        from kg.generations import replace_page

        written = replace_page(Path(out), options)
    typer.echo(f"wrote {written}")
