#!/usr/bin/env python3
"""Store benchmark: a news-shaped graph of ~1 M quads, then latency of the reference queries.

Generates a synthetic build (invented names; entities graph plus one named graph
per article with kg:Evidence nodes, events and quotes, as in docs/DESIGN.md),
loads it with kg.store.open_store, and prints p50/p95/p99 latencies of
ontology/queries/*.rq with a bound label (as users run them) through the
embedded store and through `kg serve`'s SPARQL endpoint, then a concurrency
run (N clients for S seconds against the endpoint).

    python3 scripts/bench_store.py                 # 1 M quads, 30 runs per query
    python3 scripts/bench_store.py --quads 100000 --runs 10 --clients 10 --seconds 3
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

KG = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
GRAPH = "https://w3id.org/kg-news/graph/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"

FIRST = ["Anka", "Bero", "Celin", "Dorle", "Emrik", "Fenja", "Gero", "Hilke", "Ivo", "Jorun", "Kasimir", "Lenja",
         "Malte", "Nele", "Okko", "Pina", "Quirin", "Rieke", "Sönke", "Tjark", "Ulla", "Veit", "Wiebke", "Xaver"]
SYL = ["ber", "dal", "fen", "gor", "hal", "kes", "lin", "mor", "nat", "pel", "ros", "sten", "tal", "wen", "zor", "vik"]
ROLES = ["Sprecher", "Mitarbeiterin", "Auftragnehmer", "Redakteurin", "Leiter", "Praktikant"]
# (query file, bound variable, entity pool); the first two are the point look-ups
QUERIES = [("entity-by-label", "label", "any"), ("entity-relations", "label", "any"),
           ("employers", "person_label", "person"), ("reported-by", "subject_label", "person"),
           ("who-deactivated", "owner_label", "owner"), ("offline-duration", "owner_label", "owner"),
           ("disagreements", "subject_label", "owner"), ("evidence", "subject_label", "person")]


def query_text(name: str) -> str:
    """A reference query from ontology/queries."""
    from kg.store import load_query_file

    return load_query_file(name)


def iri(kind: str, i: int) -> str:
    return f"<{ID}{kind}/{kind[0]}{i}>"


def word(i: int) -> str:
    """A unique invented word for index i ("Berdalfen")."""
    parts = [SYL[i % len(SYL)]]
    i //= len(SYL)
    while True:
        parts.append(SYL[i % len(SYL)])
        i //= len(SYL)
        if not i:
            return "".join(parts).capitalize()


def name(i: int) -> str:
    """A unique invented person name; surnames are shared as in life ("Hilke Berdal")."""
    return f"{FIRST[i % len(FIRST)]} {word(i // len(FIRST))}"


def lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def keys(*names: str) -> str:
    """The kg:nameKey statements the writer adds for an entity's label and aliases."""
    from kg.rdf.terms import name_key

    return "".join(f" ; <{KG}nameKey> {lit(k)}" for k in sorted({name_key(n) for n in names}))


