"""Lexicon classes a pattern row can test a unit against (``{"IS": "ROLE_NOUN"}``).

Why named classes: a row says "a role noun" once, and the word list behind it
is general German knowledge kept in kg.extract.lexicon, never a list of test
answers. A class is a regex matched in full against a unit's text, its lemma
or (for ``HEAD_IS``) the head of a hyphen compound. Other families may add
their own with ``register_class``.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable

from kg.extract import lexicon
from kg.nlp import lexicon as nlp_lexicon

_CLASSES: dict[str, Callable[[str], bool]] = {}
_INDEXED: dict[str, None] = {}  # the classes some compiled row finds its units by (kg.extract.patterns.engine)
_VERSION = [0]  # bumped by register_class and index_class: per-sentence class indexes built before are stale
_WORDS: dict[str, frozenset[str]] = {}  # word -> the indexed classes it is in
_MAX_WORDS = 500_000


def register_class(name: str, test: str | Callable[[str], bool], flags: int = 0) -> None:
    """Add (or replace) a lexicon class: a regex matched in full, or a word -> bool function."""
    if isinstance(test, str):
        rx = re.compile(test, flags)
        _CLASSES[name] = lambda w: rx.fullmatch(w) is not None
    else:
        _CLASSES[name] = test
    _word_in.cache_clear()
    _stale()


def index_class(name: str) -> None:
    """A row finds its units by this class: sentence indexes hold it from now on."""
    if name not in _INDEXED:
        _INDEXED[name] = None
        _stale()


def _stale() -> None:
    _WORDS.clear()
    classes_of.cache_clear()
    _VERSION[0] += 1


def version() -> int:
    """How many times a class was registered or indexed: a class index built under another version is rebuilt."""
    return _VERSION[0]


@functools.lru_cache(maxsize=200_000)
def _word_in(name: str, word: str) -> bool:
    return bool(word) and bool(_CLASSES[name](word))


def _word_classes(word: str) -> frozenset[str]:
    """The indexed classes one word is in; every class tested once per word type (not per text/lemma pair)."""
    got = _WORDS.get(word)
    if got is None:
        if len(_WORDS) >= _MAX_WORDS:
            _WORDS.clear()
        got = _WORDS[word] = frozenset(n for n in _INDEXED if _CLASSES[n](word)) if word else frozenset()
    return got


@functools.lru_cache(maxsize=200_000)
def classes_of(text: str, lemma: str) -> frozenset[str]:
    """Every indexed lexicon class a word (by its text or lemma) is in; one look-up per word type."""
    return _word_classes(text) | _word_classes(lemma)


def in_class(name: str, *words: str) -> bool:
    if name not in _CLASSES:
        raise KeyError(f"unknown lexicon class {name!r}")
    if name in _INDEXED:
        return any(name in _word_classes(w) for w in words)
    return any(_word_in(name, w) for w in words)


def known(name: str) -> bool:
    return name in _CLASSES


# offices and jobs beyond the employment lexicon: politics, sport, law, science
_OFFICES = (r"(?:[\w-]*(?:[Cc]hef|[Cc]hefin|[Ss]precher|[Ss]precherin|[Mm]anager|[Mm]anagerin|[Dd]irektor|[Dd]irektorin|"
            r"[Pp]räsident|[Pp]räsidentin|[Vv]orsitzende[rn]?|[Mm]inister|[Mm]inisterin|[Ss]ekretär|[Ss]ekretärin|"
            r"[Ll]eiter|[Ll]eiterin|[Tt]rainer|[Tt]rainerin|[Ss]pieler|[Ss]pielerin|[Ss]türmer|[Vv]erteidiger|"
            r"[Tt]ormann|[Tt]orhüter|[Gg]oalie|[Kk]apitän|[Mm]ittelfeldspieler|[Aa]nwalt|[Aa]nwältin|[Ee]xperte|[Ee]xpertin|"
            r"[Ff]orscher|[Ff]orscherin|[Oo]bmann|[Oo]bfrau|[Gg]ründer|[Gg]ründerin|[Ss]tratege|[Mm]itglied|[Aa]bgeordnete[rn]?|"
            r"[Pp]rofessor|[Pp]rofessorin|[Bb]oss|[Vv]orstand|[Gg]eneral|"
            r"[Rr]edakteur|[Rr]edakteurin|[Rr]eporter|[Rr]eporterin|[Kk]orrespondent|[Kk]orrespondentin|"
            r"[Mm]itarbeiter|[Mm]itarbeiterin|[Gg]eschäftsführer|[Gg]eschäftsführerin|[Ss]prachrohr|[Ss]tellvertreter|"
            r"[Ss]tellvertreterin|[Vv]ize|[Ee]hrenpräsident|[Kk]oordinator|[Kk]oordinatorin|[Bb]eauftragte[rn]?|"
            r"[Ll]andesrat|[Ll]andesrätin|[Ss]tadtrat|[Ss]tadträtin|[Kk]anzler|[Kk]anzlerin|[Ss]ozialsprecher|"
            r"[Ii]ntendant|[Ii]ntendantin|[Hh]erausgeber|[Hh]erausgeberin|[Cc]hefredakteur|[Cc]hefredakteurin|"
            r"[Ee]rmittler|[Ss]taatsanwalt|[Rr]ichter|[Rr]ichterin|[Öö]konom|[Öö]konomin|[Aa]nalyst|[Aa]nalystin|"
            r"[Kk]eeper|[Ll]egionär|[Nn]eo-[\w]+|[Kk]icker|[Cc]oach|[Pp]rofi|[Ii]nhaber|[Ii]nhaberin)"
            r"(?:s|n|en)?)")
register_class("ROLE_NOUN", rf"(?:{lexicon.ROLE_RE}|{_OFFICES})")
register_class("DEMONYM", lexicon.demonym_noun_re())
register_class("NAT_ADJ", lexicon.ADJ_RE, re.IGNORECASE)
register_class("SPEECH_VERB", lexicon.SPEECH_VERBS)
register_class("EARLIER", r"(?i)früher\w*|ehemalig\w*|einstig\w*|vormalig\w*|langjährig\w*|damalig\w*|Ex|Alt")
# "Unternehmen", "Softwarekonzerns", "Fernsehsender", "Zeitung": a noun for an organisation or outlet
register_class("ORG_NOUN", lambda w: w[:1].isupper() and bool(nlp_lexicon.org_head(w) or nlp_lexicon.media_head(w)
                                                              or re.search(r"(?i)(?:verband|verbandes|verbands|"
                                                                           r"vereinigung|zentrum|zentrums|gruppe)$", w)))
# capitalised words that are not names: nouns, adjectives after an article
register_class("ADJ", r"(?:\d+-)?[a-zäöüß][\w-]*(?:e|er|en|es|em)")
register_class("WORK_VERB", r"(?:tätig|gearbeitet|arbeitet|arbeitete|arbeiteten|jobbte|jobbt|beschäftigt|angestellt)")
register_class("INSTITUTION", r"(?:Universität|University|Institut\w*|Institute|Museum|Zentrum|Klinik\w*|Spital|"
                               r"Krankenhaus|Hochschule|Akademie|Schule|Theater|Oper|Zoo|Flughafen|Botschaft|College)")
# offices of a state: their adjective names the state served, not (necessarily) the holder's nationality
register_class("STATE_OFFICE", r"(?i)(?:[\w-]*(?:minister|ministerin|premier|regierungschef|regierungschefin|staatschef|"
                               r"staatschefin|kanzler|kanzlerin|präsident|präsidentin|senator|senatorin|botschafter|"
                               r"botschafterin|abgeordnete[rn]?|gouverneur|gouverneurin|monarch|könig|königin|"
                               r"staatssekretär|staatssekretärin)(?:s|n|en)?)")
register_class("DEPARTMENT", lexicon.DEPARTMENT_RE, re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    """ISO alpha-3 codes and the sports (IOC) codes that differ from them: "Name (ESP)" in results is a country."""
    import pycountry

    ioc = ("GER SUI NED POR CRO DEN GRE RSA BUL SLO LAT MAS INA PHI KSA UAE CHI URU PAR ZIM NGR ALG HAI IRI TPE "
           "VIE BAH BAR BER CAM CRC ESA FIJ GAM GUA HON KUW LIB MGL MRI MYA NCA NEP OMA PLE PUR SRI SUD TAN TGA "
           "TOG VAN ZAM ANG ARU BAN BOT BRU CAY GRN GUI IVB ISV LES MAD MAW NIG SAM SEY SIN SKN SOL SUR VIN")
    return frozenset({c.alpha_3 for c in pycountry.countries} | set(ioc.split()))


register_class("COUNTRY_CODE", lambda w: len(w) == 3 and w.isupper() and w in _country_codes())
