"""General German word lists for the extractors (no entity of any corpus).

Role nouns, outlet-type nouns, person description nouns, speech verbs and a
demonym -> country table. Regex fragments are built once at import.
"""
from __future__ import annotations

import functools
import re

from kg.nlp import lexicon as _nlp_lexicon
from kg.roles import employment_re

# demonym stem (masc. nominative noun) -> (country name, adjective stem)
DEMONYMS: dict[str, tuple[str, str]] = {
    "Deutsche": ("Deutschland", "deutsch"), "Österreicher": ("Österreich", "österreichisch"),
    "Schweizer": ("Schweiz", "schweizerisch"), "Türke": ("Türkei", "türkisch"),
    "Amerikaner": ("USA", "amerikanisch"), "US-Amerikaner": ("USA", "us-amerikanisch"),
    "Franzose": ("Frankreich", "französisch"), "Italiener": ("Italien", "italienisch"),
    "Spanier": ("Spanien", "spanisch"), "Portugiese": ("Portugal", "portugiesisch"),
    "Brite": ("Großbritannien", "britisch"), "Engländer": ("England", "englisch"),
    "Ire": ("Irland", "irisch"), "Niederländer": ("Niederlande", "niederländisch"),
    "Belgier": ("Belgien", "belgisch"), "Pole": ("Polen", "polnisch"), "Tscheche": ("Tschechien", "tschechisch"),
    "Slowake": ("Slowakei", "slowakisch"), "Ungar": ("Ungarn", "ungarisch"), "Rumäne": ("Rumänien", "rumänisch"),
    "Bulgare": ("Bulgarien", "bulgarisch"), "Grieche": ("Griechenland", "griechisch"),
    "Kroate": ("Kroatien", "kroatisch"), "Serbe": ("Serbien", "serbisch"), "Slowene": ("Slowenien", "slowenisch"),
    "Bosnier": ("Bosnien und Herzegowina", "bosnisch"), "Russe": ("Russland", "russisch"),
    "Ukrainer": ("Ukraine", "ukrainisch"), "Schwede": ("Schweden", "schwedisch"), "Norweger": ("Norwegen", "norwegisch"),
    "Däne": ("Dänemark", "dänisch"), "Finne": ("Finnland", "finnisch"), "Isländer": ("Island", "isländisch"),
    "Chinese": ("China", "chinesisch"), "Japaner": ("Japan", "japanisch"), "Koreaner": ("Korea", "koreanisch"),
    "Inder": ("Indien", "indisch"), "Pakistaner": ("Pakistan", "pakistanisch"), "Iraner": ("Iran", "iranisch"),
    "Iraker": ("Irak", "irakisch"), "Syrer": ("Syrien", "syrisch"), "Afghane": ("Afghanistan", "afghanisch"),
    "Israeli": ("Israel", "israelisch"), "Ägypter": ("Ägypten", "ägyptisch"), "Marokkaner": ("Marokko", "marokkanisch"),
    "Tunesier": ("Tunesien", "tunesisch"), "Nigerianer": ("Nigeria", "nigerianisch"),
    "Kanadier": ("Kanada", "kanadisch"), "Mexikaner": ("Mexiko", "mexikanisch"), "Brasilianer": ("Brasilien", "brasilianisch"),
    "Argentinier": ("Argentinien", "argentinisch"), "Australier": ("Australien", "australisch"),
    "Luxemburger": ("Luxemburg", "luxemburgisch"), "Liechtensteiner": ("Liechtenstein", "liechtensteinisch"),
    "Albaner": ("Albanien", "albanisch"), "Mazedonier": ("Nordmazedonien", "mazedonisch"),
    "Georgier": ("Georgien", "georgisch"), "Armenier": ("Armenien", "armenisch"), "Saudi": ("Saudi-Arabien", "saudisch"),
    "Bahrainer": ("Bahrain", "bahrainisch"), "Katarer": ("Katar", "katarisch"), "Kasache": ("Kasachstan", "kasachisch"),
    "Ivorer": ("Elfenbeinküste", "ivorisch"), "Jordanier": ("Jordanien", "jordanisch"),
    "Libanese": ("Libanon", "libanesisch"), "Libyer": ("Libyen", "libysch"), "Algerier": ("Algerien", "algerisch"),
    "Kubaner": ("Kuba", "kubanisch"), "Chilene": ("Chile", "chilenisch"), "Kolumbianer": ("Kolumbien", "kolumbianisch"),
    "Venezolaner": ("Venezuela", "venezolanisch"), "Peruaner": ("Peru", "peruanisch"),
    "Südafrikaner": ("Südafrika", "südafrikanisch"), "Kenianer": ("Kenia", "kenianisch"),
    "Äthiopier": ("Äthiopien", "äthiopisch"), "Indonesier": ("Indonesien", "indonesisch"),
    "Thailänder": ("Thailand", "thailändisch"), "Vietnamese": ("Vietnam", "vietnamesisch"),
    "Neuseeländer": ("Neuseeland", "neuseeländisch"), "Zyprer": ("Zypern", "zyprisch"), "Este": ("Estland", "estnisch"),
    "Lette": ("Lettland", "lettisch"), "Litauer": ("Litauen", "litauisch"), "Weißrusse": ("Belarus", "weißrussisch"),
    "Kosovare": ("Kosovo", "kosovarisch"), "Montenegriner": ("Montenegro", "montenegrinisch"),
    "Aserbaidschaner": ("Aserbaidschan", "aserbaidschanisch"), "Usbeke": ("Usbekistan", "usbekisch"),
    "Taiwaner": ("Taiwan", "taiwanisch"), "Ghanaer": ("Ghana", "ghanaisch"), "Senegalese": ("Senegal", "senegalesisch"),
    "Kameruner": ("Kamerun", "kamerunisch"), "Palästinenser": ("Palästina", "palästinensisch"),
}
COUNTRY_NAMES = {c for c, _ in DEMONYMS.values()} | {"Vereinigte Staaten", "US", "Amerika", "Vereinigtes Königreich"}


