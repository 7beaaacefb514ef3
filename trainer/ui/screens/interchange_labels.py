"""Labels and helpers the import wizard and the export dialog share: format names, file filters, report lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

DOMAINS = ("hr", "health", "housing", "petition", "community")
FORMAT_CODES = ("yaml", "xlsx", "csv", "gift", "moodlexml", "aiken", "qti")
SUFFIXES = {"yaml": ".yaml", "xlsx": ".xlsx", "csv": ".csv", "gift": ".gift", "moodlexml": ".xml", "aiken": ".txt", "qti": ".zip"}


def format_label(code: str) -> str:
    return {
        "auto": QCoreApplication.translate("Formats", "自动识别（按扩展名和内容）"),
        "yaml": QCoreApplication.translate("Formats", "本系统 YAML（.yaml）"),
        "xlsx": QCoreApplication.translate("Formats", "Excel 工作簿（.xlsx）"),
        "csv": QCoreApplication.translate("Formats", "CSV 表格（.csv）"),
        "gift": QCoreApplication.translate("Formats", "GIFT 文本（.gift / .txt）"),
        "moodlexml": QCoreApplication.translate("Formats", "Moodle XML（.xml）"),
        "aiken": QCoreApplication.translate("Formats", "Aiken 单选题文本（.txt）"),
        "qti": QCoreApplication.translate("Formats", "IMS QTI 2.1/2.2（.xml / .zip）"),
    }.get(code, code)


def file_filters() -> str:
    everything = "*.yaml *.yml *.xlsx *.csv *.txt *.gift *.xml *.zip"
    return ";;".join(
        [
            QCoreApplication.translate("Formats", "题库文件") + f" ({everything})",
            QCoreApplication.translate("Formats", "本系统 YAML") + " (*.yaml *.yml)",
            QCoreApplication.translate("Formats", "Excel 工作簿") + " (*.xlsx)",
            QCoreApplication.translate("Formats", "CSV 表格") + " (*.csv)",
            QCoreApplication.translate("Formats", "GIFT / Aiken 文本") + " (*.gift *.txt)",
            QCoreApplication.translate("Formats", "Moodle XML / QTI") + " (*.xml *.zip)",
            QCoreApplication.translate("Formats", "所有文件") + " (*)",
        ]
    )


def alive(widget: QWidget, fn: Callable[..., None]) -> Callable[..., None]:
    """A callback that does nothing once the widget is gone (the user closed the wizard meanwhile)."""
    return lambda *args: fn(*args) if shiboken6.isValid(widget) else None


def report_lines(report: Any) -> list[str]:
    """新增/新版本/更新属性/未变/跳过 of an ImportReport, translatable."""
    translate = QCoreApplication.translate
    lines = [
        translate("ImportReport", "新增 %1 题").replace("%1", str(report.added)),
        translate("ImportReport", "新版本 %1 题").replace("%1", str(report.new_versions)),
        translate("ImportReport", "更新属性 %1 题（如审核状态）").replace("%1", str(report.metadata_updated)),
        translate("ImportReport", "未变 %1 题").replace("%1", str(report.unchanged)),
    ]
    if report.skipped:
        lines.append(translate("ImportReport", "跳过有错误的 %1 题").replace("%1", str(report.skipped)))
    if report.rules_changed or report.chapters_changed:
        text = translate("ImportReport", "规则 %1 条、课件章节 %2 章有变化")
        lines.append(text.replace("%1", str(report.rules_changed)).replace("%2", str(report.chapters_changed)))
    return lines
