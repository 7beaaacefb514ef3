"""The one place that turns problems into dialogs: expected errors as located messages, bugs as bugs."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from trainer.core.errors import TrainerError, ValidationError

log = logging.getLogger(__name__)
MAX_LINES = 30


def describe(error: BaseException) -> tuple[str, str]:
    """(title, body) for an error; used by dialogs and by tests."""
    if isinstance(error, ValidationError):
        lines = [str(p) for p in error.problems]
        more = len(lines) - MAX_LINES
        body = "\n".join(lines[:MAX_LINES]) + (QCoreApplication.translate("Errors", "\n……另有 %n 个问题").replace("%n", str(more)) if more > 0 else "")
        return QCoreApplication.translate("Errors", "输入有误，未做任何改动"), body
    if isinstance(error, TrainerError):
        return QCoreApplication.translate("Errors", "无法完成操作"), str(error)
    return QCoreApplication.translate("Errors", "程序错误"), QCoreApplication.translate("Errors", "发生了意外错误，已记录日志。请把下面的信息交给技术支持：") + "\n\n" + "".join(
        traceback.format_exception_only(type(error), error)
    )


def show_error(parent: QWidget | None, error: BaseException) -> None:
    if not isinstance(error, TrainerError):
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    title, body = describe(error)
    box = QMessageBox(QMessageBox.Icon.Warning if isinstance(error, TrainerError) else QMessageBox.Icon.Critical, title, body, parent=parent)
    box.open()
