"""Finding candidate names: runs of name-like tokens, glued and trimmed.

A token is name-like when HanTa tags it as a proper noun (and it is not a
known common word), when a gazetteer knows it, or by shape (acronym,
CamelCase, domain). Runs are glued over name particles ("von der"), "&",
legal-form suffixes and first name + surname, and trimmed of leading role
words ("Hostess Anna X"). Some names are announced by a cue noun ("das
Unternehmen X"), a capitalised adjective ("Berliner Zeitung") or a place
preposition ("in X") even when the tagger missed them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from kg.nlp import lexicon as lx
from kg.nlp import names, shapes
from kg.nlp.hanta import english_common, lexical_class, lexical_has_ne
from kg.nlp.sentences import sentence_starts
from kg.nlp.tokens import tokens


@lru_cache(maxsize=1)
def currencies() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _common_compound(text: str, lang: str) -> bool:
    """"Twitter-Account", "Schwarz-Rot-Gold": a hyphen compound whose head is a common word."""
    if "-" not in text.strip("-"):
        return False
    head = text.rsplit("-", 1)[-1]
    if not head[:1].isupper() or head.lower() in lx.ORG_COMPOUND_HEADS:
        return True
    cls = lexical_class(head, lang)
    if cls == "ne":
        return False
    return cls == "common" or bool(lx.role_head(head) or lx.org_head(head) or lx.media_head(head)) or (
        english_common(head) and not shapes.is_acronym(head))


def _is_name_token(toks, i: int, starts, places, firsts, lang="de", memo: dict | None = None) -> bool:
    """Token i of ``toks`` (kg.nlp.tokens) is name-like; ``starts``: the sentence starts.

    What the word alone decides is worked out once per distinct word (``_word_facts``, kept in
    ``memo`` for one article); the tests of the token's context come in between, in order."""
    tok = toks[i]
    text = tok.text
    facts = memo.get(text) if memo is not None else None
    if facts is None:
        facts = _word_facts(text, places, firsts, lang)
        if memo is not None:
            memo[text] = facts
    early, arabic, plain_word, currency, unit_like, english_name, propn, shape, known = facts
    if early is not None:
        return early
    if arabic and i > 0 and toks[i - 1].text[:1].isupper():
        return True  # "Abdel Fattah al-Sisi": a hyphened article in an Arabic name, after a name
    if plain_word or currency and any(t.text[:1].isdigit() for t in toks[max(0, i - 3):i + 2]):
        return False  # "8 Mrd. EUR"; an ISO currency code away from numbers may be a name
    if unit_like and _near_digit(toks, i):
        return False  # "32 KB", "ISBN 3-7776-..."
    if english_name and i not in starts:
        return True  # English capitalises only names inside a sentence
    tag = tok.tag_
    if tag in ("NE", "FM", "NP0") or tok.pos_ == "PROPN":
        return propn
    if shape is not None:
        return shape
    if known is not None and tag in ("NN", "ADJD", "XY", "NN1", "NN0", "UNC", "AJ0"):
        return known[0] and (i not in starts or known[1])
    return False


