"""CSV in the Excel column layout: UTF-8 with BOM on export; UTF-8, UTF-16 and GBK/GB18030 read."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from trainer.core.questions import Question
from trainer.formats import layout as L
from trainer.formats.base import ExportSummary, Opener, ReadResult, Sink
from trainer.formats.common import finish, review_note, validate_domain
from trainer.formats.rows import question_rows, read_rows
from trainer.formats.safety import Refused, check_size


def decode(data: bytes) -> tuple[str, str]:
    """→ (text, encoding): BOMs first, then strict UTF-8, then GB18030 (a superset of GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "utf-8"


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";", "，")}
    delim = max(counts, key=lambda d: counts[d])
    if counts[delim] == 0 or delim == ",":
        return csv.excel
    return csv.excel_tab if delim == "\t" else type("D", (csv.excel,), {"delimiter": delim})


class CsvFormat:
    code = "csv"
    label = "CSV 表格 (.csv)"
    extensions = (".csv", ".tsv")

    def sniff(self, head: bytes) -> bool:
        if head.startswith(b"PK") or b"\x00" in head[:4096].lstrip(b"\xff\xfe"):
            return False
        text, _ = decode(head[:4096])
        first = text.split("\n", 1)[0].rstrip("\r")
        try:
            return L.header_map(next(csv.reader([first], _dialect(first)), [])) is not None
        except csv.Error:
            return False

    def read(self, data: bytes, source: str, *, domain: str | None = None,
             opener: Opener | None = None) -> ReadResult:
        sink = Sink(source)
        dom = validate_domain(domain, sink)
        try:
            check_size(data)
        except Refused as e:
            sink.error(str(e))
            return ReadResult([], sink.problems)
        text, _ = decode(data)
        reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))

        def rows():  # type: ignore[no-untyped-def]
            # line numbers of the physical line where each record starts
            start = 1
            for rec in reader:
                yield start, rec
                start = reader.line_num + 1

        try:
            entries = read_rows(rows(), sink)
        except csv.Error as e:
            sink.error(f"CSV 格式错误：{e}", reader.line_num)
            entries = []
        return finish(entries, sink, domain=dom)

    def write(self, questions: Sequence[Question], *, title: str = "") -> bytes:
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(L.HEADERS)
        for q in questions:
            for values in question_rows(q):
                w.writerow([_guard(v) for v in values])
        return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")

    def export_summary(self, questions: Sequence[Question]) -> ExportSummary:
        return ExportSummary(len(questions), review_note(questions))


def _guard(v: object) -> object:
    """Cells Excel would run as formulas get a leading apostrophe (removed again on import)."""
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@"):
        return "'" + v
    return v


FORMAT = CsvFormat()
