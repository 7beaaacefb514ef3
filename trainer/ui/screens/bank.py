"""题库: filter and browse the bank; the selected item shows in full with key, 解析 and basis."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QSplitter, QTableView, QTextBrowser

from trainer.core.questions import LETTERS, QType, Question, canonical_value
from trainer.ui.labels import domain_label, review_label, type_label, visibility_label
from trainer.ui.models import RowsModel
from trainer.ui.ops import Op
from trainer.ui.screens.base import Screen

DOMAINS = ("hr", "health", "housing", "petition", "community")


class BankScreen(Screen):
    watches = ("bank",)

    def __init__(self, window: Any):
        super().__init__(window)
        top = QHBoxLayout()
        title = self.heading(self.tr("题库"))
        self.layout_.removeWidget(title)
        top.addWidget(title)
        top.addStretch(1)
        self.import_button = QPushButton(self.tr("导入题目…"), self)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.template_button = QPushButton(self.tr("保存 Excel 模板…"), self)
        for button, slot in ((self.import_button, self.open_import_wizard), (self.export_button, self.open_export_dialog), (self.template_button, self.save_template)):
            button.setEnabled(False)  # until the database is open
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            top.addWidget(button)
        self.layout_.addLayout(top)
        bar = QHBoxLayout()
        self.domain = QComboBox(self)
        self.domain.addItem(self.tr("全部领域"), None)
        for d in DOMAINS:
            self.domain.addItem(domain_label(d), d)
        self.qtype = QComboBox(self)
        self.qtype.addItem(self.tr("全部题型"), None)
        for t in QType:
            self.qtype.addItem(type_label(t.value), t.value)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索题干或编号"))
        self.search.setClearButtonEnabled(True)
        for w in (self.domain, self.qtype):
            w.currentIndexChanged.connect(self.refresh)
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        self.layout_.addLayout(bar)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)

        self.model = RowsModel(
            [
                (self.tr("编号"), lambda r: r.id),
                (self.tr("领域"), lambda r: domain_label(r.domain)),
                (self.tr("题型"), lambda r: type_label(r.type)),
                (self.tr("难度"), lambda r: r.difficulty),
                (self.tr("状态"), lambda r: review_label(r.review)),
                (self.tr("题干"), lambda r: r.stem.replace("\n", " ")),
            ],
            self,
        )
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableView(split)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.detail = QTextBrowser(split)
        self.detail.setAccessibleName(self.tr("题目详情"))
        split.setSizes([420, 320])
        self.layout_.addWidget(split, 1)
        self.count = self.window_.statusBar()
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

    def attach(self, services: Any) -> None:
        for button in (self.import_button, self.export_button, self.template_button):
            button.setEnabled(True)
        super().attach(services)

    def open_import_wizard(self) -> Any:
        from trainer.ui.screens.import_wizard import ImportWizard

        wizard = ImportWizard(self.services, self.window_.notify, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def open_export_dialog(self) -> Any:
        from trainer.ui.screens.export_dialog import ExportDialog

        dialog = ExportDialog(self.services, self, folder=Path.home())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def save_template(self, path: Path | None = None) -> None:
        """The blank Excel template (说明 sheet, drop-downs, one example per type) for filling in by hand."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("保存 Excel 模板"), str(Path.home() / "题库模板.xlsx"), self.tr("Excel 工作簿") + " (*.xlsx)"
            )
            if not name:
                return
            path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        target = path

        def write() -> None:
            from trainer.services.interchange import write_template

            write_template(target)

        Op(self, write, kind="file").success(
            lambda _: self.window_.statusBar().showMessage(self.tr("已保存 Excel 模板：%1").replace("%1", str(target)))
        ).run()

    def refresh(self) -> None:
        if self.services is None:
            return
        domain, qtype, text = self.domain.currentData(), self.qtype.currentData(), self.search.text()
        Op(self, lambda: self.services.bank.rows(domain=domain, qtype=qtype, text=text)).success(self._fill).run()

    def _fill(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.count.showMessage(self.tr("共 %1 道题").replace("%1", str(len(rows))))
        if rows:
            self.table.selectRow(0)

    def _show_detail(self, current: Any, _prev: Any) -> None:
        if not current.isValid():
            return
        qid = self.model.row_at(current.row()).id
        Op(self, lambda: self.services.bank.question(qid)).success(lambda q: self.detail.setHtml(question_html(q))).run()


def question_html(q: Question) -> str:
    """The full item for trainers: stem, options, key, 解析, basis."""
    parts = [f"<h3>{escape(q.id)} · {escape(type_label(q.type.value))} · {escape(domain_label(q.domain))}</h3>"]
    parts.append(f"<p style='font-size:18px'>{escape(q.stem).replace(chr(10), '<br>')}</p>")
    parts += _body(q)
    for i, sub in enumerate(q.sub, 1):
        parts.append(f"<p><b>（{i}）{escape(type_label(sub.type.value))}</b> {escape(sub.stem)}</p>")
        parts += _body(sub)
        parts.append(f"<p style='color:#1a7f37'>答案：{escape(canonical_value(sub.type, sub.key))}</p><p>{escape(sub.explanation)}</p>")
    if q.type != QType.CASE:
        parts.append(f"<p style='color:#1a7f37'><b>答案：</b>{escape(canonical_value(q.type, q.key))}</p>")
    for r in q.rubric:
        parts.append(f"<p>· {escape(r.point)}（{r.percent:g}%）</p>")
    parts.append(f"<p><b>解析：</b>{escape(q.explanation).replace(chr(10), '<br>')}</p>")
    basis = "；".join(f"{b.rule} {b.article}" for b in q.basis)
    parts.append(f"<p style='color:#57606a'>依据：{escape(basis)}　难度 {q.difficulty}　{escape(visibility_label(q.visibility))}　{escape(review_label(q.review))}</p>")
    return "".join(parts)


def _body(q: Question) -> list[str]:
    out = [f"<p>{LETTERS[i]}. {escape(o)}</p>" for i, o in enumerate(q.options)]
    if q.left:
        out += [f"<p>{i}. {escape(o)}</p>" for i, o in enumerate(q.left, 1)]
        out += [f"<p>{LETTERS[i]}. {escape(o)}</p>" for i, o in enumerate(q.right)]
    return out
