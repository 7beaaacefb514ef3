"""The import wizard and the export dialog with real widgets on a real database (the mini bank)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from trainer.ui.screens.import_preview import ERROR_BG, PreviewRow, status_text

# Native YAML is checked against the bundled rule registry and courseware, so it cites those.
NEW_ITEMS = """\
domain: hr
section: hr-labor-arbitration
items:
  - id: hr-new-001
    type: single
    stem: 新的单选题（　）。
    options: [甲, 乙, 丙]
    answer: A
    explanation: 甲正确。
    basis: [{rule: labor-law, article: 第七十九条}]
    difficulty: 2
  - id: hr-new-002
    type: judge
    stem: 新的判断题。
    answer: true
    explanation: 说法正确。
    basis: [{rule: labor-law, article: 第八十二条}]
    difficulty: 1
"""

GIFT = """\
::gift-one:: 社区服务窗口的工作时间由谁确定？ {=街道办事处 ~居民 ~物业}

::gift-two:: 居民可以当场办结简单事项。 {T}
"""


def _bank_screen(window, qtbot):  # type: ignore[no-untyped-def]
    screen = window.show_screen("bank")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=5000)
    assert screen.import_button.isEnabled()
    return screen


def _click(qtbot, wizard, which: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(which)
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _run_to_end(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    """From the preview page: confirm (dry run), import, wait for the result."""
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.confirm.report is not None, timeout=10_000)
    assert wizard.currentPage() is wizard.confirm
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.done_page.report is not None, timeout=10_000)


def _xlsx_with_new_ids(window, tmp_path: Path, *, break_first: bool) -> Path:  # type: ignore[no-untyped-def]
    """The mini bank exported to Excel, ids renamed (so they are new), optionally one bad answer."""
    exported = tmp_path / "export.xlsx"
    window.services.interchange.export(exported, fmt="xlsx")
    wb = openpyxl.load_workbook(exported)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    id_col, answer_col = header.index("ID") + 1, header.index("答案") + 1
    for row in range(2, ws.max_row + 1):
        ws.cell(row=row, column=id_col).value = str(ws.cell(row=row, column=id_col).value).replace("demo", "xls")
    if break_first:
        ws.cell(row=2, column=answer_col).value = "Z"  # hr-xls-001 is single choice with options A–D
    target = tmp_path / ("broken.xlsx" if break_first else "clean.xlsx")
    wb.save(target)
    return target


def test_clean_yaml_previews_and_imports(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new.yaml"
    path.write_text(NEW_ITEMS, encoding="utf-8")
    screen = _bank_screen(window, qtbot)
    wizard = screen.open_import_wizard()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no file chosen yet
    wizard.set_paths([path])
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert page.model.rowCount() == 2
    assert [page.model.row_at(i).details for i in range(2)] == [(), ()]
    assert page.summary.text() == "2 题可导入，0 题有错误，0 条警告"
    assert page.skip.isHidden() and page.blocked.isHidden()
    _run_to_end(qtbot, wizard)
    assert "新增 2 题" in wizard.confirm.text.text()
    assert "新增 2 题" in wizard.done_page.text.text()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5, timeout=5000)  # the bank screen refreshed
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)


def test_clean_xlsx_imports(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _xlsx_with_new_ids(window, tmp_path, break_first=False)
    screen = _bank_screen(window, qtbot)
    wizard = screen.open_import_wizard()
    wizard.set_paths([path])
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.preview_page.loaded, timeout=10_000)
    assert wizard.preview_page.preview.importable == 3
    _run_to_end(qtbot, wizard)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 6, timeout=5000)


def test_broken_row_is_marked_and_blocks_until_skip_invalid(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _xlsx_with_new_ids(window, tmp_path, break_first=True)
    screen = _bank_screen(window, qtbot)
    wizard = screen.open_import_wizard()
    wizard.set_paths([path])
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)

    assert page.summary.text() == "2 题可导入，1 题有错误，0 条警告"
    bad = [i for i in range(page.model.rowCount()) if page.model.row_at(i).status == "error"]
    assert len(bad) == 1
    index = page.model.index(bad[0], page.model.STATUS_COLUMN)
    assert page.model.data(index).startswith("错误：第 2 行 答案：")
    assert "broken.xlsx 第 2 行" in page.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole).color().name() == ERROR_BG
    assert not page.model.data(index, Qt.ItemDataRole.DecorationRole).isNull()

    # all-or-nothing: blocked, with the reason shown, until the user chooses to skip the invalid item
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not page.blocked.isHidden() and "跳过有错误的题目" in page.blocked.text()
    page.skip.setChecked(True)
    assert page.blocked.isHidden()

    _run_to_end(qtbot, wizard)
    assert "新增 2 题" in wizard.confirm.text.text() and "跳过有错误的 1 题" in wizard.confirm.text.text()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5, timeout=5000)
    ids = {screen.model.row_at(i).id for i in range(screen.model.rowCount())}
    assert "hr-xls-001" not in ids and {"hr-xls-002", "hr-xls-003"} <= ids


def test_going_back_rereads_and_the_domain_choice_applies(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bank.gift"
    path.write_text(GIFT, encoding="utf-8")
    screen = _bank_screen(window, qtbot)
    wizard = screen.open_import_wizard()
    wizard.set_paths([path])
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert page.preview.importable == 0 and page.preview.invalid == 2  # GIFT names no domain
    assert "没有可以导入的题目" in page.blocked.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    _click(qtbot, wizard, QWizard.WizardButton.BackButton)
    wizard.choose.domain.setCurrentIndex(wizard.choose.domain.findData("community"))
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert page.preview.importable == 2 and not page.preview.has_errors
    assert page.model.data(page.model.index(0, 1)) == "民政与社区治理"
    _run_to_end(qtbot, wizard)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5, timeout=5000)


def test_status_text_summarises_the_reasons(qapp) -> None:  # type: ignore[no-untyped-def]
    row = PreviewRow("x", "hr", "single", "题", "error", ("第 3 行 答案：不对", "警告：重复"), ())
    assert status_text(row) == "错误：第 3 行 答案：不对（另有 1 条）"
    assert status_text(PreviewRow("y", "hr", "single", "题", "warning", ("警告：重复",), ())) == "警告：重复"
    assert status_text(PreviewRow("z", "hr", "single", "题", "ok")) == "可导入"


def test_export_writes_the_file_and_lists_what_the_format_lost(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    screen = _bank_screen(window, qtbot)
    dialog = screen.open_export_dialog()
    dialog.fmt.setCurrentIndex(dialog.fmt.findData("gift"))
    dialog.domain.setCurrentIndex(dialog.domain.findData("hr"))
    target = tmp_path / "out.gift"
    dialog.set_target(target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    assert target.is_file() and "::hr-demo-001::" in target.read_text(encoding="utf-8")
    text = dialog.summary.toPlainText()
    assert f"已导出 3 题到 {target}" in text
    assert dialog.result_.lost and all(line in text for line in dialog.result_.lost)
    assert "GIFT 不支持" in text


def test_export_target_follows_the_format(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _bank_screen(window, qtbot).open_export_dialog()
    dialog.set_target(tmp_path / "题库.xlsx")
    dialog.fmt.setCurrentIndex(dialog.fmt.findData("qti"))
    assert dialog.target.text() == str(tmp_path / "题库.zip")
    dialog.target.clear()
    assert not dialog.export_button.isEnabled()


def test_save_excel_template(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    screen = _bank_screen(window, qtbot)
    target = tmp_path / "模板.xlsx"
    screen.save_template(target)
    qtbot.waitUntil(lambda: "已保存 Excel 模板" in window.statusBar().currentMessage(), timeout=10_000)
    assert openpyxl.load_workbook(target).sheetnames[0] == "题库"


def test_file_level_problems_are_listed_above_the_table(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.csv"
    path.write_text("这不是题库\n只是一些笔记\n", encoding="utf-8")
    wizard = _bank_screen(window, qtbot).open_import_wizard()
    wizard.set_paths([path])
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert page.model.rowCount() == 0 and not page.file_problems.isHidden()
    assert "notes.csv" in page.file_problems.item(0).text()
    assert "1 个文件级错误" in page.summary.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
