"""spaCy Doc -> (Sentence, Mention) records: names, name variants, coreference.

Name mentions come from doc.ents.  Two more kinds of name mention are added
here because they do not align with whole tokens: the name inside a hyphen
compound ("X-Reporter" -> outlet X, "X-Mitarbeiter" -> X when X is named in
the article) and lower-case or domain spellings of a name the article
already typed ("example" beside "example.de").  Coreference (partial names,
pronouns, definite descriptions) is in ``kg.nlp.coref``.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp import gazetteer as gz
from kg.nlp import lexicon as lx
from kg.nlp import names, shapes
from kg.nlp.candidates import unknown_noun
from kg.nlp.coref import Raw, resolve
from kg.nlp.hanta import lexical_class
from kg.nlp.tokens import Tok, span_text, tokens
from kg.records import Document, Mention, Sentence

CONFIDENCE = {"shape": 0.9, "lexicon": 0.9, "context": 0.85, "gazetteer": 0.85, "model": 0.85, "name": 0.8, "doc": 0.8}


def _sentences(doc: Doc, tokens: list[Tok], document: Document) -> tuple[list[Sentence], list[int]]:
    """Sentence records (whitespace trimmed, empty ones dropped) and a token -> sentence map."""
    out: list[Sentence] = []
    tok_sent = [-1] * len(doc)
    for sent in doc.sents:
        toks = [t for t in tokens[sent.start:sent.end] if not t.is_space]
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        idx = len(out)
        out.append(Sentence(document.id, idx, start, end, document.text[start:end]))
        tok_sent[sent.start:sent.end] = [idx] * (sent.end - sent.start)
    last = 0
    for i, s in enumerate(tok_sent):  # leading whitespace tokens join the next sentence
        if s < 0:
            tok_sent[i] = last
        else:
            last = s
    return out, tok_sent


def _norm(toks: list[Tok], start: int, end: int, names: set[str]) -> str:
    """The name with a genitive -s stripped when the text shows it is one."""
    text = span_text(toks, start, end)
    bare = shapes.strip_genitive(text)
    if bare == text:
        return text
    if text.endswith(("'", "’", "'s", "’s")) or bare.lower() in names:
        return bare
    nxt = toks[end] if end < len(toks) else None
    prev = toks[start - 1] if start > 0 else None
    # genitive before its noun: "Müllers Konto" (and no article in front: "des Müllers" is rare)
    if nxt is not None and nxt.tag_ in ("NN", "ADJA") and (prev is None or prev.lower_ not in ("der", "die", "das")):
        return bare
    return text


def _rule_conf(rule: str) -> float:
    return CONFIDENCE.get(rule.split(":", 1)[0], 0.6) if rule and rule != "default" else 0.6


def _name_raws(ents: list, toks: list[Tok], tok_sent: list[int]) -> list[Raw]:
    plain = {t.lower_ for e in ents for t in toks[e.start:e.end]}
    raws: list[Raw] = []
    for e in ents:
        end_char = e.end_char
        if e.text.endswith(".") and e.text[-1:] and e[-1].text[:-1] in lx.COMPANY_SUFFIXES \
                and e[-1].text not in lx.COMPANY_SUFFIXES:
            end_char -= 1  # "Brotmann GmbH." at a sentence end: the full stop is not part of the name
        norm = _norm(toks, e.start, e.end, plain).rstrip(".") if end_char < e.end_char else _norm(
            toks, e.start, e.end, plain)
        rule = e._.kg_rule or "ner"
        raws.append(Raw(e.start_char, end_char, e.text[:end_char - e.start_char], e.label_, tok_sent[e.start], "name", norm,
                        rule, _rule_conf(rule), title=e._.kg_title, tok=e.start, tok_end=e.end))
    return raws


def _variant_raws(tokens: list[Tok], tok_sent: list[int], names: list[Raw]) -> list[Raw]:  # noqa: C901
    """Compound prefixes and lower-case/domain spellings of names typed elsewhere in the article."""
    known: dict[str, str] = {}
    for r in names:
        if r.label in ("PER", "ORG", "MEDIA", "LOC"):
            known.setdefault(r.norm.lower(), r.label)
            dom = shapes.domain_of(r.text)
            if dom:
                known.setdefault(shapes.domain_base(dom), r.label)
    covered = set()
    for r in names:
        covered.update(range(r.tok, r.tok_end))
    out: list[Raw] = []
    for tok in tokens:
        text = tok.text
        if len(text) < 3 or tok.i in covered or tok.is_space:
            continue
        if "-" in text and "-" in text.strip("-"):
            whole, head = text.rsplit("-", 1)  # "Radio-Eins-Reporter" -> "Radio-Eins", "Reporter"
            first = text.split("-", 1)[0]
            prefix, label, rule = whole, known.get(whole.lower().replace("-", " ")), "doc:compound-prefix"
            if label is None:
                prefix, label = first, known.get(first.lower())
            if label is None and first in gz.country_initials() and (lx.role_head(head) or lx.org_head(head)):
                prefix, label, rule = first, "LOC", "gazetteer:country-code"  # "US-Präsident"
            if label is None:
                prefix, label, rule = _lexicon_prefix(whole, first, head)
            if label is None and lx.role_head(head) in lx.MEDIA_ROLES and shapes.is_capitalised(whole) \
                    and len(whole) >= 3 and not shapes.is_acronym(whole):
                prefix, label, rule = whole, "MEDIA", "context:compound-role"
            if label and len(prefix) >= 2:
                out.append(Raw(tok.idx, tok.idx + len(prefix), prefix, label, tok_sent[tok.i], "name",
                               prefix.replace("-", " "), rule, 0.75, tok=tok.i, tok_end=tok.i + 1))
            continue
        label = known.get(text.lower())
        if label and len(text) >= 4 and text != text.capitalize() and (
                not text.islower() or tok.tag_ in ("NE", "FM") or lexical_class(text) is None):  # not "seine", "oder"
            out.append(Raw(tok.idx, tok.idx + len(text), text, label, tok_sent[tok.i], "name", text,
                           "doc:spelling", 0.7, tok=tok.i, tok_end=tok.i + 1))
    return out


def _cue_head(head: str) -> bool:
    """A compound head that ties its prefix to an organisation: a role ("-Chef"), an
    organisation or outlet noun ("-Fraktion", "-Sender") or a part ("-Zentrale", "-Homepage")."""
    return bool(lx.role_head(head) or lx.org_head(head) or lx.media_head(head)
                or head.lower() in lx.ORG_COMPOUND_HEADS)


def _common(head: str) -> bool:
    """A compound head that is a common word ("-Reise", "-Chef"), not a name ("Berlin-Mitte")."""
    return lexical_class(head) == "common" or _cue_head(head) or lexical_class(head) is None and not unknown_noun(head, "de")


def _lexicon_prefix(whole: str, first: str, head: str) -> tuple[str, str | None, str]:
    """The organisation or outlet named by a compound's prefix: a lexicon name ("SPD-Chef",
    "Pegida-Bewegung", "Krone-Chef") or an acronym before a role or organisation noun
    ("EZB-Direktor", "ARD-Korrespondent")."""
    for prefix in dict.fromkeys((whole, first)):
        entry = names.lookup(prefix)
        if entry is not None and (entry.sure or _cue_head(head)) and (entry.label != "LOC" or _common(head)):
            return prefix, entry.label, "lexicon:compound-" + entry.source
    if first in gz.places() and not shapes.is_acronym(first) and lexical_class(first) != "common" and _common(head):
        return first, "LOC", "gazetteer:compound-place"  # "Nahost-Reise", "Rom-Achtelfinale"
    if shapes.is_acronym(first) and first not in gz.country_initials() and first not in gz.places() \
            and _cue_head(head):
        label = "MEDIA" if lx.role_head(head) in lx.MEDIA_ROLES else "ORG"
        return first, label, "context:compound-acronym"
    return whole, None, ""


SEAT_NOUNS = ("staatsanwaltschaft", "gericht", "gerichtshof", "universität", "uni", "hochschule", "polizeidirektion",
              "bezirkshauptmannschaft", "magistrat", "kammer")


def _seat_noun(tok: Tok) -> bool:
    low = tok.lower_
    return tok.text[:1].isupper() and tok.tag_ in ("NN", "NE") and low.rstrip("s").endswith(SEAT_NOUNS)


def _seat_raws(doc: Doc, toks: list[Tok], found: list[Raw]) -> list[Raw]:
    """Bodies named by their seat and the seats inside body names, as mentions of their own
    beside the name: "die Staatsanwaltschaft Stuttgart" -> the body "Staatsanwaltschaft
    Stuttgart" (beside the place), "Amnesty International Österreich" -> the place
    "Österreich" (beside the body). Places inside club names stay part of the name."""
    out: list[Raw] = []
    places = gz.places()
    whole = None  # Doc.text joins every token on each call: made once, when first needed
    for r in found:
        if r.label == "LOC" and r.tok > 0:
            k = r.tok - 1
            if toks[k].lower_ == "von" and k > 0:
                k -= 1  # "Staatsanwaltschaft von X"
            if _seat_noun(toks[k]):
                start = toks[k].idx
                whole = doc.text if whole is None else whole
                text = whole[start:r.end]
                noun = toks[k].text
                if noun.lower().endswith(("gerichts", "gerichtshofs", "kammers")):
                    noun = noun[:-1]  # "des Landgerichts Stuttgart" -> "Landgericht Stuttgart"
                norm = " ".join([noun] + [t.text for t in toks[k + 1:r.tok]] + [r.norm])
                out.append(Raw(start, r.end, text, "ORG", r.sentence, "name", norm, "pattern:body-seat", 0.8,
                               tok=k, tok_end=r.tok_end))
        elif r.label in ("ORG", "MEDIA") and r.tok_end - r.tok > 1 and toks[r.tok_end - 1].text in places:
            entry = names.head_entry(doc, r.tok, r.tok_end - 1)
            if entry is not None and entry.source == "bodies" or _seat_noun(toks[r.tok]):
                last = toks[r.tok_end - 1]
                out.append(Raw(last.idx, last.idx + len(last.text), last.text, "LOC", r.sentence, "name",
                               last.text, "pattern:seat-in-name", 0.8, tok=last.i, tok_end=last.i + 1))
    return out


def extract_mentions(doc: Doc, document: Document) -> tuple[tuple[Sentence, ...], tuple[Mention, ...]]:
    """Sentences and mentions (names + in-article coreference) of one analysed article."""
    toks = tokens(doc)  # the tokens' texts and tags, read once and shared by every pass below
    sentences, tok_sent = _sentences(doc, toks, document)
    if not sentences:
        return (), ()
    ents = list(doc.ents)  # Doc.ents walks every token: once
    names = _name_raws(ents, toks, tok_sent)
    raws = names + _variant_raws(toks, tok_sent, names) + _seat_raws(doc, toks, names)
    mentions = resolve(doc, toks, document, raws, tok_sent, {e.start for e in ents})
    return tuple(sentences), tuple(mentions)
