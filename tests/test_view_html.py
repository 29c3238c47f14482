"""The explorer page: self-contained, data escaped, written atomically; the `kg view` command."""
from __future__ import annotations

import html
import json
import re
import sys

import networkx as nx
import pytest
from test_view_data import (
    FIXTURE_TRIG,
    HOSTILE_TRIG,
    XSS_NAME,
    XSS_SCRIPT,
    XSS_SENTENCE,
    store_from,
    write_build,
)

from kg.errors import KgError, OutputError
from kg.view import write_html
from kg.view.layout import LAYOUT_THRESHOLD
from kg.view.payload import build_payload, embed_json


def page_data(html: str) -> dict:
    block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_page_is_self_contained(tmp_path):
    page = write_html(store_from(FIXTURE_TRIG), tmp_path / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page, re.I)
    assert "@import" not in page
    assert all(u.startswith(("data:", '"data:', "'data:")) for u in re.findall(r"url\(([^)]*)\)", page))
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "vis.Network" in page  # vis-network is inlined
    data = page_data(page)
    assert data["meta"]["nodes"] == 9 and data["meta"]["physics"] is True
    assert [t["name"] for t in data["types"]][:2] == ["Person", "Organization"]


def test_hostile_text_is_escaped_in_the_page(tmp_path):
    page = write_html(store_from(HOSTILE_TRIG), tmp_path / "graph.html").read_text(encoding="utf-8")
    for probe in (XSS_NAME, XSS_SCRIPT, "<svg", "\u2028"):
        assert probe not in page
    assert page.count("</script>") == 3  # data, vis-network, explorer: nothing closes early
    data = page_data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert XSS_NAME in labels
    assert data["edges"][0]["evidence"][0]["sentence"] == XSS_SENTENCE


def test_embed_json_escapes_markup_and_line_separators():
    text = embed_json({"a": "</script>&<!--\u2028\u2029"})
    assert not set("<>&") & set(text) and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script>&<!--\u2028\u2029"}


def test_write_is_atomic_and_reports_missing_folder(tmp_path):
    target = tmp_path / "graph.html"
    target.write_text("old page")
    write_html(store_from(FIXTURE_TRIG), target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # no temp file left behind
    with pytest.raises(OutputError, match="does not exist"):
        write_html(store_from(FIXTURE_TRIG), tmp_path / "missing" / "graph.html")


def test_focus_and_path_pages(tmp_path):
    store = store_from(FIXTURE_TRIG)
    data = page_data(write_html(store, tmp_path / "f.html", focus="Felsgrund Dienste", hops=1).read_text())
    assert sorted(n["label"] for n in data["nodes"]) == ["Felsgrund Dienste", "Mira Kolbeck"]
    assert data["nodes"][data["meta"]["focus"]]["label"] == "Felsgrund Dienste"
    data = page_data(write_html(store, tmp_path / "p.html", path_between=("Netzblick", "Jonas Reiter")).read_text())
    assert data["meta"]["paths"] and all(len(p) == 4 for p in data["meta"]["paths"])
    on_path = [e for e in data["edges"] if e["onPath"]]
    assert on_path and all(e["evidence"] for e in on_path if e["predicate"] != "accountOf")
    with pytest.raises(KgError, match="did you mean"):
        write_html(store, tmp_path / "x.html", focus="Jonas Reuter")


def test_large_graphs_get_python_layout_and_no_physics():
    n = LAYOUT_THRESHOLD + 50
    g = nx.MultiDiGraph(nx.path_graph(n - 10))
    g.add_nodes_from(range(n - 10, n))  # a few isolated nodes
    for v in g.nodes:
        g.nodes[v].update(label=f"N{v}", type="Person", aliases=[], articles=[], degree=g.degree(v))
    for s, o, k in g.edges(keys=True):
        g.edges[s, o, k].update(evidence=[], articles=[])
    data = build_payload(g, g, title="t")
    assert data["meta"]["physics"] is False
    assert all("gx" in node and "gy" in node for node in data["nodes"])  # the layout of everything
    assert len({(node["gx"], node["gy"]) for node in data["nodes"]}) == n  # no two nodes on one spot
    # the page opens on the overview: at most 300 linked nodes, laid out on their own
    first = [node for node in data["nodes"] if node.get("ov")]
    assert data["meta"]["overview"] is True and 0 < len(first) <= 300
    assert all("x" in node for node in first) and not any("x" in node for node in data["nodes"] if not node.get("ov"))
    assert all(g.degree(node["iri"]) > 0 for node in first)


def test_overview_takes_the_best_connected_nodes_and_no_lone_ones():
    from kg.view.overview import overview_nodes

    g = nx.MultiDiGraph()
    for hub in range(5):  # five stars of 40 leaves each, and 300 pairs of minor names
        for leaf in range(40):
            g.add_edge(f"hub{hub}", f"leaf{hub}-{leaf}")
    for i in range(300):
        g.add_edge(f"a{i}", f"b{i}")
    for v in g.nodes:
        g.nodes[v]["label"] = v
    chosen = overview_nodes(g, limit=100)
    assert len(chosen) <= 100 and {f"hub{h}" for h in range(5)} <= chosen
    sub = g.subgraph(chosen)
    assert all(sub.degree(v) > 0 for v in chosen)  # every shown node has a shown neighbour


def run_cli(monkeypatch, capsys, *args):
    from kg.cli import main

    monkeypatch.setattr(sys, "argv", ["kg", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    out = capsys.readouterr()
    return exc.value.code, out.out + out.err


def test_cli_writes_the_page_and_explains_unknown_labels(tmp_path, monkeypatch, capsys):
    out = write_build(tmp_path / "out", FIXTURE_TRIG)
    code, text = run_cli(monkeypatch, capsys, "view", "--out", str(out))
    assert code in (0, None) and (out / "graph.html").exists(), text
    code, text = run_cli(monkeypatch, capsys, "view", "--out", str(out), "--path", "Felsgrund Dienste", "Netzblick",
                         "--output", str(tmp_path / "p.html"))
    assert code in (0, None) and len(page_data((tmp_path / "p.html").read_text())["meta"]["paths"]) >= 1
    code, text = run_cli(monkeypatch, capsys, "view", "--out", str(out), "--focus", "Kolbok")
    assert code == 2 and "kg: error: no node labelled 'Kolbok'" in text and "Kolbeck" in text
    assert "Traceback" not in text
    code, text = run_cli(monkeypatch, capsys, "view", "--out", str(tmp_path / "nothing"))
    assert code == 2 and "nothing" in text and "Traceback" not in text
