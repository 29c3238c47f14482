"""`kg serve [--out OUT]`: a read-only SPARQL endpoint, the graph page and a query page on localhost."""
from __future__ import annotations

from pathlib import Path

import typer

from kg.commands._common import build_folder, legacy_out_argument, out_option


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    out: Path = out_option("Build folder (holds graph.trig and graph.html)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", "-p", help="TCP port (0 = any free port)."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds a query may run before it is stopped."),
    max_rows: int = typer.Option(10000, "--max-rows", help="Rows (or triples) returned at most; longer answers are cut and say so."),
    store: str | None = typer.Option(None, "--store", help="Answer from an Oxigraph server at http://HOST:PORT instead of OUT/graph.trig."),
    workers: int = typer.Option(3, "--workers", "-w", help="Query worker processes (each holds the graph)."),
    memory: int = typer.Option(2048, "--memory", help="MB of memory a worker may use beyond the loaded graph; a "
                               "query past it is stopped (503) and the worker replaced. 0 = no cap."),
    long_after: float = typer.Option(0.5, "--long-after", help="Seconds after which a query counts as long."),
    long_queries: int | None = typer.Option(None, "--long-queries", help="Long queries allowed at once (default: "
                                            "workers - 1, so quick queries always have a worker); more are stopped (503)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not log each request."),
    legacy_out: Path | None = legacy_out_argument(),
) -> None:
    """Serve the graph over HTTP: SPARQL at /sparql, graph view at /, query page at /query."""
    from kg.errors import OutputError
    from kg.server import serve as run_server

    if not store or legacy_out is not None:
        out = build_folder(out, legacy_out)
    if not 0 <= port <= 65535:
        raise OutputError(f"--port {port}: must be between 0 and 65535")
    if workers < 1:
        raise OutputError("--workers must be at least 1")
    try:
        run_server(out, host, port, timeout=timeout, max_rows=max_rows, store_url=store, workers=workers,
                   verbose=not quiet, announce=typer.echo, memory_mb=memory, long_after=long_after,
                   long_queries=long_queries)
    except KeyboardInterrupt:
        typer.echo("kg serve: stopped")
