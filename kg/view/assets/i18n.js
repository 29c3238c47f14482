// kg explorer: interface text in English and German, and relation names as words.
(function (KG) {
  "use strict";
  // key: [English, German]
  var TEXT = {
    noSentenceText: ["(no sentence recorded)", "(kein Satz gespeichert)"],
    pathsNote: ["Shortest connections: {n}, of {steps} steps each. Click a relation to read its evidence.",
      "Kürzeste Verbindungen: {n}, mit je {steps} Schritten. Eine Beziehung anklicken, um ihre Belege zu lesen."],
    connection: ["Connection", "Verbindung"],
    as: ["as", "als"],
    search: ["Find an entity by name or alias…", "Name oder Alias suchen…"],
    types: ["Entity types", "Typen"],
    relations: ["Relations", "Beziehungen"],
    source: ["Source", "Quelle"],
    allSources: ["All articles and outlets", "Alle Artikel und Medien"],
    outlets: ["Outlets", "Medien"],
    categories: ["Categories", "Ressorts"],
    articles: ["Articles", "Artikel"],
    articleCount: ["articles", "Artikel"],
    filterSources: ["Filter sources by title, date, outlet…", "Quellen nach Titel, Datum, Medium filtern…"],
    dates: ["Dates", "Zeitraum"],
    from: ["from", "von"],
    to: ["to", "bis"],
    minConf: ["Minimum confidence", "Mindest-Konfidenz"],
    hideIsolated: ["Hide names without relations", "Namen ohne Beziehung ausblenden"],
    fit: ["Fit", "Einpassen"],
    fitTip: ["Fit the drawing to the screen", "Zeichnung an den Bildschirm anpassen"],
    showAll: ["Show all", "Alles zeigen"],
    showOverview: ["Most connected", "Am stärksten vernetzt"],
    scopeTip: ["The page opened on the most connected entities; show every node, or go back", "Die Seite zeigt zuerst die am stärksten vernetzten Einträge; alles zeigen oder zurück"],
    edges: ["Edge styles", "Kanten"],
    edgeRel: ["relation (thicker: more source sentences)", "Beziehung (dicker: mehr Belegsätze)"],
    edgePart: ["part of an event or quote", "Teil eines Ereignisses oder Zitats"],
    edgePath: ["selected, or on a connection path", "ausgewählt oder auf einem Verbindungsweg"],
    marks: ["Highlights", "Markierungen"],
    markSubject: ["subject", "Subjekt"],
    markObject: ["object", "Objekt"],
    markTrigger: ["words the statement was read from", "Wörter, aus denen die Aussage gelesen wurde"],
    markHedge: ["hedge (“soll”, “angeblich”)", "Einschränkung („soll“, „angeblich“)"],
    nothing: ["Nothing selected. Click a node or an edge, or search for a name, to see who says what and in which sentence.", "Nichts ausgewählt. Knoten oder Kante anklicken oder einen Namen suchen: wer sagt was, in welchem Satz."],
    hint: ["Click a node or an edge to see who says what, in which sentence of which article. Double-click a node to show its neighbours.", "Knoten oder Kante anklicken: wer sagt was, in welchem Satz welches Artikels. Doppelklick auf einen Knoten zeigt seine Nachbarn."],
    empty: ["The graph is empty: the build found no entities.", "Der Graph ist leer: der Build hat keine Einträge gefunden."],
    evidence: ["Evidence", "Belege"],
    sources: ["Sources", "Quellen"],
    noSentence: ["No source sentence recorded for this link.", "Für diese Verbindung ist kein Belegsatz gespeichert."],
    filtered: ["filtered by", "gefiltert nach"],
    showUnfiltered: ["show all sentences", "alle Sätze zeigen"],
    of: ["of", "von"],
    sentences: ["sentences", "Sätze"],
    expand: ["Show neighbours", "Nachbarn zeigen"],
    expanded: ["neighbours shown", "Nachbarn gezeigt"],
    read: ["read", "lesen"],
    readArticle: ["Read the article", "Artikel lesen"],
    mentionedIn: ["Mentioned in", "Erwähnt in"],
    also: ["also", "auch"],
    quote: ["Quote", "Zitat"],
    parts: ["Parts", "Teile"],
    facts: ["Facts", "Fakten"],
    claims: ["Claims by source", "Angaben nach Quelle"],
    disagree: ["Sources disagree on", "Quellen widersprechen sich bei"],
    merged: ["How the names were merged", "Wie die Namen zusammengeführt wurden"],
    quoted: ["Quoted", "Zitiert"],
    openArticle: ["open original", "Original öffnen"],
    back: ["back", "zurück"],
    confidence: ["confidence", "Konfidenz"],
    article: ["article", "Artikel"],
    sentence: ["sentence", "Satz"],
    hedged: ["hedged", "eingeschränkt"],
    accordingTo: ["according to", "laut"],
    relation: ["relation", "Beziehung"],
    partOf: ["part of", "Teil von"],
    nodes: ["nodes", "Knoten"],
    edgesWord: ["edges", "Kanten"],
    entities: ["entities", "Einträge"],
    events: ["events", "Ereignisse"],
    quotes: ["quotes", "Zitate"],
    links: ["event/quote links", "Ereignis-/Zitat-Verbindungen"],
    showing: ["Showing", "Zu sehen"],
    loading: ["loading…", "lädt…"],
    serverError: ["the server did not answer", "der Server hat nicht geantwortet"],
    export: ["Export", "Export"],
    exportPng: ["Picture (PNG)", "Bild (PNG)"],
    exportCsv: ["Visible edges (CSV)", "Sichtbare Kanten (CSV)"],
    exportGraphml: ["Visible subgraph (GraphML)", "Sichtbarer Teilgraph (GraphML)"],
    queryPage: ["Query page", "Abfrageseite"],
    connections: ["connections", "Verbindungen"],
    noText: ["The text of this article is not in the graph (rebuild to add it).", "Der Text dieses Artikels ist nicht im Graphen (neu bauen, um ihn aufzunehmen)."],
    fromServer: ["from the server", "vom Server"],
    statsTip: ["Entities are the people, organisations, outlets, places and accounts the build counts; events and quotes are drawn as extra nodes. Relations are the build's relations; event/quote links join an event or quote to its parts.", "Einträge sind die Personen, Organisationen, Medien, Orte und Konten, die der Build zählt; Ereignisse und Zitate sind zusätzliche Knoten. Beziehungen sind die des Builds; Ereignis-/Zitat-Verbindungen verbinden ein Ereignis oder Zitat mit seinen Teilen."],
    languageTip: ["Sprache: Deutsch", "Language: English"],
    language: ["DE", "EN"]
  };
  // relation names as words, both languages (unknown predicates keep their name)
  var WORDS = {
    employedBy: ["employed by", "arbeitet für"], reportedBy: ["reported by", "berichtet von"],
    deactivated: ["deactivated", "deaktivierte"], accountOf: ["account of", "Konto von"],
    onPlatform: ["on platform", "auf Plattform"], flaggedBy: ["flagged by", "markiert von"],
    nationality: ["nationality", "Staatsangehörigkeit"], said: ["said", "sagte"], locatedIn: ["located in", "liegt in"],
    agent: ["done by", "ausgeführt von"], account: ["account", "Konto"], accountOwner: ["account owner", "Kontoinhaber"],
    platform: ["platform", "Plattform"], speaker: ["speaker", "Sprecher"], spokenTo: ["said to", "gesagt zu"],
    memberOf: ["member of", "Mitglied von"], followerCount: ["followers", "Follower"]
  };
  var TYPES = {
    Person: "Person", Organization: "Organisation", MediaOrganization: "Medium", Location: "Ort", Account: "Konto",
    Event: "Ereignis", Quote: "Zitat", Agent: "Unbekannt"
  };
  var EVENTS = { Deactivation: "Deaktivierung", Suspension: "Sperrung", Deletion: "Löschung",
    Restoration: "Wiederherstellung", Block: "Blockierung" };
  Object.keys(EVENTS).forEach(function (k) { TYPES[k] = EVENTS[k]; });
  KG.relabelEvents = function () {  // "Deactivation: @konto" reads "Deaktivierung: @konto" in German
    (KG.DATA ? KG.DATA.nodes : []).forEach(function (n) {
      if (!EVENTS[n.kind]) return;
      if (n.labelEn === undefined) n.labelEn = n.label;
      if (n.labelEn.indexOf(n.kind) === 0) n.label = (KG.lang === "de" ? EVENTS[n.kind] : n.kind) + n.labelEn.slice(n.kind.length);
    });
  };
  KG.lang = /^de\b/i.test(navigator.language || "") ? "de" : "en";
  KG.t = function (key) { var t = TEXT[key]; return t ? t[KG.lang === "de" ? 1 : 0] : key; };
  KG.word = function (pred) {
    var w = WORDS[pred];
    return w ? w[KG.lang === "de" ? 1 : 0] : pred;
  };
  KG.typeName = function (type) { return KG.lang === "de" ? TYPES[type] || type : type; };
  KG.setLang = function (lang) { if (lang === "de" || lang === "en") KG.lang = lang; KG.relabelEvents(); };
})(window.KG = window.KG || {});
