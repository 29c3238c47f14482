"""The small query page at /query: example queries, a textarea, a run button, a result table.

Every piece of text that reaches the page (queries, labels from articles,
error messages) goes through html.escape.
"""
from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from urllib.parse import urlencode

# The stored queries a reader asks most, as plain questions (what to fill in, in words).
QUESTIONS = (
    ("entity-relations", "What do the articles say about someone?", "label", "a name, e.g. Duysak"),
    ("employers", "Who does a person work for?", "person_label", "the person's name"),
    ("who-deactivated", "Who took an account offline?", "owner_label", "whose account (a name)"),
    ("offline-duration", "How long was an account offline?", "owner_label", "whose account (a name)"),
    ("reported-by", "Which outlets reported on someone?", "subject_label", "a name"),
    ("disagreements", "Where do the sources disagree?", None, ""),
    ("entity-by-label", "Which entity has this name?", "label", "a name or alias"),
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"

_STYLE = """
body{font:15px/1.4 system-ui,sans-serif;margin:0;display:flex;min-height:100vh}
nav{width:17rem;background:#f4f4f4;padding:1rem;border-right:1px solid #ddd}
nav a{display:block;margin:.3rem 0;color:#0645ad;text-decoration:none}
nav small{display:block;color:#555;margin:-.2rem 0 .5rem}
nav h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#555;margin:1rem 0 .3rem}
details.sparql summary{cursor:pointer;color:#555;margin:.5rem 0}.intro{color:#333;max-width:48rem}
input.name{font:15px system-ui,sans-serif;padding:.3rem .5rem;width:22rem}
main{flex:1;padding:1rem;overflow:auto}
textarea{width:100%;height:16rem;font:13px/1.35 monospace}
textarea.bind{height:3.2rem}
table{border-collapse:collapse;margin-top:1rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left;font-size:13px}
th{white-space:nowrap}
.error{color:#a00;white-space:pre-wrap}.note{color:#8a5a00}pre{background:#f7f7f7;padding:.5rem;overflow:auto}
"""


def example_queries() -> list[dict]:
    """The reference queries shipped in ontology/queries: name, description (leading # lines), text."""
    folder = queries_dir()
    found = []
    for path in sorted(folder.glob("*.rq")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        comment = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comment.append(line.lstrip("#").strip())
        found.append({"name": path.stem, "description": " ".join(c for c in comment if c), "text": text})
    return found


def queries_dir() -> Path:
    from kg.store import QUERY_DIR

    return QUERY_DIR


def input_variables(description: str) -> list[str]:
    """Variables a stored query's header comment asks for (``?person_label``), to offer as bind lines."""
    return list(dict.fromkeys(re.findall(r"\?([A-Za-z_][A-Za-z0-9_]*)", description)))


def parse_bindings(text: str) -> dict[str, str]:
    """``name=value`` lines (empty values skipped); raises ValueError naming a bad line."""
    out = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        name, sep, value = line.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"bind line {line.strip()!r}: expected name=value")
        if value.strip():
            out[name] = value.strip()
    return out


def render(examples: list[dict], query: str, result: bytes | None = None, form: str = "",
           error: str = "", note: str = "", bindings: str = "", download: str = "") -> str:
    """The whole page; ``result`` is a SPARQL JSON document (SELECT/ASK) or Turtle (CONSTRUCT/DESCRIBE).

    ``download``: the query text for the /sparql download links (bound values inlined).
    """
    nav = ['<nav><p><a href="/">&larr; Graph explorer</a></p><h2>Questions</h2>']
    names = {ex["name"] for ex in examples}
    for name, question, _, _ in QUESTIONS:
        if name in names:
            nav.append(f'<a href="{escape("/query?" + urlencode({"example": name}))}">{escape(question)}</a>')
    nav.append("<details><summary>All stored queries</summary>")
    for ex in examples:
        link = "/query?" + urlencode({"example": ex["name"]})
        nav.append(f'<a href="{escape(link)}">{escape(ex["name"])}</a>')
        if ex["description"]:
            nav.append(f"<small>{escape(ex['description'])}</small>")
    if not examples:
        nav.append("<small>none found (ontology/queries/*.rq)</small>")
    nav.append("</details></nav>")
    asked = next((q for q in QUESTIONS if query and q[0] in names and _same_query(query, examples, q[0])), None)
    body = [
        f"<main><h1>{escape(asked[1]) if asked else 'Ask the graph'}</h1>",
        '<p class="intro">Pick a question on the left, type a name where asked and press <b>Ask</b>. Names match '
        "labels and aliases in any case. Every answer links to the graph explorer; the question is written in "
        "SPARQL below, for those who want to change it.</p>",
        '<form method="post" action="/query">',
        '<p><label>Values to look for, one <code>name=value</code> a line'
        + (f" (here: <code>{escape(asked[2])}</code> = {escape(asked[3])})" if asked and asked[2] else "")
        + ":</label>"
        f'<textarea class="bind" name="bind" spellcheck="false" aria-label="bindings">{escape(bindings)}</textarea></p>',
        '<p><button type="submit">Ask</button> '
        "read-only; answers from this graph only (SPARQL endpoint: <code>/sparql</code>)</p>",
        '<details class="sparql"' + ("" if asked else " open") + "><summary>The question in SPARQL</summary>"
        f'<textarea name="query" spellcheck="false" aria-label="SPARQL query">{escape(query)}</textarea></details>'
        "</form>",
    ]
    if error:
        body.append(f'<p class="error">{escape(error)}</p>')
    if note:
        body.append(f'<p class="note">{escape(note)}</p>')
    if result is not None:
        body.append(_render_result(result, form))
        if query:
            links = " ".join(
                f'<a href="{escape("/sparql?" + urlencode({"query": download or query, "format": f}))}">{f.upper()}</a>'
                for f in (("json", "csv", "tsv") if form in ("SELECT", "ASK") else ("turtle", "ntriples")))
            body.append(f"<p>Download: {links}</p>")
    body.append("</main>")
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>kg SPARQL query</title>"
            f"<style>{_STYLE}</style></head><body>{''.join(nav)}{''.join(body)}</body></html>")


def _same_query(query: str, examples: list[dict], name: str) -> bool:
    ex = next((e for e in examples if e["name"] == name), None)
    return ex is not None and ex["text"].strip() == query.strip()


def _render_result(result: bytes, form: str) -> str:
    if form not in ("SELECT", "ASK"):
        return f"<pre>{escape(result.decode('utf-8', 'replace'))}</pre>"
    doc = json.loads(result)
    if "boolean" in doc:
        return f"<p>Answer: <b>{'yes' if doc['boolean'] else 'no'}</b></p>"
    variables = doc["head"]["vars"]
    rows = doc["results"]["bindings"]
    out = [f"<p>{len(rows)} row{'s' if len(rows) != 1 else ''}</p><table><tr>"]
    out += [f"<th>?{escape(v)}</th>" for v in variables]
    out.append("</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{_cell(row.get(v))}</td>" for v in variables) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _cell(term: dict | None) -> str:
    if not term:
        return ""
    value = term.get("value")
    if term.get("type") == "uri":  # a link into the graph explorer, which opens on that node
        href = "/#" + urlencode({"node": str(value)})
        return f'<a href="{escape(href)}" title="open in the graph explorer">&lt;{escape(str(value))}&gt;</a>'
    if term.get("type") == "bnode":
        return f"_:{escape(str(value))}"
    if term.get("type") == "triple":
        return escape(json.dumps(value, ensure_ascii=False))
    suffix = f"@{term['xml:lang']}" if "xml:lang" in term else ""
    return escape(str(value)) + escape(suffix)