def _word_facts(text: str, places, firsts, lang: str) -> tuple:  # noqa: C901
    """The tests of ``_is_name_token`` that read only the word (and the gazetteers):
    (verdict, Arabic particle, never a name here, currency code, unit-like, English name,
    verdict as a proper noun, verdict by shape, (verdict, a place) for a known place or first name)."""
    if text.islower() and "." not in text and "-" not in text and not names.sure_name(text):
        return (False,) + (None,) * 8  # most tokens: a lower-case word (domains have a dot, "al-X" a hyphen)
    if len(text) < 2 or not shapes.HAS_LETTER.search(text) or text in lx.MONTHS or text.lower() in lx.WEB_NOUNS:
        return (False,) + (None,) * 8
    if shapes.domain_of(text) or names.sure_name(text):
        return (True,) + (None,) * 8
    arabic = bool(ARABIC_PARTICLE.match(text))
    plain_word = (not shapes.is_capitalised(text) or company_suffix(text)
                  or _common_compound(text, lang) and text not in places and text.split("-")[0] not in firsts)
    unit_like = (shapes.is_acronym(text) or len(text) <= 3) and text not in places
    english_name = lang == "en" and text not in EN_CAPITALISED
    propn = not (lexical_class(text, lang) is None and text.lower().endswith(lx.NOUN_ENDINGS))
    shape = None
    if text[:-1] in places or text[:-2] in places and text.endswith("es"):
        shape = True  # "Griechenlandes"
    elif shapes.is_acronym(text):
        shape = lexical_class(text, lang) != "common"
    elif (len(text) > 7 and text.isalpha() and text.lower().endswith(lx.SITE_SUFFIXES)
            and lexical_class(text, lang) is None):
        shape = True  # "Knoopstraße": an unknown compound naming a street or square
    elif place_compound(text, places, lang) or compass_place(text, places):
        shape = True  # "Kalmsdorf-Nord", "Rhein-Sieg-Kreis", "Südsteiermark": part of a known place
    elif is_ministry(text):
        shape = True  # "Innenministerium"
    elif len(text) > 8 and text.isalpha() and is_federal(text):
        shape = True  # "Bundesärztekammer", "Bundestag", "Umweltbundesamt": a federal or state institution
    elif shapes.is_camel(text):
        shape = True
    known = None
    if text in places or text in firsts:
        known = (lexical_class(text, lang) != "common", text in places)
    return None, arabic, plain_word, text in currencies(), unit_like, english_name, propn, shape, known


ARABIC_PARTICLE = re.compile(r"^(?:al|el|as|ad|ar|at|an|az|asch|esch|ash|ed|es|ul|ud)-[A-ZÄÖÜ][\w'’]+$")
CLOSING = frozenset("\"“”«»'’")
APOSTROPHES = frozenset("'’‘ʼ`´")
EN_CAPITALISED = frozenset("I Mr Mrs Ms Dr Mr. Mrs. Ms. Dr. President Minister".split())


def place_compound(text: str, places, lang: str = "de") -> bool:
    """A hyphen compound of capitalised parts that opens with a known place and ends in a name
    or a place noun ("Berlin-Mitte", "Rhein-Sieg-Kreises"), not in a common word ("Berlin-Besuch")."""
    parts = text.split("-")
    if (len(parts) < 2 or not all(p[:1].isupper() and p.isalpha() for p in parts) or parts[0] not in places
            or parts[0].isupper()):
        return False
    head = parts[-1]
    if lx.loc_head(head) or lx.place_word(head):
        return True
    cls = lexical_class(head, lang)
    return cls != "common" and (cls == "ne" or unknown_noun(head, lang)) and not (
        lx.role_head(head) or lx.org_head(head) or lx.media_head(head) or english_common(head)
        or head.lower() in lx.ORG_COMPOUND_HEADS or head.lower().endswith(lx.NOUN_ENDINGS))


def is_ministry(word: str) -> bool:
    """"Innenministerium", "Finanzministeriums": one word naming a ministry (not "Ministerium" alone)."""
    low = word.lower()
    return word[:1].isupper() and low.endswith(("ministerium", "ministeriums")) and not low.startswith("ministerium")


COMPASS = ("Süd", "Nord", "Ost", "West", "Ober", "Unter", "Nieder", "Mittel", "Zentral", "Inner")


def compass_place(word: str, places) -> bool:
    """"Südsteiermark", "Oberbayern", "Untersuhl": a compass or height prefix before a known place."""
    for prefix in COMPASS:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            rest = word[len(prefix):]
            rest = rest[:1].upper() + rest[1:]
            if rest.startswith("-"):
                rest = rest[1:]
            return rest in places and not rest.isupper() and lexical_class(word) != "common"
    return False  # not "Niederlage": a common noun that happens to end in a place name


def _surname_like(tok, lang: str, starts) -> bool:
    text = tok.text
    return (text[:1].isupper() and len(text) > 1 and text.isalpha() and tok.i not in starts
            and lexical_class(text, lang) != "common" and not lx.role_head(text) and text not in lx.MONTHS
            and not text.lower().endswith(lx.NOUN_ENDINGS))


