"""The identity of an account: its kind (page, group, website or account) and, for an account
named by itself, its name.

Why: one owner may hold several accounts on one platform ("seine offizielle Facebook-Seite" and
"seinen privaten Facebook-Account") and an own website beside them. The kind is part of what an
account is, so accounts of different kinds never merge, even with the same owner and platform;
a website is its own platform ("web") and never joins a Facebook account. An account without a
known owner is identified by its own name ("Facebook-Gruppe Bürgerwehr Beispieldorf", a domain
"beispiel.at", a handle "@beispiel"); one named only by a description ("das Facebook-Profil des
38-Jährigen") is an account of that one article.
"""
from __future__ import annotations

import re

from kg.vocab import slug

ACCOUNT, PAGE, GROUP, SITE = "account", "page", "group", "site"
WEB = "web"  # the platform slug of own websites (no onPlatform edge: a website is not on a platform)
DOMAIN = re.compile(r"(?i)^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}$")
_NOUN = re.compile(r"(?i)(?P<site>homepage|website|webseite|internetseite|internetauftritt|webauftritt|internetpräsenz|"
                   r"domain)|(?P<group>gruppe|gemeinschaft)|(?P<page>fanseite|seite|page|auftritt|präsenz)|"
                   r"(?P<account>account|konto|profil|kanal)")
# the platform noun of a kind, for labels: "Facebook-Seite von X", "Beispielgruppe (Facebook-Gruppe)"
NOUN_OF_KIND = {ACCOUNT: "Account", PAGE: "Seite", GROUP: "Gruppe"}
_DESCRIPTION = re.compile(r"^\S+-\w+\s+(?:des|der|von)\s")  # "Facebook-Profil des 38-Jährigen"


def account_kind(text: str, name: str = "") -> str:
    """The kind of account a mention text names: the first account noun in it decides
    ("Websites des Konzerns" is a site, "Facebook-Gemeinschaft X" a group); a domain name is a
    site; anything else (a handle, "Account", "Profil", "Konto", "Kanal") an account."""
    if DOMAIN.match(name or text):
        return SITE
    m = _NOUN.search(text)
    return m.lastgroup if m and m.lastgroup else ACCOUNT


def platform_slug(kind: str, platform_tail: str | None) -> str:
    """The key part before the owner: "twitter" for an account (the key accounts always had),
    "facebook-page" / "facebook-group" for pages and groups, "web" for a website."""
    if kind == SITE:
        return WEB
    base = platform_tail or "unknown"
    return base if kind == ACCOUNT else f"{base}-{kind}"


def name_slug(name: str, doc_id: str) -> str:
    """The key part of an account known by its own name; a description names an account of one article."""
    return slug(f"{doc_id} {name}") if _DESCRIPTION.match(name) else slug(name)


def account_label(kind: str, platform: str | None, owner: str | None, name: str = "") -> str:
    """"Facebook-Seite von X", "Twitter-Account von X", "Website von X"; an account named by itself
    keeps its name ("@handle", "beispiel.at", "Beispielgruppe (Facebook-Gruppe)")."""
    if name:
        if kind == SITE or name.startswith("@") or _DESCRIPTION.match(name) or not platform:
            return name
        return f"{name} ({platform}-{NOUN_OF_KIND[kind]})"
    if kind == SITE:
        return f"Website von {owner}"
    noun = NOUN_OF_KIND[kind]
    return f"{platform}-{noun} von {owner}" if platform else f"{noun} von {owner}"
