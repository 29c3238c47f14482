"""Name shapes: acronyms, CamelCase, web domains, genitive stripping."""
from __future__ import annotations

import re

ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,6}$")
ROMAN = re.compile(r"^[IVXLCDM]+$")
CAMEL = re.compile(r"^(?:[a-zäöü]{1,3}[A-ZÄÖÜ][a-zäöü]+\w*|[A-ZÄÖÜ][a-zäöü]+[A-ZÄÖÜ][A-Za-zäöüÄÖÜß]*)$")
DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?((?:[a-z0-9äöü][a-z0-9äöü-]*\.)+(?:de|com|net|org|at|ch|eu|info|io|co\.uk|"
    r"uk|fr|it|es|nl|tv|fm|news|online|me|us|ru|pl|be))/?$",
    re.IGNORECASE,
)
HAS_LETTER = re.compile(r"[^\W\d_]")


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text)) and not ROMAN.match(text) and sum(c.isupper() for c in text) >= 2


def is_camel(text: str) -> bool:
    return bool(CAMEL.match(text))


def domain_of(text: str) -> str | None:
    """"www.example.de" -> "example.de"; None if the token is not a web domain."""
    m = DOMAIN.match(text)
    return m.group(1).lower() if m else None


def domain_base(domain: str) -> str:
    """"example.de" -> "example", "blog.example.co.uk" -> "example"."""
    parts = domain.lower().split(".")
    if len(parts) >= 3 and parts[-2] == "co":
        parts = parts[:-1]
    return parts[-2] if len(parts) >= 2 else parts[0]


def strip_genitive(word: str) -> str:
    """"Müllers" -> "Müller", "Müller's" -> "Müller"; leaves "Klaus", "Paris" to the caller's judgement."""
    for suffix in ("'s", "’s", "s'", "s’", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "os", "as", "ys", "x", "ß")) and len(word) > 3:
        return word[:-1]
    return word


def is_capitalised(text: str) -> bool:
    return bool(text) and (text[0].isupper() or is_camel(text))
