"""The import wizard's preview: one plain row per question (problems marked) and a table model for them.

`build_preview(bank)` turns what `InterchangeService.preview` read into plain rows; it never touches Qt,
so the wizard can be tested through it and the model without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from trainer.ui.labels import domain_label, type_label
from trainer.ui.models import Index, RowsModel

STEM_EXCERPT = 60
translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")
ERROR_BG, WARNING_BG = "#ffebe9", "#fff4d6"


@dataclass(frozen=True)
class PreviewRow:
    id: str
    domain: str
    type: str
    stem: str
    status: str  # ok | warning | error
    reasons: tuple[str, ...] = ()  # short: line and message, errors first
    details: tuple[str, ...] = ()  # the same with the file name, for the tooltip


@dataclass(frozen=True)
class Preview:
    rows: tuple[PreviewRow, ...]
    file_problems: tuple[str, ...]  # problems that belong to no question, as sentences
    file_errors: int
    importable: int  # questions without errors (what skip-invalid imports)
    invalid: int  # questions (or source rows) with errors
    warnings: int  # warning problems, all of them

    @property
    def has_errors(self) -> bool:
        return bool(self.invalid or self.file_errors)


def field_label(name: str) -> str:
    """The native YAML field names in problems, in words (Excel/GIFT readers already use Chinese names)."""
    return {
        "id": translate("ImportPreview", "编号"),
        "domain": translate("ImportPreview", "领域"),
        "type": translate("ImportPreview", "题型"),
        "stem": translate("ImportPreview", "题干"),
        "options": translate("ImportPreview", "选项"),
        "answer": translate("ImportPreview", "答案"),
        "explanation": translate("ImportPreview", "解析"),
        "basis": translate("ImportPreview", "依据"),
        "section": translate("ImportPreview", "章节"),
        "difficulty": translate("ImportPreview", "难度"),
        "tags": translate("ImportPreview", "标签"),
    }.get(name, name)


def where(problem: Any, *, with_file: bool = True) -> str:
    """“题库.xlsx 第 12 行” — the file name and line of a problem (empty when unknown)."""
    loc = problem.location
    parts = [Path(loc.source).name] if loc.source and with_file else []
    if loc.line is not None:
        parts.append(translate("ImportPreview", "第 %1 行").replace("%1", str(loc.line)))
    return " ".join(parts)


def reason(problem: Any, *, with_file: bool = True, with_item: bool = False) -> str:
    loc = problem.location
    place = where(problem, with_file=with_file)
    if with_item and loc.item:
        place = f"{place} [{loc.item}]".strip()
    text = f"{field_label(loc.field)}：{problem.message}" if loc.field else problem.message
    if problem.severity != "error":
        text = translate("ImportPreview", "警告：") + text
    return f"{place} {text}".strip()


def build_preview(bank: Any) -> Preview:
    """Rows for every question read, plus rows for source items that failed to read (they carry only an id)."""
    by_item: dict[str, list[Any]] = {}
    file_level: list[Any] = []
    for p in bank.problems:
        (by_item.setdefault(p.location.item, []) if p.location.item else file_level).append(p)
    rows: list[PreviewRow] = []
    seen: set[str] = set()
    for q in bank.questions:
        seen.add(q.id)
        rows.append(_row(q.id, q.domain, q.type.value, q.stem, by_item.get(q.id, [])))
    for item, problems in by_item.items():
        if item in seen:
            continue
        if any(p.severity == "error" for p in problems):  # an item the reader rejected: only its place is known
            rows.append(_row(item, "", "", "", problems))
        else:  # a warning naming a source row (“第 3 题”) whose question got another id
            file_level += problems
    order = {"error": 0, "warning": 1, "ok": 2}
    rows.sort(key=lambda r: order[r.status])  # stable: the file's order within each group
    invalid = sum(r.status == "error" for r in rows)
    return Preview(
        rows=tuple(rows),
        file_problems=tuple(reason(p, with_item=True) for p in file_level),
        file_errors=sum(p.severity == "error" for p in file_level),
        importable=len(rows) - invalid,
        invalid=invalid,
        warnings=sum(p.severity != "error" for p in bank.problems),
    )


def _row(qid: str, domain: str, qtype: str, stem: str, problems: list[Any]) -> PreviewRow:
    errors = [p for p in problems if p.severity == "error"]
    status = "error" if errors else "warning" if problems else "ok"
    ordered = errors + [p for p in problems if p.severity != "error"]
    excerpt = " ".join(stem.split())
    if len(excerpt) > STEM_EXCERPT:
        excerpt = excerpt[:STEM_EXCERPT] + "…"
    return PreviewRow(
        qid, domain or "", qtype, excerpt, status, tuple(reason(p, with_file=False) for p in ordered), tuple(reason(p) for p in ordered)
    )


def status_text(row: PreviewRow) -> str:
    if row.status == "ok":
        return translate("ImportPreview", "可导入")
    first = row.reasons[0].removeprefix(translate("ImportPreview", "警告："))
    more = len(row.reasons) - 1
    head = translate("ImportPreview", "错误：%1") if row.status == "error" else translate("ImportPreview", "警告：%1")
    text = head.replace("%1", first)
    return text + (translate("ImportPreview", "（另有 %1 条）").replace("%1", str(more)) if more else "")


class PreviewModel(RowsModel):
    """Rows with errors red, with warnings amber; the reasons in the 状态 column and every cell's tooltip."""

    STATUS_COLUMN = 4

    def __init__(self, parent: Any = None):
        super().__init__(
            [
                (translate("ImportPreview", "编号"), lambda r: r.id),
                (translate("ImportPreview", "领域"), lambda r: domain_label(r.domain) if r.domain else "—"),
                (translate("ImportPreview", "题型"), lambda r: type_label(r.type) if r.type else "—"),
                (translate("ImportPreview", "题干"), lambda r: r.stem or "—"),
                (translate("ImportPreview", "状态"), status_text),
            ],
            parent,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: PreviewRow = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(row.details) if row.details else translate("ImportPreview", "没有发现问题")
        if role == Qt.ItemDataRole.BackgroundRole and row.status != "ok":
            return QBrush(QColor(ERROR_BG if row.status == "error" else WARNING_BG))
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.STATUS_COLUMN and row.status != "ok":
            icon = QStyle.StandardPixmap.SP_MessageBoxCritical if row.status == "error" else QStyle.StandardPixmap.SP_MessageBoxWarning
            return QApplication.style().standardIcon(icon)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.id} {status_text(row)}"
        return super().data(index, role)
