"""IMS QTI 2.1/2.2 (items, assessmentTest, content packages)."""

from __future__ import annotations

from collections.abc import Sequence

from trainer.core.questions import Question
from trainer.formats.base import ExportSummary, Opener, ReadResult
from trainer.formats.qti_read import read_qti
from trainer.formats.qti_write import qti_summary, write_qti


class QtiFormat:
    code = "qti"
    label = "IMS QTI 2.1/2.2（题目、试卷或内容包 zip）"
    extensions = (".zip", ".xml")

    def sniff(self, head: bytes) -> bool:
        if head.startswith(b"PK\x03\x04"):
            return b"imsmanifest.xml" in head or b"items/" in head or b".xml" in head and b"xl/" not in head
        return any(s in head for s in (b"<assessmentItem", b"<assessmentTest", b"imsqti_v2", b":assessmentItem"))

    def read(self, data: bytes, source: str, *, domain: str | None = None,
             opener: Opener | None = None) -> ReadResult:
        return read_qti(data, source, domain=domain, opener=opener)

    def write(self, questions: Sequence[Question], *, title: str = "") -> bytes:
        return write_qti(questions, title=title)

    def export_summary(self, questions: Sequence[Question]) -> ExportSummary:
        return qti_summary(questions)


FORMAT = QtiFormat()
