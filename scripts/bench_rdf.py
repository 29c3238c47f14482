"""Speed of the RDF layer on a synthetic build: serialise, load into Oxigraph, query, validate.

Usage: python3 scripts/bench_rdf.py [ARTICLES] [VALIDATE_ARTICLES]
Prints figures; asserts nothing (tests check behaviour, this checks speed).
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from kg.records import Alias, Document, Edge, Entity, Event, Evidence, Fact, KnowledgeGraph, Said

PREDICATES = (("employedBy", "org"), ("reportedBy", "media"), ("nationality", "loc"), ("locatedIn", "loc"))


def synthetic_kg(n_articles: int, seed: int = 7) -> KnowledgeGraph:
    """A KnowledgeGraph shaped like a real build: ~12 statements per article."""
    rng = random.Random(seed)
    pools = {"person": 3 * n_articles, "org": n_articles // 2 + 5, "media": 50, "loc": 200, "account": n_articles // 4 + 5}
    types = {"person": "Person", "org": "Organization", "media": "MediaOrganization", "loc": "Location",
             "account": "Account"}
    docs, edges, events, facts, quotes = [], [], [], [], []
    mentioned: dict[str, set[str]] = {}
    for a in range(n_articles):
        doc = f"{a:04d}_{rng.getrandbits(40):010x}"
        sentences = [f"Satz {i} von Artikel {a}: Jemand sagte \"etwas\" über Firma {rng.randint(0, 99)}." for i in range(20)]
        docs.append(Document(doc, " ".join(sentences), f"corpus/{doc}.txt", f"{rng.getrandbits(256):064x}",
                             title=f"Titel {a}", date="2021-03-0" + str(1 + a % 9)))

        def ev(extractor: str) -> Evidence:
            i = rng.randrange(len(sentences))
            return Evidence(doc, i, sentences[i], i * 70, i * 70 + 60, extractor, round(rng.random(), 2))

        def pick(kind: str) -> str:
            key = f"{kind}/{kind}-{rng.randrange(pools[kind])}"
            mentioned.setdefault(key, set()).add(doc)
            return key

        for _ in range(8):
            pred, kind = rng.choice(PREDICATES)
            edges.append(Edge(pick("person"), pred, pick(kind), (ev(f"{pred}/1"),), (("role", "Sprecher"),)))
        account = pick("account")
        events.append(Event(f"Deactivation|{account}", "Deactivation", (ev("deactivation/1"),),
                            account=account, agent=pick("person"), date="2021-03-04", date_text="am 4. März", duration="PT11M",
                            duration_text="elf Minuten"))
        facts.append(Fact(pick("person"), "followerCount", str(rng.randrange(10**6)), "viele", (ev("facts/1"),)))
        quotes.append(Said(pick("person"), f"Zitat {a}", ev("quotes/1"), pick("media")))
    entities = []
    for key in sorted(mentioned):
        if key.startswith("account/"):  # an owner for every account
            mentioned.setdefault(f"person/person-{int(key.rsplit('-', 1)[1]) % pools['person']}", set()).update(mentioned[key])
    for key in sorted(mentioned):
        kind = key.split("/")[0]
        label = key.split("/")[1].replace("-", " ").title()
        attrs = (("owner", f"person/person-{int(key.rsplit('-', 1)[1]) % pools['person']}"),) if kind == "account" else ()
        entities.append(Entity(key, types[kind], label, (Alias(label.split()[0], "partial", 1.0, tuple(sorted(mentioned[key]))[:3]),),
                               tuple(sorted(mentioned[key])), attributes=attrs))
    return KnowledgeGraph(tuple(docs), tuple(entities), tuple(edges), tuple(events), tuple(facts), tuple(quotes))


def main() -> None:
    from kg.rdf import serialize_trig, validate
    from kg.store import load_query_file, open_store, run_query

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    n_val = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    kg = synthetic_kg(n)
    t0 = time.perf_counter()
    data = serialize_trig(kg)
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        (out / "graph.trig").write_bytes(data)
        t2 = time.perf_counter()
        store = open_store(out)
        t3 = time.perf_counter()
        quads = len(store)
        q = load_query_file("employers")
        t4 = time.perf_counter()
        _, rows = run_query(store, q, {"person_label": "Person 17"})
        t5 = time.perf_counter()
        print(f"{n} articles: {quads} quads, {len(data) / 1e6:.1f} MB TriG")
        print(f"serialise {t1 - t0:.2f}s  open_store {t3 - t2:.2f}s  employers query {t5 - t4:.3f}s ({len(rows)} rows)")
        if n_val:
            (out / "graph.trig").write_bytes(serialize_trig(synthetic_kg(n_val)))
            t6 = time.perf_counter()
            report = validate(out)
            t7 = time.perf_counter()
            print(f"SHACL validate {n_val} articles ({report.triples} triples): {t7 - t6:.2f}s, conforms={report.conforms}")


if __name__ == "__main__":
    main()
