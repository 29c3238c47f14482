// kg explorer: interface text in English and German, and relation names as words.
(function (KG) {
  "use strict";
  var TEXT = {
    en: {
      search: "Find an entity by name or alias…", types: "Entity types", relations: "Relations", source: "Source",
      allSources: "All articles and outlets", outlets: "Outlets", articles: "Articles", articleCount: "articles", filterSources: "Filter sources by title, date, outlet…",
      dates: "Dates", from: "from", to: "to", minConf: "Minimum confidence", hideIsolated: "Hide names without relations",
      fit: "Fit", fitTip: "Fit the drawing to the screen", showAll: "Show all", showOverview: "Most connected",
      scopeTip: "The page opened on the most connected entities; show every node, or go back",
      edges: "Edge styles", edgeRel: "relation (thicker: more source sentences)", edgePart: "part of an event or quote",
      edgePath: "selected, or on a connection path", marks: "Highlights", markSubject: "subject", markObject: "object",
      markTrigger: "words the statement was read from", markHedge: "hedge (“soll”, “angeblich”)",
      nothing: "Nothing selected. Click a node or an edge, or search for a name, to see who says what and in which sentence.",
      hint: "Click a node or an edge to see who says what, in which sentence of which article. Double-click a node to show its neighbours.",
      empty: "The graph is empty: the build found no entities.", evidence: "Evidence", sources: "Sources",
      noSentence: "No source sentence recorded for this link.", filtered: "filtered by", showUnfiltered: "show all sentences",
      of: "of", sentences: "sentences", expand: "Show neighbours", expanded: "neighbours shown",
      read: "read", readArticle: "Read the article", mentionedIn: "Mentioned in", also: "also", quote: "Quote", parts: "Parts",
      facts: "Facts", claims: "Claims by source", disagree: "Sources disagree on", merged: "How the names were merged",
      quoted: "Quoted", openArticle: "open original", back: "back", confidence: "confidence", article: "article",
      sentence: "sentence", hedged: "hedged", accordingTo: "according to", relation: "relation", partOf: "part of",
      nodes: "nodes", edgesWord: "edges", entities: "entities", events: "events", quotes: "quotes", links: "event/quote links",
      showing: "Showing", loading: "loading…", serverError: "the server did not answer",
      export: "Export", exportPng: "Picture (PNG)", exportCsv: "Visible edges (CSV)", exportGraphml: "Visible subgraph (GraphML)",
      queryPage: "Query page", connections: "connections", noText: "The text of this article is not in the graph (rebuild to add it).",
      fromServer: "from the server", statsTip: "Entities are the people, organisations, outlets, places and accounts the build counts; events and quotes are drawn as extra nodes. Relations are the build's relations; event/quote links join an event or quote to its parts.",
      languageTip: "Sprache: Deutsch", language: "DE"
    },
    de: {
      search: "Name oder Alias suchen…", types: "Typen", relations: "Beziehungen", source: "Quelle",
      allSources: "Alle Artikel und Medien", outlets: "Medien", articles: "Artikel", articleCount: "Artikel", filterSources: "Quellen nach Titel, Datum, Medium filtern…",
      dates: "Zeitraum", from: "von", to: "bis", minConf: "Mindest-Konfidenz", hideIsolated: "Namen ohne Beziehung ausblenden",
      fit: "Einpassen", fitTip: "Zeichnung an den Bildschirm anpassen", showAll: "Alles zeigen", showOverview: "Am stärksten vernetzt",
      scopeTip: "Die Seite zeigt zuerst die am stärksten vernetzten Einträge; alles zeigen oder zurück",
      edges: "Kanten", edgeRel: "Beziehung (dicker: mehr Belegsätze)", edgePart: "Teil eines Ereignisses oder Zitats",
      edgePath: "ausgewählt oder auf einem Verbindungsweg", marks: "Markierungen", markSubject: "Subjekt", markObject: "Objekt",
      markTrigger: "Wörter, aus denen die Aussage gelesen wurde", markHedge: "Einschränkung („soll“, „angeblich“)",
      nothing: "Nichts ausgewählt. Knoten oder Kante anklicken oder einen Namen suchen: wer sagt was, in welchem Satz.",
      hint: "Knoten oder Kante anklicken: wer sagt was, in welchem Satz welches Artikels. Doppelklick auf einen Knoten zeigt seine Nachbarn.",
      empty: "Der Graph ist leer: der Build hat keine Einträge gefunden.", evidence: "Belege", sources: "Quellen",
      noSentence: "Für diese Verbindung ist kein Belegsatz gespeichert.", filtered: "gefiltert nach", showUnfiltered: "alle Sätze zeigen",
      of: "von", sentences: "Sätze", expand: "Nachbarn zeigen", expanded: "Nachbarn gezeigt",
      read: "lesen", readArticle: "Artikel lesen", mentionedIn: "Erwähnt in", also: "auch", quote: "Zitat", parts: "Teile",
      facts: "Fakten", claims: "Angaben nach Quelle", disagree: "Quellen widersprechen sich bei", merged: "Wie die Namen zusammengeführt wurden",
      quoted: "Zitiert", openArticle: "Original öffnen", back: "zurück", confidence: "Konfidenz", article: "Artikel",
      sentence: "Satz", hedged: "eingeschränkt", accordingTo: "laut", relation: "Beziehung", partOf: "Teil von",
      nodes: "Knoten", edgesWord: "Kanten", entities: "Einträge", events: "Ereignisse", quotes: "Zitate", links: "Ereignis-/Zitat-Verbindungen",
      showing: "Zu sehen", loading: "lädt…", serverError: "der Server hat nicht geantwortet",
      export: "Export", exportPng: "Bild (PNG)", exportCsv: "Sichtbare Kanten (CSV)", exportGraphml: "Sichtbarer Teilgraph (GraphML)",
      queryPage: "Abfrageseite", connections: "Verbindungen", noText: "Der Text dieses Artikels ist nicht im Graphen (neu bauen, um ihn aufzunehmen).",
      fromServer: "vom Server", statsTip: "Einträge sind die Personen, Organisationen, Medien, Orte und Konten, die der Build zählt; Ereignisse und Zitate sind zusätzliche Knoten. Beziehungen sind die des Builds; Ereignis-/Zitat-Verbindungen verbinden ein Ereignis oder Zitat mit seinen Teilen.",
      languageTip: "Language: English", language: "EN"
    }
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
  KG.lang = /^de\b/i.test(navigator.language || "") ? "de" : "en";
  KG.t = function (key) { return (TEXT[KG.lang] || TEXT.en)[key] || TEXT.en[key] || key; };
  KG.word = function (pred) {
    var w = WORDS[pred];
    return w ? w[KG.lang === "de" ? 1 : 0] : pred;
  };
  KG.typeName = function (type) { return KG.lang === "de" ? TYPES[type] || type : type; };
  KG.setLang = function (lang) { if (TEXT[lang]) KG.lang = lang; };
})(window.KG = window.KG || {});
