"""The explorer API's name index: labels, aliases, types and degrees of every node, searched in memory.

For a build folder it is read straight from graph.trig in one streaming pass
(no store, no SPARQL: 100,000 entities in seconds), in the background from
server start; for an Oxigraph server (--store) through the worker pool with the
stored api-*.rq queries. Kept until graph.trig changes (or, for an Oxigraph
server, for a minute). Search is prefix first, then fuzzy (rapidfuzz), over
labels and aliases.
"""
from __future__ import annotations

import bisect
import heapq
import itertools
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from kg import vocab
from kg.errors import KgError
from kg.view.evidence import article_id, local_name, outlet_of

RDF_TYPE = vocab.PREFIXES["rdf"] + "type"
LABELS = (vocab.PREFIXES["skos"] + "prefLabel", vocab.PREFIXES["rdfs"] + "label")
ALIAS = vocab.PREFIXES["skos"] + "altLabel"
MENTIONED = vocab.KG + "mentionedIn"
TYPE_ORDER = ("MediaOrganization", "Account", "Person", "Organization", "Location")
BOOKKEEPING = {"Article", "AliasAssignment", "Evidence", "Quote", "CurationDecision"}
LINK_SKIP = {vocab.KG + n for n in ("alias", "article", "evidence", "mentionedIn", "assertedBy")}
ARTICLE_FIELDS = {vocab.PREFIXES["dcterms"] + "title": "title", vocab.PREFIXES["dcterms"] + "date": "date",
                  vocab.PREFIXES["schema"] + "url": "url", vocab.PREFIXES["schema"] + "publisher": "publisher",
                  vocab.PREFIXES["schema"] + "articleSection": "category"}
WIDE = 500  # a prefix or substring with more hits than this keeps its best-connected ones
FUZZY_WIDE = 20_000  # letter groups larger than this are compared by plain edit ratio, not WRatio
INDEX_ROWS = 5_000_000  # the index is read whole, whatever --max-rows says about answers
REMOTE_TTL = 60.0


@dataclass
class Entry:
    iri: str
    label: str = ""
    type: str = ""
    aliases: list[str] = field(default_factory=list)
    degree: int = 0
    articles: list[str] = field(default_factory=list)  # ids of the articles that mention it