def generate(folder: Path, quads: int, seed: int = 7) -> dict[str, list[str]]:  # noqa: C901
    """Write folder/graph.trig (about ``quads`` quads); return entity labels by pool."""
    rng = random.Random(seed)
    articles = max(10, quads // 87)
    n_person, n_org, n_media, n_place = articles, articles // 3, max(5, articles // 50), max(5, articles // 20)
    persons = [name(i) for i in range(n_person)]
    owners = list(range(0, n_person, 20))  # every 20th person has an account
    weights = [1.0 / (r + 1) ** 0.8 for r in range(n_person)]  # a few people are in many articles
    entities, mentioned = [], {}
    with open(folder / "graph.trig", "w", encoding="utf-8") as out:
        article_graphs = []
        for a in range(articles):
            art = iri("article", a)
            lines = []
            picked = rng.choices(range(n_person), weights, k=3)
            org, media, place = rng.randrange(n_org), rng.randrange(n_media), rng.randrange(n_place)
            subjects = [(iri("person", picked[0]), "employedBy", iri("org", org)),
                        (iri("person", picked[1]), "reportedBy", iri("media", media)),
                        (iri("org", org), "locatedIn", iri("place", place)),
                        (iri("person", picked[2]), "employedBy", iri("org", rng.randrange(n_org)))]
            for n, (s, p, o) in enumerate(subjects):
                lines.append(f"{s} <{KG}{p}> {o} .")
                extra = f' ; <{KG}role> {lit(rng.choice(ROLES))} ; <{KG}employmentKind> "employee"' if p == "employedBy" else ""
                lines.append(_evidence(f"a{a}r{n}", s, f"<{KG}{p}>", o, art, n, rng) + extra + " .")
            for who in picked:
                mentioned.setdefault(who, []).append(a)
            if rng.random() < 0.2:
                owner = rng.choice(owners)
                ev = f"<{ID}event/a{a}>"
                lines.append(f"{ev} a <{KG}Deactivation> ; <{KG}agent> {iri('person', picked[0])} ; "
                             f"<{KG}account> {iri('account', owner)} ; <{KG}accountOwner> {iri('person', owner)} ; "
                             f'<{KG}date> "2017-11-0{rng.randint(1, 9)}"^^<{XSD}date> ; <{KG}dateText> "am Donnerstag" ; '
                             f'<{KG}duration> "PT{rng.randint(5, 15)}M"^^<{XSD}duration> ; <{KG}durationText> "einige Minuten" ; '
                             f"<{KG}evidence> <{ID}evidence/a{a}ev> .")
                lines.append(_evidence(f"a{a}ev", ev, f"<{KG}deactivated>", iri("account", owner), art, 5, rng) + " .")
            if rng.random() < 0.5:
                q = f"<{ID}quote/a{a}>"
                lines.append(f"{q} a <{KG}Quote> ; <{KG}speaker> {iri('person', picked[1])} ; "
                             f"<{KG}quoteText> {lit('Das war ein Fehler.')} ; <{KG}spokenTo> {iri('media', media)} ; "
                             f"<{KG}evidence> <{ID}evidence/a{a}q> .")
                lines.append(f"{iri('person', picked[1])} <{KG}said> {q} .")
                lines.append(_evidence(f"a{a}q", iri("person", picked[1]), f"<{KG}said>", q, art, 6, rng) + " .")
            if rng.random() < 0.1:
                owner = rng.choice(owners)
                value = rng.choice([41000000, 43000000])
                lines.append(f"{iri('person', owner)} <{KG}followerCount> {value} .")
                lines.append(_evidence(f"a{a}f", iri("person", owner), f"<{KG}followerCount>", str(value), art, 7, rng) + " .")
            out.write(f"<{GRAPH}article/a{a}> {{\n" + "\n".join(lines) + "\n}\n")
            article_graphs.append(a)
        out.write(f"<{GRAPH}entities> {{\n")
        for a in range(articles):
            out.write(f"{iri('article', a)} a <{KG}Article>, <{SCHEMA}NewsArticle>, <{PROV}Entity> ; "
                      f'<{DCT}identifier> "a{a}" ; <{DCT}title> {lit("Meldung " + str(a))} ; <{DCT}date> "2017-11" ; '
                      f'<{SCHEMA}publisher> "Tagesblatt" ; <{KG}contentHash> "{a:064x}" .\n')
        for i in range(n_person):
            label = persons[i]
            alt = label.split(" ", 1)[1]
            mentions = "".join(f" ; <{KG}mentionedIn> {iri('article', a)}" for a in sorted(set(mentioned.get(i, []))))
            out.write(f"{iri('person', i)} a <{KG}Person> ; <{RDFS}label> {lit(label)} ; <{SKOS}prefLabel> {lit(label)} ; "
                      f"<{SKOS}altLabel> {lit(alt)}{keys(label, alt)}{mentions} .\n")
            if i % 7 == 0:
                alias = f"<{ID}person/p{i}/alias/x>"
                out.write(f"{iri('person', i)} <{KG}alias> {alias} . {alias} a <{KG}AliasAssignment> ; "
                          f"<{KG}aliasText> {lit(alt + 'er')} ; <{KG}mergeRule> \"fuzzy\" ; <{KG}mergeScore> 0.93 ; "
                          f"<{PROV}wasDerivedFrom> {iri('article', i % articles)} .\n")
        for i in owners:
            handle = "@" + persons[i].replace(" ", "")
            out.write(f"{iri('account', i)} a <{KG}Account> ; <{RDFS}label> {lit(handle)}{keys(handle)} ; "
                      f"<{KG}accountOf> {iri('person', i)} ; <{KG}onPlatform> {iri('org', 0)} .\n")
        for kind, count, cls, fmt in (("org", n_org, "Organization", "{} Werke"), ("media", n_media, "MediaOrganization", "Tagesblatt {}"),
                                      ("place", n_place, "Location", "{}stadt")):
            for i in range(count):
                label = fmt.format(word(i + 7919 * (1 + len(entities))))
                out.write(f"{iri(kind, i)} a <{KG}{cls}> ; <{RDFS}label> {lit(label)}{keys(label)} .\n")
                entities.append(label)
        out.write(f'<{ID}extractor/bench/1> a <{PROV}SoftwareAgent> ; <{RDFS}label> "bench/1" .\n}}\n')
    return {"any": persons + entities, "person": persons, "owner": [persons[i] for i in owners]}


def _evidence(key, s, p, o, art, index, rng) -> str:
    return (f"<{ID}evidence/{key}> a <{KG}Evidence> ; <{RDF}subject> {s} ; <{RDF}predicate> {p} ; <{RDF}object> {o} ; "
            f"<{KG}article> {art} ; <{KG}sentenceIndex> {index} ; <{KG}sentenceText> {lit('Ein erfundener Satz über den Vorgang.')} ; "
            f"<{KG}startOffset> {index * 80} ; <{KG}endOffset> {index * 80 + 60} ; "
            f"<{PROV}wasAttributedTo> <{ID}extractor/bench/1> ; <{KG}confidence> {rng.choice(['0.7', '0.85', '0.9'])} ; "
            f"<{KG}hedged> false")


def percentiles(ms: list[float]) -> str:
    ordered = sorted(ms)
    pick = lambda q: ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]  # noqa: E731
    return f"p50 {statistics.median(ordered):7.1f}  p95 {pick(0.95):7.1f}  p99 {pick(0.99):7.1f} ms"