def _single_name(tok, sent_start: bool, places, lang: str) -> bool:
    """Whether a one-word candidate stays a name: not a common word the lexicon knows only as
    such, not an English common word, not a long unknown compound ("Kohlenstoffdioxid")."""
    text = tok.text
    if text in places or shapes.domain_of(text) or text.endswith("s") and (text[:-1] in places or text[:-2] in places):
        return True
    if names.lookup(text) is not None or is_ministry(text) or compass_place(text, places):
        return True
    if text in ("Bad", "Sankt", "Kap", "Fort", "Mount", "Lake", "Cape", "Golf"):
        return False  # a place-name prefix alone ("Bad Ischl" cut at a line start) names nothing
    if place_compound(text, places, lang):
        return True
    if lexical_class(text, lang) is None and len(text) > 5 and text.lower().endswith(
            lx.PLACE_SUFFIXES + lx.SITE_SUFFIXES):
        return True  # "Helmarshausen", "Burgsteinfurt": an unknown word with a place-name ending
    if is_federal(text):
        return True
    cls = lexical_class(text, lang)
    if cls == "common":
        if lang == "en":
            return not sent_start
        return tok.tag_ == "NE" and not sent_start and lexical_has_ne(text, lang)
    if cls is None and lang == "de" and not shapes.is_acronym(text) and not shapes.is_camel(text):
        if english_common(text) or (len(text) > 12 and text.isalpha()):
            return False
    return True


def _name_plus_noun(word: str, names: set[str], lang: str) -> bool:
    for k in range(3, len(word) - 3):
        rest = word[k:]
        if word[:k] in names and rest.islower() and (lexical_class(rest, lang) == "common" or english_common(rest)):
            return True
    return False


def after_speech(toks, k) -> bool:
    """A verb of saying in the three tokens before index k (or at the end of ``toks`` when k is None)."""
    window = toks[max(0, k - 3):k] if k is not None else toks[-4:-1]
    return any(t.lemma_.lower() in lx.SPEECH_VERBS for t in window)


def _said_by(toks, i: int) -> bool:
    """Token i follows a finite verb of saying ("erklärte X") or ", so" ("..., so X.")."""
    prev = toks[i - 1]
    if prev.tag_ in ("VVFIN", "VVPP") and prev.lemma_.lower() in lx.SPEECH_VERBS:
        return True
    return prev.lower_ == "so" and toks[i - 2].text == ","


def _cue_noun(word: str) -> bool:
    return word[:1].isupper() and bool(lx.org_head(word) or lx.media_head(word) or lx.role_head(word)
                                       or lx.loc_head(word))


def starts_after_quote(doc, i: int) -> frozenset[int]:
    """Index before ``i`` when it is an opening quote or colon (a capitalised word may start a phrase)."""
    return frozenset({i - 1}) if i > 0 and doc[i - 1].text in ('"', "„", "“", ":", "«", "»", "(") else frozenset()


def _tagger_cache(lang: str) -> dict:
    from kg.nlp.hanta import _tagger

    return _tagger(lang).cache


def unknown_noun(word: str, lang: str) -> bool:
    """Not in the lexicon and no known noun inside it (so likely a name, not a compound)."""
    from kg.nlp.hanta import _tagger

    tagger = _tagger(lang)
    guess = getattr(tagger, "kg_guesser", None)
    low = word.lower()
    return low not in tagger.cache and (guess is None or guess.suffix(low, True) is None) and not low.endswith(
        ("ung", "heit", "keit", "schaft", "tion", "ität", "ismus"))


def company_suffix(word: str) -> bool:
    """"GmbH", and "GmbH." where the tokenizer glued a full stop to it."""
    return word in lx.COMPANY_SUFFIXES or word.endswith(".") and word[:-1] in lx.COMPANY_SUFFIXES


def _near_digit(toks, i: int) -> bool:
    """"32 KB", "ISBN 3-7776": all-caps units and identifiers stand next to numbers."""
    return any(0 <= k < len(toks) and toks[k].text[:1].isdigit() for k in (i - 1, i + 1))


