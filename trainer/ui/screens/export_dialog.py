"""导出题目: format, optional domain and tag, target file; then what was written and what the format lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.labels import domain_label
from trainer.ui.ops import Op
from trainer.ui.screens.interchange_labels import DOMAINS, FORMAT_CODES, SUFFIXES, alive, format_label


class ExportDialog(QDialog):
    def __init__(self, services: Any, parent: QWidget | None = None, *, folder: Path | None = None):
        super().__init__(parent)
        self.services = services
        self.folder = folder or Path.home()
        self.result_: Any = None
        self.setWindowTitle(self.tr("导出题目"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fmt = QComboBox(self)
        for code in ("xlsx", *[c for c in FORMAT_CODES if c != "xlsx"]):
            self.fmt.addItem(format_label(code), code)
        self.domain = QComboBox(self)
        self.domain.addItem(self.tr("全部领域"), None)
        for d in DOMAINS:
            self.domain.addItem(domain_label(d), d)
        self.tag = QLineEdit(self)
        self.tag.setPlaceholderText(self.tr("可选：只导出带这个标签的题目"))
        self.tag.setClearButtonEnabled(True)
        target_row = QHBoxLayout()
        self.target = QLineEdit(self)
        self.target.setPlaceholderText(self.tr("选择保存位置"))
        self.browse = QPushButton(self.tr("浏览…"), self)
        self.browse.setAutoDefault(False)
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.browse)
        form.addRow(self.tr("格式"), self.fmt)
        form.addRow(self.tr("领域"), self.domain)
        form.addRow(self.tr("标签"), self.tag)
        form.addRow(self.tr("保存到"), target_row)
        layout.addLayout(form)
        self.summary = QTextBrowser(self)
        self.summary.setAccessibleName(self.tr("导出结果"))
        self.summary.setPlaceholderText(self.tr("导出后，这里列出导出的题数和这种格式无法保存的内容。"))
        layout.addWidget(self.summary, 1)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("导出"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.fmt, self.domain)
        self.setTabOrder(self.domain, self.tag)
        self.setTabOrder(self.tag, self.target)
        self.setTabOrder(self.target, self.browse)
        self.setTabOrder(self.browse, self.export_button)

        self.fmt.currentIndexChanged.connect(self._format_changed)
        self.browse.clicked.connect(self._choose_target)
        self.target.textChanged.connect(self._update_enabled)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.target.setText(str(self.folder / ("题库导出" + SUFFIXES[self.format()])))
        self.resize(820, 560)

    def format(self) -> str:
        return str(self.fmt.currentData())

    def set_target(self, path: Path | str) -> None:
        self.target.setText(str(path))

    def _format_changed(self) -> None:
        text = self.target.text().strip()
        if text:
            self.target.setText(str(Path(text).with_suffix(SUFFIXES[self.format()])))

    def _choose_target(self) -> None:
        suffix = SUFFIXES[self.format()]
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出到"), self.target.text() or str(self.folder), f"{format_label(self.format())} (*{suffix})"
        )
        if name:
            self.target.setText(name if Path(name).suffix else name + suffix)

    def _update_enabled(self) -> None:
        self.export_button.setEnabled(bool(self.target.text().strip()))

    def export(self) -> None:
        text = self.target.text().strip()
        if not text:
            return
        output, fmt = Path(text), self.format()
        domain, tag = self.domain.currentData(), self.tag.text().strip() or None
        services = self.services
        self.export_button.setEnabled(False)
        self.summary.setPlainText(self.tr("正在导出……"))

        def done(result: Any) -> None:
            self.result_ = result
            self.export_button.setEnabled(True)
            self.summary.setPlainText(self.describe(result, output))

        def failed(error: BaseException) -> None:
            from trainer.ui.errors import show_error

            self.export_button.setEnabled(True)
            self.summary.setPlainText(self.tr("导出失败。"))
            show_error(self, error)

        # It reads the bank, so it runs on the database worker like every other query.
        Op(self, lambda: services.interchange.export(output, fmt=fmt, domain=domain, tag=tag)).success(
            alive(self, done)
        ).failure(alive(self, failed)).with_progress(self.tr("正在导出……")).run()

    def describe(self, result: Any, output: Path) -> str:
        head = self.tr("已导出 %1 题到 %2").replace("%1", str(result.count)).replace("%2", str(output))
        if not result.lost:
            return head + "\n\n" + self.tr("这种格式保存了全部内容。")
        lost = "\n".join("· " + line for line in result.lost)
        intro = self.tr("这种格式不能保存以下内容：")
        return f"{head}\n\n{intro}\n{lost}"
