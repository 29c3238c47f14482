"""Who owns an account the text names without its owner's name: the person of the sentence, the
subject of the sentence before ("Seine Facebook-Seite ..."), the person introduced earlier by the
same description ("Der Chef der Bewegung ...", "des 38-Jährigen"), a person whose name a handle
spells, or the one owner of the article's other accounts.

Why its own module: kg.extract.accounts finds account phrases; these functions only read the
article's mentions (no account is made here), and events/facts use ``surname_owner`` too.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.records import ACCOUNT, ORG, PER
from kg.vocab import slug

# a sentence about a described person: "Der Chef der Bewegung ...", "Die Sprecherin ..."
DESCRIBED_SUBJECT = re.compile(r"(?:[A-ZÄÖÜ][\w-]*\s+[–-]\s+)?(?:Der|Die)\s+(?:[a-zäöü][\w-]*\s+)?"
                                r"(?P<noun>[A-ZÄÖÜ][a-zäöüß-]+)\s+(?:de[rs]|von)\b")


def sentence_person(ctx: Context, sent, start: int, end: int) -> int | None:
    """The one person the sentence names by name before the account phrase or after it in the same clause
    (none when there are several, when "er"/"sie" may be the owner and the name an object: "Auf seiner
    Seite kritisierte er X", or when the name stands in another clause: in "jemand hatte seinen Account
    gemeldet, habe X ..." the owner is not X)."""
    if re.search(r"\b(?:er|sie)\b", sent.text):
        return None
    people = {ctx.mentions.canon(i) for i in ctx.mentions.in_sentence(sent.index, (PER,))
              if _before_or_same_clause(ctx, ctx.mentions[i], start, end) and ctx.mentions[i].kind != "pronoun"
              and ctx.mentions[i].text.lower() not in ("er", "sie", "ihm", "ihn", "ihr") and not ctx.entities.is_platform(i)}
    return people.pop() if len(people) == 1 else None


def _before_or_same_clause(ctx: Context, m, start: int, end: int) -> bool:
    return m.end <= start or (m.start >= end and not re.search(r"[,;:]", ctx.text[end:m.start]))


def handle_person(ctx: Context, handle: str) -> int | None:
    """The one person of the article whose full name the handle spells, all words or the initial and the
    rest ("@janabeispiel", "@JBeispiel_", "@realJanaBeispiel"; not "@beispielsociety" for "Beispiel
    Astronomical Society")."""
    h = slug(handle[1:]).replace("-", "")
    found: list[int] = []
    for i, full, initial in _spelled_names(ctx):
        if not (full in h or initial in h):
            continue
        c = ctx.mentions.canon(i)
        if not any(ctx.entities.same(c, f) for f in found):
            found.append(c)
    return found[0] if len(found) == 1 else None


def _spelled_names(ctx: Context) -> list[tuple[int, str, str]]:
    """(mention, all words, initial and the rest) of the person names of two or more words, the last of four
    letters or more, folded as handles are; kept per article and extended by the mentions added since."""
    done, out = ctx.memo.get("spelled-names", (0, []))
    for i in range(done, len(ctx.mentions)):
        mm = ctx.mentions[i]
        if mm.label != PER or mm.kind != "name":
            continue
        words = [slug(w).replace("-", "") for w in re.findall(r"\w+", mm.norm or mm.text)]
        if len(words) >= 2 and len(words[-1]) >= 4:
            out.append((i, "".join(words), words[0][:1] + "".join(words[1:])))
    ctx.memo["spelled-names"] = (len(ctx.mentions), out)
    return out


def surname_owner(ctx: Context, word: str) -> int | None:
    """A genitive surname ("Müllers") of a person named in full somewhere in the article."""
    for i, mm in enumerate(ctx.mentions):
        c = ctx.mentions.canon(i)
        full = (ctx.mentions[c].norm or ctx.mentions[c].text).split()
        if mm.label == PER and len(full) > 1 and full[-1] == word:
            return c
    return None


def by_title(ctx: Context, title: str) -> int | None:
    """The single person of the article that bears this title ("US-Präsident X")."""
    stem = title.lower().split("-")[-1]
    if len(stem) < 4:
        return None
    found = []
    for i, mm in enumerate(ctx.mentions):
        if mm.label != PER or mm.kind not in ("name", "partial"):
            continue
        lead = ctx.text[max(0, mm.start - 40):mm.start].lower()
        if (mm.title and stem in mm.title.lower()) or re.search(rf"{re.escape(stem)}\w*\s+$", lead):
            c = ctx.mentions.canon(i)
            if not any(ctx.entities.same(c, f) for f in found):
                found.append(c)
    return found[0] if len(found) == 1 else None


def described_person(ctx: Context, word: str) -> int | None:
    """"des 38-Jährigen", "des Sängers": the one person the article introduces so ("der 38-jährige X"),
    else the one owner of the article's other accounts ("Trumps Account ... der Account des Präsidenten")."""
    found = by_title(ctx, re.sub(r"(?:es|en|n|s)$", "", word))
    return found if found is not None else single_owner(ctx)


def single_owner(ctx: Context) -> int | None:
    """The one owner (one entity, whatever its mentions) of all accounts of the article so far, if there is one."""
    owners = [m.owner for m in ctx.mentions if m.label == ACCOUNT and m.owner is not None]
    return owners[0] if owners and all(ctx.entities.same(owners[0], o) for o in owners[1:]) else None


def described_subject(ctx: Context, sent) -> int | None:
    """"Der Chef der Bewegung X habe ...": the one person the article introduced with that noun before
    ("gegen den Chef der Anti-Islam-Bewegung Martin Beispiel"), none when several or none."""
    noun = DESCRIBED_SUBJECT.match(sent.text).group("noun")
    found: list[int] = []
    for prev in ctx.sentences[:sent.index]:
        for hit in re.finditer(rf"\b{re.escape(noun)}\w*\s", prev.text):
            pos = prev.start + hit.end()
            after = sorted((i for i in ctx.mentions.in_sentence(prev.index) if ctx.mentions[i].start >= pos
                            and ctx.mentions[i].label in (PER, ORG)), key=lambda i: ctx.mentions[i].start)
            for i in after:
                if re.search(r"[,;:()]", ctx.text[pos:ctx.mentions[i].start]):
                    break
                person = _as_person(ctx, i)
                if person is not None:
                    if not any(ctx.entities.same(person, f) for f in found):
                        found.append(person)
                    break
    return found[0] if len(found) == 1 else None


def _as_person(ctx: Context, i: int) -> int | None:
    """A person mention, or a full name NER typed otherwise whose surname is a person of the article."""
    if ctx.mentions[i].label == PER:
        return ctx.mentions.canon(i)
    words = ctx.mentions[ctx.mentions.canon(i)].text.split()
    if len(words) < 2:
        return None
    return next((ctx.mentions.canon(j) for j, mm in enumerate(ctx.mentions)
                 if mm.label == PER and mm.kind != "pronoun" and mm.text.split()[-1:] == words[-1:]), None)


def previous_subject(ctx: Context, s: int) -> int | None:
    """"Sein/Ihr ..." opening a sentence: the first person named in the sentence before (its subject as a
    rule), not the last ("X singt Lieder von Stars wie Y. Seine Facebook-Seite ...": X)."""
    for k in range(s - 1, max(-1, s - 3), -1):
        people = sorted((i for i in ctx.mentions.in_sentence(k, (PER,)) if ctx.mentions[i].kind != "pronoun"
                         or ctx.mentions[i].antecedent is not None), key=lambda i: ctx.mentions[i].start)
        people = [i for i in people if not ctx.entities.is_platform(i)]
        if people:
            return ctx.mentions.canon(people[0])
    return None
