"""General German (and a little English) lexicons for the rule layer.

Only category words live here (role nouns, organisation and outlet nouns,
company suffixes, cue prepositions), never names of particular entities.
Role and organisation nouns are matched as compound heads, so "US-Präsident",
"Bundesaußenminister" and "Softwarekonzern" are covered by their last part.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.roles import role_words

DATA = Path(__file__).resolve().parent.parent / "data"

# nouns that stand before a person's name as a title or role ("Reporter X"): the "ner" use of
# the one role-noun list, kg/data/role_nouns.txt
PERSON_ROLES = role_words("ner")

# nouns for organisations: "das Unternehmen X", "der Softwarekonzern X"
ORG_NOUNS = frozenset("""
unternehmen konzern firma hersteller anbieter dienstleister startup start-up gesellschaft partei verein
verband club klub gewerkschaft organisation behörde amt kammer anstalt staatsministerium ministerium institut stiftung universität
hochschule bank versicherung gruppe holding kette airline fluggesellschaft team mannschaft fraktion
gericht amt kommission museum label plattform netzwerk dienst kurznachrichtendienst onlinedienst
händler onlinehändler autobauer reederei brauerei werk werke mutterkonzern tochterfirma
tochtergesellschaft zulieferer betreiber marke bündnis allianz agentur armee miliz bewegung
band ensemble chor orchester duo trio quartett mannschaft sportverein fußballverein klub
company corporation firm party union
""".split())

# compound heads whose hyphen prefix is an organisation: "X-Mitarbeiter", "X-Konto"
ORG_COMPOUND_HEADS = frozenset("""
mitarbeiter mitarbeiterin mitarbeitern mitarbeitende angestellte angestellter nutzer nutzerin nutzern user
chef chefin sprecher sprecherin zentrale aktie aktien management plattform
dienst team konzern tochter app server support kunden kunde manager vorstand gründer filiale sitz
headquarter headquarters hauptquartier hauptsitz firmensitz firmenzentrale konzernzentrale niederlassung
belegschaft pressestelle kundendienst kundenservice aktionäre geschäftsführung
employee employees staff spokesman spokeswoman users executive executives headquarters shareholders
""".split())

# nouns for news outlets (MediaOrganization): "dem IT-Portal X", "die Zeitung X"
MEDIA_NOUNS = frozenset("""
zeitung tageszeitung wochenzeitung zeitschrift magazin nachrichtenmagazin blatt portal nachrichtenportal
onlineportal newsportal website webseite newsseite nachrichtenseite blog techblog sender fernsehsender
radiosender rundfunk nachrichtensender sendung radiosendung nachrichtenagentur medium boulevardblatt
boulevardzeitung sonntagszeitung onlineausgabe newsletter podcast fachmagazin onlinemagazin fernsehen
tv-sender kanal verlag radioprogramm programm nachrichtenseite onlinezeitung
seite internetseite onlineseite newspaper magazine broadcaster outlet
""".split())

# press nouns that announce an outlet's name even where the name is a place or a common word
# ("die Tageszeitung Österreich", "die Gratiszeitung Heute")
PRESS_NOUNS = frozenset("""
zeitung tageszeitung wochenzeitung zeitschrift magazin nachrichtenmagazin blatt boulevardblatt
boulevardzeitung sonntagszeitung gratiszeitung onlinezeitung sender fernsehsender radiosender
nachrichtensender nachrichtenagentur
""".split())
# words before a quoted outlet name: "laut 'Heute'", "berichtete „Österreich“"
REPORT_WORDS = frozenset("laut berichtet berichtete berichten schreibt schrieb meldet meldete zitiert gegenüber".split())
QUOTE_MARKS = frozenset("\"'„“”«»‚‘’")


def press_noun(word: str) -> bool:
    return word[:1].isupper() and media_head(word) in PRESS_NOUNS


def quoted_report(doc, start: int, end: int) -> bool:
    """doc[start:end] stands in quotes right after "laut" or a report verb."""
    from kg.nlp.tokens import tokens

    toks = tokens(doc)
    return (start >= 2 and end < len(toks) and toks[start - 1].text in QUOTE_MARKS and toks[end].text in QUOTE_MARKS
            and toks[start - 2].lower_ in REPORT_WORDS)


# journalist roles whose hyphen prefix names an outlet: "X-Reporter Y"
MEDIA_ROLES = frozenset("""
reporter reporterin journalist journalistin redakteur redakteurin korrespondent korrespondentin
kolumnist kolumnistin chefredakteur chefredakteurin autor autorin moderator moderatorin
""".split())

# place nouns: "die Stadt X", "in der Region X"
LOC_NOUNS = frozenset("""
stadt hauptstadt großstadt kleinstadt gemeinde land region provinz bundesland bundesstaat staat dorf
kreis landkreis bezirk stadtteil insel fluss see berg metropole kanton republik königreich
dörfer städte gemeinden orte ortschaften ortsteile stadtteile inseln flüsse regionen provinzen bezirke
city town country state province region village island river
""".split())

# last words of newspaper and broadcaster names ("Berliner Kurier", "Hessischer Rundfunk")
MEDIA_NAME_WORDS = frozenset("""
zeitung kurier anzeiger rundschau allgemeine post presse bote tagblatt nachrichten echo morgenpost
rundfunk rundfunks tageblatt stimme volksstimme abendblatt abendzeitung zeitschrift welle radio fernsehen
presse-agentur presseagentur nachrichtenagentur
""".split())

# last words of multi-word place names ("Frankfurter Hauptbahnhof", "Vereinigte Staaten")
PLACE_WORDS = tuple("""
straße strasse platz bahnhof hauptbahnhof see berg wald gebirge tal insel inseln staaten osten westen
norden süden meer ozean kanal markt brücke allee weg ring park hafen flughafen land länder republik
königreich emirate alpen heide bucht küste kreis viertel gasse ufer
moschee stadion arena kathedrale palast tempel synagoge basilika
""".split())


def place_word(word: str) -> bool:
    low = word.lower()
    return low.endswith(PLACE_WORDS) or low.rstrip("s").endswith(PLACE_WORDS)


# common nouns of the web, social media and devices that taggers take for names ("über Tweets", "per Smartphone")
WEB_NOUNS = frozenset("""
tweet tweets retweet retweets posting postings post posts like likes follower followers hashtag hashtags
selfie selfies emoji emojis meme memes livestream stream streams blog blogs vlog vlogs podcast podcasts
app apps link links newsfeed feed feeds timeline account accounts profil profile user usern story stories
shitstorm trolle troll trolls bot bots chat chats screenshot screenshots upload uploads clip clips
smartphone smartphones tablet tablets laptop laptops notebook notebooks handy handys smartwatch smartwatches
computer computers server software hardware browser download downloads update updates website websites
homepage e-mail e-mails email mails newsletter game games gamer gamers
""".split())

# legal-form suffixes that end a company name
COMPANY_SUFFIXES = frozenset("""
GmbH AG SE KG KGaA OHG e.V. eG mbH Inc. Inc Ltd. Ltd LLC Corp. Corp Corporation Co. plc PLC S.A. SA
N.V. NV B.V. BV S.p.A. SpA Holding Group AB ASA Oy GbR UG Limited LLP
""".split())

# heads inside multi-word names that make them organisations ("Universität Hamburg")
ORG_NAME_WORDS = frozenset("""
Bank Partei Union Verein Institut Universität Hochschule Stiftung Gruppe Group Verband Rat Kommission
Agentur Gesellschaft Ministerium Bund Club Klub Company Bureau Akademie Gericht Werke Bahn Airlines
Nationen Parlament Kongress Senat Rundfunk Zentralbank Gewerkschaft Kirche Fraktion Koalition Amt
Polizei Armee Museum Theater Orchester Liga Stadtwerke Versicherung Holding Foundation University Verlag
Sparkasse Volksbank Landesbank Bundesamt Partner Werk
Institute Council Committee Association Party Agency Department Ministry Court Bank United Airways
Hotel Worldwide Records Motors Systems Technologies Labs Laboratory Studios Pictures Entertainment Holdings
School College Theatre Force
""".split())

# words of a sports report (match, league, table, squad; compound heads count: "Achtelfinal-Hinspiel",
# "Kellerduell"): a city named alone in such a sentence may be its club ("gegen Lille")
# Source: general German sports vocabulary, whole classes (matches, competitions, results, positions).
SPORT_WORDS = tuple("""
spiel spiele spiels partie partien match duell derby tor tore toren treffer elfmeter liga saison
tabelle punkte punkt sieg siege siegen niederlage remis unentschieden heimspiel auswärtsspiel
finale halbfinale viertelfinale achtelfinale hinspiel rückspiel pokal meisterschaft trainer kader
stürmer verteidiger torhüter torwart mannschaft runde spieltag anpfiff abpfiff halbzeit
""".split())

# nouns that name a club by its standing ("Tabellenführer X", "Verfolger X"), in a sports sentence
SPORT_RANKS = tuple("""
tabellenführer spitzenreiter verfolger schlusslicht aufsteiger absteiger titelverteidiger meister
gegner rivale rivalen tabellenzweite tabellenzweiter tabellendritte tabellendritter
""".split())

# English business words that end a firm's name and never a person's ("Hubert Xyz Media")
BUSINESS_WORDS = frozenset("""
Media Music Records Recordings Publishing Entertainment Pictures Studios Holdings Group Foundation Institute
University Airlines Airways Motors Systems Technologies Labs Software Productions Films Network Networks
""".split())

# sport-club style abbreviations that open an organisation name ("FC ...")
ORG_PREFIXES = frozenset("FC SC SV VfB VfL TSV TSG SpVgg SG BSC FSV SSV KSC RB AC AS TU FH".split())

# words that open a place name ("Bad X", "Port X", "Lido di X")
PLACE_PREFIXES = frozenset("""Bad Sankt Port Mount Lake Cape Kap Cerro Lido Isola Monte Rio Río Lac Lago Puerto Porto
San Santa Santo São Saint Sainte Fort Cabo Isla Playa Costa Golf Mont""".split())

# prepositions that take places: "in X", "aus X", "nach X"
LOC_PREPS = frozenset("in aus nach nahe bei von im ins gen via durch südlich nördlich westlich östlich".split())
STRONG_LOC_PREPS = frozenset("in nach aus nahe südlich nördlich westlich östlich".split())

def speech_verbs() -> list[tuple[str, tuple[str, ...], str]]:
    """(lemma, finite forms, flags) of kg/data/speech_verbs.txt, the one list of verbs of saying
    (flags: "P" types a person in kg.nlp, "R" is a reporting verb for kg.extract)."""
    out = []
    for line in (DATA / "speech_verbs.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            head, _, flags = line.partition("|")
            lemma, _, forms = head.partition(":")
            out.append((lemma.strip(), tuple(forms.split()), flags))
    return out


# verbs of saying: the unknown name before or after is most often a person
SPEECH_VERBS = frozenset(lemma for lemma, _forms, flags in speech_verbs() if "P" in flags.split())

# verbs of share prices in market reports: "X gaben 1,6 Prozent nach", "X legten um 3 % zu"
MARKET_VERBS = frozenset("""
gaben gab verloren verlor legten legte stiegen stieg fielen fiel lagen lag sanken sank rutschten rutschte
kletterten kletterte notierten notierte zogen zog büßten büßte verteuerten verteuerte verbilligten
verbilligte gewannen gewann schlossen schloss brachen brach sackten sackte
""".split())
PERCENT = frozenset("prozent % prozentpunkte".split())

# name particles inside person names ("Ursula von der Leyen")
NAME_PARTICLES = frozenset("von vom van der de da di zu del della dei den dos du la le bin ibn al el ter ten".split())

# endings of place names ("-hausen", "-burg"); used only for otherwise untyped single names
PLACE_SUFFIXES = tuple("""burg dorf stadt hausen heim ingen feld bach kirchen furt hafen land ien istan rode leben
stedt brück brücken walde wald tal tals berg bergs hagen horst beck büttel itz gau""".split())

# endings of named streets, squares, huts and lakes ("Knoopstraße", "Gendarmenmarkt", "Salmhütte")
SITE_SUFFIXES = tuple("straße strasse gasse allee platz markt hütte see".split())

# endings of German abstract nouns: an unknown word with one is a noun, not a name
NOUN_ENDINGS = tuple("ung ungen heit heiten keit keiten schaft schaften ismus ität itäten sport".split())

MONTHS = frozenset("""Januar Februar März April Mai Juni Juli August September Oktober November Dezember
Jänner Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag January February March June July
October December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