INSTITUTION_HEADS = frozenset("""amt ministerium staatsministerium verband institut behörde agentur kammer
kommission gericht rat stiftung anstalt zentrale akademie universität hochschule verein bank bundesamt
landesamt nachrichtendienst""".split())
INSTITUTION_SUFFIXES = tuple(INSTITUTION_HEADS)


def _institution_for(toks, i: int, starts) -> bool:
    """An institution noun followed by "für" and a capitalised noun names a body."""
    t = toks[i]
    if t.tag_ != "NN" or not t.text[:1].isupper() or i + 2 >= len(toks) or toks[i + 1].text != "für":
        return False
    return is_institution(t.text) and toks[i + 2].text[:1].isupper() and i + 2 not in starts


def is_institution(word: str) -> bool:
    return word.lower().endswith(INSTITUTION_SUFFIXES)


FEDERAL_HEADS = INSTITUTION_SUFFIXES + ("tag", "gerichtshof", "kanzleramt", "polizei")


def is_federal(word: str) -> bool:
    """"Bundestag", "Landesamt für ...", "Umweltbundesamt": one word naming a federal or state body."""
    low = word.lower()
    if low.endswith("rat") and not low.startswith("bundes"):
        return False  # "Landesrat", "Staatsrat" also name an office holder
    return (low.startswith(("bundes", "landes", "staats")) and low.endswith(FEDERAL_HEADS) and len(low) > 8
            or low.endswith(("bundesamt", "bundesanstalt", "landesamt")) and not low.startswith(("bundes", "landes")))


def _institution_end(toks, i: int, starts) -> int:
    j = i + 2
    while j < len(toks) and j not in starts and toks[j].text[:1].isupper() and toks[j].tag_ in ("NN", "NE"):
        j += 1
        if j + 1 < len(toks) and toks[j].text == "und" and toks[j + 1].text[:1].isupper():
            j += 1
    return j


def _particle_glue(toks, start: int, j: int, name: list[bool], starts, firsts, places) -> int:
    """How many particle tokens to glue over inside a name: "Ursula von der Leyen",
    "Giacomo della Porta", "Müller & Söhne"; not "Bischof von Trient", "Armstrong den Mond"."""
    k = j
    while k < len(toks) and k - j < 3 and (toks[k].text in lx.NAME_PARTICLES or toks[k].text == "&"):
        k += 1
    if k == j or k >= len(toks) or any(i in starts for i in range(j, k + 1)):
        return 0
    words = [t.text for t in toks[j:k]]
    # "Alexander Van der Bellen": a capitalised particle opens the surname
    capital_particle = words[0] in ("der", "den") and toks[j - 1].text in ("Van", "Von", "De", "Ten") and j > start
    if not name[k]:
        if not (capital_particle and toks[k].text[:1].isupper() or toks[start].text in firsts and _surname_like(toks[k], "de", starts)):
            return 0
        name[k] = True  # "Hedwig von der Brelle": a surname after the particles
    if words == ["&"]:
        return 1
    if "&" in words or words[0] in ("der", "den", "die", "das") and not capital_particle:
        return 0
    if words[0] in ("von", "zu", "vom"):  # German nobility particles: after a first name, not before a place
        return k - j if (toks[start].text in firsts and toks[k].text not in places and toks[k].tag_ != "ADJA"
                         and not lx.org_head(toks[k].text) and lexical_class(toks[k].text) != "common"
                         and not is_institution(toks[k].text)) else 0  # not "Roland Engel vom Zollamt"
    return k - j


