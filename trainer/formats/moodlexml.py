"""Moodle XML (question bank export/import of Moodle)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from trainer.core.questions import Question
from trainer.formats.base import ExportSummary, Opener, ReadResult
from trainer.formats.moodle_read import read_moodle
from trainer.formats.moodle_write import moodle_summary, write_moodle


class MoodleXmlFormat:
    code = "moodlexml"
    label = "Moodle XML"
    extensions = (".xml",)

    def sniff(self, head: bytes) -> bool:
        return b"<quiz" in head[:4096] and b"<question" in head

    def read(self, data: bytes, source: str, *, domain: str | None = None,
             opener: Opener | None = None) -> ReadResult:
        return read_moodle(data, source, domain=domain)

    def write(self, questions: Sequence[Question], *, title: str = "",
              media: Mapping[str, bytes] | None = None) -> bytes:
        return write_moodle(questions, title=title, media=media)

    def export_summary(self, questions: Sequence[Question],
                       media: Mapping[str, bytes] | None = None) -> ExportSummary:
        return moodle_summary(questions, media)


FORMAT = MoodleXmlFormat()
