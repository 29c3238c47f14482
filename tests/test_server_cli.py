"""`kg serve` as a user runs it: a subprocess on port 0, queried with SPARQLWrapper, stopped by a signal."""
from __future__ import annotations

import re
import signal
import subprocess
import sys

import pytest

pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import JSON, SPARQLWrapper  # noqa: E402

from kg.server.sandbox import supported  # noqa: E402

TRIG = """<https://w3id.org/kg-news/graph/entities> {
  <https://w3id.org/kg-news/id/person/wibke-saalfeld> <http://www.w3.org/2000/01/rdf-schema#label> "Wibke Saalfeld" .
}
"""


def test_kg_serve_command_answers_and_stops_cleanly(tmp_path):
    (tmp_path / "graph.trig").write_text(TRIG, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "serve", "--out", str(tmp_path),
                             "--port", "0", "--quiet", "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        first += proc.stdout.readline()  # the loading line, then the address
        match = re.search(r"(http://127\.0\.0\.1:\d+/sparql)", first)
        assert match, first + proc.stderr.read()
        limits = proc.stdout.readline() + proc.stdout.readline()  # where from and the limits
        assert "MB beyond the graph" in limits and "queries past 0.5 s" in limits, limits
        if supported():
            assert "workers have no network (SERVICE cannot connect)" in limits, limits
        sparql = SPARQLWrapper(match.group(1))
        sparql.setQuery("SELECT ?l WHERE { GRAPH <https://w3id.org/kg-news/graph/entities> "
                        "{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }")
        sparql.setReturnFormat(JSON)
        rows = sparql.query().convert()["results"]["bindings"]
        assert [r["l"]["value"] for r in rows] == ["Wibke Saalfeld"]
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "stopped" in out


def test_kg_serve_refuses_a_folder_without_a_graph(tmp_path):
    result = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "serve", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "no graph.trig" in result.stderr and "Traceback" not in result.stderr
