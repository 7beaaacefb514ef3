"""HTML from other systems reduced to what the app renders: a safe subset, or plain text when it was plain.

Nothing is ever executed: scripts and styles are dropped with their content, event attributes and
`javascript:` URLs removed. Only p, br, b/strong, i/em, u, sub, sup, ul/ol/li, table/tr/td/th, img remain.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

ALLOWED = {"p", "br", "b", "strong", "i", "em", "u", "sub", "sup", "ul", "ol", "li",
           "table", "thead", "tbody", "tr", "td", "th", "img"}
RICH = ALLOWED - {"p", "br"}
VOID = {"br", "img"}
DROP_CONTENT = {"script", "style", "head", "title", "iframe", "object", "embed", "noscript", "template"}
BLOCK = {"p", "div", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
         "pre", "section", "article"}
ATTRS = {"img": {"src", "alt", "width", "height", "title"}, "td": {"colspan", "rowspan"},
         "th": {"colspan", "rowspan"}, "ol": {"start"}}
_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def looks_like_html(text: str) -> bool:
    return bool(text) and _TAG_RE.search(text) is not None


def _safe_url(url: str) -> bool:
    u = re.sub(r"[\s\x00-\x1f]", "", html.unescape(url)).lower()
    return not (u.startswith("javascript:") or u.startswith("vbscript:") or
                (u.startswith("data:") and not u.startswith("data:image/")))


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.text: list[str] = []  # plain-text rendering
        self.drop = 0
        self.rich = False
        self.images: list[str] = []
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP_CONTENT:
            self.drop += 1
            return
        if self.drop:
            return
        if tag == "pre":
            self.pre += 1
        if tag in BLOCK and self.text and not self.text[-1].endswith("\n"):
            self.text.append("\n")
        if tag == "br":
            self.text.append("\n")
        if tag not in ALLOWED:
            return
        kept = []
        for name, value in attrs:
            name = name.lower()
            if name not in ATTRS.get(tag, ()) or value is None:
                continue
            if name == "src" and not _safe_url(value):
                continue
            kept.append(f' {name}="{html.escape(value, quote=True)}"')
            if tag == "img" and name == "src":
                self.images.append(value)
        if tag in RICH:
            self.rich = True
        self.out.append(f"<{tag}{''.join(kept)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_CONTENT:
            self.drop = max(0, self.drop - 1)
            return
        if self.drop:
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in BLOCK and self.text and not self.text[-1].endswith("\n"):
            self.text.append("\n")
        if tag in ALLOWED and tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.drop:
            return
        collapsed = data if self.pre else re.sub(r"[ \t\r\n\f]+", " ", data)
        if collapsed.strip() or (self.out and not self.out[-1].endswith(">")):
            self.out.append(html.escape(collapsed, quote=False))
        self.text.append(data if self.pre else re.sub(r"[ \t\r\n\f]+", " ", data))


def sanitize(fragment: str) -> tuple[str, list[str]]:
    """→ (safe HTML, or plain text when nothing rich was in it; the image sources kept)."""
    p = _Sanitizer()
    p.feed(fragment)
    p.close()
    if p.rich:
        return "".join(p.out).strip(), p.images
    text = "".join(p.text)
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n").strip(), p.images


def clean(text: str, fmt: str = "auto") -> tuple[str, list[str]]:
    """Text from a source in format `fmt` (html | plain | markdown | auto) → (what we store, image sources)."""
    if fmt in ("plain", "markdown", "plain_text"):
        return text, []
    if fmt == "html" or looks_like_html(text):
        return sanitize(text)
    return text, []


def plain_to_html(text: str) -> str:
    """Plain text as HTML that `clean` turns back into the same text."""
    return "<br>".join(html.escape(line, quote=False) for line in text.split("\n"))


def is_rich(text: str) -> bool:
    """True when a stored text is (sanitised) HTML rather than plain text."""
    return looks_like_html(text) and any(f"<{t}" in text for t in RICH | {"p", "br"})
