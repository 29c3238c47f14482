// kg explorer: the side panel — a node, an edge and its evidence, paths, and the article reader.
(function (KG) {
  "use strict";
  var DATA = KG.DATA, state = KG.state, el = KG.el, add = KG.add, byId = KG.byId, nodeEdges = KG.nodeEdges;
  var panel = document.getElementById("panel-body"), MAX_LIST = 150;
  var P = KG.panel = { current: null };

  function button(text, cls, onClick) {
    var b = el("button", cls || "link", text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function nodeLink(id) {
    var n = byId[id];
    return add(el("span"), KG.swatch(n.type), document.createTextNode(" "), button(n.label, "link", function () { KG.selectNode(id, true); }));
  }
  function edgeLink(e, text) { return button(text, "link", function () { KG.selectEdge(e.id, true); }); }
  function articleLink(aid) {
    var art = DATA.articles[aid] || { id: aid };
    var b = button(art.title || aid, "link", function () { P.showArticle(aid); });
    b.title = KG.t("readArticle") + " (" + aid + ")";
    return b;
  }
  KG.articleLink = articleLink;
  function originalLink(art) {  // only http(s) addresses become links; anything else is shown as text
    var url = typeof art.url === "string" && /^https?:\/\//i.test(art.url) ? art.url : null;
    if (!url) return art.url ? el("span", "muted", art.url) : null;
    var a = el("a", null, KG.t("openArticle"));
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }

  // Text with overlapping highlight spans [start, end, kind, extra]: cut at every span border, and
  // give each piece one <mark> carrying the classes of every span over it (nested spans keep their mark).
  function marked(text, spans, onMark) {
    var frag = document.createDocumentFragment(), cuts = [0, text.length];
    spans.forEach(function (m) { cuts.push(Math.max(0, Math.min(text.length, m[0])), Math.max(0, Math.min(text.length, m[1]))); });
    cuts = cuts.filter(function (x, i, a) { return a.indexOf(x) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1], on = spans.filter(function (m) { return m[0] <= a && b <= m[1]; });
      if (!on.length) { frag.appendChild(document.createTextNode(text.slice(a, b))); continue; }
      var kinds = on.map(function (m) { return m[2]; }).filter(function (k, j, all) { return all.indexOf(k) === j; });
      var mk = el("mark", "hl " + kinds.map(function (k) { return "hl-" + k; }).join(" "), text.slice(a, b));
      mk.title = kinds.map(function (k) { return KG.t({ subject: "markSubject", object: "markObject", trigger: "markTrigger", hedge: "markHedge" }[k] || k); }).join(", ");
      if (onMark) onMark(mk, on);
      frag.appendChild(mk);
    }
    return frag;
  }
  KG.marked = marked;

  function evidenceCard(ev) {
    var card = el("div", "card" + (ev.hedged || ev.hedge ? " hedged" : "")), p = el("p", "sentence");
    if (ev.sentence) p.appendChild(marked(ev.sentence, ev.marks || []));
    else p.appendChild(el("span", "muted", KG.t("noSentenceText")));
    card.appendChild(p);
    var art = DATA.articles[ev.article] || {}, src = el("div", "source");
    add(src, ev.article ? articleLink(ev.article) : el("strong", null, "?"));
    if (art.outlet) add(src, document.createTextNode(" · "), el("span", null, art.outlet));
    if (art.date) add(src, document.createTextNode(" · "), el("span", null, art.date));
    var orig = originalLink(art);
    if (orig) add(src, document.createTextNode(" · "), orig);
    card.appendChild(src);
    var tags = el("div", "source");
    if (ev.sentence_index !== null && ev.sentence_index !== undefined) tags.appendChild(el("span", "tag", KG.t("sentence") + " " + ev.sentence_index));
    tags.appendChild(el("span", "tag", KG.t("confidence") + " " + KG.fmtConf(ev.confidence)));
    if (ev.extractor) tags.appendChild(el("span", "tag", ev.extractor));
    if (ev.hedged || ev.hedge) tags.appendChild(el("span", "tag warn", KG.t("hedged") + (ev.hedge ? ": " + ev.hedge : "")));
    if (ev.assertedBy) tags.appendChild(el("span", "tag warn", KG.t("accordingTo") + " " + ev.assertedBy));
    Object.keys(ev.qualifiers || {}).sort().forEach(function (k) { tags.appendChild(el("span", "tag", k + ": " + ev.qualifiers[k])); });
    tags.appendChild(el("span", "tag id", ev.article || ""));
    card.appendChild(tags);
    return card;
  }
  function filterNote() {  // "source: 001_… · from 2017-11-01 · confidence ≥ 0.50"
    var bits = [];
    if (state.source) {
      var v = state.source.slice(2), art = DATA.articles[v];
      bits.push(KG.t("source").toLowerCase() + ": " + (state.source.charAt(0) === "a" && art ? (art.title || v) + " (" + v + ")" : v));
    }
    if (state.from) bits.push(KG.t("from") + " " + state.from);
    if (state.to) bits.push(KG.t("to") + " " + state.to);
    if (state.minConf > 0) bits.push(KG.t("confidence") + " ≥ " + state.minConf.toFixed(2));
    return bits.join(" · ");
  }
  var unfiltered = false;
  function evidenceSection(title, list) {
    var frag = document.createDocumentFragment(), note = filterNote();
    var shown = note && !unfiltered ? list.filter(KG.evidenceOk) : list;
    var h = el("h3", null, title + " (" + (shown.length === list.length ? list.length : shown.length + " " + KG.t("of") + " " + list.length) + ")");
    frag.appendChild(h);
    if (note) {
      var p = el("p", "filtered", shown.length + " " + KG.t("of") + " " + list.length + " " + KG.t("sentences") + ", " +
        (unfiltered ? "" : KG.t("filtered") + " ") + note + " ");
      if (!unfiltered && shown.length < list.length) p.appendChild(button(KG.t("showUnfiltered"), "link", function () { unfiltered = true; P.current(); unfiltered = false; }));
      frag.appendChild(p);
    }
    if (!list.length) frag.appendChild(el("p", "muted", KG.t("noSentence")));
    shown.forEach(function (ev) { frag.appendChild(evidenceCard(ev)); });
    return frag;
  }
  function header(n, sub) {
    var frag = document.createDocumentFragment();
    add(frag, add(el("span", "badge"), KG.swatch(n.type), el("span", null, sub)), el("h2", null, n.label), el("div", "iri", n.iri));
    return frag;
  }
  function show(render) { P.current = render; panel.textContent = ""; render(); }

  P.empty = function () { panel.textContent = ""; panel.appendChild(el("p", "hint", KG.t("empty"))); };
  P.showNode = function (n) { show(function () { panel.textContent = ""; nodeView(n); }); KG.selected = { node: n.iri }; if (KG.saveState) KG.saveState(); };
  P.showEdge = function (e) {
    show(function () { panel.textContent = ""; edgeView(e); });
    KG.selected = { edge: e };
    if (KG.saveState) KG.saveState();
    if (e.remote && !e.loaded && KG.remote) KG.remote.evidence(e, function () { if (KG.selected.edge === e) P.showEdge(e); });
  };
  function nodeView(n) {
    panel.appendChild(header(n, KG.typeName(n.kind && n.kind !== "entity" && n.kind !== "Quote" ? n.kind : n.type)));
    if (n.aliases.length) panel.appendChild(el("p", "aliases", KG.t("also") + ": " + n.aliases.join(" · ")));
    var tools = el("p", "tools");
    tools.appendChild(button(KG.t("expand"), "small", function () { KG.expand(n.id); }));
    panel.appendChild(tools);
    if (n.text) add(panel, el("h3", null, KG.t("quote")), el("p", "sentence", "„" + n.text + "“"));
    var statement = n.type === "Event" || n.type === "Quote";
    var parts = nodeEdges[n.id].filter(function (e) { return statement && e.part && e.from === n.id; });
    var said = nodeEdges[n.id].filter(function (e) { return !statement && e.predicate === "said" && e.from === n.id; });
    if (parts.length) {
      panel.appendChild(el("h3", null, KG.t("parts")));
      var pl = el("ul", "rel-list");
      parts.forEach(function (e) {
        pl.appendChild(add(el("li"), el("span", "pred", KG.word(e.predicate)), document.createTextNode(" "), nodeLink(e.to)));
      });
      panel.appendChild(pl);
    }
    if (n.claims.length) panel.appendChild(claimsTable(n.claims));
    var rels = nodeEdges[n.id].filter(function (e) { return parts.indexOf(e) < 0 && said.indexOf(e) < 0; });
    if (rels.length) panel.appendChild(relationList(n, rels));
    if (n.facts.length) panel.appendChild(factsSection(n.facts));
    said = said.filter(function (e) { return !KG.articleFilter() || e.articles.some(KG.articleOk); });
    if (said.length) panel.appendChild(quoteList(said));
    if (n.evidence.length) panel.appendChild(evidenceSection(KG.t("sources"), n.evidence));
    if (n.aliasInfo.length) panel.appendChild(aliasDetails(n.aliasInfo));
    if (n.articles.length) {
      var arts = n.articles.filter(function (a) { return !KG.articleFilter() || KG.articleOk(a); });
      panel.appendChild(el("h3", null, KG.t("mentionedIn") + " (" + arts.length + (arts.length < n.articles.length ? " " + KG.t("of") + " " + n.articles.length : "") + ")"));
      var ml = el("ul", "rel-list");
      arts.slice(0, MAX_LIST).forEach(function (a) {
        var art = DATA.articles[a] || {};
        ml.appendChild(add(el("li"), articleLink(a), el("span", "muted", "  " + [art.date, art.outlet].filter(Boolean).join(" · "))));
      });
      panel.appendChild(ml);
    }
  }
  function relationList(n, rels) {  // the accessible list of the node's relations, following the filters
    var frag = document.createDocumentFragment(), rl = el("ul", "rel-list");
    var shown = rels.filter(function (e) { return !KG.articleFilter() && !state.minConf || !e.evidence.length || e.evidence.some(KG.evidenceOk); });
    frag.appendChild(el("h3", null, KG.t("relations") + " (" + (shown.length < rels.length ? shown.length + " " + KG.t("of") + " " : "") + rels.length + ")"));
    shown.sort(function (a, b) { return KG.evCount(b) - KG.evCount(a) || a.predicate.localeCompare(b.predicate); });
    shown.slice(0, MAX_LIST).forEach(function (e) {
      var out = e.from === n.id, other = out ? e.to : e.from, li = el("li");
      var kept = e.evidence.filter(KG.evidenceOk), count = e.evidence.length ? kept.length : KG.evCount(e);
      var arts = e.evidence.length ? kept.map(function (ev) { return ev.article; }).filter(function (a, i, all) { return a && all.indexOf(a) === i; }).length
        : e.articles.length;  // the articles of the sentences counted, so both numbers follow the filters
      var note = el("span", "muted", "  " + count + " " + KG.t("sentences") + (arts ? " · " + arts + " " + KG.t("articleCount") : ""));
      if (out) add(li, el("span", "muted", "→ "), edgeLink(e, KG.word(e.predicate)), document.createTextNode(" → "), nodeLink(other), note);
      else add(li, nodeLink(other), document.createTextNode(" → "), edgeLink(e, KG.word(e.predicate)), el("span", "muted", " → " + n.label), note);
      rl.appendChild(li);
    });
    frag.appendChild(rl);
    return frag;
  }
  function quoteList(edges) {
    var frag = document.createDocumentFragment(), ul = el("ul", "rel-list");
    frag.appendChild(el("h3", null, KG.t("quoted") + " (" + edges.length + ")"));
    edges.forEach(function (e) {
      var q = byId[e.to];
      var li = add(el("li"), button("„" + (q.text || q.label) + "“", "link", function () { KG.selectNode(q.id, true); }));
      e.articles.forEach(function (a) { add(li, el("span", "muted", " · "), articleLink(a)); });
      ul.appendChild(li);
    });
    frag.appendChild(ul);
    return frag;
  }
  function aliasDetails(info) {
    var box = el("details"), ul = el("ul", "rel-list");
    box.appendChild(el("summary", null, KG.t("merged") + " (" + info.length + ")"));
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
    frag.appendChild(el("h3", null, KG.t("claims")));
    claims.forEach(function (c) { (names[c.name] = names[c.name] || {})[c.value] = true; });
    claims.forEach(function (c) {
      var art = DATA.articles[c.article] || {}, tr = el("tr"), where = el("td", "muted");
      if (c.article) where.appendChild(articleLink(c.article));
      if (art.outlet) where.appendChild(document.createTextNode(" · " + art.outlet));
      add(tr, el("td", "pred", c.name), el("td", null, c.value + (c.text ? " (“" + c.text + "”)" : "")), where);
      table.appendChild(tr);
    });
    frag.appendChild(table);
    Object.keys(names).forEach(function (k) {
      if (Object.keys(names[k]).length > 1) frag.appendChild(el("p", "disagree", KG.t("disagree") + " " + k + "."));
    });
    return frag;
  }
  function factsSection(facts) {
    var frag = document.createDocumentFragment(), attrs = {};
    frag.appendChild(el("h3", null, KG.t("facts")));
    facts.forEach(function (f) { (attrs[f.attribute] = attrs[f.attribute] || []).push(f.value); });
    facts.forEach(function (f) {
      var shown = /^-?\d{4,}$/.test(f.value) ? Number(f.value).toLocaleString("de-DE") : f.value;
      frag.appendChild(add(el("p"), el("span", "pred", KG.word(f.attribute)), document.createTextNode(" " + shown)));
      frag.appendChild(evidenceSection(KG.t("evidence"), f.evidence));
    });
    Object.keys(attrs).forEach(function (k) {
      if (attrs[k].length > 1) frag.appendChild(el("p", "disagree", KG.t("disagree") + " " + k + "."));
    });
    return frag;
  }
  function edgeView(e) {
    var badge = add(el("span", "badge"), el("span", null, e.part ? KG.t("partOf") + " " + KG.typeName(byId[e.from].kind) : KG.t("relation")));
    var line = add(el("p"), nodeLink(e.from), document.createTextNode(" "), el("span", "pred", KG.word(e.predicate)),
      document.createTextNode(" "), nodeLink(e.to));
    add(panel, badge, el("h2", null, KG.word(e.predicate)), line,
      el("p", "muted", KG.t("confidence") + " " + KG.fmtConf(e.confidence) + " · " + e.articles.length + " " + KG.t("articleCount")));
    if (e.remote && !e.loaded) panel.appendChild(el("p", "muted", KG.t("loading")));
    else panel.appendChild(evidenceSection(KG.t("evidence"), e.evidence));
  }
  P.showPaths = function (paths) {
    show(function () {
      panel.textContent = "";
      var first = byId[paths[0][0]], last = byId[paths[0][paths[0].length - 1]];
      add(panel, el("span", "badge", KG.t("connections")), el("h2", null, first.label + " … " + last.label),
        el("p", "muted", KG.t("pathsNote").replace("{n}", paths.length).replace("{steps}", paths[0].length - 1)));
      paths.forEach(function (p, i) {
        var ol = el("ol", "path");
        panel.appendChild(el("h3", null, KG.t("connection") + " " + (i + 1)));
        p.forEach(function (id, k) {
          var li = add(el("li"), nodeLink(id));
          if (k + 1 < p.length) {
            nodeEdges[id].filter(function (e) { return (e.from === id && e.to === p[k + 1]) || (e.to === id && e.from === p[k + 1]); })
              .forEach(function (e) {
                li.appendChild(add(el("div", "hop"), el("span", "muted", e.from === id ? "↓ " : "↑ "),
                  edgeLink(e, KG.word(e.predicate)), el("span", "muted", "  " + KG.evCount(e) + " " + KG.t("sentences"))));
              });
          }
          ol.appendChild(li);
        });
        panel.appendChild(ol);
      });
    });
  };

  // ---- the reader: an article's cleaned text with its mentions and evidence sentences marked ----
  P.showArticle = function (aid) {
    var art = DATA.articles[aid];
    if (art && art.body === undefined && KG.remote && KG.remote.available) {
      KG.remote.article(aid, function () { P.showArticle(aid); });
      return;
    }
    var previous = P.current;
    show(function () { panel.textContent = ""; readerView(aid, previous); });
    KG.selected = { article: aid };
    if (KG.saveState) KG.saveState();
  };
  function readerView(aid, previous) {
    var art = DATA.articles[aid] || { id: aid };
    if (previous) panel.appendChild(button("← " + KG.t("back"), "small", function () { previous(); P.current = previous; }));
    add(panel, el("span", "badge", KG.t("article")), el("h2", null, art.title || aid));
    var meta = el("p", "muted", [art.date, art.outlet, art.category, aid].filter(Boolean).join(" · ") + " ");
    add(meta, originalLink(art));
    panel.appendChild(meta);
    var text = art.body || "";
    if (!text) { panel.appendChild(el("p", "muted", KG.t("noText"))); return; }
    var spans = [], taken = [];
    Object.keys(byId).forEach(function (k) {  // the entities this article mentions, found by name
      var n = byId[k];
      if (n.type === "Event" || n.type === "Quote" || n.articles.indexOf(aid) < 0) return;
      [n.label].concat(n.aliases).forEach(function (name) { if (name && name.length > 1) taken.push([name, n.id]); });
    });
    taken.sort(function (a, b) { return b[0].length - a[0].length; });
    var used = [];
    taken.forEach(function (t) {
      var at = text.indexOf(t[0]);
      while (at >= 0) {
        var end = at + t[0].length;
        var word = !/\w/.test(text.charAt(at - 1) || " ") && !/\w/.test(text.charAt(end) || " ");
        if (word && !used.some(function (u) { return u[0] < end && at < u[1]; })) { used.push([at, end]); spans.push([at, end, "subject", t[1]]); }
        at = text.indexOf(t[0], end);
      }
    });
    Object.keys(KG.edgeById).forEach(function (k) {  // sentences that are evidence of a relation
      KG.edgeById[k].evidence.forEach(function (ev) {
        if (ev.article !== aid || !ev.sentence) return;
        var at = typeof ev.sentence_start === "number" && text.substr(ev.sentence_start, ev.sentence.length) === ev.sentence ? ev.sentence_start : text.indexOf(ev.sentence);
        if (at >= 0) spans.push([at, at + ev.sentence.length, "said", Number(k)]);
      });
    });
    var body = el("div", "reader");
    text.split(/\n\s*\n/).reduce(function (offset, para) {
      var start = text.indexOf(para, offset), end = start + para.length, p = el("p");
      var local = spans.filter(function (s) { return s[0] < end && start < s[1]; })
        .map(function (s) { return [Math.max(0, s[0] - start), Math.min(para.length, s[1] - start), s[2], s[3]]; });
      p.appendChild(marked(para, local, function (mk, on) {
        on.forEach(function (s) {
          if (s[2] === "subject") { mk.classList.add("clickable"); mk.title = byId[s[3]].label; mk.addEventListener("click", function () { KG.selectNode(s[3], true); }); }
          else if (s[2] === "said" && !mk.classList.contains("clickable")) { mk.addEventListener("click", function () { KG.selectEdge(s[3], true); }); mk.title = KG.t("evidence") + ": " + KG.word(KG.edgeById[s[3]].predicate); }
        });
      }));
      body.appendChild(p);
      return end;
    }, 0);
    panel.appendChild(body);
  }
})(window.KG = window.KG || {});
