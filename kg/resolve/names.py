"""Name normalisation: folding, match keys, titles, domains, inflection, name parts.

Pure string functions; every matching rule in kg.resolve builds on these so
that the same surface form always yields the same keys.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.resolve.lexicon import (
    ACCOUNT_HEADS,
    ARTICLES,
    HONORIFICS,
    LEGAL_FORMS,
    ORG_DESCRIPTOR_TAILS,
    PARTICLES,
    RELATED_HEADS,
    ROLE_NOUNS,
    SELF_HEADS,
    TWO_LEVEL_SUFFIXES,
)
from kg.resolve.lookalike import skeleton

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?((?:[a-z0-9][a-z0-9-]*\.)+)([a-z]{2,6})/?$", re.I)
_QUOTES = "\"'„“”‚‘’«»›‹"


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive form ("Jovanović" == "jovanovic", "Müller" == "mueller"),
    Cyrillic/Greek look-alikes inside Latin words read as Latin ("Wіred" == "wired")."""
    if text.isascii():
        return text.lower()  # the same as below for ASCII, at a fraction of the cost
    low = skeleton(text).casefold().translate(_GERMAN)
    return unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=1 << 16)
def compact(text: str) -> str:
    """Fold and drop everything but letters and digits ("Heise News" == "heise-news" == "HeiseNews")."""
    return re.sub(r"[^a-z0-9]+", "", fold(text))


def clean(text: str) -> str:
    """Trim quotes, brackets and punctuation around a surface form and squeeze spaces."""
    text = re.sub(r"\s+", " ", text).strip()
    text = text.strip(_QUOTES + "()[]{},;:!?").strip()
    return text.rstrip("-").rstrip() if len(text) > 1 else text  # "Healthcare- und ..." elision


def tokens(text: str) -> list[str]:
    return text.split()


@lru_cache(maxsize=1 << 17)
def domain_key(text: str) -> str | None:
    """The name part of a web domain ("derStandard.at" -> "derstandard"), else None."""
    m = _DOMAIN.match(text.strip())
    if not m:
        return None
    labels = (m.group(1) + m.group(2)).lower().split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in TWO_LEVEL_SUFFIXES:
        labels = labels[:-1]
    return compact(labels[-2]) or None


def primary_key(text: str) -> str:
    """The key a form merges by: its domain for a web address, else its compact fold."""
    return domain_key(text) or compact(text)


def _tail(token: str) -> str:
    """Last hyphen part of a token, lower-cased ("US-Präsident" -> "präsident")."""
    return token.rsplit("-", 1)[-1].lower().strip(".,")


_ROLE_SUFFIXES = tuple(sorted(r for r in ROLE_NOUNS if len(r) >= 5))


def is_role(token: str) -> bool:
    """A title or role noun, alone or as the tail of a compound ("Bundeskanzlerin")."""
    low = token.lower().strip(",")
    if low in HONORIFICS:
        return True
    tail = _tail(token)
    if tail in ROLE_NOUNS:
        return True
    return tail[3:].endswith(_ROLE_SUFFIXES)  # a compound tail after >= 3 letters


def is_compound_role(token: str) -> bool:
    """A role noun built as a compound ("US-Präsident", "Auftragnehmer"), which no surname is;
    a bare role noun ("Richter", "Kaiser") may be one."""
    tail = _tail(token)
    if "-" in token.strip("-") and tail in ROLE_NOUNS:
        return True
    return tail[3:].endswith(_ROLE_SUFFIXES)


def strip_person_title(text: str, title: str | None = None) -> str:
    """Drop titles and roles before a person's name ("US-Präsident Donald Trump" -> "Donald Trump")."""
    if title and text.startswith(title + " "):
        text = text[len(title) + 1:]
    toks = tokens(text)
    while len(toks) > 1 and is_role(toks[0]):
        toks = toks[1:]
    return " ".join(toks)


def strip_org_descriptor(text: str) -> str | None:
    """The name after a generic descriptor ("IT-Portal Techcrunch" -> "Techcrunch"), else None."""
    toks = tokens(text)
    if len(toks) < 2:
        return None
    tail = _tail(toks[0])
    if tail in ORG_DESCRIPTOR_TAILS or any(tail.endswith(d) and len(d) >= 5 for d in ORG_DESCRIPTOR_TAILS):
        return " ".join(toks[1:])
    return None


