"""Graph._repr_html_ in a browser: the explorer runs and draws inside the notebook's iframe.

Skips cleanly when Playwright or /usr/bin/chromium is missing.
"""
from __future__ import annotations

import os

import pytest
from test_api_graph import TRIG

import kg

CHROMIUM = "/usr/bin/chromium"


def test_inline_view_draws_the_graph_inside_its_iframe(tmp_path):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} not available")
    sync_api = pytest.importorskip("playwright.sync_api")
    (tmp_path / "graph.trig").write_text(TRIG, encoding="utf-8")
    cell = tmp_path / "notebook.html"
    cell.write_text("<!DOCTYPE html><html><body><p>cell output</p>" + kg.open(tmp_path)._repr_html_()
                    + "</body></html>", encoding="utf-8")
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(cell.as_uri())
            frame = page.frames[1]
            frame.wait_for_selector("body[data-ready='1']", state="attached", timeout=20000)
            frame.wait_for_timeout(500)
            painted = frame.evaluate("""() => {
                const c = document.querySelector('canvas'); if (!c) return -1;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
                for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""")
            text = frame.inner_text("body")
        finally:
            browser.close()
    assert painted > 1000, "the network canvas stayed empty"
    assert "Person" in text and not errors
