#!/usr/bin/env python3
"""How fast the explorer is written and opens, for synthetic graphs of 100, 1,000 and 5,000 nodes.

Prints, per size: nodes/edges, page size, Python time (projection + layout +
page), and open-to-stable time in headless Chromium (navigation start until
the page says the drawing is stable: physics settled, or first frame drawn
when the layout came from Python). Usage: python3 scripts/bench_view.py [SIZES...]
or python3 scripts/bench_view.py --page OUT/graph.html (a page you built: open-to-stable and what it shows first)
or python3 scripts/bench_view.py --served OUT (the same page as `kg serve OUT` sends it, over HTTP).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def open_to_stable(browser, path: Path | str, runs: int = 3) -> float:
    """Median seconds from navigation to window.kgReady, over fresh pages (``path``: a file or an http URL)."""
    url = path if isinstance(path, str) else path.resolve().as_uri()
    home = url if url.startswith("file:") else url.rstrip("/") + "/"
    times = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith((home, "file:")) else r.abort())
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120000)
        times.append(time.perf_counter() - start)
        page.close()
    return sorted(times)[len(times) // 2]


def main(sizes: list[int]) -> None:
    import os

    from playwright.sync_api import sync_playwright

    from kg.view import write_html
    from kg.view.project import project
    from kg.view.synthetic import synthetic_store

    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (timings scale with it)")
    print(f"{'nodes':>6} {'edges':>6} {'page MB':>8} {'python s':>9} {'open-to-stable s':>17}  layout")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in sizes:
            store = synthetic_store(n)
            graph = project(store)
            path = Path(tmp) / f"graph-{n}.html"
            start = time.perf_counter()
            write_html(store, path)
            python_s = time.perf_counter() - start
            stable = open_to_stable(browser, path)
            layout = "physics (browser)" if n <= 1000 else "python, physics off"
            print(f"{n:>6} {graph.number_of_edges():>6} {path.stat().st_size / 1e6:>8.2f} {python_s:>9.2f} "
                  f"{stable:>17.2f}  {layout}", flush=True)
        browser.close()


def page_only(path: Path, url: str | None = None) -> None:
    import os

    from playwright.sync_api import sync_playwright

    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (timings scale with it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        stable = open_to_stable(browser, url or path)
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        page.goto(url or path.resolve().as_uri())
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120000)
        shown, total, labels, t = page.evaluate(
            "[kgNetwork.body.data.nodes.length, kgData.nodes.length, kgTimings.labels, kgTimings]")
        browser.close()
    print(f"{url or path}: {path.stat().st_size / 1e6:.1f} MB, {total} nodes; first view {shown} nodes, {labels} labels; "
          f"open-to-stable {stable:.2f} s (median of 3; last run: drawing made at {t['network'] / 1000:.2f} s, "
          f"stable at {t['ready'] / 1000:.2f} s after the script started)")


def served(out: Path) -> None:
    """The page through a real `kg serve` (2 workers) on a free port."""
    import threading

    from kg.server import close_server, make_server

    server = make_server(out, "127.0.0.1", 0, workers=2)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page_only(out / "graph.html", f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        close_server(server)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--page"]:
        page_only(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["--served"]:
        served(Path(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
