"""Markdown -> plain text: headings, emphasis, links and images without markup.

NLP must see sentences, not "**" or "[text](url)"; offsets then refer to the
plain text, which is what Document.text holds. Front matter (--- key: value ---)
provides title and date.
"""
from __future__ import annotations

import re

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M)
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s+\S+.*$", re.M)
_HEADING = re.compile(r"^\s{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_SETEXT = re.compile(r"^(.+)\n[=-]{3,}[ \t]*$", re.M)
_QUOTE = re.compile(r"^\s{0,3}>[ \t]?", re.M)
_EMPH = re.compile(r"(?<!\w)(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_CODE = re.compile(r"`([^`\n]+)`")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.M)


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
    text = _FENCE.sub("", source)
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
