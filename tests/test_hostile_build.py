"""End to end: `kg build` on the bad-input corpus, killed builds and concurrent builds.

Every input must appear in report.json as built, skipped or failed with a
reason; no traceback reaches stderr; the exit code says whether anything
failed; the graph parses; the page never runs script from article text; a
build killed with SIGKILL leaves the previous outputs intact; two builds into
one folder never corrupt it.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_hostile_corpus import ARTICLE, EXPECTED, JSONL_EXPECTED, XSS_PUBLISHER, XSS_TITLE, make_hostile_corpus, shown

ROOT = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-c", "from kg.cli import main; main()"]
OUTPUTS = ("graph.trig", "graph.html", "report.json")


def kg_build(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, "build", *args, "--quiet"], capture_output=True, text=True, timeout=600, cwd=ROOT,
                          **kw)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = make_hostile_corpus(root / "corpus", big=True)
    out = root / "out"
    # a 0.25 MB article limit keeps NLP time small; it also exercises KG_MAX_ARTICLE_MB
    proc = kg_build(str(corpus), "--out", str(out), env={**os.environ, "KG_MAX_ARTICLE_MB": str(LIMIT_MB)})
    return corpus, out, proc


LIMIT_MB = 0.25


def _expected(corpus: Path) -> dict[str, str]:
    """EXPECTED, with files over the article limit failing as too large."""
    expected = {}
    for name, status in EXPECTED.items():
        path = corpus / name
        too_big = path.is_file() and path.stat().st_size > LIMIT_MB * 1_000_000
        expected[shown(name)] = "failed" if too_big else status
    expected.update({f"articles.jsonl:{line}": s for line, s in JSONL_EXPECTED.items()})
    return expected


def test_every_hostile_input_is_reported_without_traceback(hostile_build) -> None:
    corpus, out, proc = hostile_build
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 1, proc.stderr[-3000:]  # some inputs failed: the exit code says so
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for entry in report["inputs"]:
        assert entry["status"] in ("built", "skipped", "failed")
        if entry["status"] != "built":
            assert entry["reason"], entry
        seen[os.path.relpath(entry["source"], corpus)] = entry["status"]
    expected = _expected(corpus)
    assert seen == expected
    assert "too large" in next(e["reason"] for e in report["inputs"] if e["source"].endswith("big.txt"))
    assert report["counts"]["built"] == report["articles"] == sum(1 for s in expected.values() if s == "built")
    for status in ("skipped", "failed"):  # stderr names each problem once, in one line
        assert proc.stderr.count(f"kg: {status} ") == report["counts"][status]


def test_hostile_build_graph_is_valid_rdf(hostile_build) -> None:
    _, out, _ = hostile_build
    quads = list(ox.parse((out / "graph.trig").read_bytes(), format=ox.RdfFormat.TRIG))
    titles = {q.object.value for q in quads if q.predicate.value == "http://purl.org/dc/terms/title"}
    assert XSS_TITLE in titles  # hostile text is kept as data, exactly
    assert not any("javascript:" in str(q.object) for q in quads if isinstance(q.object, ox.NamedNode))


def test_hostile_build_page_has_no_executable_article_text(hostile_build) -> None:
    _, out, _ = hostile_build
    page = (out / "graph.html").read_text(encoding="utf-8")
    for raw in (XSS_TITLE, XSS_PUBLISHER, "<script>alert('xss')</script>", "<img src=x onerror=alert(1)>",
                "alert(5)</script>", "<svg onload"):
        assert raw not in page
    chromium = "/usr/bin/chromium"
    if not os.access(chromium, os.X_OK):
        pytest.skip("chromium not available for the in-browser check")
    sync_api = pytest.importorskip("playwright.sync_api")
    dialogs: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            tab = browser.new_page()
            tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            tab.goto((out / "graph.html").as_uri())
            tab.wait_for_load_state("load")
            tab.wait_for_timeout(1500)  # let the page render its data
            body = tab.inner_text("body")
        finally:
            browser.close()
    assert dialogs == []
    assert body.strip()


def _small_corpus(folder: Path, n: int, tag: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{tag}-{i:02d}.txt").write_text(f"{ARTICLE}\n\nMeldung {tag} Nummer {i}: Der Kassenwart "
                                                   f"Olaf Grünberg{i} lobte den Verein.", encoding="utf-8")
    return folder


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def test_sigkill_midway_leaves_previous_outputs_intact(tmp_path: Path) -> None:
    first = _small_corpus(tmp_path / "first", 2, "a")
    out = tmp_path / "out"
    assert kg_build(str(first), "--out", str(out)).returncode == 0
    before = _snapshot(out)
    more = _small_corpus(tmp_path / "more", 20, "b")
    proc = subprocess.Popen([*KG, "build", str(first), str(more), "--out", str(out), "--quiet"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cache = out / ".kg-cache"
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        if sum(1 for _ in cache.rglob("*.json")) > 2:  # analysing the new articles: midway
            break
        time.sleep(0.05)
    killed = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if not killed:
        pytest.skip("the build finished before it could be killed midway")
    assert _snapshot(out) == before  # old graph, page and report, byte for byte
    ox.parse(before["graph.trig"], format=ox.RdfFormat.TRIG)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    again = kg_build(str(first), str(more), "--out", str(out))  # no stale lock, cache reused
    assert again.returncode == 0, again.stderr[-2000:]
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["articles"] == 22


def test_two_builds_into_one_folder_do_not_corrupt_it(tmp_path: Path) -> None:
    a = _small_corpus(tmp_path / "a", 3, "a")
    b = _small_corpus(tmp_path / "b", 4, "b")
    out = tmp_path / "out"
    procs = [subprocess.Popen([*KG, "build", str(src), "--out", str(out), "--quiet"], cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for src in (a, b)]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    for rc, err in results:
        assert "Traceback" not in err
        assert rc == 0 or (rc == 2 and "another kg build is writing" in err), (rc, err[-2000:])
    assert any(rc == 0 for rc, _ in results)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles"] in (3, 4)
    quads = list(ox.parse((out / "graph.trig").read_bytes(), format=ox.RdfFormat.TRIG))
    ids = {q.object.value for q in quads if q.predicate.value == "http://purl.org/dc/terms/identifier"}
    assert len(ids) == report["articles"]  # graph and report come from the same build
    assert {m["id"] for m in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["articles"]} == ids
    shutil.rmtree(out)
