// kg explorer: the view in the URL (#…, so a link or a reload restores it) and exports of what is shown.
(function (KG) {
  "use strict";
  var DATA = KG.DATA, state = KG.state, byIri = KG.byIri, byId = KG.byId;
  var loading = true;

  KG.saveState = function () {
    if (loading || !window.kgReady) return;
    var h = new URLSearchParams(), sel = KG.selected || {};
    if (sel.node) h.set("node", sel.node);
    if (sel.edge) h.set("edge", [byId[sel.edge.from].iri, sel.edge.predicate, byId[sel.edge.to].iri].join(" "));
    if (sel.article) h.set("article", sel.article);
    if (state.source) h.set("source", state.source);
    if (state.from) h.set("from", state.from);
    if (state.to) h.set("to", state.to);
    if (state.minConf) h.set("conf", String(state.minConf));
    if (DATA.meta.overview && state.scope === "all") h.set("scope", "all");
    if (state.hideIsolated !== DATA.nodes.length > 300) h.set("isolated", state.hideIsolated ? "hide" : "show");
    var off = Object.keys(state.types).filter(function (k) { return state.types[k] === false; });
    if (off.length) h.set("hideTypes", off.join(","));
    var roff = Object.keys(state.relations).filter(function (k) { return state.relations[k] === false; });
    if (roff.length) h.set("hideRelations", roff.join(","));
    var extra = Object.keys(state.extra).filter(function (k) { return state.extra[k]; }).slice(0, 60)
      .map(function (k) { return byId[k].iri; });
    if (extra.length) h.set("show", extra.join(" "));
    if (KG.lang !== (/^de\b/i.test(navigator.language || "") ? "de" : "en")) h.set("lang", KG.lang);
    var text = h.toString();
    if (text !== location.hash.slice(1)) history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
  };
  KG.loadState = function () {  // before the first drawing: filters and shown nodes
    var h = new URLSearchParams(location.hash.slice(1));
    if (h.get("lang")) KG.setLang(h.get("lang"));
    state.source = h.get("source") || "";
    state.from = h.get("from") || "";
    state.to = h.get("to") || "";
    state.minConf = Number(h.get("conf")) || 0;
    if (h.get("scope") === "all") state.scope = "all";
    if (h.get("isolated")) state.hideIsolated = h.get("isolated") === "hide";
    (h.get("hideTypes") || "").split(",").filter(Boolean).forEach(function (t) { state.types[t] = false; });
    (h.get("hideRelations") || "").split(",").filter(Boolean).forEach(function (t) { state.relations[t] = false; });
    (h.get("show") || "").split(" ").forEach(function (iri) { if (byIri[iri]) state.extra[byIri[iri].id] = true; });
  };
  KG.afterReady = function () {  // after the first drawing: what was selected
    var h = new URLSearchParams(location.hash.slice(1));
    loading = false;
    if (h.get("edge")) {
      var p = h.get("edge").split(" "), from = byIri[p[0]], to = byIri[p[2]];
      var e = from && to && KG.nodeEdges[from.id].filter(function (x) { return x.to === to.id && x.predicate === p[1]; })[0];
      if (e) { KG.selectEdge(e.id, false); return; }
    }
    if (h.get("node") && byIri[h.get("node")]) { KG.selectNode(byIri[h.get("node")].id, false); return; }
    if (h.get("article") && DATA.articles[h.get("article")]) { KG.panel.showArticle(h.get("article")); return; }
    if (DATA.meta.paths.length) KG.panel.showPaths(DATA.meta.paths);
    else if (DATA.meta.focus !== null && DATA.meta.focus !== undefined) KG.selectNode(DATA.meta.focus, false);
    KG.saveState();
  };

  // ---- exports: the picture, and the visible subgraph ----
  function download(name, href) {
    var a = document.createElement("a");
    a.href = href; a.download = name; a.rel = "noopener";
    document.body.appendChild(a); a.click(); a.remove();
  }
  function dataUrl(type, text) { return "data:" + type + ";charset=utf-8," + encodeURIComponent(text); }
  function csvCell(v) { v = v === null || v === undefined ? "" : String(v); return /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
  function xml(v) { return String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
  KG.exportPng = function () {
    var src = document.querySelector("#network canvas"), c = document.createElement("canvas");
    c.width = src.width; c.height = src.height;
    var g = c.getContext("2d");
    g.fillStyle = "#fff"; g.fillRect(0, 0, c.width, c.height); g.drawImage(src, 0, 0);
    download("graph.png", c.toDataURL("image/png"));
  };
  KG.edgesCsv = function () {
    var rows = [["source", "source_iri", "relation", "target", "target_iri", "sentences", "articles"]];
    KG.visibleEdges().forEach(function (e) {
      rows.push([byId[e.from].label, byId[e.from].iri, e.predicate, byId[e.to].label, byId[e.to].iri,
        e.evidence.length ? e.evidence.filter(KG.evidenceOk).length : KG.evCount(e), e.articles.join(" ")]);
    });
    return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\n") + "\n";
  };
  KG.graphml = function () {
    var out = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '<key id="label" for="node" attr.name="label" attr.type="string"/>', '<key id="type" for="node" attr.name="type" attr.type="string"/>',
      '<key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>', '<key id="sentences" for="edge" attr.name="sentences" attr.type="int"/>',
      '<graph id="kg" edgedefault="directed">'];
    KG.visibleNodes().forEach(function (n) {
      out.push('<node id="' + xml(n.iri) + '"><data key="label">' + xml(n.label) + '</data><data key="type">' + xml(n.type) + "</data></node>");
    });
    KG.visibleEdges().forEach(function (e) {
      out.push('<edge source="' + xml(byId[e.from].iri) + '" target="' + xml(byId[e.to].iri) + '"><data key="predicate">' + xml(e.predicate) +
        '</data><data key="sentences">' + KG.evCount(e) + "</data></edge>");
    });
    return out.concat(["</graph>", "</graphml>"]).join("\n") + "\n";
  };
  KG.initExport = function () {
    var menu = document.getElementById("export");
    function done() { menu.open = false; }
    document.getElementById("export-png").addEventListener("click", function () { KG.exportPng(); done(); });
    document.getElementById("export-csv").addEventListener("click", function () { download("edges.csv", dataUrl("text/csv", KG.edgesCsv())); done(); });
    document.getElementById("export-graphml").addEventListener("click", function () { download("graph.graphml", dataUrl("application/xml", KG.graphml())); done(); });
  };
})(window.KG = window.KG || {});