def _head(word: str, nouns: frozenset[str], compounds: bool = True) -> str | None:
    """The lexicon noun that ``word`` ends with as a compound head, or None; inflected
    forms count too ("Präsidenten", "Mitarbeitern", "Reporterinnen")."""
    low = word.lower().rstrip(".")
    for form in _forms(low):
        hit = _head_exact(form, nouns, compounds)
        if hit:
            return hit
    return None


def _forms(low: str) -> tuple[str, ...]:
    forms = [low]
    for ending in ("nen", "en", "es", "n", "s"):
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            forms.append(low[: -len(ending)])
    return tuple(forms)


def _head_exact(low: str, nouns: frozenset[str], compounds: bool) -> str | None:
    if low in nouns:
        return low
    part = low.rsplit("-", 1)[-1]
    if part in nouns:
        return part
    if not compounds:
        return None
    for n in range(len(low) - 2, 3, -1):  # longest head first: "Softwarekonzern" -> "konzern", "Ölkonzern"
        tail = low[-n:]
        if tail in nouns:
            return tail
    return None


@lru_cache(maxsize=100_000)
def role_head(word: str) -> str | None:
    return _head(word, PERSON_ROLES)


@lru_cache(maxsize=100_000)
def org_head(word: str) -> str | None:
    return _head(word, ORG_NOUNS)


@lru_cache(maxsize=100_000)
def media_head(word: str) -> str | None:
    return _head(word, MEDIA_NOUNS)


@lru_cache(maxsize=100_000)
def loc_head(word: str) -> str | None:
    return _head(word, LOC_NOUNS, compounds=False)


def exact_cue(word: str) -> bool:
    """A role, organisation or outlet noun as a whole word or hyphen head (no compound guessing)."""
    return any(_head(word, nouns, compounds=False) for nouns in (PERSON_ROLES, ORG_NOUNS, MEDIA_NOUNS))
