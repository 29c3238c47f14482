"""Assemble the self-contained explorer page and write it atomically.

vis-network (JS and CSS) is read from the copy bundled in the pyvis wheel and
inlined with the page's own script and style, so the page makes no request.
A Content-Security-Policy with script hashes forbids anything else to run or load.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

from kg.errors import OutputError
from kg.view.payload import build_payload, embed_json

ASSETS = Path(__file__).parent / "assets"
VIS_VERSION = "vis-9.1.2"
_SLOT = re.compile(r"/\*KG:(\w+)\*/")
# the page's own script, in load order (one inlined <script>, one CSP hash)
APP_SCRIPTS = ("i18n.js", "explorer.js", "filters.js", "panel.js", "search.js", "state.js", "remote.js", "main.js")


def vis_assets() -> tuple[str, str]:
    """(vis-network.min.js, vis-network.css) from the installed pyvis package."""
    from importlib.util import find_spec

    spec = find_spec("pyvis")  # located, not imported: importing pyvis pulls in IPython (~1 s)
    if spec is None or not spec.submodule_search_locations:
        raise OutputError("pyvis is not installed; it provides vis-network (pip install 'pyvis>=0.3.2,<0.4')")
    base = Path(list(spec.submodule_search_locations)[0])
    for lib in (base / "lib" / VIS_VERSION, base / "templates" / "lib" / VIS_VERSION):
        js, css = lib / "vis-network.min.js", lib / "vis-network.css"
        if js.exists() and css.exists():
            return js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")
    raise OutputError(f"vis-network is missing from the pyvis package at {base} (reinstall pyvis 0.3.2)")


def _script_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def render_page(payload: dict) -> str:
    """The whole page as one string (vis-network, style, script and data inlined)."""
    vis_js, vis_css = vis_assets()
    app_js = "\n".join((ASSETS / name).read_text(encoding="utf-8") for name in APP_SCRIPTS)
    app_css = (ASSETS / "explorer.css").read_text(encoding="utf-8")
    template = (ASSETS / "template.html").read_text(encoding="utf-8")
    for name, code in (("vis", vis_js), ("app", app_js)):
        if "</script" in code.lower():
            raise OutputError(f"{name} script contains '</script' and cannot be inlined")
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src {_script_hash(vis_js)} {_script_hash(app_js)}; "
           "connect-src 'none'; form-action 'none'; base-uri 'none'")
    slots = {
        "title": html.escape(payload["title"]),
        "csp": html.escape(csp),
        "vis_css": vis_css.replace("</", "<\\/"),
        "app_css": app_css.replace("</", "<\\/"),
        "vis_js": vis_js,
        "app_js": app_js,
        "data": embed_json(payload),
    }
    # one pass, so text inserted into a slot is never scanned for further slots
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def write_html(store, path, *, focus=None, hops=2, path_between=None, title=None) -> Path:
    """Project ``store``, select the focus/path if asked, and write the page to ``path``."""
    from kg.view.project import project
    from kg.view.select import ego, paths

    full = project(store)
    graph, center, found = full, None, None
    if path_between:
        label_a, label_b = path_between
        graph, found = paths(full, label_a, label_b)
        center = found[0][0] if found else None
        title = title or f"kg: connections between {label_a} and {label_b}"
    elif focus:
        graph, center = ego(full, focus, hops)
        title = title or f"kg: {focus} and {hops} hop{'s' if hops != 1 else ''} around"
    title = title or "kg: knowledge graph explorer"
    payload = build_payload(graph, full, title=title, focus=center, path_nodes=found)
    return write_atomic(Path(path), render_page(payload))


def write_atomic(path: Path, text: str) -> Path:
    """Write via kg.io (temp file, fsync, os.replace), so readers never see half a page."""
    from kg.io import atomic_write_text

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: folder {folder} does not exist")
    atomic_write_text(path, text)
    return path
