"""The explorer as a user meets it, in headless Chromium: a big graph's first view, evidence that
follows the filters, highlights, the reader, neighbours fetched from `kg serve`, the view in the URL.

Skips cleanly when Playwright or /usr/bin/chromium is missing.
"""
from __future__ import annotations

import threading

import pytest
from test_browser_view import Page, shot
from test_view_data import FIXTURE_TRIG, S1, store_from

from kg.view import write_html


@pytest.fixture(scope="module")
def big_page(tmp_path_factory):
    from kg.view.synthetic import synthetic_store

    return write_html(synthetic_store(900, seed=3), tmp_path_factory.mktemp("big") / "graph.html")


def clean(page: Page) -> None:
    assert page.errors == [] and page.remote == [] and page.dialogs == []


def deactivation_panel(browser, tmp_path):
    """The fixture page with the panel of the account's deactivation open: (Page, playwright page)."""
    page = Page(browser, write_html(store_from(FIXTURE_TRIG), tmp_path / "graph.html"))
    page.click_node("Plauderbox-Konto von Jonas Reiter")
    page.page.click("#panel button.link:text-is('deactivated')")
    return page, page.page


def test_big_graph_opens_on_its_most_connected_part_with_readable_labels(browser, big_page):
    page = Page(browser, big_page)
    p = page.page
    shown = p.evaluate("kgNetwork.body.data.nodes.getIds()")
    assert 20 < len(shown) <= 300 and p.evaluate("kgData.nodes.length") == 900
    # every shown node has a shown neighbour: no lone specks
    lone = p.evaluate("""() => { const ids = new Set(kgNetwork.body.data.nodes.getIds());
        return [...ids].filter(id => !kgNetwork.getConnectedNodes(id).some(m => ids.has(m))).length; }""")
    assert lone == 0
    # labels drawn at 13 px on screen at "Fit", many of them, none overlapping the next (checked in JS)
    labels = p.evaluate("""() => { const s = kgNetwork.getScale();
        return kgNetwork.body.data.nodes.get().filter(n => n.label && n.font.size * s >= 12.5).length; }""")
    assert labels >= 25
    assert "Showing" in p.inner_text("#stats") and "of 900 nodes" in p.inner_text("#stats")
    # a name outside the first view is found by search (with a typo) and shown with its neighbours
    hidden = p.evaluate("""() => { const ids = new Set(kgNetwork.body.data.nodes.getIds());
        return kgData.nodes.find(n => !ids.has(n.id) && n.degree > 0 && n.type === 'Person').label; }""")
    typo = hidden[:-1] + ("9" if hidden[-1] != "9" else "8")  # "Person 417" -> "Person 418"
    p.fill("#search", hidden)
    p.press("#search", "Enter")
    assert p.inner_text("#panel h2") == hidden
    assert p.evaluate(f"kgNetwork.body.data.nodes.get().some(n => kgData.nodes[n.id].label === {hidden!r})")
    p.fill("#search", typo.lower())
    assert p.locator("#search-results li").count() > 0
    p.click("#scope")  # show everything, then back
    assert p.evaluate("kgNetwork.body.data.nodes.length") > 300
    shot(page, "view-big.png")
    clean(page)


def test_evidence_follows_the_source_filter_and_marks_subject_and_object(browser, tmp_path):
    page, p = deactivation_panel(browser, tmp_path)
    everything = p.locator("#panel .card").count()
    assert everything >= 2 and "Musterpost" in page.panel_text()
    p.select_option("#source", "a:a1")
    cards = p.locator("#panel .card")
    filtered = cards.count()
    assert 0 < filtered < everything  # the open panel follows the filter
    assert "Musterpost" not in " ".join(cards.all_inner_texts())
    note = p.inner_text("#panel .filtered")
    assert f"{cards.count()} of {everything} sentences" in note and "a1" in note
    subject = p.eval_on_selector_all("#panel mark.hl-subject", "els => els.map(e => e.textContent)")
    obj = p.eval_on_selector_all("#panel mark.hl-object", "els => els.map(e => e.textContent)")
    assert "Kolbeck" in subject and "Plauderbox-Konto von Jonas Reiter" in obj
    # a mark is not a card: no border or margin of the evidence cards on it
    style = p.eval_on_selector("#panel mark.hl-subject", "m => [getComputedStyle(m).borderLeftWidth, getComputedStyle(m).marginTop]")
    assert style == ["0px", "0px"]
    # clicking the edge in the drawing, with the article selected, lists only that article's sentences
    p.click("#panel button.link:text-is('Mira Kolbeck')")
    p.wait_for_function("() => !KG.layingOut")
    page.click_edge("deactivated")
    assert p.inner_text("#panel h2") == "deactivated"
    assert cards.count() == filtered and "a1" in p.inner_text("#panel .filtered")
    assert "Musterpost" not in " ".join(cards.all_inner_texts())
    p.click("#panel button.link:text-is('show all sentences')")
    assert p.locator("#panel .card").count() == everything
    shot(page, "view-filtered-evidence.png")
    clean(page)


