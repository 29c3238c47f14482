// kg explorer core: the data, the filters, the drawing and its layout.
// All data comes from untrusted articles: it is only ever rendered with textContent.
(function (KG) {
  "use strict";
  var T0 = performance.now(), timings = window.kgTimings = {};
  var DATA = KG.DATA = JSON.parse(document.getElementById("kg-data").textContent);
  KG.relabelEvents();
  timings.parsed = performance.now() - T0;
  var byId = KG.byId = {}, byIri = KG.byIri = {}, typeStyle = KG.typeStyle = {}, edgeById = KG.edgeById = {};
  var nodeEdges = KG.nodeEdges = {};
  var PHYSICS_MAX = 1000, EDGE_LABELS_MAX = 80, LABEL_PX = 13;
  var big = DATA.nodes.length > 300;
  var state = KG.state = { types: {}, relations: {}, source: "", minConf: 0, hideIsolated: big, from: "", to: "",
    scope: DATA.meta.overview ? "overview" : "all", extra: {} };

  // ---- small DOM helpers (text only) ----
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = String(text);
    return x;
  }
  function add(parent) { for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]); return parent; }
  KG.el = el; KG.add = add;
  KG.plural = function (n, word) { return n + " " + word + (n === 1 || KG.lang === "de" ? "" : "s"); };
  KG.colorOf = function (type) { return (typeStyle[type] || { color: "#9d9d9d" }).color; };
  KG.swatch = function (type) {
    var s = el("span", "swatch " + ((typeStyle[type] || {}).shape || "dot"));
    s.style.background = KG.colorOf(type);
    return s;
  };
  KG.fmtConf = function (c) { return c === null || c === undefined ? "n/a" : Number(c).toFixed(2); };

  // ---- the model: payload nodes and edges, plus any the server adds later ----
  function nodeTip(n) {
    var t = n.label + " (" + KG.typeName(n.kind && n.kind !== "entity" && n.kind !== "Quote" ? n.kind : n.type) + ")";
    t += "\n" + n.degree + " " + KG.t("connections") + ", " + n.articles.length + " " + KG.t("articleCount");
    if (n.aliases.length) t += "\n" + KG.t("also") + ": " + n.aliases.slice(0, 4).join(", ") + (n.aliases.length > 4 ? ", …" : "");
    return t;
  }
  function evCount(e) { return e.evidence.length || e.evidenceCount || 0; }
  KG.evCount = evCount;
  function edgeTip(e) {
    return byId[e.from].label + " — " + KG.word(e.predicate) + " → " + byId[e.to].label + "\n" +
      evCount(e) + " " + KG.t("sentences") + ", " + KG.t("confidence") + " " + KG.fmtConf(e.confidence);
  }
  function visNode(n) {
    var style = typeStyle[n.type] || { color: "#9d9d9d", shape: "dot" };
    var item = { id: n.id, label: "", title: nodeTip(n), shape: style.shape, size: n.size,
      color: { background: style.color, border: "#333", highlight: { background: style.color, border: "#000" } },
      font: { size: LABEL_PX, color: "#222", strokeWidth: 3, strokeColor: "rgba(255,255,255,.85)" } };
    if (n.type === "Quote") item.size = Math.max(8, n.size * 0.6);
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; } else if (n.gx !== undefined && !DATA.meta.overview) { item.x = n.gx; item.y = n.gy; }
    return item;
  }
  function visEdge(e) {
    return { id: e.id, from: e.from, to: e.to, label: "", title: edgeTip(e), arrows: "to",
      dashes: e.part, width: e.onPath ? 4 : 1 + Math.min(3, evCount(e) * 0.5),
      color: { color: e.onPath ? "#d62728" : (e.part ? "#b8b8b8" : "#8a96a8"), highlight: "#d62728" },
      font: { size: 11, color: "#555", strokeWidth: 3, strokeColor: "#fff", align: "middle" } };
  }
  (DATA.styles || []).concat(DATA.types).forEach(function (t) { typeStyle[t.name] = t; });
  function addNode(n) { byId[n.id] = n; byIri[n.iri] = n; nodeEdges[n.id] = nodeEdges[n.id] || []; }
  function addEdge(e) { edgeById[e.id] = e; nodeEdges[e.from].push(e); nodeEdges[e.to].push(e); }
  DATA.nodes.forEach(addNode);
  DATA.edges.forEach(addEdge);
  var visNodes = new vis.DataSet(DATA.nodes.map(visNode));
  var visEdges = new vis.DataSet(DATA.edges.map(visEdge));
  KG.nextId = DATA.nodes.length + DATA.edges.length + 1;
  KG.addRemote = function (nodes, edges) {  // nodes/edges from the server, in the payload's shape
    nodes.forEach(function (n) { addNode(n); visNodes.add(visNode(n)); });
    edges.forEach(function (e) { addEdge(e); visEdges.add(visEdge(e)); });
  };

  // ---- filters ----
  function dateOk(aid) {
    if (!state.from && !state.to) return true;
    var d = (DATA.articles[aid] || {}).date;
    if (!d) return false;
    var first = (d + "-01-01").slice(0, 10), last = d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d;
    return (!state.from || last >= state.from) && (!state.to || first <= state.to);
  }
  function articleOk(aid) {
    if (state.source) {
      var kind = state.source.charAt(0), value = state.source.slice(2);
      if (kind === "a" && aid !== value) return false;
      if (kind === "o" && (!DATA.articles[aid] || DATA.articles[aid].outlet !== value)) return false;
      if (kind === "c" && (!DATA.articles[aid] || DATA.articles[aid].category !== value)) return false;
    }
    return dateOk(aid);
  }
  function articleFilter() { return !!(state.source || state.from || state.to); }
  function evidenceOk(ev) {
    if (state.minConf > 0 && ev.confidence !== null && ev.confidence !== undefined && ev.confidence < state.minConf) return false;
    return !articleFilter() || articleOk(ev.article);
  }
  function nodeOk(n) {
    if (state.types[n.type] === false) return false;
    if (state.extra[n.id]) return true;
    if (state.hideIsolated && !n.degree) return false;
    if (articleFilter()) return n.articles.some(articleOk);
    return state.scope === "all" || !!n.ov;
  }
  function edgeOk(e) {
    if (state.relations[e.predicate] === false) return false;
    if (!nodeOk(byId[e.from]) || !nodeOk(byId[e.to])) return false;
    if (!e.evidence.length) return !articleFilter() || e.articles.some(articleOk);
    return e.evidence.some(evidenceOk);
  }
  KG.articleOk = articleOk; KG.evidenceOk = evidenceOk; KG.articleFilter = articleFilter;
  KG.nodeVisible = function (id) { return !!nodesView.get(id); };
  timings.datasets = performance.now() - T0;
  var nodesView = new vis.DataView(visNodes, { filter: function (item) { return nodeOk(byId[item.id]); } });
  var edgesView = new vis.DataView(visEdges, { filter: function (item) { return edgeOk(edgeById[item.id]); } });
  KG.visibleNodes = function () { return nodesView.getIds().map(function (id) { return byId[id]; }); };
  KG.visibleEdges = function () { return edgesView.getIds().map(function (id) { return edgeById[id]; }); };

  var shownKey = "";
  function refresh(noLayout) {
    var network = KG.network;
    if (network) {  // keep where nodes are: a node filtered out and back in comes back in place
      var at = network.getPositions();
      visNodes.update(Object.keys(at).map(function (id) { return { id: Number(id), x: at[id].x, y: at[id].y }; }));
    }
    nodesView.refresh(); edgesView.refresh();
    KG.stats();
    KG.legendCounts();
    if (KG.saveState) KG.saveState();
    var key = nodesView.length + ":" + nodesView.getIds().slice(0, 50).join(",");
    if (network && !noLayout && key !== shownKey) relayout();
    shownKey = key;
  }
  KG.refresh = refresh;

  KG.stats = function () {
    var nodes = KG.visibleNodes(), edges = KG.visibleEdges(), c = { ent: 0, ev: 0, q: 0, rel: 0, part: 0 };
    nodes.forEach(function (n) { if (n.type === "Event") c.ev++; else if (n.type === "Quote") c.q++; else c.ent++; });
    edges.forEach(function (e) { if (e.part) c.part++; else c.rel++; });
    var s = document.getElementById("stats");
    s.textContent = KG.t("showing") + " " + nodes.length + " " + KG.t("of") + " " + Object.keys(byId).length + " " + KG.t("nodes") +
      " (" + c.ent + " " + KG.t("entities") + ", " + c.ev + " " + KG.t("events") + ", " + c.q + " " + KG.t("quotes") + ") · " +
      edges.length + " " + KG.t("of") + " " + Object.keys(edgeById).length + " " + KG.t("edgesWord") + " (" + c.rel + " " + KG.t("relations").toLowerCase() +
      ", " + c.part + " " + KG.t("links") + ")";
    s.title = KG.t("statsTip");
  };

  // ---- layout: physics for what is visible, then fit; constant-size labels that never overlap ----
  function physicsOptions(n, seeded) {
    return { enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, springConstant: 0.06, avoidOverlap: 0.4 },
      stabilization: { enabled: true, iterations: seeded ? 60 : 250, fit: true } };
  }
  function placeNew() {  // nodes shown for the first time start beside a shown neighbour
    var network = KG.network, ids = nodesView.getIds(), known = network.getPositions(ids), updates = [];
    ids.forEach(function (id, i) {
      var item = visNodes.get(id);
      if (item.x !== undefined && item.x !== null) return;
      var near = nodeEdges[id].map(function (e) { return e.from === id ? e.to : e.from; })
        .filter(function (m) { var it = visNodes.get(m); return it && it.x !== undefined && it.x !== null; })[0];
      var base = near !== undefined ? visNodes.get(near) : { x: 0, y: 0 }, a = (id * 2.399963) % (2 * Math.PI);
      updates.push({ id: id, x: base.x + 80 * Math.cos(a), y: base.y + 80 * Math.sin(a) });
    });
    if (updates.length) visNodes.update(updates);
    return known;
  }
  function relayout() {
    var network = KG.network, n = nodesView.length;
    if (!n) return;
    if (n > PHYSICS_MAX) {
      visNodes.update(nodesView.getIds().filter(function (id) { return byId[id].gx !== undefined; })
        .map(function (id) { return { id: id, x: byId[id].gx, y: byId[id].gy }; }));
      network.setOptions({ physics: false });
      network.fit({ animation: false });
      declutter();
      return;
    }
    placeNew();
    var finished = false, timer = null;
    KG.layingOut = true;
    function finish() {
      if (finished) return;
      finished = true; clearTimeout(timer);
      KG.layingOut = false;
      network.setOptions({ physics: false });
      network.fit({ animation: false });
      declutter();
    }
    network.setOptions({ physics: physicsOptions(n, true) });
    network.once("stabilizationIterationsDone", finish);
    timer = setTimeout(finish, 4000);
    network.stabilize(n > 300 ? 60 : 120);
  }
  KG.relayout = relayout;

  function shortLabel(n) { return n.label.length > 40 ? n.label.slice(0, 39) + "…" : n.label; }
  var declutterTimer = null;
  function declutter() {  // labels at a constant 13 px on screen; the best connected first, none overlapping
    var network = KG.network;
    if (!network) return;
    var scale = network.getScale(), ids = nodesView.getIds(), pos = network.getPositions(ids);
    var box = document.getElementById("network").getBoundingClientRect(), grid = {}, updates = [];
    var sel = network.getSelectedNodes(), near = {};
    sel.forEach(function (id) { near[id] = 2; (nodeEdges[id] || []).forEach(function (e) { near[e.from] = near[e.from] || 1; near[e.to] = near[e.to] || 1; }); });
    ids.sort(function (a, b) { return (near[b] || 0) - (near[a] || 0) || byId[b].degree - byId[a].degree || a - b; });
    function free(x0, y0, x1, y1) {
      for (var gx = Math.floor(x0 / 100); gx <= Math.floor(x1 / 100); gx++)
        for (var gy = Math.floor(y0 / 40); gy <= Math.floor(y1 / 40); gy++)
          (grid[gx + ":" + gy] || []).forEach(function (r) { if (r[0] < x1 && x0 < r[2] && r[1] < y1 && y0 < r[3]) x0 = NaN; });
      return x0 === x0;
    }
    function take(r) {
      for (var gx = Math.floor(r[0] / 100); gx <= Math.floor(r[2] / 100); gx++)
        for (var gy = Math.floor(r[1] / 40); gy <= Math.floor(r[3] / 40); gy++) (grid[gx + ":" + gy] = grid[gx + ":" + gy] || []).push(r);
    }
    var shown = 0;
    ids.forEach(function (id, rank) {
      var n = byId[id], text = shortLabel(n), p = network.canvasToDOM(pos[id]), r = (visNodes.get(id).size || 10) * scale;
      var w = text.length * 7 + 4, x0 = p.x - w / 2, y0 = p.y + r + 2, rect = [x0, y0, x0 + w, y0 + 17];
      var onScreen = p.x > -50 && p.y > -50 && p.x < box.width + 50 && p.y < box.height + 50;
      var ok = rank < 2000 && onScreen && free(rect[0], rect[1], rect[2], rect[3]);
      if (ok) { take(rect); take([p.x - r, p.y - r, p.x + r, p.y + r]); shown++; }
      updates.push({ id: id, label: ok ? text : "", font: { size: LABEL_PX / scale } });
    });
    visNodes.update(updates);
    var edgeIds = edgesView.getIds(), showEdge = edgeIds.length <= EDGE_LABELS_MAX;
    visEdges.update(edgeIds.map(function (id) {
      return { id: id, label: showEdge ? KG.word(edgeById[id].predicate) : "", font: { size: 11 / scale } };
    }));
    timings.labels = shown;
  }
  KG.declutter = declutter;
  KG.declutterSoon = function () { clearTimeout(declutterTimer); declutterTimer = setTimeout(declutter, 120); };

  // ---- start: called once every part of the page has loaded ----
  KG.start = function () {
    var n = DATA.nodes.length, seeded = DATA.nodes.some(function (x) { return x.x !== undefined; });
    var showAllFixed = n > PHYSICS_MAX && !DATA.meta.overview;
    nodesView.refresh(); edgesView.refresh();
    var options = {
      autoResize: true,
      nodes: { borderWidth: 1, scaling: { label: { enabled: false } } },
      edges: { smooth: big ? false : { type: "continuous" }, arrowStrikethrough: false, selectionWidth: 2 },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: nodesView.length > PHYSICS_MAX,
        navigationButtons: false, keyboard: { enabled: true, bindToWindow: false } },
      layout: { improvedLayout: !seeded && nodesView.length <= 150, randomSeed: 7 },
      physics: showAllFixed || nodesView.length > PHYSICS_MAX ? false : physicsOptions(nodesView.length, seeded)
    };
    var container = document.getElementById("network");
    var network = KG.network = window.kgNetwork = new vis.Network(container, { nodes: nodesView, edges: edgesView }, options);
    var frame = container.querySelector(".vis-network");  // vis listens for keys on its own frame
    if (frame) {
      frame.tabIndex = 0;
      frame.setAttribute("role", "application");
      frame.setAttribute("aria-label", "Graph: arrow keys move, + and - zoom");
    }
    window.kgData = DATA;
    timings.network = performance.now() - T0;
    function ready() {
      if (window.kgReady) return;
      network.setOptions({ physics: false });
      network.fit({ animation: false });
      declutter();
      window.kgReady = true;
      timings.ready = performance.now() - T0;
      shownKey = nodesView.length + ":" + nodesView.getIds().slice(0, 50).join(",");
      if (KG.afterReady) KG.afterReady();
      document.body.dataset.ready = "1";
    }
    if (!n) { KG.panel.empty(); ready(); }
    else if (options.physics === false) network.once("afterDrawing", ready);
    else { network.once("stabilizationIterationsDone", ready); network.once("stabilized", ready); }
    network.on("zoom", KG.declutterSoon);
    network.on("dragEnd", KG.declutterSoon);
    network.on("click", function (params) {
      if (params.nodes.length) KG.panel.showNode(byId[params.nodes[0]]);
      else if (params.edges.length) KG.panel.showEdge(edgeById[params.edges[0]]);
      KG.declutterSoon();
    });
    network.on("doubleClick", function (params) { if (params.nodes.length) KG.expand(params.nodes[0]); });
    document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); declutter(); });
    document.getElementById("title").textContent = DATA.title;
    KG.stats(); KG.legendCounts();
  };

  // ---- expanding: a node's neighbours join the view (from the page, and from kg serve when there) ----
  KG.expand = function (id) {
    state.extra[id] = true;
    (nodeEdges[id] || []).forEach(function (e) { state.extra[e.from] = true; state.extra[e.to] = true; });
    var done = function () { refresh(); KG.selectNode(id, false); };
    if (KG.remote && KG.remote.available) KG.remote.neighbours(byId[id], function () {
      (nodeEdges[id] || []).forEach(function (e) { state.extra[e.from] = true; state.extra[e.to] = true; });
      done();
    });
    else done();
  };
  KG.selectNode = function (id, move) {
    var network = KG.network;
    if (!byId[id]) return;
    if (!nodesView.get(id)) {  // a hidden name reached by search: show it with its neighbours
      state.extra[id] = true;
      (nodeEdges[id] || []).forEach(function (e) { state.extra[e.from] = true; state.extra[e.to] = true; });
      refresh();
    }
    if (nodesView.get(id)) {
      network.selectNodes([id]);
      if (move) network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
      KG.declutterSoon();
    }
    KG.panel.showNode(byId[id]);
  };
  KG.selectEdge = function (id, move) {
    var e = edgeById[id], network = KG.network;
    if (edgesView.get(id)) {
      network.selectEdges([id]);
      if (move) network.fit({ nodes: [e.from, e.to], animation: false });
    }
    KG.panel.showEdge(e);
  };
  window.kgSelectNode = function (id, move) { KG.selectNode(id, move); };
  window.kgSelectEdge = function (id, move) { KG.selectEdge(id, move); };
})(window.KG = window.KG || {});
