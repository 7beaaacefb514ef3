"""Images referenced by imported HTML: embedded (data: URIs), Moodle @@PLUGINFILE@@ files, package files."""

from __future__ import annotations

import base64
import binascii
import hashlib
import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote

from trainer.formats.base import Sink

_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")', re.I)
_EXT = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/svg+xml": "svg", "image/webp": "webp"}


class MediaCollector:
    """Resolves image sources to names in `store` (name → bytes); missing images become warnings."""

    def __init__(self, sink: Sink, lookup: Callable[[str], bytes | None] | None = None):
        self.sink = sink
        self.lookup = lookup
        self.store: dict[str, bytes] = {}

    def rewrite(self, html: str, line: int | None, label: str) -> tuple[str, list[str]]:
        names: list[str] = []

        def repl(m: re.Match[str]) -> str:
            src = m.group(2)
            name = self._resolve(src, line, label)
            if name and name not in names:
                names.append(name)
            return m.group(1) + (name or src) + m.group(3)

        return _SRC.sub(repl, html), names

    def _resolve(self, src: str, line: int | None, label: str) -> str | None:
        import html as _html

        s = _html.unescape(src)
        if s.startswith("data:"):
            m = re.match(r"data:([\w/+.-]+);base64,(.*)$", s, re.S)
            if not m:
                self.sink.warning("无法识别的内嵌图片，已保留原样", line, label, "图片")
                return None
            try:
                data = base64.b64decode(m.group(2), validate=False)
            except (binascii.Error, ValueError):
                self.sink.warning("内嵌图片数据损坏", line, label, "图片")
                return None
            name = f"img-{hashlib.sha256(data).hexdigest()[:16]}.{_EXT.get(m.group(1), 'bin')}"
            self.store[name] = data
            return name
        if re.match(r"^[a-z][a-z0-9+.-]*://", s, re.I):
            return None  # a web address: left as it is (the app shows it only if it can)
        path = unquote(s.replace("@@PLUGINFILE@@", "").split("?", 1)[0]).lstrip("/")
        name = posixpath.basename(path) or path
        if name in self.store:
            return name
        data = self.lookup(path) if self.lookup else None
        if data is None:
            self.sink.warning(f"图片“{name}”缺失（源文件中没有附带）", line, label, "图片")
            return name
        self.store[name] = data
        return name
