"""Remove page furniture (consent notices, follow/subscribe prompts, comment
sections, separators, breadcrumbs) before NLP, so it never becomes entities.

The rules are general shapes, not strings from particular pages: furniture
addresses the reader ("Sie", "du", "you") or speaks for the publisher ("wir",
"unsere", "our") *and* talks about privacy, following, subscribing or
commenting. Paragraphs with quotation marks are speech, never furniture.
Cleaning only deletes whole lines, sentences or paragraphs; it never rewrites
what stays, so article sentences reach NLP exactly as written.
"""
from __future__ import annotations

import re

_I = re.I
# Who is spoken to / who speaks: the reader (formal, informal, English) or the publisher.
_READER = re.compile(
    r"(?<=[\w,;:] )(?:Sie|Ihr|Ihre[mnrs]?|Ihnen)\b"  # formal "Sie", not sentence-initial "they"
    r"|\b(?:[Dd]u|dich|dir|[Dd]ein\w*|[Ee]uch|[Ee]uer\w*|[Yy]ou|[Yy]our)\b")
_PUBLISHER = re.compile(r"\b(?:wir|uns|unser\w*|we|us|our)\b", _I)
_NOTICE = re.compile(r"\b(?:bitte|hinweis\w*|please|note)\b", _I)
_QUOTES = re.compile("[\"“”„«»‚‘’]|(?<!\\w)'|'(?!\\w)")


def _words_rx(alternatives: str) -> re.Pattern[str]:
    """Case-insensitive alternatives that must start at a word boundary."""
    return re.compile(rf"\b(?:{alternatives})", _I)


# Consent / embed notices: privacy vocabulary plus outside content plus an action.
_PRIVACY = _words_rx(
    r"personenbezogen\w*|datenschutz\w*|privacy|personal data|cookie\w*|einwilligung\w*|consent\w*|tracking")
_OUTSIDE = _words_rx(
    r"extern\w*|dritt\w*|third[- ]party|anbieter\w*|provider\w*|plattform\w*|platform\w*|embed\w*|eingebettet\w*")
_ACTION = _words_rx(
    r"lad(?:e|en|et|st)\b|nachladen|anzeigen lassen|aktivier\w*|klick\w*|akzeptier\w*|einverstanden|zustimm\w*"
    r"|load\w*|show\w*|click\w*|accept\w*|agree\w*|enable\w*|settings|einstellungen")
_NOTICE_HEADER = _words_rx(
    r"extern\w*|inhalt\w*|content|embed\w*|eingebettet\w*|datenschutz\w*|privacy|cookie\w*"
    r"|einwilligung|consent|drittanbieter\w*|third[- ]party")

# Comment sections: comment vocabulary plus rules / moderation / technology.
_COMMENT = _words_rx(r"kommentar\w*|kommentier\w*|comment\w*|netiquette|leserbrief\w*")
_COMMENT_RULE = _words_rx(
    r"regeln\b|richtlinie\w*|nutzungsbedingung\w*|netiquette|gelöscht|löschen|sachlich|fair\b|beleidig\w*"
    r"|rassistisch\w*|moderat\w*|freigeschaltet|freischalt\w*|geschlossen|gesteuert|anbieter\w*"
    r"|registrier\w*|anmeld\w*|guideline\w*|terms\b|removed|delete\w*|closed|powered by|provider\w*|rules"
    r"|log ?in|sign ?in")

# Calls to action: follow, subscribe, share, download, read more.
_CTA = re.compile(
    r"\b(?:folge|folgt|folgen sie|follow)\s+(?:uns|unser\w*|us|our)\b"
    r"|\b(?:uns|us)\s+(?:auch\s+)?(?:auf|bei|on)\s+(?:\S+\s+){0,3}(?:folgen|follow)\b"
    r"|\bmehr von uns\b|\bmore from us\b"
    r"|\b(?:abonnier\w*|subscribe\w*)\b.*\b(?:newsletter|kanal|channel|podcast|uns\w*|our)\b"
    r"|\bnewsletter\b.*\b(?:abonnier\w*|anmeld\w*|bestell\w*|registrier\w*|kostenlos|sign up|subscribe)"
    r"|\b(?:anmeld\w*|abonnier\w*|sign up|subscribe)\b.*\bnewsletter\b"
    r"|\b(?:teilen|share)\s+(?:auf|on|via|per|mit|with)\b"
    r"|\b(?:jetzt|hier|now)\s+(?:\S+\s+){0,3}(?:herunterladen|downloaden|installieren|abonnieren|download|install)\b"
    r"|\b(?:weiterlesen|weiter ?lesen|read on|continue reading|keep reading)\b.*\b(?:abo\w*|plus|subscri\w*|"
    r"registrier\w*|anmeld\w*|log ?in|sign ?in)\b"
    r"|\b(?:dieser|diesen|this)\s+(?:artikel|inhalt|beitrag|text|article|story|content)\b.*"
    r"\b(?:nur|exklusiv|only|exclusive(?:ly)?)\s+(?:\S+\s+){0,2}(?:für|for)\s+(?:\S+\s+){0,2}(?:abonnent\w*|subscriber\w*)",
    _I)
