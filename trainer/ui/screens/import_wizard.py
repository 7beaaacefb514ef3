"""导入题目: choose files → preview with every problem marked → confirm (dry run) → import.

All reading and writing runs through `Op`; the wizard keeps only paths, plain preview rows and the
import report. Nothing is written before the commit page's 导入 button; by default a file with errors
imports nothing (all-or-nothing) unless 跳过有错误的题目 is ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from trainer.ui.labels import domain_label
from trainer.ui.ops import Op
from trainer.ui.screens.import_preview import Preview, PreviewModel, build_preview
from trainer.ui.screens.interchange_labels import DOMAINS, FORMAT_CODES, alive, file_filters, format_label, report_lines


class ChooseFilesPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("第 1 步：选择文件"))
        self.setSubTitle(self.tr("可选一个或多个文件；题库文件夹（YAML）也可以。下一步只读取文件，不会改动题库。"))
        layout = QVBoxLayout(self)
        self.files = QListWidget(self)
        self.files.setAccessibleName(self.tr("要导入的文件"))
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.files, 1)
        buttons = QHBoxLayout()
        self.add_files = QPushButton(self.tr("添加文件…"), self)
        self.add_folder = QPushButton(self.tr("添加文件夹…"), self)
        self.remove = QPushButton(self.tr("移除所选"), self)
        for b in (self.add_files, self.add_folder, self.remove):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        form = QFormLayout()
        self.fmt = QComboBox(self)
        for code in ("auto", *FORMAT_CODES):
            self.fmt.addItem(format_label(code), code)
        self.domain = QComboBox(self)
        self.domain.addItem(self.tr("按文件中写明的领域"), None)
        for d in DOMAINS:
            self.domain.addItem(domain_label(d), d)
        form.addRow(self.tr("文件格式"), self.fmt)
        form.addRow(self.tr("所属领域"), self.domain)
        layout.addLayout(form)
        self.add_files.clicked.connect(self._choose_files)
        self.add_folder.clicked.connect(self._choose_folder)
        self.remove.clicked.connect(self._remove_selected)

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.files.count())]

    def add_paths(self, paths: list[Path]) -> None:
        known = {str(p) for p in self.paths()}
        for p in paths:
            if str(p) in known:
                continue
            item = QListWidgetItem(str(p), self.files)
            item.setData(Qt.ItemDataRole.UserRole, str(p))
            item.setToolTip(str(p))
        self.completeChanged.emit()

    def clear(self) -> None:
        self.files.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.files.count() > 0

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("选择要导入的题库文件"), "", file_filters())
        self.add_paths([Path(n) for n in names])

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("选择题库文件夹"))
        if name:
            self.add_paths([Path(name)])

    def _remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self.completeChanged.emit()


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.preview: Preview | None = None
        self._generation = 0
        self.setTitle(self.tr("第 2 步：预览"))
        self.setSubTitle(self.tr("每道题一行；有错误的题标红，有警告的标黄，把鼠标停在行上可看原因。"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setStyleSheet("font-weight: bold;")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.file_problems = QListWidget(self)
        self.file_problems.setAccessibleName(self.tr("不属于某道题的问题"))
        self.file_problems.setMaximumHeight(120)
        self.file_problems.setWordWrap(True)
        layout.addWidget(self.file_problems)
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("预览"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.detail = QLabel(self)  # the selected row's reasons in full, for keyboard users too
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.skip = QCheckBox(self.tr("跳过有错误的题目，只导入其余的题目"), self)
        self.skip.toggled.connect(self._update_blocked)
        layout.addWidget(self.skip)
        self.blocked = QLabel(self)
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #9a3412;")
        layout.addWidget(self.blocked)

    @property
    def loaded(self) -> bool:
        return self.preview is not None

    def initializePage(self) -> None:
        self._generation += 1
        generation = self._generation
        self.preview = None
        self.model.set_rows([])
        self.file_problems.clear()
        self.file_problems.hide()
        self.detail.hide()
        self.skip.setChecked(False)  # each reading asks again: skipping is never carried over silently
        self.skip.hide()
        self.blocked.hide()
        self.summary.setText(self.tr("正在读取文件……"))
        self.completeChanged.emit()
        paths, fmt, domain = self.wiz.paths(), self.wiz.fmt(), self.wiz.domain()
        services = self.wiz.services

        def done(bank: Any) -> None:
            if generation == self._generation:
                self.show_preview(build_preview(bank))

        def failed(error: BaseException) -> None:
            from trainer.ui.errors import show_error

            if generation == self._generation:
                self.summary.setText(self.tr("无法读取这些文件，请返回上一步检查。"))
                show_error(self, error)

        Op(self, lambda: services.interchange.preview(paths, fmt=fmt, domain=domain)).success(alive(self, done)).failure(
            alive(self, failed)
        ).with_progress(self.tr("正在读取和检查题目……")).run()

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.resizeSection(3, min(header.sectionSize(3), 340))
        for line in preview.file_problems:
            self.file_problems.addItem(line)
        self.file_problems.setVisible(bool(preview.file_problems))
        parts = [
            self.tr("%1 题可导入").replace("%1", str(preview.importable)),
            self.tr("%1 题有错误").replace("%1", str(preview.invalid)),
            self.tr("%1 条警告").replace("%1", str(preview.warnings)),
        ]
        if preview.file_errors:
            parts.append(self.tr("%1 个文件级错误").replace("%1", str(preview.file_errors)))
        self.summary.setText(self.tr("，").join(parts))
        self.skip.setVisible(preview.has_errors)
        self._update_blocked()

    def _show_detail(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            self.detail.hide()
            return
        row = self.model.row_at(current.row())
        self.detail.setText(f"{row.id}：" + ("\n".join(row.details) if row.details else self.tr("没有发现问题，可以导入。")))
        self.detail.show()

    def _update_blocked(self) -> None:
        p = self.preview
        if p is None:
            return
        if p.importable == 0:
            text = self.tr("没有可以导入的题目。请修改文件后返回上一步重新读取。")
        elif p.has_errors and not self.skip.isChecked():
            text = self.tr("文件中有错误。默认全部导入或全部不导入：请修改文件后重新读取，或勾选“跳过有错误的题目”只导入没有错误的题目。")
        else:
            text = ""
        self.blocked.setText(text)
        self.blocked.setVisible(bool(text))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        p = self.preview
        return p is not None and p.importable > 0 and (not p.has_errors or self.skip.isChecked())

    def validatePage(self) -> bool:
        return self.isComplete()


class ConfirmPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.report: Any = None
        self._generation = 0
        self.setTitle(self.tr("第 3 步：确认"))
        self.setSubTitle(self.tr("下面是试运行的结果，题库还没有改动。点“导入”写入题库。"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("导入"))
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)

    def initializePage(self) -> None:
        self._generation += 1
        generation = self._generation
        self.report = None
        self.text.setText(self.tr("正在试运行……"))
        self.completeChanged.emit()

        def done(report: Any) -> None:
            if generation == self._generation:
                self.report = report
                self.text.setText(self.describe(report))
                self.completeChanged.emit()

        def failed(error: BaseException) -> None:
            from trainer.ui.errors import show_error

            if generation == self._generation:
                self.text.setText(self.tr("试运行失败，题库没有改动。请返回上一步检查。"))
                show_error(self, error)

        Op(self, self.wiz.import_call(dry_run=True)).success(alive(self, done)).failure(alive(self, failed)).with_progress(
            self.tr("正在试运行……")
        ).run()

    def describe(self, report: Any) -> str:
        head = self.tr("导入后题库将：")
        body = "\n".join("· " + line for line in report_lines(report))
        note = self.tr("导入的题目审核状态一律为“草稿”。")
        return f"{head}\n{body}\n\n{note}"

    def isComplete(self) -> bool:
        return self.report is not None

    def validatePage(self) -> bool:
        return self.isComplete()


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.report: Any = None
        self.error: BaseException | None = None
        self.setTitle(self.tr("第 4 步：完成"))
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)

    def initializePage(self) -> None:
        self.text.setText(self.tr("正在导入……"))
        notify = self.wiz.notify

        def done(report: Any) -> None:
            notify(report.changes)  # even if the wizard was closed meanwhile, screens must refresh
            if shiboken6.isValid(self):
                self.report = report
                body = "\n".join("· " + line for line in report_lines(report))
                self.text.setText(self.tr("导入完成：") + "\n" + body)
                self.completeChanged.emit()

        def failed(error: BaseException) -> None:
            from trainer.ui.errors import show_error

            self.error = error
            self.text.setText(self.tr("导入失败，题库没有改动。"))
            self.completeChanged.emit()
            show_error(self, error)

        Op(self, self.wiz.import_call(dry_run=False)).success(done).failure(alive(self, failed)).with_progress(self.tr("正在导入……")).run()

    def isComplete(self) -> bool:
        return self.report is not None or self.error is not None


class ImportWizard(QWizard):
    """`services` as in ui/app.py; `notify(changes)` tells the main window what the import changed."""

    def __init__(self, services: Any, notify: Callable[[Any], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.notify = services, notify
        self.setWindowTitle(self.tr("导入题目"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.choose = ChooseFilesPage(self)
        self.preview_page = PreviewPage(self)
        self.confirm = ConfirmPage(self)
        self.done_page = ResultPage(self)
        for page in (self.choose, self.preview_page, self.confirm, self.done_page):
            self.addPage(page)
        self.resize(1000, 700)

    # what the pages read
    def paths(self) -> list[Path]:
        return self.choose.paths()

    def set_paths(self, paths: list[Path | str]) -> None:
        """Choose files without a file dialog (tests, or a caller that already knows the files)."""
        self.choose.clear()
        self.choose.add_paths([Path(p) for p in paths])

    def fmt(self) -> str:
        return str(self.choose.fmt.currentData())

    def domain(self) -> str | None:
        return self.choose.domain.currentData()

    def skip_invalid(self) -> bool:
        return self.preview_page.skip.isChecked()

    def import_call(self, *, dry_run: bool) -> Callable[[], Any]:
        paths, fmt, domain, skip, services = self.paths(), self.fmt(), self.domain(), self.skip_invalid(), self.services
        return lambda: services.interchange.import_files(paths, fmt=fmt, domain=domain, dry_run=dry_run, skip_invalid=skip)
