"""Account rows: pages, profiles, groups and own websites named as such (German).

Data only: see kg.extract.patterns for the row format; kg.extract.accounts
(``extract_account_rows``) turns a match into an ACCOUNT mention with
accountOf (slot ``owner``, or the owner rule for "seiner/ihrer": the person,
else the organisation, the clause is about) and onPlatform (the platform named
by the compound's prefix, "Facebook-Seite"). Own websites ("seiner Homepage",
"UEFA-Homepage") have no platform.
"""
from __future__ import annotations

from kg.extract.patterns.classes import register_class

# social platforms: broad general knowledge, not names of any test article
PLATFORMS = (r"(?:Facebook|Twitter|Instagram|YouTube|Youtube|Weibo|TikTok|Tiktok|LinkedIn|Snapchat|Telegram|WhatsApp|"
             r"Xing|Tumblr|Reddit|Pinterest|VK|Myspace|MySpace|Flickr|Twitch|Mastodon|Threads|Bluesky|WeChat)")
PAGE_NOUNS = r"(?:Seite|Fanseite|Account|Konto|Profil|Kanal|Gruppe|Gemeinschaft|Auftritt|Präsenz|Page)(?:s|es|n)?"
SITE_NOUNS = r"(?:Homepage|Website|Webseite|Internetseite|Internetauftritt|Webauftritt|Domain)(?:s|n)?"
register_class("PLATFORM_PAGE", rf"{PLATFORMS}-{PAGE_NOUNS}")
register_class("SITE_NOUN", SITE_NOUNS)
register_class("OWNED_PAGE", rf"{PLATFORMS}-{PAGE_NOUNS}|{SITE_NOUNS}")
DOMAIN = r"(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}"  # "beispiel.at", lower case as written

_POSS = {"LOWER": {"IN": ["sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren", "ihrer",
                          "ihres"]}, "TAG": {"REGEX": "(?:PPOSAT|)"}, "SLOT": "own"}
_ADJ = {"ENT": "", "TEXT": {"REGEX": r"[a-zäöüß][\w-]*"}, "OP": "{0,2}"}
_NAMES = ["PER", "ORG", "MEDIA", "LOC", "ACCOUNT"]  # {"ENT": {"NOT_IN": _NAMES}}: a plain word (a required "ENT": "" never matches)
_OWNER = {"ENT": {"IN": ["PER", "ORG", "MEDIA"]}, "SLOT": "owner"}

ROWS: list[dict] = [
    {"name": "accountOf.named-group/1", "predicate": "accountOf",
     "about": "a platform page or group followed by its name: the name names the account (an organisation, "
              "or capitalised words holding a proper noun or place; checked in kg.extract.accounts)",
     "example": "die geschlossene Facebook-Gruppe Nachbarschaftshilfe Beispieldorf",
     "pattern": [{"IS": "PLATFORM_PAGE", "SLOT": "acc"},
                 {"ENT": {"NOT_IN": ["PER", "ACCOUNT"]}, "TEXT": {"REGEX": r"[A-ZÄÖÜ][\w.&-]*"}, "OP": "+",
                  "SLOT": "name"}],
     "subject": "acc", "object": "@none", "confidence": 0.75},
    {"name": "accountOf.named-site/1", "predicate": "accountOf",
     "about": "'die Domain beispiel.at': someone's domain, named by itself (a site named by its address, 'die "
              "Website beispielzeitung.at', is a site and an outlet, a MediaOrganization: no account)",
     "example": "ein Mann, der sich die Domain beispiel-partei.at gesichert hatte",
     "pattern": [{"IS": "SITE_NOUN", "LOWER": {"REGEX": "domains?"}, "SLOT": "acc"},
                 {"TEXT": {"REGEX": DOMAIN}, "ENT": {"NOT_IN": _NAMES}, "SLOT": "name"}],
     "subject": "acc", "object": "@none", "confidence": 0.75},
    {"name": "accountOf.page-of/1", "predicate": "accountOf",
     "about": "a platform page or own website with its owner in the genitive or after 'von'",
     "example": "das Facebook-Profil des Sängers Jonas Albrecht; etliche Websites des Konzerns Beispiel AG",
     "pattern": [{"IS": "OWNED_PAGE", "SLOT": "acc"}, {"LOWER": {"IN": ["des", "der", "von"]}}, _ADJ,
                 {"ENT": "", "TEXT": {"REGEX": r"[A-ZÄÖÜ][\w-]*"}, "OP": "?"}, _OWNER],
     "subject": "acc", "object": "owner", "confidence": 0.75},
    {"name": "accountOf.page-of-description/1", "predicate": "accountOf",
     "about": "a platform page of someone the article only describes: the account has no named owner and is "
              "known by the description (an account of this article only); the description is an inflected noun "
              "('des 38-Jährigen', 'des Täters'), not a name NER missed ('der Beispiel-Show')",
     "example": "Das Foto stammte vom Facebook-Profil des 38-Jährigen.",
     "pattern": [{"IS": "PLATFORM_PAGE", "SLOT": "acc"}, {"LOWER": {"IN": ["des", "der"]}}, _ADJ,
                 {"ENT": {"NOT_IN": _NAMES}, "TEXT": {"REGEX": r"(?:\d+-)?[A-ZÄÖÜ][\w-]*[ns]"}, "TAG": {"NOT_IN": ["NE"]},
                  "SLOT": "desc"},
                 {"ENT": {"NOT_IN": _NAMES}, "TEXT": {"REGEX": r"[^A-ZÄÖÜ].*"}}],  # "der Stadt Wien": no description
     "subject": "acc", "object": "@none", "confidence": 0.7},
    {"name": "accountOf.possessive-page/1", "predicate": "accountOf",
     "about": "'auf seiner Facebook-Seite', 'über ihren privaten Twitter-Account': the clause's person owns it",
     "example": "Auf seiner Facebook-Seite wirbt Parteichef Jonas Albrecht um Stimmen.",
     "pattern": [_POSS, _ADJ, {"IS": "PLATFORM_PAGE", "SLOT": "acc"}],
     "subject": "acc", "object": "@possessor", "confidence": 0.75},
    {"name": "accountOf.possessive-site/1", "predicate": "accountOf",
     "about": "'auf seiner Homepage', 'auf ihrer Website': an own website (no platform)",
     "example": "Das erklärte die Sängerin Lea Beispiel auf ihrer Homepage.",
     "pattern": [_POSS, _ADJ, {"IS": "SITE_NOUN", "SLOT": "acc"}],
     "subject": "acc", "object": "@possessor", "confidence": 0.75},
    {"name": "accountOf.owner-site/1", "predicate": "accountOf",
     "about": "'UEFA-Homepage': the compound prefix names the owner of the site",
     "example": "sagte der Trainer auf der Beispielbund-Homepage",
     "pattern": [{"HEAD_IS": "SITE_NOUN", "PREFIX_ENT": ["ORG", "MEDIA", "PER"], "SLOT": "acc"}],
     "subject": "acc", "object": "acc", "confidence": 0.75},
]