@dataclass
class NameIndex:
    entries: dict[str, Entry]
    keys: list[tuple[str, str, str]]  # (folded name, iri, name as written), sorted
    articles: dict[str, dict]
    words: list[tuple[str, str]] = field(default_factory=list)  # (folded word of a name, iri), sorted
    by_initial: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # letter -> (names, iris)

    def __post_init__(self):
        self.words = sorted({(w, iri) for key, iri, _ in self.keys for w in key.split()[1:]})
        for key, iri, _ in self.keys:
            names, iris = self.by_initial.setdefault(key[:1], ([], []))
            names.append(key)
            iris.append(iri)
        self._blob = "\n".join(key for key, _, _ in self.keys)  # substring search at C speed
        self._starts = list(itertools.accumulate((len(key) + 1 for key, _, _ in self.keys[:-1]), initial=0))
        self._top: dict[tuple[int, str], list] = {}  # (table, prefix) -> its best-connected rows, for wide prefixes

    def names(self, iri: str) -> list[str]:
        e = self.entries.get(iri)
        return [e.label, *e.aliases] if e else []

    def _prefixed(self, table: list, q: str) -> list:
        """Rows of a sorted table whose name starts with ``q``; for a wide prefix ("p" in 100,000 names)
        the exact matches and the WIDE best-connected rows only (remembered: ties rank by degree anyway)."""
        lo = bisect.bisect_left(table, (q,))
        hi = bisect.bisect_left(table, (q + "\U0010ffff",), lo)
        if hi - lo <= WIDE:
            return table[lo:hi]
        key = (id(table), q)
        if key not in self._top:
            if len(self._top) > 10_000:
                self._top.clear()
            degree = self.entries
            self._top[key] = heapq.nsmallest(WIDE, table[lo:hi], key=lambda row: (-degree[row[1]].degree, row[1]))
        exact = list(itertools.takewhile(lambda row: row[0] == q, table[lo:lo + WIDE]))
        return exact + self._top[key]

    def _inside(self, q: str) -> set[str]:
        """Iris of names that contain ``q`` (at most WIDE)."""
        found, at = set(), self._blob.find(q)
        while at >= 0 and len(found) < WIDE:
            found.add(self.keys[bisect.bisect_right(self._starts, at) - 1][1])
            at = self._blob.find(q, at + 1)
        return found

    def _sharing_a_word(self, q: str) -> tuple[list[str], list[str]] | None:
        """(folded names, iris) of names with a word starting like one of q's words (3+ letters)."""
        iris = {row[1] for w in q.split() if len(w) >= 3 for table in (self.keys, self.words)
                for row in self._prefixed(table, w)}
        pairs = sorted((fold(name), iri) for iri in iris for name in self.names(iri))
        return ([n for n, _ in pairs], [i for _, i in pairs]) if pairs else None

    def search(self, text: str, limit: int) -> list[dict]:
        """Best matches for ``text``: exact, prefix, word prefix, substring, then fuzzy; ties by degree."""
        from rapidfuzz import fuzz, process

        q = fold(text)
        best: dict[str, float] = {}

        def offer(iri: str, score: float) -> None:
            if score > best.get(iri, -1.0):
                best[iri] = score
        # prefixes of whole names and of their words: two binary searches in sorted lists
        for table, score in ((self.keys, 0.95), (self.words, 0.9)):
            for row in self._prefixed(table, q):
                offer(row[1], 1.0 if row[0] == q and table is self.keys else score)
        if len(best) < limit and len(q) >= 3 and "\n" not in q:  # inside a name ("account von")
            for iri in self._inside(q):
                offer(iri, 0.85)
        if len(best) < limit and len(q) >= 3:  # typos: names starting with the same letter
            group = self.by_initial.get(q[:1], ([], []))
            scorer = fuzz.WRatio
            if len(group[0]) > FUZZY_WIDE:  # a big graph: names sharing a word with q, by plain edit ratio
                scorer, group = fuzz.ratio, self._sharing_a_word(q) or group
            for _, score, i in process.extract(q, group[0], scorer=scorer, processor=None,
                                               limit=limit * 3, score_cutoff=75):
                offer(group[1][i], round(0.8 * score / 100, 3))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], -self.entries[kv[0]].degree, kv[0]))[:limit]
        return [{"iri": iri, "label": self.entries[iri].label, "type": self.entries[iri].type, "score": score,
                 "degree": self.entries[iri].degree} for iri, score in ranked]


def fold(text: str) -> str:
    import unicodedata

    if text.isascii():  # most names: nothing to strip
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFD", text.casefold().strip())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def build_index(name_rows, link_rows, article_rows) -> NameIndex:  # noqa: C901
    """The index from the rows of api-names.rq, api-links.rq and api-articles.rq (plain Python values)."""
    entries: dict[str, Entry] = {}
    bookkeeping = set()
    kinds: dict[str, str] = {}  # type IRI -> local name (a few distinct values, many rows)
    for row in name_rows:
        iri, p, v = row["entity"], row["p"], str(row["v"])
        e = entries.get(iri) or entries.setdefault(iri, Entry(iri))
        if p == RDF_TYPE:
            kind = kinds.get(v) or kinds.setdefault(v, local_name(v))
            if kind in BOOKKEEPING:
                bookkeeping.add(iri)
            if not v.startswith(vocab.KG) or kind in BOOKKEEPING:
                continue
            if not e.type or _rank(kind) < _rank(e.type):
                e.type = kind
        elif p in LABELS:
            if not e.label or p == LABELS[0]:
                e.label = v
        elif p == MENTIONED:
            e.articles.append(article_id(v))
        elif v not in e.aliases:
            e.aliases.append(v)
    entries = {k: e for k, e in entries.items() if k not in bookkeeping and e.type and (e.label or e.aliases)}
    for e in entries.values():
        e.label = e.label or e.aliases[0]
        e.aliases = sorted(a for a in e.aliases if a != e.label)
        e.articles = sorted(set(e.articles))
    for row in link_rows:
        for end in (row["s"], row["o"]):
            if end in entries:
                entries[end].degree += 1
    keys = sorted({(fold(name), e.iri, name) for e in entries.values() for name in (e.label, *e.aliases) if name})
    articles: dict[str, dict] = {}
    for row in article_rows:
        aid = article_id(row["article"])
        rec = articles.setdefault(aid, {"id": aid})
        for key in ("title", "date", "url", "publisher", "category"):
            if row.get(key) is not None and rec.get(key) is None:
                rec[key] = str(row[key])
    for rec in articles.values():
        rec["outlet"] = outlet_of(rec.get("publisher"), rec.get("url"))
    return NameIndex(entries, keys, articles)