# Standalone header lines of furniture blocks (whole line, short).
_HEADER = re.compile(
    r"(?:\d+\s+)?(?:leser)?kommentare?(?:\s+\(\d+\))?|kommentar schreiben|kommentieren|netiquette|diskussion"
    r"|comments?|leave a (?:comment|reply)|join the discussion"
    r"|das könnte (?:sie|dich) auch interessieren|(?:das ist )?auch interessant|lesen sie auch|lies auch"
    r"|mehr zum thema|weitere artikel|ähnliche artikel|empfehlungen|read more|related(?: articles| stories)?"
    r"|you (?:may|might) also like|more on this(?: topic)?"
    r"|anzeige|werbung|advertisement|sponsored|teilen|share(?: this)?(?: article)?"
    r"|zur startseite|zurück(?: zur übersicht)?|nach oben|(?:seite|artikel) (?:drucken|merken|teilen|versenden)"
    r"|drucken|e-?mail|print|back to top|skip to (?:main )?content|zum inhalt springen"
    r"|(?:audio|video) (?:abspielen|anhören|starten)|play (?:video|audio)|zum video|zum audio",
    _I)
# Copyright and rights lines: "© 2021 Verlag XY", "Alle Rechte vorbehalten."
_RIGHTS = re.compile(r"(?:©|\(c\)\s|copyright\b)|.*\b(?:alle rechte vorbehalten|all rights reserved)\b", _I)
_SEPARATOR = re.compile(r"[\W_]+")
_BREADCRUMB_SEP = re.compile(r"\s(?:\||›|»|>)\s")
_PUBLISHED_IN = re.compile(r"(?:veröffentlicht|erschienen|published|posted|filed)\s+(?:in|under|unter)\s*\S", _I)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_PARA_SPLIT = re.compile(r"\n[ \t]*\n\s*")


def clean(text: str) -> str:
    """``text`` without page furniture; paragraphs joined by blank lines."""
    return clean_with_report(text)[0]


def clean_with_report(text: str) -> tuple[str, list[str]]:
    """Cleaned text and the furniture removed (for tests and ``--explain``)."""
    removed: list[str] = []
    paragraphs = [p for p in _PARA_SPLIT.split(text) if p.strip()]
    kept: list[str | None] = []
    for para in paragraphs:
        if _is_notice(para) or _is_comment_block(para):
            removed.append(para)
            kept.append(None)
            continue
        lines = []
        for line in para.split("\n"):
            new = _clean_line(line, removed)
            if new is not None:
                lines.append(new)
        kept.append("\n".join(lines) if lines else None)
    # a short header right before a removed notice ("Externer Inhalt") goes with it
    for i in range(len(kept) - 1):
        para = kept[i]
        if para is not None and kept[i + 1] is None and _is_notice_header(para) and _is_notice(paragraphs[i + 1]):
            removed.append(para)
            kept[i] = None
    return "\n\n".join(p for p in kept if p), removed


def _clean_line(line: str, removed: list[str]) -> str | None:
    """The line without furniture sentences, or None when nothing of it is left."""
    stripped = line.strip()
    if not stripped:
        return None
    if _is_line_furniture(stripped):
        removed.append(stripped)
        return None
    if _QUOTES.search(stripped):
        return line.rstrip()
    spans = _sentence_spans(stripped)
    keep = [i for i, (a, b) in enumerate(spans) if not _is_cta(stripped[a:b])]
    if len(keep) == len(spans):
        return line.rstrip()
    kept = set(keep)
    removed.extend(stripped[a:b] for i, (a, b) in enumerate(spans) if i not in kept)
    if not keep:
        return None
    if keep == list(range(keep[0], keep[-1] + 1)):  # contiguous: take that stretch verbatim
        return stripped[spans[keep[0]][0]:spans[keep[-1]][1]]
    return " ".join(stripped[spans[i][0]:spans[i][1]] for i in keep)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _is_cta(sentence: str) -> bool:
    """A short call to action (only short sentences are tested: bounded regex work)."""
    return len(sentence) <= 400 and _words(sentence) <= 30 and bool(_CTA.search(sentence))


def _is_line_furniture(line: str) -> bool:
    if _SEPARATOR.fullmatch(line):  # "————", "+", "* * *"
        return True
    bare = line.rstrip(":.!").strip()
    if _words(line) <= 6 and _HEADER.fullmatch(bare):
        return True
    if _words(line) <= 6 and _PUBLISHED_IN.match(line):
        return True
    if _words(line) <= 15 and _RIGHTS.match(line):
        return True
    return _is_breadcrumb(line)


def _is_breadcrumb(line: str) -> bool:
    """"Politik | Ausland", "Home › Wirtschaft › Unternehmen": short segments, no sentence."""
    segments = _BREADCRUMB_SEP.split(line)
    if len(segments) < 2 or line.endswith((".", "!", "?")):
        return False
    return all(0 < _words(s) <= 3 for s in segments) and _words(line) <= 10


def _is_notice(para: str) -> bool:
    """A consent/embed notice: privacy + outside content + an action, in the reader's or publisher's voice."""
    if _QUOTES.search(para) or _words(para) > 90:
        return False
    if re.search(r"\b(?:verwenden|nutzen|use)\s+cookies\b", para, _I) and _words(para) <= 80:
        return True
    voice = _READER.search(para) or _PUBLISHER.search(para)
    return bool(_PRIVACY.search(para) and (_OUTSIDE.search(para) and _ACTION.search(para)) and voice)


def _is_notice_header(para: str) -> bool:
    return _words(para) <= 5 and not para.rstrip().endswith(".") and bool(_NOTICE_HEADER.search(para))


def _is_comment_block(para: str) -> bool:
    """Comment-section rules, moderation notes and provider lines."""
    if _QUOTES.search(para) or _words(para) > 200:
        return False
    voice = _READER.search(para) or _PUBLISHER.search(para) or _NOTICE.search(para)
    return bool(_COMMENT.search(para) and _COMMENT_RULE.search(para) and voice)


def _words(text: str) -> int:
    return len(text.split())
