"""GIFT (Moodle's plain-text question format)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from trainer.core.questions import Question
from trainer.formats.base import ExportSummary, Opener, ReadResult
from trainer.formats.gift_read import read_gift
from trainer.formats.gift_write import gift_summary, write_gift

_SIGNS = re.compile(rb"\{[^{}]*(~|=|->|#|TRUE|FALSE|\bT\b|\bF\b)?[^{}]*\}|^::|\$CATEGORY:", re.M)


class GiftFormat:
    code = "gift"
    label = "GIFT (Moodle 文本格式)"
    extensions = (".gift", ".txt")

    def sniff(self, head: bytes) -> bool:
        h = head.lstrip(b"\xef\xbb\xbf").lstrip()
        if h.startswith(b"<") or h.startswith(b"PK"):
            return False
        return bool(_SIGNS.search(head))

    def read(self, data: bytes, source: str, *, domain: str | None = None,
             opener: Opener | None = None) -> ReadResult:
        return read_gift(data, source, domain=domain)

    def write(self, questions: Sequence[Question], *, title: str = "") -> bytes:
        return write_gift(questions, title=title)

    def export_summary(self, questions: Sequence[Question]) -> ExportSummary:
        return gift_summary(questions)


FORMAT = GiftFormat()
