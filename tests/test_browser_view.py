"""The explorer page in headless Chromium: offline, clickable, filterable, and inert to hostile text.

Skips cleanly when Playwright or /usr/bin/chromium is missing. Screenshots are
kept under test-artifacts/ (gitignored) for a human to look at.
"""
from __future__ import annotations

from pathlib import Path

from test_view_data import FIXTURE_TRIG, HOSTILE_TRIG, S2, XSS_NAME, XSS_SCRIPT, store_from

from kg.view import write_html

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


class Page:
    """A page that records console errors, dialogs and every request leaving file:// (or the served ``target``)."""

    def __init__(self, browser, target: Path | str):
        self.allow = target if isinstance(target, str) else "file:"
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.remote: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(target if isinstance(target, str) else target.as_uri())
        self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=20000)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.allow):
            route.continue_()
        else:
            self.remote.append(url)
            route.abort()

    def node_point(self, label: str) -> tuple[float, float]:
        """Screen coordinates of the node with this label."""
        return tuple(self.page.evaluate(
            """(label) => {
                const n = kgData.nodes.find(n => n.label === label);
                const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([n.id])[n.id]);
                const r = document.getElementById('network').getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""", label))

    def click_node(self, label: str) -> None:
        x, y = self.node_point(label)
        self.page.mouse.click(x, y)

    def click_edge(self, predicate: str) -> None:
        """Click the middle of the (possibly curved) edge with this predicate."""
        x, y = self.page.evaluate(
            """(pred) => {
                const e = kgData.edges.find(e => e.predicate === pred);
                const p = kgNetwork.canvasToDOM(kgNetwork.body.edges[e.id].edgeType.getPoint(0.5));
                const r = document.getElementById('network').getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""", predicate)
        self.page.mouse.click(x, y)

    def panel_text(self) -> str:
        return self.page.inner_text("#panel")


def build(tmp_path: Path, trig: str) -> Path:
    return write_html(store_from(trig), tmp_path / "graph.html")


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / name))


def test_page_loads_offline_and_a_click_shows_who_says_what(browser, tmp_path):
    page = Page(browser, build(tmp_path, FIXTURE_TRIG))
    assert page.page.evaluate("kgNetwork.body.data.nodes.length") == 9
    assert page.page.evaluate("Object.keys(kgNetwork.body.nodes).length") == 9
    page.click_node("Plauderbox-Konto von Jonas Reiter")
    panel = page.panel_text()
    assert "Plauderbox-Konto von Jonas Reiter" in panel and "Mira Kolbeck" in panel
    # follow the "deactivated" relation from the account's panel to its evidence
    page.page.click("#panel button.link:text-is('deactivated')")
    panel = page.panel_text()
    assert S2 in panel.replace("\n", " ") or "Kolbeck hat am 4. März" in panel
    assert "Beispielblatt" in panel and "Musterpost" in panel and "hedged: soll" in panel
    marks = page.page.eval_on_selector_all("#panel mark", "els => els.map(e => e.textContent)")
    assert "Kolbeck" in marks and "Kolbek" in marks
    links = page.page.eval_on_selector_all("#panel a", "els => els.map(e => e.getAttribute('href'))")
    assert links == ["https://example.org/a1"]  # the javascript: URL of a2 is shown as text, not linked
    shot(page, "view-evidence.png")
    assert page.errors == [] and page.remote == [] and page.dialogs == []


def test_filters_search_and_event_claims(browser, tmp_path):
    page = Page(browser, build(tmp_path, FIXTURE_TRIG))
    p = page.page
    assert p.inner_text("#stats").startswith("Showing 9 of 9 nodes (7 entities, 1 events, 1 quotes)")
    p.uncheck("#legend input[data-name='Person']")
    assert p.inner_text("#stats").startswith("Showing 7 of 9 nodes")
    assert p.inner_text("#legend li:has(input[data-name='Person']) .count") == "0 / 2"  # counts follow the filters
    p.check("#legend input[data-name='Person']")
    p.select_option("#source", "a:a2")
    assert not p.inner_text("#stats").startswith("Showing 9 of 9")
    p.select_option("#source", "")
    p.fill("#confidence", "0.95")
    assert "of 12 edges" in p.inner_text("#stats") and "12 of 12 edges" not in p.inner_text("#stats")
    p.fill("#search", "kolbek")
    assert "Mira Kolbeck" in p.inner_text("#search-results")
    p.press("#search", "Enter")
    assert p.inner_text("#panel h2") == "Mira Kolbeck"
    page.click_node("Deactivation: Plauderbox-Konto von Jonas Reiter")
    panel = page.panel_text()
    assert "2021-03-04" in panel and "2021-03-05" in panel and "Sources disagree on date." in panel
    shot(page, "view-event.png")
    p.fill("#confidence", "0")
    page.click_edge("reportedBy")
    assert page.page.inner_text("#panel h2") == "reported by"
    assert "berichtet Netzblick" in page.panel_text()
    assert page.errors == [] and page.remote == [] and page.dialogs == []


def test_hostile_text_renders_as_text(browser, tmp_path):
    page = Page(browser, build(tmp_path, HOSTILE_TRIG))
    p = page.page
    x, y = page.node_point(XSS_NAME)
    p.mouse.move(x, y)
    p.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert XSS_NAME in p.inner_text("div.vis-tooltip")
    page.click_node(XSS_NAME)
    p.click("#panel button.link:text-is('employed by')")
    panel = page.panel_text()
    assert XSS_SCRIPT in panel and XSS_NAME in panel
    assert p.eval_on_selector_all("#panel img, #panel script, #panel svg, #panel b, #panel i", "els => els.length") == 0
    assert p.evaluate("document.querySelectorAll('img, iframe').length") == 0
    p.fill("#search", "<img")
    assert XSS_NAME in p.inner_text("#search-results")
    shot(page, "view-hostile.png")
    assert page.dialogs == [] and page.errors == [] and page.remote == []


def test_path_page_lists_connections_with_their_evidence(browser, tmp_path):
    path = write_html(store_from(FIXTURE_TRIG), tmp_path / "path.html", path_between=("Netzblick", "Jonas Reiter"))
    page = Page(browser, path)
    panel = page.panel_text()
    assert "connection 1" in panel.lower() and "Netzblick" in panel and "Jonas Reiter" in panel
    page.page.click("#panel button.link:text-is('reported by') >> nth=0")
    assert "berichtet Netzblick" in page.panel_text()
    assert page.errors == [] and page.remote == [] and page.dialogs == []


def test_empty_graph_page_says_so(browser, tmp_path):
    import pyoxigraph as ox

    page = Page(browser, write_html(ox.Store(), tmp_path / "empty.html"))
    assert "graph is empty" in page.panel_text()
    assert page.errors == [] and page.remote == []
