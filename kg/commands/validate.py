"""`kg validate [--out OUT]`: SHACL-check a build against ontology/shapes.ttl and list each offending node."""
from __future__ import annotations

from pathlib import Path

import typer

from kg.commands._common import ReportFormat, build_folder, json_alias_option, legacy_out_argument, out_option, report_format


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)


def validate(
    out: Path = out_option("A build folder (holding graph.trig) or a TriG/N-Quads file."),
    shapes: Path | None = typer.Option(None, "--shapes", help="Other SHACL shapes (default: ontology/shapes.ttl)."),
    fmt: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Output format."),
    as_json: bool = json_alias_option(),
    legacy_out: Path | None = legacy_out_argument(),
) -> None:
    """Validate the graph; exit status 1 when any shape is violated."""
    import json

    from kg.errors import InputError
    from kg.rdf import validate as run_validate

    if shapes is not None and not shapes.is_file():
        raise InputError(f"{shapes}: no such shapes file")
    out = build_folder(out, legacy_out, graph_file_ok=True)
    report = run_validate(out, shapes)
    if report_format(fmt, as_json) == "json":
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        if report.conforms:
            typer.echo(f"{out}: conforms to the shapes ({report.triples} triples checked)")
        else:
            typer.echo(f"{out}: {len(report.violations)} violation(s) in {report.triples} triples")
        if report.warnings:
            typer.echo(f"{len(report.warnings)} warning(s): implausible classes, often a mistyped name")
        for v in report.violations + report.warnings:
            where = f" {v.path}" if v.path else ""
            value = f" = {v.value}" if v.value and v.value != v.focus else ""
            typer.echo(f"  [{v.severity}] {v.focus}{where}{value}: {v.message}")
    if not report.conforms:
        raise typer.Exit(1)