def test_a_category_is_a_source_found_by_the_source_search(browser, tmp_path):
    page, p = deactivation_panel(browser, tmp_path)
    everything = p.locator("#panel .card").count()
    p.fill("#source-filter", "web")  # the category's option and its article's line stay listed
    shown = p.eval_on_selector_all("#source option", "os => os.filter(o => !o.hidden && o.value).map(o => o.value)")
    assert shown == ["c:Web", "a:a1"]
    p.select_option("#source", "c:Web")
    texts = " ".join(p.locator("#panel .card").all_inner_texts())
    assert 0 < p.locator("#panel .card").count() < everything and "Musterpost" not in texts
    assert "web" in p.inner_text("#panel .filtered").lower()
    clean(page)


def test_reader_opens_from_an_evidence_card(browser, tmp_path):
    page, p = deactivation_panel(browser, tmp_path)
    p.click("#panel .card .source button.link:text-is('Konto für neun Minuten weg') >> nth=0")
    assert p.inner_text("#panel h2") == "Konto für neun Minuten weg"
    reader = p.inner_text("#panel .reader")
    assert S1[:40] in reader
    names = p.eval_on_selector_all("#panel .reader mark.clickable", "els => els.map(e => e.textContent)")
    assert "Mira Kolbeck" in names and "Felsgrund Dienste" in names
    assert p.get_attribute("#panel a", "href") == "https://example.org/a1"
    assert "Beispielblatt · Web · a1" in p.inner_text("#panel p.muted >> nth=0")  # outlet and category
    p.click("#panel .reader mark.clickable:text-is('Felsgrund Dienste')")
    assert p.inner_text("#panel h2") == "Felsgrund Dienste"
    shot(page, "view-reader.png")
    clean(page)


def test_url_state_restores_the_view_after_reload(browser, tmp_path):
    page = Page(browser, write_html(store_from(FIXTURE_TRIG), tmp_path / "graph.html"))
    p = page.page
    p.select_option("#source", "a:a2")
    p.uncheck("#legend input[data-name='Location']")
    p.fill("#search", "kolbek")
    p.press("#search", "Enter")
    assert "source=a%3Aa2" in p.url and "node=" in p.url
    stats = p.inner_text("#stats")
    p.reload()
    p.wait_for_selector("body[data-ready='1']", state="attached", timeout=20000)
    assert p.input_value("#source") == "a:a2"
    assert not p.is_checked("#legend input[data-name='Location']")
    assert p.inner_text("#panel h2") == "Mira Kolbeck"
    assert p.inner_text("#stats") == stats
    clean(page)


def test_language_switch_names_relations_in_german(browser, tmp_path):
    page = Page(browser, write_html(store_from(FIXTURE_TRIG), tmp_path / "graph.html"))
    p = page.page
    events = "kgData.nodes.filter(n => n.kind === 'Deactivation').map(n => n.label)"
    assert p.evaluate(events) and all(label.startswith("Deactivation") for label in p.evaluate(events))
    p.click("#lang")
    assert "arbeitet für" in p.inner_text("#relations") and p.inner_text("#fit") == "Einpassen"
    assert all(label.startswith("Deaktivierung") for label in p.evaluate(events))
    p.click("#lang")
    assert "employed by" in p.inner_text("#relations")
    assert all(label.startswith("Deactivation") for label in p.evaluate(events))
    clean(page)


