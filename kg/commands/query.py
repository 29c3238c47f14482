"""`kg query QUERY [--out OUT] [--bind name=value ...] [--store URL]`: run SPARQL against a build (or an
Oxigraph server holding one), print a table, CSV or JSON."""
from __future__ import annotations

from pathlib import Path

import typer

from kg.commands._common import Format, build_folder, out_option


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
    query_file: str | None = typer.Argument(None, metavar="QUERY", show_default=False,
                                            help="A .rq file, or the name of a stored query in ontology/queries; "
                                            "leave out to list the stored queries."),
    out: Path = out_option(),
    bind: list[str] = typer.Option([], "--bind", "-b", help="Bind a query variable: name=value (repeatable)."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    store_url: str | None = typer.Option(None, "--store", help="Ask an Oxigraph server at http://HOST:PORT (filled "
                                         "by `kg build --store`) instead of OUT/graph.trig."),
    legacy: str | None = typer.Argument(None, hidden=True, show_default=False),
) -> None:
    """Run a SPARQL query on a build; --bind values go in as RDF terms (VALUES blocks), never spliced in as text.

    Read-only queries only: updates, LOAD and SERVICE are refused (exit 2), as by `kg serve`."""
    from kg.errors import InputError
    from kg.store import load_query_file, open_store, run_query

    legacy_out = None
    if legacy is not None:  # the old order: kg query OUT QUERY
        legacy_out, query_file = query_file, legacy
    elif query_file is not None and (Path(query_file) / "graph.trig").is_file():  # the old `kg query OUT`
        legacy_out, query_file = query_file, None
    if query_file is None:
        if legacy_out is not None:
            build_folder(out, legacy_out)
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
        store = open_store(build_folder(out, legacy_out))
    try:  # the embedded engine runs in a thread without network (kg.server.sandbox)
        variables, rows = run_query(store, text, bindings) if store_url else offline(run_query, store, text, bindings)
    except InputError as exc:  # name the query file the problem is in
        raise InputError(f"{query_file}: {exc}") from None
    finally:
        if store_url:
            store.close()
    typer.echo(render(variables, rows, fmt.value), nl=False)


def list_queries() -> str:
    """Each stored query with the first line of its description and the variables it binds."""
    from kg.store import available_queries, load_query_file, query_parameters

    lines = ["stored queries (kg query NAME --out OUT --bind name=value):"]
    for name in available_queries():
        text = load_query_file(name)
        about = first_sentence(text)
        binds = " ".join(f"--bind {p}=..." for p in query_parameters(text))
        lines.append(f"  {name:24} {about}" + (f"\n  {'':24} {binds}" if binds else ""))
    return "\n".join(lines) + "\n"


def first_sentence(text: str) -> str:
    """The first sentence of a query's leading comment block, however many lines it spans."""
    import re

    words: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if words:
                break
            continue
        words.append(line.lstrip("# ").strip())
    about = " ".join(w for w in words if w)
    end = re.search(r"(?<=[.!?])(?<!e\.g\.)(?<!i\.e\.)\s+(?=[A-Z])", about)
    return about[:end.start()] if end else about


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
