"""Interchange formats (Excel, CSV, GIFT, Moodle XML, Aiken, QTI): read to and write from `Question`s.

    from trainer.formats import registry
    result = registry.read_path("题库.xlsx", domain="hr")      # ReadResult(questions, problems, lost, media)
    fmt = registry.get("gift"); data = fmt.write(questions); summary = fmt.export_summary(questions)

Qt-free and SQLAlchemy-free; see docs/formats.md for the layouts and what each format cannot carry.
"""

from trainer.formats.base import ExportSummary, Format, Opener, ReadResult, describe

__all__ = ["ExportSummary", "Format", "Opener", "ReadResult", "describe"]
