"""`kg export --format FMT [--out OUT]`: the graph as Turtle, TriG, N-Quads, JSON-LD, GEXF or GraphML."""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from kg.commands._common import build_folder, legacy_out_argument, out_option


class ExportFormat(str, Enum):
    """kg.rdf.export.FORMATS."""

    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    jsonld = "jsonld"
    gexf = "gexf"
    graphml = "graphml"


def register(app: typer.Typer) -> None:
    app.command("export")(export)


def export(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="RDF (turtle, trig, nquads, jsonld) or network (gexf, graphml)."),
    out: Path = out_option(),
    output: Path | None = typer.Option(None, "--output", help="Write here instead of standard output.", metavar="FILE"),
    legacy_out: Path | None = legacy_out_argument(),
) -> None:
    """Export the graph: RDF formats for triple stores, GEXF/GraphML for Gephi, yEd or Cytoscape."""
    import sys

    from kg.errors import OutputError
    from kg.io import atomic_write_bytes
    from kg.rdf.export import export as run_export

    out = build_folder(out, legacy_out)
    fmt = fmt.value
    data = run_export(out, fmt)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if output.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name")
    try:
        atomic_write_bytes(output, data)
    except OSError as exc:
        raise OutputError(f"{output}: cannot write ({exc})") from None
    typer.echo(f"wrote {output} ({len(data):,} bytes, {fmt})", err=True)