def _embedded_child(conn, out: str, runs: int, start: int, pools: dict, queries: list, subst: bool) -> None:
    """Child process: open the store, time each query from ``start`` on, send (name, times, rows) per query.

    Values are bound as kg binds them (kg.server.execute.run_local: VALUES blocks), or with
    ``subst`` as pyoxigraph substitutions, for comparison.
    """
    from kg.server.execute import run_local, substitutions
    from kg.store import open_store

    store = open_store(Path(out))
    rng = random.Random(11 + start)
    for name, var, pool in queries[start:]:
        text, times, rows = query_text(name), [], 0
        for _ in range(runs):
            label = rng.choice(pools[pool])
            t0 = time.perf_counter()
            if subst:
                result = store.query(text, use_default_graph_as_union=True, substitutions=substitutions({var: label}, text))
            else:
                result = run_local(store, text, {var: label})
            rows += sum(1 for _ in result)
            times.append((time.perf_counter() - t0) * 1000)
        conn.send((name, times, rows))


def bench_embedded(out: Path, pools: dict, runs: int, budget: float, subst: bool = False) -> None:
    """Each query's runs must finish within ``budget`` s; a query that does not is stopped and reported."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    start = 0
    while start < len(QUERIES):
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_embedded_child, args=(child, str(out), runs, start, pools, QUERIES, subst),
                           daemon=True)
        proc.start()
        first = True
        while start < len(QUERIES):
            if not parent.poll(budget + (120 if first else 0)):  # the first wait includes loading the store
                print(f"  {QUERIES[start][0].split('/')[-1]:22s} stopped: {runs} runs took more than {budget:g} s")
                proc.kill()
                proc.join()
                start += 1
                break
            name, times, rows = parent.recv()
            print(f"  {name.split('/')[-1]:22s} {percentiles(times)}   ({rows / runs:.1f} rows avg)", flush=True)
            start, first = start + 1, False
        else:
            proc.join(30)


def _post(url: str, query: str) -> bytes:
    data = urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


def bench_endpoint(url, texts, pools, runs, rng) -> None:
    from kg.server.bind import inline_values
    from kg.server.execute import substitutions

    for name, var, pool in QUERIES:
        times = []
        for _ in range(runs):
            query = inline_values(texts[name], substitutions({var: rng.choice(pools[pool])}, texts[name]))
            t0 = time.perf_counter()
            try:
                _post(url, query)
            except urllib.error.HTTPError as exc:
                print(f"  {name.split('/')[-1]:22s} stopped: HTTP {exc.code} {exc.read().decode()[:80].strip()}", flush=True)
                break
            times.append((time.perf_counter() - t0) * 1000)
        else:
            print(f"  {name.split('/')[-1]:22s} {percentiles(times)}", flush=True)


def bench_clients(url, text, labels, clients, seconds) -> None:
    from kg.server.bind import inline_values
    from kg.server.execute import substitutions

    deadline, lock, times, errors = time.monotonic() + seconds, threading.Lock(), [], []

    def client(seed: int) -> None:
        rng = random.Random(seed)
        while time.monotonic() < deadline:
            query = inline_values(text, substitutions({"label": rng.choice(labels)}, text))
            t0 = time.perf_counter()
            try:
                _post(url, query)
                with lock:
                    times.append((time.perf_counter() - t0) * 1000)
            except Exception as exc:  # noqa: BLE001 - counted
                with lock:
                    errors.append(str(exc))

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 130)
    print(f"  {clients} clients x {seconds:g} s: {len(times)} answered, {len(errors)} failed, "
          f"{len(times) / seconds:.0f} req/s; {percentiles(times) if times else ''}")
    if errors:
        print(f"  first error: {errors[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30, help="runs per query")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2, help="endpoint worker processes")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds allowed for one query's runs")
    parser.add_argument("--only", default="", help="comma-separated query names to run (default: all)")
    parser.add_argument("--no-endpoint", action="store_true")
    parser.add_argument("--substitutions", action="store_true",
                        help="embedded store: also time binding by pyoxigraph substitutions instead of VALUES blocks")
    args = parser.parse_args()
    if args.only:
        wanted = set(args.only.split(","))
        QUERIES[:] = [q for q in QUERIES if q[0].split("/")[-1] in wanted]

    from kg.store import open_store

    texts = {name: query_text(name) for name, _, _ in QUERIES}
    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        pools = generate(out, args.quads)
        print(f"generated {out / 'graph.trig'} ({(out / 'graph.trig').stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        store = open_store(out)
        print(f"open_store: {len(store):,} quads in {time.perf_counter() - t0:.1f} s")
        del store
        print(f"embedded store, {args.runs} runs per query, random bound label:", flush=True)
        bench_embedded(out, pools, args.runs, args.budget)
        if args.substitutions:
            print("embedded store, values bound as pyoxigraph substitutions:", flush=True)
            bench_embedded(out, pools, args.runs, args.budget, subst=True)
        if args.no_endpoint:
            return
        from kg.server import close_server, make_server

        t0 = time.perf_counter()
        server = make_server(out, "127.0.0.1", 0, timeout=args.budget / 2, max_rows=10000, workers=args.workers)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        print(f"kg serve endpoint ({args.workers} workers, ready in {time.perf_counter() - t0:.1f} s), "
              f"HTTP POST, JSON results:")
        try:
            bench_endpoint(url, texts, pools, args.runs, rng)
            bench_clients(url, texts["entity-by-label"], pools["any"], args.clients, args.seconds)
        finally:
            close_server(server)


if __name__ == "__main__":
    main()
