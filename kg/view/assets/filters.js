// kg explorer: the filter column (types, relations, sources, dates, confidence) and the header buttons.
(function (KG) {
  "use strict";
  var DATA = KG.DATA, state = KG.state, el = KG.el, add = KG.add;

  KG.applyText = function () {  // interface text in the chosen language
    document.documentElement.lang = KG.lang;
    document.querySelectorAll("[data-i18n]").forEach(function (x) { x.textContent = KG.t(x.dataset.i18n); });
    document.querySelectorAll("[data-i18n-ph]").forEach(function (x) { x.placeholder = KG.t(x.dataset.i18nPh); });
    document.querySelectorAll("[data-i18n-tip]").forEach(function (x) { x.title = KG.t(x.dataset.i18nTip); });
    var lang = document.getElementById("lang");
    lang.textContent = KG.t("language"); lang.title = KG.t("languageTip");
    document.querySelectorAll("#relations [data-word]").forEach(function (x) { x.textContent = KG.word(x.dataset.word); });
    document.querySelectorAll("#legend [data-type]").forEach(function (x) { x.textContent = KG.typeName(x.dataset.type); });
    scopeText();
  };

  function checkList(ul, names, store, decorate, text, attr) {
    names.forEach(function (name) {
      var li = el("li"), label = el("label"), box = el("input"), span = el("span", null, text(name));
      box.type = "checkbox"; box.checked = store[name] !== false; box.dataset.name = name;
      span.dataset[attr] = name;
      box.addEventListener("change", function () { store[name] = box.checked; KG.refresh(); });
      add(label, box, decorate ? decorate(name) : null, span, el("span", "count"));
      ul.appendChild(add(li, label));
    });
  }
  function countBy(items, key) {
    var c = {};
    items.forEach(function (x) { c[x[key]] = (c[x[key]] || 0) + 1; });
    return c;
  }
  KG.legendCounts = function () {  // "shown / all" per type and relation, following the filters
    var nodes = countBy(KG.visibleNodes(), "type"), all = countBy(Object.keys(KG.byId).map(function (k) { return KG.byId[k]; }), "type");
    document.querySelectorAll("#legend input").forEach(function (box) {
      var name = box.dataset.name;
      box.parentNode.querySelector(".count").textContent = (nodes[name] || 0) + " / " + (all[name] || 0);
    });
    var edges = countBy(KG.visibleEdges(), "predicate"), allE = countBy(Object.keys(KG.edgeById).map(function (k) { return KG.edgeById[k]; }), "predicate");
    document.querySelectorAll("#relations input").forEach(function (box) {
      var name = box.dataset.name;
      box.parentNode.querySelector(".count").textContent = (edges[name] || 0) + " / " + (allE[name] || 0);
    });
  };

  KG.articleLine = function (art) {  // "2017-11-30 · Title · outlet · category"
    return [art.date, art.title || art.id, art.outlet, art.category].filter(Boolean).join(" · ");
  };
  function group(sel, label, counts, prefix) {  // one optgroup: "name (n articles)" -> prefix + name
    var og = el("optgroup"); og.label = label;
    Object.keys(counts).sort().forEach(function (p) { var o = el("option", null, p + " (" + counts[p] + ")"); o.value = prefix + p; og.appendChild(o); });
    if (og.children.length) sel.appendChild(og);
  }
  function sourceSelect() {
    var sel = document.getElementById("source"), outlets = {}, categories = {}, ids = Object.keys(DATA.articles);
    ids.sort(function (a, b) {
      var da = DATA.articles[a].date || "", db = DATA.articles[b].date || "";
      return da < db ? 1 : da > db ? -1 : a < b ? -1 : 1;
    });
    ids.forEach(function (a) {
      var art = DATA.articles[a];
      if (art.outlet) outlets[art.outlet] = (outlets[art.outlet] || 0) + 1;
      if (art.category) categories[art.category] = (categories[art.category] || 0) + 1;
    });
    group(sel, KG.t("outlets"), outlets, "o:");
    group(sel, KG.t("categories"), categories, "c:");
    var ag = el("optgroup"); ag.label = KG.t("articles");
    ids.forEach(function (a) {
      var o = el("option", null, KG.articleLine(DATA.articles[a]));
      o.value = "a:" + a; o.title = a; ag.appendChild(o);
    });
    if (ag.children.length) sel.appendChild(ag);
    var read = document.getElementById("source-read");
    function changed() {
      state.source = sel.value;
      read.hidden = state.source.charAt(0) !== "a";
      KG.refresh();
      if (KG.panel.current) KG.panel.current();  // the open panel follows the filter
    }
    sel.addEventListener("change", changed);
    read.addEventListener("click", function () { KG.panel.showArticle(state.source.slice(2)); });
    var filter = document.getElementById("source-filter");
    filter.addEventListener("input", function () {  // narrow the list by words of title, date, outlet, category or id
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean), first = null;
      sel.querySelectorAll("option").forEach(function (o) {
        if (!o.value) return;
        var hay = (o.textContent + " " + o.value).toLowerCase();
        o.hidden = !words.every(function (w) { return hay.indexOf(w) >= 0; });
        if (!o.hidden && first === null) first = o;
      });
      sel.size = words.length ? 8 : 1;
    });
    filter.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); sel.focus(); }
    });
    KG.setSource = function (value) { sel.value = value; changed(); };
    sel.value = state.source;
    read.hidden = state.source.charAt(0) !== "a";
  }
  function dates() {
    var from = document.getElementById("date-from"), to = document.getElementById("date-to");
    var all = Object.keys(DATA.articles).map(function (a) { return DATA.articles[a].date; }).filter(Boolean).sort();
    if (all.length) {
      from.min = to.min = (all[0] + "-01-01").slice(0, 10);
      to.max = from.max = all[all.length - 1].length === 10 ? all[all.length - 1] : (all[all.length - 1] + "-12-31").slice(0, 10);
    }
    from.value = state.from; to.value = state.to;
    function changed() { state.from = from.value; state.to = to.value; KG.refresh(); if (KG.panel.current) KG.panel.current(); }
    from.addEventListener("change", changed);
    to.addEventListener("change", changed);
  }
  function scopeText() {
    var b = document.getElementById("scope");
    b.hidden = !DATA.meta.overview;
    b.textContent = state.scope === "overview" ? KG.t("showAll") + " (" + DATA.nodes.length + ")" : KG.t("showOverview");
    b.title = KG.t("scopeTip");
  }

  KG.initFilters = function () {
    checkList(document.getElementById("legend"), DATA.types.map(function (t) { return t.name; }), state.types, KG.swatch,
      KG.typeName, "type");
    var preds = {};
    DATA.edges.forEach(function (e) { preds[e.predicate] = true; });
    checkList(document.getElementById("relations"), Object.keys(preds).sort(), state.relations, null, KG.word, "word");
    sourceSelect();
    dates();
    var isolated = document.getElementById("hide-isolated");
    isolated.checked = state.hideIsolated;
    isolated.addEventListener("change", function () { state.hideIsolated = isolated.checked; KG.refresh(); });
    var conf = document.getElementById("confidence");
    conf.value = state.minConf;
    document.getElementById("conf-value").textContent = state.minConf.toFixed(2);
    conf.addEventListener("input", function () {
      state.minConf = Number(conf.value);
      document.getElementById("conf-value").textContent = state.minConf.toFixed(2);
      KG.refresh();
      if (KG.panel.current) KG.panel.current();
    });
    document.getElementById("scope").addEventListener("click", function () {
      state.scope = state.scope === "overview" ? "all" : "overview";
      scopeText(); KG.refresh();
    });
    document.getElementById("lang").addEventListener("click", function () {
      KG.setLang(KG.lang === "de" ? "en" : "de");
      KG.applyText(); KG.stats(); KG.legendCounts(); KG.declutter();
      if (KG.panel.current) KG.panel.current();
      if (KG.saveState) KG.saveState();
    });
    KG.applyText();
  };
})(window.KG = window.KG || {});
