// kg explorer: when the page is served by `kg serve`, names, neighbours, evidence and articles come
// from the store on demand (JSON API under /api/; a page opened from a file never makes a request).
(function (KG) {
  "use strict";
  var R = KG.remote = { available: false };
  if (!/^https?:$/.test(location.protocol)) return;

  function get(path, params, done) {
    var q = new URLSearchParams(params).toString();
    fetch(path + "?" + q, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (body) { return r.ok ? body : Promise.reject(body.error || r.status); }); })
      .then(done, function (err) { KG.status(KG.t("serverError") + ": " + err); });
  }
  function node(rec) {  // a node the page does not hold yet, in the payload's shape
    if (KG.byIri[rec.iri]) return KG.byIri[rec.iri];
    var n = { id: KG.nextId++, iri: rec.iri, label: rec.label || rec.iri, type: rec.type || "Other", kind: "entity",
      aliases: rec.aliases || [], aliasInfo: [], articles: rec.articles || [], degree: rec.degree || 0, size: 14,
      facts: [], claims: [], evidence: [], remote: true };
    KG.addRemote([n], []);
    return n;
  }
  R.search = function (q, done) {
    get("/api/search", { q: q, limit: 10 }, function (body) { done(body.results.map(node)); });
  };
  R.neighbours = function (n, done) {
    get("/api/neighbours", { iri: n.iri, limit: 100 }, function (body) {
      var added = [];
      Object.keys(body.articles || {}).forEach(function (a) { KG.DATA.articles[a] = KG.DATA.articles[a] || body.articles[a]; });
      if (n.remote && !n.articles.length && body.node.articles) n.articles = body.node.articles;  // a search hit learns its articles
      body.nodes.forEach(node);
      body.edges.forEach(function (rec) {
        var s = KG.byIri[rec.source], o = KG.byIri[rec.target];
        if (!s || !o) return;
        var known = KG.nodeEdges[s.id].some(function (e) { return e.to === o.id && e.predicate === rec.predicate; });
        if (known) return;
        added.push({ id: KG.nextId++, from: s.id, to: o.id, predicate: rec.predicate, predicateIri: rec.predicateIri,
          confidence: null, articles: [], part: false, onPath: false, evidence: [], evidenceCount: rec.evidence, remote: true });
        s.degree++; o.degree++;
      });
      KG.addRemote([], added);
      done();
    });
  };
  R.evidence = function (e, done) {
    get("/api/evidence", { subject: KG.byId[e.from].iri, predicate: e.predicateIri, object: KG.byId[e.to].iri }, function (body) {
      Object.keys(body.articles).forEach(function (a) { KG.DATA.articles[a] = KG.DATA.articles[a] || body.articles[a]; });
      e.evidence = body.evidence; e.loaded = true;
      e.articles = Object.keys(body.articles).sort();
      done();
    });
  };
  R.open = function (iri) {  // fetch a node and its neighbours, then select it
    get("/api/neighbours", { iri: iri, limit: 1 }, function (body) { KG.expand(node(body.node).id); });
  };
  R.article = function (aid, done) {
    get("/api/article", { id: aid }, function (body) { KG.DATA.articles[aid] = body; done(); });
  };
  R.check = function () {
    get("/api/status", {}, function (body) {
      if (!body || !body.api) return;
      R.available = true;
      document.getElementById("query-link").hidden = false;
      var wanted = new URLSearchParams(location.hash.slice(1)).get("node");
      if (wanted && !KG.byIri[wanted]) R.open(wanted);  // a link from /query to a node this page does not hold
    });
  };
})(window.KG = window.KG || {});