def strip_article(text: str) -> str | None:
    """An organisation name without its leading article ("Der Standard" -> "Standard")."""
    toks = tokens(text)
    if len(toks) >= 2 and toks[0].lower() in ARTICLES:
        return " ".join(toks[1:])
    return None


def strip_legal_form(text: str) -> str | None:
    """A company name without its legal form ("Siemens AG" -> "Siemens"), else None."""
    toks = tokens(text)
    cut = len(toks)
    while cut > 1 and toks[cut - 1].lower().strip(",") in LEGAL_FORMS:
        cut -= 1
    if cut < len(toks) and toks[cut - 1] in ("&", "+", "und"):
        cut -= 1
    return " ".join(toks[:cut]).rstrip(",") if 0 < cut < len(toks) else None


def inflection_variants(text: str) -> list[str]:
    """Uninflected candidates of a name: genitive -s/-' and adjective -en/-er/-es ("Deutschen Bank").

    Callers accept a variant only when it occurs elsewhere in the corpus.
    """
    toks = tokens(text)
    if not toks:
        return []
    out: list[str] = []
    last = toks[-1]
    for suffix in ("'s", "’s", "s", "'", "’"):
        if last.endswith(suffix) and len(last) - len(suffix) >= 2 and last[-len(suffix) - 1].isalpha():
            out.append(" ".join(toks[:-1] + [last[: -len(suffix)]]))
    if len(toks) >= 2 and toks[0][:1].isupper():
        first = toks[0]
        for suffix in ("en", "er", "es", "em"):
            if first.endswith(suffix) and len(first) > 4:
                out.append(" ".join([first[:-1]] + toks[1:]))
                break
    return out


def compound_parts(text: str) -> tuple[str, str, str] | None:
    """Split "ORF-Chef" into (prefix, head, kind) with kind "self" or "related", else None.

    A longer name holding an account word ("Trumps Twitter-Account") is
    "related" with an empty prefix: no entity, and no link either.
    """
    t = text.strip()
    toks = tokens(t)
    if len(toks) > 1:
        for tok in toks:
            head = tok.rsplit("-", 1)[-1].lower()
            if head in ACCOUNT_HEADS or any(head.endswith(h) and len(head) > len(h) + 2 for h in ACCOUNT_HEADS):
                return "", tok, "related"
        return None
    low = t.lower()
    for h in ACCOUNT_HEADS:
        if "-" not in t and low.endswith(h) and len(low) > len(h) + 2:
            return t[: -len(h)], t[-len(h):], "related"
    if "-" not in t:
        return None
    prefix, head = t.rsplit("-", 1)
    low = head.lower()
    if not prefix or not head:
        return None
    if low in SELF_HEADS:
        return prefix, head, "self"
    if low in RELATED_HEADS or low in ACCOUNT_HEADS or is_role(head):
        return prefix, head, "related"
    return None


@lru_cache(maxsize=1 << 17)
def person_parts(text: str) -> tuple[str, str] | None:
    """(first name, surname) of a full person name, else None ("Ursula von der Leyen" -> ("Ursula", "von der Leyen"))."""
    toks = tokens(text)
    if len(toks) < 2:
        return None
    first = toks[0]
    rest = toks[1:]
    # skip middle names and initials up to the surname (particles belong to it)
    i = len(rest) - 1
    while i > 0 and rest[i - 1].lower() in PARTICLES:
        i -= 1
    return first, " ".join(rest[i:])


@lru_cache(maxsize=1 << 17)
def single_name(text: str) -> str | None:
    """The bare name if ``text`` is a single name (or particles + surname), else None."""
    toks = tokens(text)
    if len(toks) == 1:
        return toks[0]
    if len(toks) > 1 and all(t.lower() in PARTICLES for t in toks[:-1]):
        return text
    return None


def is_initial(token: str) -> bool:
    return bool(re.fullmatch(r"[A-ZÄÖÜ]\.?", token))


def first_names_compatible(a: str, b: str) -> bool:
    """Equal first names, or an initial and a name that starts with it ("A." ~ "Anna")."""
    if fold(a) == fold(b):
        return True
    if is_initial(a) and not is_initial(b):
        return fold(b).startswith(fold(a[0]))
    if is_initial(b) and not is_initial(a):
        return fold(a).startswith(fold(b[0]))
    return False
