"""Markdown -> plain text: headings, emphasis, links and images without markup.

Every pattern is bounded (no unbounded lazy match across a line), so hostile
input such as 100,000 unclosed "*" or "[" stays linear.

NLP must see sentences, not "**" or "[text](url)"; offsets then refer to the
plain text, which is what Document.text holds. Front matter (--- key: value ---)
provides title and date.
"""
from __future__ import annotations

import re

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,1000}\)")
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,1000}\)")
_REF_LINK = re.compile(r"\[([^\]\n]{1,300})\]\[[^\]\n]{0,300}\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]{1,300}\]:[ \t]+\S.*$", re.M)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+([^\n]*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_SETEXT = re.compile(r"^(.+)\n[=-]{3,}[ \t]*$", re.M)
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_EMPH = re.compile(r"(?<!\w)(\*\*|__|\*|_|~~)(?=\S)([^\n]{1,300}?)(?<=\S)\1(?!\w)")
_CODE = re.compile(r"`([^`\n]{1,300})`")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>")
_RULE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)


def _drop_fences(source: str) -> str:
    """Fenced code blocks are not article text; an unclosed fence runs to the end (linear)."""
    out: list[str] = []
    fence = ""
    for line in source.split("\n"):
        mark = line.lstrip()[:3]
        if fence:
            if mark == fence and not line.strip()[3:].strip():
                fence = ""
        elif mark in ("```", "~~~"):
            fence = mark
        else:
            out.append(line)
    return "\n".join(out)


def markdown_to_text(source: str) -> tuple[str, dict[str, str]]:
    """(plain text, front-matter fields such as title/date/url)."""
    meta: dict[str, str] = {}
    m = _FRONT.match(source)
    if m:
        for line in m.group(1).split("\n"):
            key, sep, value = line.partition(":")
            if sep and value.strip():
                meta[key.strip().lower()] = value.strip().strip("\"'")
        source = source[m.end():]
    h = _HEADING.search(source)
    if h and "title" not in meta:
        meta["title"] = _EMPH.sub(r"\2", h.group(1)).strip()
    text = _drop_fences(source)
    text = _RULE.sub("", text)
    text = _REF_DEF.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _HEADING.sub(r"\1", text)
    text = _SETEXT.sub(r"\1", text)
    text = _QUOTE.sub("", text)
    text = _CODE.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for _ in range(2):  # nested emphasis (**_x_**)
        text = _EMPH.sub(r"\2", text)
    return text, meta