@pytest.fixture()
def served(tmp_path):
    """`kg serve` on a build whose page shows one node only (a focus page), so neighbours must come from the API."""
    from kg.server import close_server, make_server

    (tmp_path / "graph.trig").write_text(FIXTURE_TRIG, encoding="utf-8")
    write_html(store_from(FIXTURE_TRIG), tmp_path / "graph.html", focus="Mira Kolbeck", hops=0)
    server = make_server(tmp_path, "127.0.0.1", 0, workers=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        close_server(server)
        thread.join(5)


def test_expanding_a_node_through_kg_serve_adds_its_neighbours(browser, served):
    page = Page(browser, served)
    p = page.page
    assert p.evaluate("kgNetwork.body.data.nodes.length") == 1
    p.wait_for_function("() => KG.remote.available", timeout=20000)
    assert p.is_visible("#query-link")
    page.click_node("Mira Kolbeck")
    p.click("#panel button:text-is('Show neighbours')")
    p.wait_for_function("() => kgNetwork.body.data.nodes.length > 1", timeout=20000)
    labels = p.evaluate("kgNetwork.body.data.nodes.get().map(n => KG.byId[n.id].label)")
    assert {"Felsgrund Dienste", "Plauderbox", "Netzblick"} <= set(labels)
    # evidence of a link that came from the server is loaded when its panel opens
    p.click("#panel button.link:text-is('employed by') >> nth=0")
    p.wait_for_selector("#panel .card", timeout=20000)
    assert p.locator("#panel mark.hl-subject").count() > 0
    # the server's search finds names the page does not hold
    p.fill("#search", "Brem")
    p.wait_for_selector("#search-results li:has-text('Bremen')", timeout=20000)
    shot(page, "view-served-expand.png")
    clean(page)


def test_keyboard_reaches_search_results_and_the_drawing(browser, tmp_path):
    page = Page(browser, write_html(store_from(FIXTURE_TRIG), tmp_path / "graph.html"))
    p = page.page
    p.fill("#search", "e")  # many hits; arrow keys move through them, Enter opens the active one
    p.press("#search", "ArrowDown")
    second = p.inner_text("#search-results li.active span >> nth=1")
    assert p.get_attribute("#search", "aria-activedescendant") == "search-hit-1"
    p.press("#search", "Enter")
    assert p.inner_text("#panel h2") == second
    p.focus("#network .vis-network")
    before = p.evaluate("kgNetwork.getViewPosition()")
    p.keyboard.down("ArrowRight")
    p.wait_for_timeout(300)
    p.keyboard.up("ArrowRight")
    assert p.evaluate("kgNetwork.getViewPosition()") != before
    clean(page)


def test_date_range_filters_and_exports_follow_what_is_shown(browser, tmp_path):
    page = Page(browser, write_html(store_from(FIXTURE_TRIG), tmp_path / "graph.html"))
    p = page.page
    all_edges = p.evaluate("kgNetwork.body.data.edges.length")
    p.fill("#date-from", "2021-03-06")  # a1 is dated "2021-03" (a month: kept, it overlaps), a2 2021-03-06
    p.fill("#date-to", "2021-03-06")
    assert p.evaluate("kgNetwork.body.data.edges.length") <= all_edges
    p.fill("#date-from", "2021-04-01")
    p.fill("#date-to", "2021-04-30")  # no article in April
    assert p.evaluate("kgNetwork.body.data.nodes.length") == 0
    p.fill("#date-from", "")
    p.fill("#date-to", "")
    p.select_option("#source", "a:a2")
    shown = p.evaluate("kgNetwork.body.data.edges.length")
    csv = p.evaluate("KG.edgesCsv()").strip().splitlines()
    assert csv[0].startswith("source,source_iri,relation") and len(csv) == shown + 1
    graphml = p.evaluate("KG.graphml()")
    assert graphml.count("<edge ") == shown and graphml.count("<node ") == p.evaluate("kgNetwork.body.data.nodes.length")
    clean(page)
