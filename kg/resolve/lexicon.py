"""General German/English word lists used by name matching (no entity names).

Role and title nouns let resolution strip "Bundeskanzlerin" from
"Bundeskanzlerin Angela Merkel"; compound heads tell "ORF-Chef" (a person
linked to a name) from "Baden-Württemberg" (a name).
"""
from __future__ import annotations

from kg.roles import role_words

# Honorifics and academic titles that precede a person's name.
HONORIFICS = frozenset(
    "herr frau hr. fr. dr. dr prof. prof mag. mag ing. dipl. sir lady mr. mrs. ms. mr mrs ms "
    "st. sankt papst kardinal bischof pfarrer".split()
)

# Role nouns (lower case): the "resolve" use of the one role-noun list, kg/data/role_nouns.txt.
# A token equal to one, or ending in one after a hyphen or as a compound tail
# ("Bundeskanzlerin", "US-Präsident"), is a title.
ROLE_NOUNS = role_words("resolve")

# Heads of a compound that denote the named organisation itself
# ("Siemens-Konzern" is Siemens, "Nova-Portal" the outlet).
SELF_HEADS = frozenset(
    """
    konzern unternehmen firma gruppe konzerns portal plattform dienst netzwerk sender zeitung blatt
    magazin verlag agentur nachrichtenagentur partei
    """.split()
)

# Heads of a compound that denote something belonging to the name
# ("Twitter-Account", "Siemens-Aktie", "Trump-Gegner"): never an entity of their own.
RELATED_HEADS = ROLE_NOUNS | frozenset(
    """
    account accounts konto profil kanal seite headquarter hauptquartier zentrale sitz filiale werk
    fan fans aktie aktien chefs mitarbeitern mitarbeitende belegschaft team teams sprecherteam
    affäre skandal prozess regierung administration lager kampagne besuch rede politik
    """.split()
)

# Generic descriptors that may precede an organisation's name in an apposition
# ("IT-Portal Techcrunch", "Kurznachrichtendienst X", "Zeitung Y").
ORG_DESCRIPTOR_TAILS = frozenset(
    """
    portal plattform dienst netzwerk sender zeitung blatt magazin verlag agentur konzern unternehmen
    firma gruppe website webseite seite onlineportal nachrichtenportal fernsehsender radiosender
    """.split()
)

# Name particles that belong to a surname ("von der Leyen").
PARTICLES = frozenset("von vom van der den de del della di da du zu zur ten ter la le bin ibn al el".split())

# Particles that make the next name a father's name ("Ahmed bin Mohammed"): that name alone
# ("Mohammed") is not this person's surname.
PATRONYMICS = frozenset("bin ibn bint ben".split())

# Function words that NER sometimes tags as names; never a name on their own.
STOPWORDS = frozenset(
    "der die das des dem den ein eine einer eines einem einen er sie es wir ihr man dies diese dieser "
    "the a an he she it they we".split()
)

# Leading articles of organisation names ("Der Standard", "Die Zeit").
ARTICLES = frozenset("der die das the le la el".split())

# Public suffixes of two labels (so "bbc.co.uk" yields "bbc").
TWO_LEVEL_SUFFIXES = frozenset("co.uk org.uk ac.uk co.at or.at gv.at com.au co.jp com.br co.nz".split())

# Legal forms after a company name ("Siemens AG" is Siemens).
LEGAL_FORMS = frozenset(
    "ag gmbh kg kgaa ohg e.v. inc inc. ltd ltd. llc plc corp. co. s.a. n.v. s.p.a. holding".split()
)

# Heads that make a name into an account or profile ("Twitter-Account", "Instagram-Profil"):
# a mention with one of them is never an entity of its own, even inside a longer name.
ACCOUNT_HEADS = frozenset("account accounts konto kontos profil profils handle".split())
