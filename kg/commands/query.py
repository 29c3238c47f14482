"""`kg query OUT QUERY [--bind name=value ...] [--store URL]`: run SPARQL against a build (or an Oxigraph
server holding one), print a table, CSV or JSON."""
from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("query")(query)


def parse_bindings(items: list[str]) -> dict[str, str]:
    """``name=value`` pairs (``?name`` allowed); values stay text, ``<iri>`` becomes an IRI."""
    from kg.errors import InputError

    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name.replace("_", "").isalnum():
            raise InputError(f"--bind {item!r}: expected name=value, e.g. --bind person_label='Anna Beispiel'")
        out[name] = value
    return out


def query(
    out: Path = typer.Argument(..., help="A build folder (holding graph.trig)."),
    query_file: str | None = typer.Argument(None, metavar="[QUERY]", help="A .rq file, or the name of a stored "
                                            "query in ontology/queries; leave out to list the stored queries."),
    bind: list[str] = typer.Option([], "--bind", "-b", help="Bind a query variable: name=value (repeatable)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    store_url: str | None = typer.Option(None, "--store", help="Ask an Oxigraph server at http://HOST:PORT (filled "
                                         "by `kg build --store`) instead of OUT/graph.trig."),
) -> None:
    """Run a SPARQL query on a build; --bind values go in as RDF terms (VALUES blocks), never spliced in as text.

    Read-only queries only: updates, LOAD and SERVICE are refused (exit 2), as by `kg serve`."""
    from kg.errors import InputError
    from kg.store import load_query_file, open_store, run_query

    if fmt not in ("table", "csv", "json"):
        raise InputError(f"--format {fmt}: choose table, csv or json")
    if query_file is None:
        typer.echo(list_queries(), nl=False)
        return
    from kg.server.guard import Refused, check_query
    from kg.server.sandbox import offline

    text = load_query_file(query_file)
    try:
        check_query(text)  # read-only, no SERVICE, not nested past what the engine survives
    except Refused as exc:
        raise InputError(f"{query_file}: {exc}") from None
    bindings = parse_bindings(bind)
    if store_url:  # OUT is not read: the server holds the graph
        from kg.remote import RemoteStore

        store = RemoteStore(store_url)
    else:
        store = open_store(out)
    try:  # the embedded engine runs in a thread without network (kg.server.sandbox)
        variables, rows = run_query(store, text, bindings) if store_url else offline(run_query, store, text, bindings)
    except InputError as exc:  # name the query file the problem is in
        raise InputError(f"{query_file}: {exc}") from None
    finally:
        if store_url:
            store.close()
    typer.echo(render(variables, rows, fmt), nl=False)


def list_queries() -> str:
    """Each stored query with the first line of its description and the variables it binds."""
    from kg.store import available_queries, load_query_file, query_parameters

    lines = ["stored queries (kg query OUT NAME --bind name=value):"]
    for name in available_queries():
        text = load_query_file(name)
        about = next((ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("#")), "")
        binds = " ".join(f"--bind {p}=..." for p in query_parameters(text))
        lines.append(f"  {name:24} {about}" + (f"\n  {'':24} {binds}" if binds else ""))
    return "\n".join(lines) + "\n"


def _short(value: str) -> str:
    """IRIs of kg's own namespaces as kgid:/kg: names, so tables stay readable."""
    from kg.vocab import ID, KG

    if value.startswith(ID):
        return "kgid:" + value[len(ID):]
    if value.startswith(KG):
        return "kg:" + value[len(KG):]
    return value


def render(variables: list[str], rows: list[tuple], fmt: str) -> str:
    """Rows as a rich table (text), CSV or JSON."""
    import csv
    import io
    import json

    if fmt == "json":
        return json.dumps([dict(zip(variables, row)) for row in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(variables)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        return buf.getvalue()
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=False, caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    for name in variables:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else escape(_short(str(v))) for v in row))
    import shutil
    import sys

    # a terminal's own width; piped output gets room for about 24 characters a column
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else max(100, min(220, 24 * len(variables)))
    console = Console(file=io.StringIO(), width=width, force_terminal=False, color_system=None)
    console.print(table)
    return console.file.getvalue()
