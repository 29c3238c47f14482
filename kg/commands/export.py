"""`kg export OUT --format FMT`: the graph as Turtle, TriG, N-Quads, JSON-LD, GEXF or GraphML."""
from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("export")(export)


def export(
    out: Path = typer.Argument(Path("out"), help="A build folder (holding graph.trig)."),
    fmt: str = typer.Option(..., "--format", "-f", help="turtle, trig, nquads, jsonld, gexf or graphml."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
) -> None:
    """Export the graph: RDF formats for triple stores, GEXF/GraphML for Gephi, yEd or Cytoscape."""
    import sys

    from kg.errors import OutputError
    from kg.io import atomic_write_bytes
    from kg.rdf.export import export as run_export

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