def read_index_file(path: Path) -> NameIndex:
    """The index from a build's graph.trig, parsed as a stream: the rows api-names.rq, api-links.rq and
    api-articles.rq would give, without loading a store or serialising answers. Each predicate is
    classified once (a dict keyed by the pyoxigraph term), so the many evidence quads cost a look-up."""
    import pyoxigraph as ox

    names, links, articles, typed = [], set(), {}, set()
    kinds: dict = {}  # predicate term -> what it feeds: "name", "link", an article field, or None
    article_type = ox.NamedNode(vocab.KG + "Article")
    entities_graph = ox.NamedNode(vocab.ENTITIES_GRAPH)
    named = ox.NamedNode
    try:
        for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG):
            pred = q.predicate
            kind = kinds.get(pred, "")
            if kind == "":
                kind = kinds[pred] = _predicate_kind(pred.value)
            if kind is None:
                continue
            s, o = q.subject, q.object
            if type(s) is not named:
                continue
            if kind == "link":
                if type(o) is named:
                    links.add((s.value, o.value))
            elif kind in ("name", "type"):
                if kind == "type" and o == article_type:
                    typed.add(s.value)
                if q.graph_name == entities_graph:
                    names.append({"entity": s.value, "p": pred.value, "v": o.value})
            else:
                articles.setdefault(s.value, {"article": s.value}).setdefault(kind, o.value)
    except (SyntaxError, OSError) as exc:
        raise KgError(f"{path}: cannot read the names for search ({exc})") from None
    return build_index(names, ({"s": s, "o": o} for s, o in sorted(links)),
                       [{"article": iri, **articles.get(iri, {})} for iri in sorted(typed)])


def _predicate_kind(p: str) -> str | None:
    if p == RDF_TYPE:
        return "type"
    if p in LABELS or p in (ALIAS, MENTIONED):
        return "name"
    if p in ARTICLE_FIELDS:
        return ARTICLE_FIELDS[p]
    if p.startswith(vocab.KG) and p not in LINK_SKIP:
        return "link"
    return None


def _rank(kind: str) -> int:
    return TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER)


class IndexCache:
    """One index per graph version; concurrent first requests wait for one load."""

    def __init__(self, out_dir: Path | None, remote: bool):
        self.out_dir, self.remote = out_dir, remote
        self._lock = threading.Lock()
        self._index: NameIndex | None = None
        self._stamp: object = None

    def _current_stamp(self):
        if self.remote or self.out_dir is None:
            return int(time.monotonic() // REMOTE_TTL)
        try:
            st = (Path(self.out_dir) / "graph.trig").stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def loading(self) -> bool:
        return self._lock.locked()

    def ready(self) -> NameIndex | None:
        """The index if it is loaded and current, without waiting for a load."""
        if self._lock.locked() or self._index is None or self._current_stamp() != self._stamp:
            return None
        return self._index

    def get(self, load) -> NameIndex:
        """The index, loading it with ``load()`` (-> NameIndex) when the graph changed."""
        stamp = self._current_stamp()
        with self._lock:
            if self._index is None or stamp != self._stamp:
                self._index, self._stamp = load(), stamp
            return self._index