def demonym_noun_re() -> str:
    """Regex alternation of demonym nouns in their inflected forms (Deutsche/Deutscher/Deutschen, Türke/Türken)."""
    forms = []
    for noun in sorted(DEMONYMS, key=len, reverse=True):
        if noun == "Deutsche":
            forms.append(r"Deutsche[rn]?")
        elif noun.endswith("e"):
            forms.append(noun[:-1] + r"(?:en?|in(?:nen)?)")  # Türke, Türken, Türkin
        elif noun.endswith("i"):
            forms.append(noun + r"s?")
        else:
            forms.append(noun + r"(?:n|in(?:nen)?)?")  # Österreicher, Österreichern, Österreicherin
    return "(?:" + "|".join(forms) + ")"


@functools.lru_cache(maxsize=4096)
def country_of_demonym(word: str) -> str | None:
    """"Deutschen" -> "Deutschland"; "Türken", "Türkin" -> "Türkei"; None when not a demonym."""
    word = re.sub(r"innen$|in$", "", word) if word.endswith("in") and word not in DEMONYMS else word
    exact, stem, inflected = _demonym_forms()
    # the first demonym (in DEMONYMS order) the word is a form of: the word itself, or it less its last letter,
    # is the noun, or the noun less its final e; or the word is that noun plus n or r
    hits = [i for i in (exact.get(word), exact.get(word[:-1]), stem.get(word), stem.get(word[:-1]),
                        inflected.get(word)) if i is not None]
    return _DEMONYM_COUNTRIES[min(hits)] if hits else None


_DEMONYM_COUNTRIES = [country for country, _ in DEMONYMS.values()]


