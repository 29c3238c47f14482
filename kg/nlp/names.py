"""The name lexicon: outlets, parties, platforms, public bodies and sport organisations.

Each file under kg/data (media.txt, parties.txt, ...) holds one general class of names, one
name or spelling a line, with its label in a "# label:" header and its source in the
header comments. A line starting with "?" is a name that is also a common word ("Bild",
"Heute"): it types a candidate that the name finder found on its own, but never makes one.
Multi-word names are found with a spaCy PhraseMatcher over token text.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.nlp.spans import SpanIndex
from kg.nlp.tokens import span_text, tokens

DATA = Path(__file__).resolve().parent.parent / "data"
# earlier files win when a name is in two of them
FILES = ("parties", "platforms", "bodies", "sport", "media", "geo", "abbreviations")


@dataclass(frozen=True)
class Entry:
    label: str  # PER ORG MEDIA LOC
    source: str  # the data file's stem: "media", "parties" ...
    sure: bool  # False for "?" lines (also a common word)


def _read(stem: str) -> dict[str, Entry]:
    label, out = "ORG", {}
    for line in (DATA / f"{stem}.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("# label:"):
            label = line.split(":", 1)[1].strip()
        if not line or line.startswith("#"):
            continue
        sure = not line.startswith("?")
        name = line.lstrip("?").strip()
        out.setdefault(name, Entry(label, stem, sure))
    return out


@lru_cache(maxsize=1)
def data_hash() -> str:
    """Short hash of the lexicon files: part of the pipeline version, so that an edited list
    invalidates cached analyses (the build cache hashes kg's code, not kg/data)."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(DATA.glob("*.txt")):
        h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return h.hexdigest()[:10]


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """Name -> Entry for every lexicon name, plus the genitive -s of one-word names."""
    out: dict[str, Entry] = {}
    for stem in FILES:
        for name, entry in _read(stem).items():
            out.setdefault(name, entry)
    for name, entry in list(out.items()):
        if entry.sure and " " not in name and name[-1:].islower() and not name.endswith(("s", "x", "z", "ß")):
            out.setdefault(name + "s", entry)  # "des Kuriers", "beim Presserats"
    return out


def lookup(text: str) -> Entry | None:
    return entries().get(text)


def sure_name(text: str) -> bool:
    """A lexicon name that is never a common word: it makes a candidate on its own."""
    e = entries().get(text)
    return e is not None and e.sure


_MATCHERS: dict[int, object] = {}


def _matcher(doc):
    """One PhraseMatcher per vocabulary, its patterns split by the language's own tokenizer
    so that lexicon names are tokenized the way article text is."""
    key = id(doc.vocab)
    if key not in _MATCHERS:
        import spacy
        from spacy.matcher import PhraseMatcher

        make_doc = spacy.blank(doc.lang_ or "de", vocab=doc.vocab).tokenizer
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        for name in sorted(entries()):
            matcher.add(name, [make_doc(name)])  # the key is the name: "Yahoo!" matches "Yahoo !" too
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def find(doc) -> list[tuple[int, int, Entry]]:
    """Lexicon names in ``doc`` as token spans, the longest where they overlap."""
    from spacy.util import filter_spans

    table, strings = entries(), doc.vocab.strings
    keys, spans = {}, []
    for key, start, end in _matcher(doc)(doc):
        keys[(start, end)] = strings[key]
        spans.append(doc[start:end])
    return [(s.start, s.end, table[keys[(s.start, s.end)]]) for s in filter_spans(spans)]


TRAILING = frozenset("von vom der die das den dem des und oder , ( / &".split())


def merge(doc, candidates: list[tuple[int, int]], found: list[tuple[int, int, Entry]]) -> list[tuple[int, int]]:
    """Candidate spans with the lexicon's names laid over them.

    A sure name wins over the candidates it overlaps ("Sturm Graz" over "Graz"); a candidate
    that runs on past a name's end keeps its length ("Amnesty International Österreich"); one
    that runs into a name is cut before it ("Julia Klöckner von der CDU" -> "Julia Klöckner",
    "CDU"). A "?" name only types a candidate of exactly its extent, so it is not added here
    unless a press noun or "laut" announces it ("die Gratiszeitung Heute", kg.nlp.lexicon.press_noun).
    """
    sure = [(s, e) for s, e, entry in found if entry.sure or _announced(doc, s, e, entry)]
    if not sure:
        return candidates
    places = {(s, e) for s, e, entry in found if entry.label == "LOC"}
    index = SpanIndex(sure)
    out: list[tuple[int, int]] = []
    for a, b in candidates:
        inside = index.overlapping(a, b)
        if not inside:
            out.append((a, b))
            continue
        s, e = inside[0]
        if s == a and e < b and len(inside) == 1:
            out.append((a, b))  # the name heads a longer one: typed by its head later
        elif s > a and e == b and len(inside) == 1 and (s, e) in places:
            out.append((a, b))  # a region ends a longer name: "Freiburg im Breisgau", "Eurospeedway Lausitz"
        elif s > a:
            k = s
            while k > a and tokens(doc)[k - 1].text in TRAILING:
                k -= 1
            if k > a:
                out.append((a, k))
    taken = {i for a, b in out for i in range(a, b)}
    out.extend((s, e) for s, e in sure if not taken.intersection(range(s, e)))
    return sorted(set(out))


def _announced(doc, start: int, end: int, entry: Entry) -> bool:
    """A "?" outlet name ("Heute") is a name after a press noun ("die Gratiszeitung Heute") or
    quoted after "laut" or a report verb."""
    from kg.nlp import lexicon as lx

    return entry.label == "MEDIA" and (start > 0 and lx.press_noun(tokens(doc)[start - 1].text)
                                       or lx.quoted_report(doc, start, end))


def _get(doc, start: int, end: int) -> Entry | None:
    """The entry of doc[start:end] as written, or with the spaces between its tokens left out
    (tokenized text such as "Yahoo !" for "Yahoo!")."""
    table, toks = entries(), tokens(doc)
    return table.get(span_text(toks, start, end)) or (
        table.get("".join(t.text for t in toks[start:end])) if end - start > 1 else None)


def head_entry(doc, start: int, end: int) -> Entry | None:
    """The lexicon entry of the name doc[start:end], or of a sure lexicon name it opens with
    ("Amnesty International Österreich")."""
    hit = _get(doc, start, end)
    if hit is not None:
        return hit
    for k in range(end - 1, start, -1):
        hit = _get(doc, start, k)
        if hit is not None and hit.sure and hit.label != "LOC":  # "Donau Versicherung" is no river
            return hit
    return None
