"""HTML -> article text and metadata with the standard library's parser.

Never executes anything and never keeps the content of script, style,
template or embedded elements; navigation, headers, footers, asides and forms
are page chrome and dropped. If the page marks its main content
(<article>/<main>/role=main), only that is kept. Tables (nested too) become
one line per row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose content is never article text.
_DROP = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
    "video", "audio", "select", "button", "textarea", "head", "form", "nav", "aside", "footer", "dialog",
    "figcaption",
}
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "figure", "address", "hr", "br", "body",
    "details", "summary", "center",
}
_CELL = {"td", "th"}
# class/id words of page chrome: strong ones name chrome only; weak ones also
# appear on wrappers of the whole article ("page has-social-share").
_STRONG_CHROME = {
    "cookie", "cookies", "consent", "gdpr", "newsletter", "comments", "comment", "kommentare", "advert",
    "advertisement", "ads", "ad", "breadcrumb", "breadcrumbs",
}
_WEAK_CHROME = {"share", "sharing", "social", "related", "recommended", "sidebar", "footer", "nav", "navbar",
                "navigation", "menu", "promo", "subscribe"}
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MAIN_ROLES = {"main", "article"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"}


@dataclass
class HtmlArticle:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    lang: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


class _Extractor(HTMLParser):
    def __init__(self, chrome_words: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.chrome_words = chrome_words
        self.class_dropped = False  # whether a class/id chrome word dropped anything
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, drops, is_main)
        self.open_count: dict[str, int] = {}  # tag -> how often it is on the stack (O(1) stray-end check)
        self.drop_depth = 0
        self.main_depth = 0
        self.all_parts: list[str] = []
        self.main_parts: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.in_title = False
        self.in_h1 = False
        self.meta: dict[str, str] = {}
        self.lang: str | None = None
        self.time: str | None = None

    # -- tags -------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        if tag == "time" and a.get("datetime") and self.time is None:
            self.time = a["datetime"]
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._emit("\n")
            return
        role = a.get("role", "").lower()
        drops = (tag in _DROP or role in _CHROME_ROLES or "hidden" in a or a.get("aria-hidden") == "true"
                 or bool(_HIDDEN_STYLE.search(a.get("style", ""))))
        if self.chrome_words and not drops and tag not in ("html", "body", "main", "article"):
            words = set(_WORD_SPLIT.split(f"{a.get('class', '')} {a.get('id', '')}".lower()))
            drops = bool(words & self.chrome_words)
            self.class_dropped |= drops
        if tag == "header" and not self.main_depth:
            drops = True  # the page header (logo, menu), not an article header
        is_main = tag in ("article", "main") or role in _MAIN_ROLES
        self.stack.append((tag, drops, is_main))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        self.drop_depth += drops
        self.main_depth += is_main
        self._mark(tag, True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.open_count.get(tag):
            return  # stray end tag
        while self.stack:
            t, drops, is_main = self.stack.pop()
            self.open_count[t] -= 1
            self.drop_depth -= drops
            self.main_depth -= is_main
            self._mark(t, False)
            if t == tag:
                break

    def _mark(self, tag: str, opening: bool) -> None:
        """Track title/h1 and turn block and cell boundaries into breaks."""
        if tag == "title":
            self.in_title = opening
        elif tag == "h1":
            self.in_h1 = opening
        if tag in _BLOCK:
            self._emit("\n\n" if tag not in ("li", "tr", "dt", "dd") else "\n")
        elif tag in _CELL:
            self._emit(" ")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.drop_depth:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self._emit(data)

    def _emit(self, s: str) -> None:
        if self.drop_depth and s.strip():
            return
        self.all_parts.append(s)
        if self.main_depth:
            self.main_parts.append(s)


def extract_html(source: str) -> HtmlArticle:
    """Main text, title, date, url and publisher of an HTML page."""
    source = defuse(source)
    passes = [_parse(source, frozenset(_STRONG_CHROME | _WEAK_CHROME))]
    if len(_main_text(passes[0])) < 200 and passes[0].class_dropped:
        # chrome words on a wrapper of the whole article leave (almost) nothing: relax step by step
        passes += [_parse(source, frozenset(_STRONG_CHROME)), _parse(source, frozenset())]
    enough = min(200, len(_main_text(passes[-1])) // 2)
    parser = next((p for p in passes if len(_main_text(p)) >= enough), passes[-1])
    text = _main_text(parser)
    m = parser.meta
    title = _first(m.get("og:title"), m.get("twitter:title"), _tidy_inline("".join(parser.h1_parts)),
                   _tidy_inline("".join(parser.title_parts)))
    date = _first(m.get("article:published_time"), m.get("date"), m.get("dc.date"), m.get("dcterms.date"),
                  m.get("datepublished"), m.get("pubdate"), parser.time)
    url = _first(m.get("og:url"), m.get("canonical"))
    publisher = _first(m.get("og:site_name"), m.get("publisher"), m.get("application-name"))
    return HtmlArticle(text=text, title=title, date=date, url=url, publisher=publisher, lang=parser.lang, meta=m)


def defuse(source: str) -> str:
    """Remove comments, declarations and processing instructions, and turn every
    "<" that does not open a complete tag into "&lt;", in one linear pass.

    html.parser rescans the rest of the input for each unterminated construct
    ("<!--" * 100000 takes hours); after this pass every "<" it sees is a tag
    closed by ">" before the next "<".
    """
    out: list[str] = []
    pos, n = 0, len(source)
    while pos < n:
        lt = source.find("<", pos)
        if lt < 0:
            out.append(source[pos:])
            break
        out.append(source[pos:lt])
        nxt = source.find("<", lt + 1)
        limit = n if nxt < 0 else nxt
        if source.startswith("<!--", lt):
            end = source.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        gt = source.find(">", lt + 1, limit)
        head = source[lt + 1:lt + 3]
        if head[:1] in ("!", "?"):
            pos = limit if gt < 0 else gt + 1  # <!DOCTYPE>, <![CDATA[, <?xml?>: never article text
            continue
        is_tag = gt >= 0 and (head[:1].isascii() and head[:1].isalpha() or
                              head[:1] == "/" and head[1:2].isascii() and head[1:2].isalpha())
        if is_tag:
            out.append(source[lt:gt + 1])
            pos = gt + 1
        else:
            out.append("&lt;")
            pos = lt + 1
    return "".join(out)


def _parse(source: str, chrome_words: frozenset[str]) -> _Extractor:
    parser = _Extractor(chrome_words)
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; keep what was read
        pass
    return parser


def _main_text(parser: _Extractor) -> str:
    """The marked main content if it holds the article, else all kept text."""
    main = _tidy("".join(parser.main_parts))
    everything = _tidy("".join(parser.all_parts))
    return main if len(main) >= 200 or (main and len(main) >= 0.3 * len(everything)) else everything


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return out.strip()


def _tidy_inline(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _first(*values: str | None) -> str | None:
    for v in values:
        if v and v.strip():
            return v.strip()
    return None