def _trim(doc, start: int, end: int, lang: str, firsts=frozenset(), places=frozenset()) -> tuple[int, int]:
    """Drop leading role/kind nouns ("Hostess", "Drohne") and lone common words from a candidate;
    keep an institution word before its place ("Universität Hamburg")."""
    if end - start == 2 and doc[start].text in lx.ORG_NAME_WORDS and doc[start + 1].text in places:
        return start, end
    while (end - start > 1 and doc[start].tag_ != "ADJA" and doc[start].text not in lx.PLACE_PREFIXES
           and doc[start].text not in lx.ORG_PREFIXES):
        w = doc[start].text
        if ((w in firsts or doc[start].tag_ == "NE") and start > 0 and doc[start - 1].text[:1].isupper()
                and lx.role_head(doc[start - 1].text)):
            break  # "Facebook-Chef Mark Zuckerberg", "Präsident Miloš Zeman": a first name after a role noun stays
        if doc[start].tag_ in ("ART", "PDAT", "PPOSAT") or w.lower() in ("der", "die", "das", "the") or lx.exact_cue(w) or (
                lexical_class(w, lang) == "common" and doc[start].tag_ != "NE") or (
                doc[start + 1].text in firsts and w not in firsts and lexical_class(w, lang) is None
                and not shapes.is_acronym(w)):
            start += 1  # "Hostess Silvia Sommer": an unknown word before a first name is a role
        else:
            break
    return start, end