@functools.cache
def _demonym_forms() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Position in DEMONYMS of the first noun by: its form, its form less the final e, that form plus n or r."""
    exact: dict[str, int] = {}
    stem: dict[str, int] = {}
    inflected: dict[str, int] = {}
    for i, noun in enumerate(DEMONYMS):
        exact.setdefault(noun, i)
        if noun.endswith("e"):
            stem.setdefault(noun[:-1], i)
            inflected.setdefault(noun + "n", i)
            inflected.setdefault(noun + "r", i)
    return exact, stem, inflected


def country_of_adjective(word: str) -> str | None:
    """"deutschen" -> "Deutschland"."""
    w = word.lower()
    for _, (country, adj) in DEMONYMS.items():
        if w.startswith(adj) and len(w) - len(adj) <= 2:
            return country
    return None


ADJ_RE = "(?:" + "|".join(sorted({a for _, a in DEMONYMS.values()}, key=len, reverse=True)) + r")(?:e|en|er|es)?"

# role nouns that tie a person to an organisation (employment), with their kind: the
# employment rows of the one role-noun list, kg/data/role_nouns.txt
CONTRACTOR_ROLES = employment_re("contractor")
AGENCY_ROLES = employment_re("agency")
EMPLOYEE_ROLES = employment_re("employee")
ROLE_RE = f"(?:{CONTRACTOR_ROLES}|{AGENCY_ROLES}|{EMPLOYEE_ROLES})"

# departments: "in den Kundensupport", "im Kundendienst"
DEPARTMENT_RE = r"(?:[\w-]*(?:support|dienst|betreuung|abteilung|vertrieb|marketing|redaktion|entwicklung|service|team))"

# outlet-type nouns that make a following name a media organisation
OUTLET_NOUNS = (
    r"(?:[\w-]*Portal|[\w-]*portal|Zeitung|[\w-]*[zZ]eitung|Magazin|[\w-]*[mM]agazin|Nachrichtenmagazin|Wochenzeitung|"
    r"Sender|[\w-]*[sS]ender|Fernsehsender|Radiosender|Seite|Webseite|Website|Internetseite|Blog|Tech-Blog|"
    r"Nachrichtenagentur|Agentur|Nachrichtenseite|Onlinemagazin|Onlineportal|Newsportal|Boulevardblatt|Blatt|Sendung|Podcast|"
    r"[\w-]*[bB]log|Techportal|Fachmagazin|Wochenblatt|Tageszeitung|Onlineausgabe|Nachrichtensender|"
    r"Branchendienst|Mediendienst|Branchenblatt|Fachdienst)"
)
NON_MEDIA_WORDS = ("Polizei", "Gericht", "Ministerium", "Behörde", "Staatsanwaltschaft", "Regierung", "Partei", "Amt")

# person description nouns usable for "the single fitting person"
PERSON_NOUNS = (
    r"(?:\d+-[Jj]ährige[nr]?|Mann|Mannes|Frau|Person|Täter(?:in)?|Verantwortliche[nr]?|Schuldige[nr]?|Kundenbetreuer(?:in|s)?|"
    r"[\w-]*Mitarbeiter(?:in|s)?|[\w-]*Angestellte[nr]?|Leiharbeiter(?:in|s)?|Auftragnehmer(?:in|s)?|"
    r"Entwickler(?:in|s)?|Programmierer(?:in|s)?|Techniker(?:in|s)?|Hacker(?:in|s)?|Jugendliche[nr]?|"
    f"{demonym_noun_re()})"
)
DETERMINERS = r"(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]en|[Dd]em|[Dd]es|[Ee]in|[Ee]ine|[Ee]inen|[Ee]inem|[Ee]iner|[Ee]ines|[Dd]ieser|[Dd]iese|[Dd]iesen|[Dd]iesem|[Jj]ener|[Jj]enen)"  # noqa: E501
# a person described, not named: "der Deutsche", "ein X-Mitarbeiter", "Dieser Mann" (also bare at the start)
DESCRIPTION = re.compile(rf"(?:(?<![\w-]){DETERMINERS}\s+|^\s*)(?:[a-zäöüß][\w-]*\s+){{0,2}}(?P<noun>[\w-]*{PERSON_NOUNS})\b")

# reporting verbs: the "R" verbs of the one list in kg/data/speech_verbs.txt, plus "fügt hinzu" and ", so X"
SPEECH_VERBS = "(?:" + "|".join(
    [f for _lemma, forms, flags in _nlp_lexicon.speech_verbs() if "R" in flags.split() for f in forms]
    + ["fügt[e]? hinzu", "so"]) + ")"


# English nationality words -> country (general knowledge; used by the English extractor and
# by the German context to keep "German" or "Deutscher" a word, not a name)
EN_DEMONYMS = {"German": "Germany", "Austrian": "Austria", "Swiss": "Switzerland", "Turkish": "Turkey",
               "American": "United States", "British": "United Kingdom", "French": "France", "Italian": "Italy",
               "Spanish": "Spain", "Russian": "Russia", "Chinese": "China", "Polish": "Poland", "Dutch": "Netherlands"}
