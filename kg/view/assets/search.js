// kg explorer: search that forgives — prefix, word prefix, substring and typos, over labels and aliases.
(function (KG) {
  "use strict";
  var el = KG.el, add = KG.add, byId = KG.byId;
  var search = document.getElementById("search"), results = document.getElementById("search-results");
  var index = [], indexed = 0, active = 0, hits = [];

  function fold(s) { return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss"); }
  KG.fold = fold;
  function reindex() {  // nodes the server added later are indexed on the next search
    var ids = Object.keys(byId);
    if (ids.length === indexed) return;
    index = []; indexed = ids.length;
    ids.forEach(function (k) {
      var n = byId[k], label = n.type === "Quote" && n.text ? n.text : n.label;
      index.push({ key: fold(label), id: n.id, via: null });
      n.aliases.forEach(function (a) { index.push({ key: fold(a), id: n.id, via: a }); });
    });
  }
  function distance(a, b, max) {  // Levenshtein, giving up above max
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1)));
        best = Math.min(best, cur[j]);
      }
      if (best > max) return max + 1;
      prev = cur;
    }
    return prev[b.length];
  }
  function score(key, q) {  // lower is better; -1: no match
    if (key === q) return 0;
    if (key.indexOf(q) === 0) return 1;
    if ((" " + key).indexOf(" " + q) >= 0) return 2;
    if (key.indexOf(q) > 0) return 3;
    if (q.length < 4) return -1;
    var max = q.length >= 8 ? 2 : 1, words = key.split(/[\s\-]+/);
    for (var i = 0; i < words.length; i++) {
      if (distance(words[i], q, max) <= max || distance(words[i].slice(0, q.length), q, max) <= max) return 4;
    }
    return distance(key.slice(0, q.length), q, max) <= max ? 4 : -1;
  }
  KG.find = function (q) {
    reindex();
    q = fold(q.trim());
    if (!q) return [];
    var seen = {}, out = [];
    index.forEach(function (r) {
      var s = score(r.key, q);
      if (s < 0) return;
      var rank = s * 1e6 - byId[r.id].degree - (byId[r.id].type === "Quote" ? -1e5 : 0);
      if (!(r.id in seen) || rank < seen[r.id].rank) seen[r.id] = { id: r.id, via: r.via, rank: rank };
    });
    Object.keys(seen).forEach(function (k) { out.push(seen[k]); });
    out.sort(function (a, b) { return a.rank - b.rank || a.id - b.id; });
    return out.slice(0, 12);
  };
  function render() {
    results.textContent = "";
    hits.forEach(function (h, i) {
      var n = byId[h.id], li = add(el("li", i === active ? "active" : ""), KG.swatch(n.type), el("span", null, n.label));
      li.id = "search-hit-" + i; li.setAttribute("role", "option"); li.setAttribute("aria-selected", i === active ? "true" : "false");
      if (h.via) li.appendChild(el("span", "via", KG.t("as") + " “" + h.via + "”"));
      li.appendChild(el("span", "via", KG.typeName(n.type) + (n.degree ? " · " + n.degree : "") + (h.remote ? " · " + KG.t("fromServer") : "")));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h.id); });
      results.appendChild(li);
    });
    results.hidden = !hits.length;
    search.setAttribute("aria-expanded", hits.length ? "true" : "false");
    if (hits.length) search.setAttribute("aria-activedescendant", "search-hit-" + active);
  }
  var asked = 0;
  function update() {
    var q = search.value, ticket = ++asked;
    hits = KG.find(q); active = 0; render();
    if (KG.remote && KG.remote.available && q.trim().length >= 2) {
      KG.remote.search(q, function (found) {  // names the page does not hold yet
        if (ticket !== asked) return;  // typed on, or already picked
        found.forEach(function (n) {
          if (!hits.some(function (h) { return h.id === n.id; })) hits.push({ id: n.id, via: null, remote: true });
        });
        hits = hits.slice(0, 15); render();
      });
    }
  }
  function pick(id) { asked++; results.hidden = true; search.setAttribute("aria-expanded", "false"); KG.selectNode(id, true); }
  search.addEventListener("input", update);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (results.hidden) { update(); return; }
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % Math.max(1, hits.length);
      render();
    } else if (ev.key === "Enter") {
      if (results.hidden || !hits.length) hits = KG.find(search.value);
      if (hits.length) pick(hits[Math.min(active, hits.length - 1)].id);
    } else if (ev.key === "Escape") { asked++; results.hidden = true; search.setAttribute("aria-expanded", "false"); }
  });
  search.addEventListener("blur", function () { results.hidden = true; });
})(window.KG = window.KG || {});