def find_candidates(doc: Doc, places, firsts, lang: str = "de") -> list[tuple[int, int]]:  # noqa: C901
    """Maximal runs of name tokens, glued over name particles, '&' and legal-form suffixes."""
    toks = tokens(doc)
    n = len(toks)
    starts = sentence_starts(doc)
    memo: dict = {}
    name = [_is_name_token(toks, i, starts, places, firsts, lang, memo) for i in range(n)]
    name_words = {t.text for t, ok in zip(toks, name) if ok and t.text.isalpha()}
    out = []
    i = 0
    while i < n:
        t = toks[i]
        if not name[i] and not t.text[:1].isupper():
            i += 1  # every way to open a name below needs a name token or a capital letter
            continue
        start = None
        if name[i]:
            start = i
        elif (t.text in lx.ORG_PREFIXES or t.text in lx.PLACE_PREFIXES) and i + 1 < n and name[i + 1]:
            start = i
        elif (t.text[:1].isupper() and t.tag_ in ("ADJA", "ADJD") and i + 1 < n
              and (toks[i + 1].text in lx.ORG_NAME_WORDS or name[i + 1] and toks[i + 1].tag_ != "NE")):
            start = i  # "Deutsche Bank", "Europäische Union"
        elif t.text[:1].isupper() and i + 1 < n and i + 1 not in starts and f"{t.text} {toks[i + 1].text}" in places:
            start = i  # "Wiener Neustadt": a two-word place, also where it opens a sentence (dateline)
            name[i + 1] = True
        elif t.text in lx.ORG_NAME_WORDS and i + 1 < n and name[i + 1] and toks[i + 1].text in places:
            start = i  # "Universität Hamburg"
        elif i + 1 < n and company_suffix(toks[i + 1].text) and (_surname_like(t, lang, starts) or t.text[:1].isupper()
                                                                    and i not in starts):
            start = i  # "Brotmann GmbH"
        elif _institution_for(toks, i, starts):
            start = i  # "Bundesamt für Gesundheit"
            name[i] = True
        elif (t.tag_ == "ADJA" and t.text[:1].isupper() and i not in starts and i + 1 < n
              and toks[i + 1].tag_ == "NN" and toks[i + 1].text[:1].isupper()
              and (i - 1 not in starts_after_quote(toks, i) or i + 2 < n and toks[i + 2].text in CLOSING)):
            start = i  # "Berliner Zeitung", "Vereinigten Staaten": adjectives are capitalised only in names
            name[i + 1] = True
        elif (i > 0 and toks[i - 1].lower_ in lx.STRONG_LOC_PREPS and t.tag_ == "NN" and _surname_like(t, lang, starts)
              and not shapes.is_camel(t.text) and (unknown_noun(t.text, lang) or (
                  t.lower_ not in _tagger_cache(lang) and t.lower_.endswith(lx.PLACE_SUFFIXES)))):
            start = i  # "in Riniken": an unknown capitalised word after a place preposition
        elif i > 1 and t.text[:1].isupper() and _said_by(toks, i) and (_surname_like(t, lang, starts) or (
                lexical_has_ne(t.text, lang) and i not in starts)):
            start = i  # "sagte Walzer", ", so Ketterer": the one who speaks
            name[i] = True
        elif i > 1 and toks[i - 1].lower_ == "gegenüber" and _surname_like(t, lang, starts) and after_speech(toks, i - 1):
            start = i  # "sagte er gegenüber X": spoken to an outlet
        elif i > 0 and _surname_like(t, lang, starts) and _cue_noun(toks[i - 1].text) and t.tag_ == "NN":
            start = i  # "das Unternehmen Kramwerk": a kind or role noun announces a name
            name[i] = True
            k = i + 1
            while k < n and k - i < 4 and _surname_like(toks[k], lang, starts) and not name[k] and k not in starts:
                name[k] = True
                k += 1
        elif (i > 0 and i + 1 < n and t.text in firsts and lx.role_head(toks[i - 1].text)
              and toks[i - 1].text[:1].isupper() and _surname_like(toks[i + 1], lang, starts)):
            start = i  # "Facebook-Chef Mark Zuckerberg": a first name after a role noun, even a common word
            name[i] = name[i + 1] = True
        if start is None:
            i += 1
            continue
        j = i + 1
        while j < n:
            w = toks[j]
            if j in starts:
                break
            if name[j] or company_suffix(w.text) and j > start:
                j += 1
            elif toks[j - 1].text in firsts and (_surname_like(w, lang, starts) or (
                    w.text[:1].isupper() and w.text.replace("-", "").isalpha() and w.text not in lx.MONTHS
                    and all(t.text in firsts for t in toks[start:j])
                    and (not lx.exact_cue(w.text) or j == start + 1 and w.tag_ in ("NN", "NE")
                         and (j + 1 >= n or not name[j + 1])))):
                j += 1  # "Gottlob" after "Heinrich", "Stein" after "Peter", "Bischof" after "Jens": a surname
            elif w.text in lx.ORG_NAME_WORDS and name[j - 1] and toks[j - 1].tag_ in ("NE", "FM"):
                j += 1  # "Hirzel Verlag"
            elif w.text in lx.ORG_NAME_WORDS and toks[j - 1].tag_ in ("ADJA", "ADJD") and j - 1 == start:
                j += 1
            elif (w.text in ("am", "im") and j == start + 1 and j + 1 < n and j + 1 not in starts
                  and (toks[start].text in places and name[j + 1] and toks[j + 1].tag_ == "NE"
                       or toks[j + 1].text[:1].isupper() and lx.place_word(toks[j + 1].text)
                       and toks[start].text not in firsts)):
                j += 2  # "Frankfurt am Main", "Freiburg im Breisgau": a place named by its river or region
            elif (w.text == "of" and toks[j - 1].text in lx.ORG_NAME_WORDS and j + 1 < n and j + 1 not in starts
                  and toks[j + 1].text[:1].isupper() and toks[j + 1].text.isalpha()):
                j += 2  # "University of Bristol", "Bank of England": an English institution and its name
                name[j - 1] = True
            elif (w.text in APOSTROPHES and not toks[j - 1].whitespace_ and not w.whitespace_ and j + 1 < n
                  and toks[j + 1].text.isalpha()):
                j += 2  # "Mira‘at al-Bahrain", "O’Neill": an apostrophe inside a word the tokenizer split
                j += j < n and j not in starts and bool(ARABIC_PARTICLE.match(toks[j].text))
            elif _particle_glue(toks, start, j, name, starts, firsts, places):
                j += _particle_glue(toks, start, j, name, starts, firsts, places)
            else:
                break
        k = start + 1 if toks[start].tag_ == "ADJA" else start
        if j == k + 1 and _institution_for(toks, k, starts):
            j = _institution_end(toks, k, starts)  # "(Bayerisches) Staatsministerium für Unterricht und Kultus"
            out.append((start, j))
            i = j
            continue
        a, b = _trim(toks, start, j, lang, firsts, places)
        if b - a > 1 and _name_plus_noun(toks[b - 1].text, name_words, lang):
            b -= 1  # "Trumps Twitteraccount": a name glued to a common noun is a common noun
        if b - a > 1 or _single_name(toks[a], a in starts, places, lang):
            out.append((a, b))
        i = j
    return out
