// kg explorer: draws the graph from the JSON block and explains every node and edge.
// All data comes from untrusted articles: it is only ever rendered with textContent.
(function () {
  "use strict";
  var T0 = performance.now(), timings = window.kgTimings = {};
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now() - T0;
  var byId = {}, typeStyle = {}, edgeById = {}, nodeEdges = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; nodeEdges[n.id] = []; });
  DATA.types.forEach(function (t) { typeStyle[t.name] = t; });
  DATA.edges.forEach(function (e) { edgeById[e.id] = e; nodeEdges[e.from].push(e); nodeEdges[e.to].push(e); });
  var state = { types: {}, relations: {}, source: "", minConf: 0, hideIsolated: false };
  var MAX_LIST = 150;

  // ---- small DOM helpers (text only) ----
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = String(text);
    return x;
  }
  function add(parent) { for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]); return parent; }
  function safeUrl(u) { return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null; }
  function fmtConf(c) { return c === null || c === undefined ? "n/a" : Number(c).toFixed(2); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function colorOf(type) { return (typeStyle[type] || { color: "#9d9d9d" }).color; }
  function swatch(type) {
    var s = el("span", "swatch " + ((typeStyle[type] || {}).shape || "dot"));
    s.style.background = colorOf(type);
    return s;
  }

  // ---- vis-network data ----
  function nodeTip(n) {
    var t = n.label + " (" + (n.kind && n.kind !== "entity" ? n.kind : n.type) + ")";
    t += "\n" + plural(n.degree, "connection") + ", " + plural(n.articles.length, "article");
    if (n.aliases.length) t += "\nalso: " + n.aliases.slice(0, 4).join(", ") + (n.aliases.length > 4 ? ", …" : "");
    return t;
  }
  function edgeTip(e) {
    return byId[e.from].label + " — " + e.predicate + " → " + byId[e.to].label + "\n" +
      plural(e.evidence.length, "source sentence") + ", confidence " + fmtConf(e.confidence);
  }
  var big = !DATA.meta.physics;
  var visNodes = new vis.DataSet(DATA.nodes.map(function (n) {
    var style = typeStyle[n.type] || { color: "#9d9d9d", shape: "dot" };
    var item = { id: n.id, label: n.label.length > 40 ? n.label.slice(0, 39) + "…" : n.label, title: nodeTip(n),
      shape: style.shape, size: n.size, color: { background: style.color, border: "#333",
        highlight: { background: style.color, border: "#000" } }, font: { size: 14, color: "#222" } };
    if (n.type === "Quote") item.size = Math.max(8, n.size * 0.6);
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }));
  var visEdges = new vis.DataSet(DATA.edges.map(function (e) {
    var item = { id: e.id, from: e.from, to: e.to, label: e.predicate, title: edgeTip(e), arrows: "to",
      dashes: e.part, width: e.onPath ? 4 : 1 + Math.min(3, e.evidence.length * 0.5),
      color: { color: e.onPath ? "#d62728" : (e.part ? "#b8b8b8" : "#8a96a8"), highlight: "#d62728" },
      font: { size: 11, color: "#555", strokeWidth: 3, strokeColor: "#fff", align: "middle" } };
    return item;
  }));

  // ---- filters ----
  function evidenceOk(ev) {
    if (state.minConf > 0 && ev.confidence !== null && ev.confidence !== undefined && ev.confidence < state.minConf) return false;
    if (!state.source) return true;
    return sourceMatches(ev.article);
  }
  function sourceMatches(articleId) {
    if (!state.source) return true;
    var kind = state.source.charAt(0), value = state.source.slice(2);
    if (kind === "a") return articleId === value;
    var art = DATA.articles[articleId];
    return !!art && art.outlet === value;
  }
  function nodeOk(item) {
    var n = byId[item.id];
    if (state.types[n.type] === false) return false;
    if (state.hideIsolated && !n.degree) return false;
    if (state.source && !n.articles.some(sourceMatches)) return false;
    return true;
  }
  function edgeOk(item) {
    var e = edgeById[item.id];
    if (state.relations[e.predicate] === false) return false;
    if (!nodeOk({ id: e.from }) || !nodeOk({ id: e.to })) return false;
    if (!e.evidence.length) return !state.source;
    return e.evidence.some(evidenceOk);
  }
  timings.datasets = performance.now() - T0;
  var nodesView = new vis.DataView(visNodes, { filter: nodeOk });
  var edgesView = new vis.DataView(visEdges, { filter: edgeOk });
  function refresh() {
    // keep where nodes are: a node filtered out and back in must come back in place
    if (window.kgNetwork) {
      var at = window.kgNetwork.getPositions();
      visNodes.update(Object.keys(at).map(function (id) { return { id: Number(id), x: at[id].x, y: at[id].y }; }));
    }
    nodesView.refresh(); edgesView.refresh();
    document.getElementById("stats").textContent = nodesView.length + " of " + DATA.nodes.length + " nodes · " +
      edgesView.length + " of " + DATA.edges.length + " edges";
  }

  function countBy(items, key) {
    var c = {};
    items.forEach(function (x) { c[x[key]] = (c[x[key]] || 0) + 1; });
    return c;
  }
  function checkList(ul, names, counts, store, decorate) {
    names.forEach(function (name) {
      var li = el("li"), label = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = true; box.dataset.name = name;
      box.addEventListener("change", function () { store[name] = box.checked; refresh(); });
      add(label, box, decorate ? decorate(name) : null, el("span", null, name), el("span", "count", counts[name] || 0));
      ul.appendChild(add(li, label));
    });
  }
  var typeCounts = countBy(DATA.nodes, "type");
  checkList(document.getElementById("legend"), DATA.types.map(function (t) { return t.name; }), typeCounts, state.types, swatch);
  var relCounts = countBy(DATA.edges, "predicate");
  checkList(document.getElementById("relations"), Object.keys(relCounts).sort(), relCounts, state.relations);
  (function sourceSelect() {
    var sel = document.getElementById("source"), outlets = {}, ids = Object.keys(DATA.articles).sort();
    ids.forEach(function (a) { if (DATA.articles[a].outlet) outlets[DATA.articles[a].outlet] = true; });
    var og = el("optgroup"); og.label = "Outlets";
    Object.keys(outlets).sort().forEach(function (p) { var o = el("option", null, p); o.value = "o:" + p; og.appendChild(o); });
    if (og.children.length) sel.appendChild(og);
    var ag = el("optgroup"); ag.label = "Articles";
    ids.forEach(function (a) {
      var art = DATA.articles[a], o = el("option", null, a + (art.title ? " — " + art.title : ""));
      o.value = "a:" + a; ag.appendChild(o);
    });
    if (ag.children.length) sel.appendChild(ag);
    sel.addEventListener("change", function () { state.source = sel.value; refresh(); });
  })();
  var isolated = document.getElementById("hide-isolated");
  isolated.addEventListener("change", function () { state.hideIsolated = isolated.checked; refresh(); });
  var conf = document.getElementById("confidence");
  conf.addEventListener("input", function () {
    state.minConf = Number(conf.value);
    document.getElementById("conf-value").textContent = state.minConf.toFixed(2);
    refresh();
  });

  // ---- the network ----
  var options = {
    autoResize: true,
    nodes: { borderWidth: 1, scaling: { label: { enabled: false } } },
    edges: { smooth: big ? false : { type: "continuous" }, arrowStrikethrough: false, selectionWidth: 2 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false },
    layout: { improvedLayout: !big && DATA.nodes.length <= 150, randomSeed: 7 },
    physics: big ? false : { enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, springConstant: 0.06, avoidOverlap: 0.4 },
      stabilization: { enabled: true, iterations: DATA.nodes.length && DATA.nodes[0].x !== undefined ? 40 : 250, fit: true } }
  };
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, options);
  timings.network = performance.now() - T0;
  window.kgNetwork = network;
  window.kgData = DATA;
  function ready() {
    if (window.kgReady) return;
    if (!big) network.setOptions({ physics: false });
    window.kgReady = true;
    timings.ready = performance.now() - T0;
    document.body.dataset.ready = "1";
    if (DATA.meta.paths.length) showPaths(DATA.meta.paths);
    else if (DATA.meta.focus !== null && DATA.meta.focus !== undefined) selectNode(DATA.meta.focus, false);
  }
  if (!DATA.nodes.length) {
    var empty = document.getElementById("panel-body");
    empty.textContent = "";
    empty.appendChild(el("p", "hint", "The graph is empty: the build found no entities."));
    ready();
  } else if (big) network.once("afterDrawing", ready);
  else { network.once("stabilizationIterationsDone", ready); network.once("stabilized", ready); }
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });
  document.getElementById("title").textContent = DATA.title;
  refresh();

  // ---- side panel ----
  var panel = document.getElementById("panel-body");
  function nodeLink(id) {
    var n = byId[id], b = el("button", "link", n.label);
    b.type = "button";
    b.addEventListener("click", function () { selectNode(id, true); });
    return add(el("span"), swatch(n.type), document.createTextNode(" "), b);
  }
  function edgeLink(e, text) {
    var b = el("button", "link", text);
    b.type = "button";
    b.addEventListener("click", function () { selectEdge(e.id, true); });
    return b;
  }
  function sentenceNode(ev) {
    var p = el("p", "sentence"), s = ev.sentence || "", at = 0;
    (ev.marks || []).forEach(function (m) {
      var a = Math.max(m[0], at), b = Math.min(m[1], s.length);
      if (b <= a) return;
      if (a > at) p.appendChild(document.createTextNode(s.slice(at, a)));
      var mk = el("mark", m[2] || "", s.slice(a, b));
      // "evidence": the exact span the statement was read from; "mention": a name found in the sentence
      if (m[2] === "evidence") mk.title = "the words this statement was read from";
      p.appendChild(mk);
      at = b;
    });
    if (at < s.length) p.appendChild(document.createTextNode(s.slice(at)));
    if (!s) p.appendChild(el("span", "muted", "(no sentence recorded)"));
    return p;
  }
  function evidenceCard(ev) {
    var card = el("div", "evidence" + (ev.hedged || ev.hedge ? " hedged" : ""));
    card.appendChild(sentenceNode(ev));
    var art = DATA.articles[ev.article] || {}, src = el("div", "source");
    add(src, el("strong", null, ev.article || "unknown article"));
    if (art.title) add(src, document.createTextNode(" · "), el("span", null, art.title));
    if (art.outlet) add(src, document.createTextNode(" · "), el("span", null, art.outlet));
    if (art.date) add(src, document.createTextNode(" · "), el("span", null, art.date));
    var url = safeUrl(art.url);
    if (url) {
      var a = el("a", null, "open article"); a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      add(src, document.createTextNode(" · "), a);
    } else if (art.url) add(src, document.createTextNode(" · "), el("span", "muted", art.url));
    card.appendChild(src);
    var tags = el("div", "source");
    if (ev.sentence_index !== null && ev.sentence_index !== undefined) tags.appendChild(el("span", "tag", "sentence " + ev.sentence_index));
    tags.appendChild(el("span", "tag", "confidence " + fmtConf(ev.confidence)));
    if (ev.extractor) tags.appendChild(el("span", "tag", ev.extractor));
    if (ev.hedged || ev.hedge) tags.appendChild(el("span", "tag warn", "hedged" + (ev.hedge ? ": " + ev.hedge : "")));
    if (ev.assertedBy) tags.appendChild(el("span", "tag warn", "according to " + ev.assertedBy));
    Object.keys(ev.qualifiers || {}).sort().forEach(function (k) { tags.appendChild(el("span", "tag", k + ": " + ev.qualifiers[k])); });
    card.appendChild(tags);
    return card;
  }
  function evidenceSection(title, list) {
    var frag = document.createDocumentFragment();
    frag.appendChild(el("h3", null, title + " (" + list.length + ")"));
    if (!list.length) frag.appendChild(el("p", "muted", "No source sentence recorded for this link."));
    list.forEach(function (ev) { frag.appendChild(evidenceCard(ev)); });
    return frag;
  }
  function header(n, sub) {
    var frag = document.createDocumentFragment();
    var badge = add(el("span", "badge"), swatch(n.type), el("span", null, sub));
    add(frag, badge, el("h2", null, n.label), el("div", "iri", n.iri));
    return frag;
  }
  function showNode(n) {
    panel.textContent = "";
    panel.appendChild(header(n, n.kind && n.kind !== "entity" ? n.kind : n.type));
    if (n.aliases.length) panel.appendChild(el("p", "aliases", "also: " + n.aliases.join(" · ")));
    if (n.text) add(panel, el("h3", null, "Quote"), el("p", "sentence", "„" + n.text + "“"));
    var statement = n.type === "Event" || n.type === "Quote";
    var parts = nodeEdges[n.id].filter(function (e) { return statement && e.part && e.from === n.id; });
    var said = nodeEdges[n.id].filter(function (e) { return !statement && e.predicate === "said" && e.from === n.id; });
    if (parts.length) {
      panel.appendChild(el("h3", null, "Parts"));
      var pl = el("ul", "rel-list");
      parts.forEach(function (e) {
        pl.appendChild(add(el("li"), el("span", "pred", e.predicate), document.createTextNode(" "), nodeLink(e.to),
          el("span", "muted", "  " + e.articles.join(", "))));
      });
      panel.appendChild(pl);
    }
    if (n.claims.length) panel.appendChild(claimsTable(n.claims));
    var rels = nodeEdges[n.id].filter(function (e) { return parts.indexOf(e) < 0 && said.indexOf(e) < 0; });
    if (rels.length) panel.appendChild(relationList(n, rels));
    if (n.facts.length) panel.appendChild(factsSection(n.facts));
    if (said.length) panel.appendChild(quoteList(said));
    if (n.evidence.length) panel.appendChild(evidenceSection("Sources", n.evidence));
    if (n.aliasInfo.length) panel.appendChild(aliasDetails(n.aliasInfo));
    if (n.articles.length) add(panel, el("h3", null, "Mentioned in"), el("p", "muted", n.articles.join(", ")));
  }
  function relationList(n, rels) {
    var frag = document.createDocumentFragment(), rl = el("ul", "rel-list");
    frag.appendChild(el("h3", null, "Relations (" + rels.length + ")"));
    rels.sort(function (a, b) { return b.evidence.length - a.evidence.length || a.predicate.localeCompare(b.predicate); });
    if (rels.length > MAX_LIST) frag.appendChild(el("p", "muted", "The " + MAX_LIST + " best-attested of " + rels.length + " relations:"));
    rels.slice(0, MAX_LIST).forEach(function (e) {
      var out = e.from === n.id, other = out ? e.to : e.from, li = el("li");
      var note = el("span", "muted", "  " + plural(e.evidence.length, "source") + (e.articles.length ? " in " + plural(e.articles.length, "article") : ""));
      if (out) add(li, el("span", "muted", "this → "), edgeLink(e, e.predicate), document.createTextNode(" → "), nodeLink(other), note);
      else add(li, nodeLink(other), document.createTextNode(" → "), edgeLink(e, e.predicate), el("span", "muted", " → this"), note);
      rl.appendChild(li);
    });
    frag.appendChild(rl);
    return frag;
  }
  function quoteList(edges) {
    var frag = document.createDocumentFragment(), ul = el("ul", "rel-list");
    frag.appendChild(el("h3", null, "Quoted (" + edges.length + ")"));
    edges.forEach(function (e) {
      var q = byId[e.to], b = el("button", "link", "„" + (q.text || q.label) + "“");
      b.type = "button";
      b.addEventListener("click", function () { selectNode(q.id, true); });
      ul.appendChild(add(el("li"), b, el("span", "muted", "  " + e.articles.join(", "))));
    });
    frag.appendChild(ul);
    return frag;
  }
  function aliasDetails(info) {
    var box = el("details"), ul = el("ul", "rel-list");
    box.appendChild(el("summary", null, "How the names were merged (" + info.length + ")"));
    info.forEach(function (a) {
      var li = el("li", null, a.text);
      var why = [a.rule, a.score !== null && a.score !== undefined ? Number(a.score).toFixed(2) : null].filter(Boolean).join(" ");
      if (why || a.articles.length) li.appendChild(el("span", "muted", "  (" + [why, a.articles.join(", ")].filter(Boolean).join("; ") + ")"));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }
  function claimsTable(claims) {
    var frag = document.createDocumentFragment(), names = {}, table = el("table", "claims");
    frag.appendChild(el("h3", null, "Claims by source"));
    claims.forEach(function (c) { (names[c.name] = names[c.name] || {})[c.value] = true; });
    claims.forEach(function (c) {
      var art = DATA.articles[c.article] || {}, tr = el("tr");
      add(tr, el("td", "pred", c.name), el("td", null, c.value + (c.text ? " (“" + c.text + "”)" : "")),
        el("td", "muted", (c.article || "") + (art.outlet ? " · " + art.outlet : "")));
      table.appendChild(tr);
    });
    frag.appendChild(table);
    Object.keys(names).forEach(function (k) {
      if (Object.keys(names[k]).length > 1) frag.appendChild(el("p", "disagree", "Sources disagree on " + k + "."));
    });
    return frag;
  }
  function factsSection(facts) {
    var frag = document.createDocumentFragment(), attrs = {};
    frag.appendChild(el("h3", null, "Facts"));
    facts.forEach(function (f) { (attrs[f.attribute] = attrs[f.attribute] || []).push(f.value); });
    facts.forEach(function (f) {
      var shown = /^-?\d{4,}$/.test(f.value) ? Number(f.value).toLocaleString("de-DE") : f.value;
      frag.appendChild(add(el("p"), el("span", "pred", f.attribute), document.createTextNode(" " + shown + "  "),
        el("span", "muted", plural(f.evidence.length, "source"))));
      f.evidence.forEach(function (ev) { frag.appendChild(evidenceCard(ev)); });
    });
    Object.keys(attrs).forEach(function (k) {
      if (attrs[k].length > 1) frag.appendChild(el("p", "disagree", "Sources disagree on " + k + "."));
    });
    return frag;
  }
  function showEdge(e) {
    panel.textContent = "";
    var badge = add(el("span", "badge"), el("span", null, e.part ? "part of " + byId[e.from].kind : "relation"));
    var line = add(el("p"), nodeLink(e.from), document.createTextNode(" "), el("span", "pred", e.predicate),
      document.createTextNode(" "), nodeLink(e.to));
    add(panel, badge, el("h2", null, e.predicate), line,
      el("p", "muted", "confidence " + fmtConf(e.confidence) + " · " + plural(e.articles.length, "article")));
    panel.appendChild(evidenceSection("Evidence", e.evidence));
  }
  function showPaths(paths) {
    panel.textContent = "";
    var first = byId[paths[0][0]], last = byId[paths[0][paths[0].length - 1]];
    add(panel, el("span", "badge", "connections"), el("h2", null, first.label + " … " + last.label),
      el("p", "muted", plural(paths.length, "shortest connection") + " of " + plural(paths[0].length - 1, "step") +
        ". Click a relation to read its evidence."));
    paths.forEach(function (p, i) {
      var ol = el("ol", "path");
      panel.appendChild(el("h3", null, "Connection " + (i + 1)));
      p.forEach(function (id, k) {
        var li = add(el("li"), nodeLink(id));
        if (k + 1 < p.length) {
          nodeEdges[id].filter(function (e) { return (e.from === id && e.to === p[k + 1]) || (e.to === id && e.from === p[k + 1]); })
            .forEach(function (e) {
              li.appendChild(add(el("div", "hop"), el("span", "muted", e.from === id ? "↓ " : "↑ "),
                edgeLink(e, e.predicate), el("span", "muted", "  " + plural(e.evidence.length, "source"))));
            });
        }
        ol.appendChild(li);
      });
      panel.appendChild(ol);
    });
  }
  function selectNode(id, move) {
    if (!byId[id]) return;
    if (nodesView.get(id)) {
      network.selectNodes([id]);
      if (move) network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    }
    showNode(byId[id]);
  }
  function selectEdge(id, move) {
    var e = edgeById[id];
    if (edgesView.get(id)) {
      network.selectEdges([id]);
      if (move) network.fit({ nodes: [e.from, e.to], animation: false });
    }
    showEdge(e);
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(byId[params.nodes[0]]);
    else if (params.edges.length) showEdge(edgeById[params.edges[0]]);
  });
  window.kgSelectNode = selectNode;
  window.kgSelectEdge = selectEdge;

  // ---- search by label or alias ----
  var search = document.getElementById("search"), results = document.getElementById("search-results");
  var index = [];
  DATA.nodes.forEach(function (n) {
    index.push({ key: n.label.toLowerCase(), id: n.id, via: null });
    n.aliases.forEach(function (a) { index.push({ key: a.toLowerCase(), id: n.id, via: a }); });
  });
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var seen = {}, hits = [];
    index.forEach(function (r) {
      var at = r.key.indexOf(q);
      if (at < 0) return;
      var score = (r.key === q ? 0 : at === 0 ? 1 : 2) * 1e6 - byId[r.id].degree;
      if (!(r.id in seen) || score < seen[r.id].score) seen[r.id] = { id: r.id, via: r.via, score: score };
    });
    Object.keys(seen).forEach(function (k) { hits.push(seen[k]); });
    hits.sort(function (a, b) { return a.score - b.score; });
    return hits.slice(0, 12);
  }
  function showResults() {
    var hits = find(search.value);
    results.textContent = "";
    hits.forEach(function (h, i) {
      var li = add(el("li", i === 0 ? "active" : ""), swatch(byId[h.id].type), el("span", null, byId[h.id].label));
      if (h.via) li.appendChild(el("span", "via", "as “" + h.via + "”"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h.id); });
      results.appendChild(li);
    });
    results.hidden = !hits.length;
  }
  function pick(id) { results.hidden = true; search.blur(); selectNode(id, true); }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var hits = find(search.value); if (hits.length) pick(hits[0].id); }
    if (ev.key === "Escape") results.hidden = true;
  });
  search.addEventListener("blur", function () { results.hidden = true; });
})();
