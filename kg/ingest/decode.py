"""Bytes -> text: encoding detection, binary detection, Unicode normalisation.

Articles come from anywhere (scrapes, exports, Windows editors), so decoding
must never fail: BOMs first, then strict UTF-8, then mostly-UTF-8 with
replacement characters, then CP1252. Mostly-ASCII UTF-8 with a few broken
bytes has no valid sequence to vote for UTF-8, so CP1252 must also read
plausibly: a capital letter inside a lower-case word ("KaÃrl", "MÃ¼ller" minus
a byte) is a broken UTF-8 sequence, not a Windows character, and such text is
kept as UTF-8 with U+FFFD for the bad bytes. Binary files are recognised and
refused instead of being fed to NLP as mojibake.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"SQLite format 3", "SQLite database"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Invisible characters that only disturb tokenisation: zero-width space, word
# joiner, BOM, soft hyphen, and bidi embedding/override/isolate controls
# (the classic "Trojan Source" trick). ZWJ/ZWNJ are kept: some scripts need them.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
# C0/C1 control characters other than tab and newline.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BINARY = re.compile("[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # U+FFFD or Cc except \t \n \r \f
# Unicode line/paragraph separators and NEL become newlines.
_LINE_SEPS = re.compile("\r\n?|[\u2028\u2029\x85]")
# Lone surrogates (JSON "\\ud800") cannot be encoded as UTF-8 anywhere downstream.
_SURROGATE = re.compile("[\ud800-\udfff]")


class BinaryInput(ValueError):
    """The bytes are not text (the message says what they look like)."""


def sniff_binary(head: bytes) -> str | None:
    """What kind of binary ``head`` (the first bytes of a file) is, or None for text."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if _bom_encoding(head):
        return None
    if b"\x00" in head:
        if _looks_utf16(head):
            return None
        return "contains NUL bytes"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text; returns (text, encoding name). Raises BinaryInput."""
    kind = sniff_binary(data[:4096])
    if kind:
        raise BinaryInput(f"binary file ({kind}), not text")
    enc = _bom_encoding(data)
    if enc:
        bom_len = 4 if enc.startswith("utf-32") else (3 if enc == "utf-8" else 2)
        return data[bom_len:].decode(enc, errors="replace"), enc + " (BOM)"
    if b"\x00" in data[:4096]:
        enc = _looks_utf16(data[:4096])
        if enc:
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes CP1252 leaves undefined: stray UTF-8 continuation bytes
        return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
    if not _plausible_cp1252(text):
        return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
    return text, "cp1252"


def normalize(text: str) -> str:
    """NFC, unified newlines, no invisible or control characters, no NBSP.

    Applied once before cleaning, so every later offset is into this text.
    """
    text = _LINE_SEPS.sub("\n", text)
    text = _SURROGATE.sub("\ufffd", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return unicodedata.normalize("NFC", text)


def looks_binary_text(text: str) -> bool:
    """True when decoded text is mostly control or replacement characters."""
    if not text:
        return False
    sample = text[:20000]
    bad = len(_BINARY.findall(sample))
    return bad > max(8, len(sample) // 10)


def _bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def _looks_utf16(head: bytes) -> str | None:
    """BOM-less UTF-16 of mostly Latin text: NULs in every other byte."""
    n = len(head) - len(head) % 2
    if n < 4:
        return None
    even_nul = sum(1 for i in range(0, n, 2) if head[i] == 0)
    odd_nul = sum(1 for i in range(1, n, 2) if head[i] == 0)
    half = n // 2
    if odd_nul > 0.6 * half and even_nul < 0.1 * half:
        return "utf-16-le"
    if even_nul > 0.6 * half and odd_nul < 0.1 * half:
        return "utf-16-be"
    return None


# a non-ASCII capital right after a letter and before or after a lower-case one: "KaÃrl", "MÃller"
_ODD_CAPITAL = re.compile(r"(?<=[^\W\d_])[À-ÞŠŒŽŸ](?=[a-zß-ÿ])|(?<=[a-zß-ÿ])[À-ÞŠŒŽŸ]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _plausible_cp1252(text: str) -> bool:
    """Most non-ASCII characters of the CP1252 reading sit where such characters occur in prose."""
    sample = text[:1_000_000]
    odd = len(_ODD_CAPITAL.findall(sample))
    return odd * 2 < len(_NON_ASCII.findall(sample))


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences outnumber stray high bytes: broken UTF-8, not CP1252."""
    sample = data[:1_000_000]
    good = len(_UTF8_SEQ.findall(sample))
    high = sum(1 for b in sample if b >= 0x80)
    stray = high - sum(len(m) for m in _UTF8_SEQ.findall(sample))
    return good > 0 and good >= stray
