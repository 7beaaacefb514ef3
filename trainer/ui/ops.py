"""The one way screens run work off the UI thread (in the spirit of Anki's CollectionOp / QueryOp).

    Op(parent, fn).success(cb).failure(cb).with_progress(label).run()

`fn` runs on a worker: database work on a single worker (SQLite wants one writer), file and PDF work
(`kind="file"`) on a small pool. It receives an `OpContext` for progress and cancellation when it accepts
one argument. Results return to the UI thread through a queued signal; callbacks never run on a worker.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside an operation when the user pressed cancel."""


class OpContext:
    """Progress sink and cancel token handed to services (they never touch widgets)."""

    def __init__(self, report: Callable[[int, int, str], None]):
        self._report = report
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, label: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._report(done, total, label)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Bridge(QObject):
    """Lives on the UI thread; signals emitted from workers are delivered there (queued)."""

    finished = Signal(object, object, object)  # op, result, error
    progressed = Signal(object, int, int, str)


class Executors:
    """Owned by the application; shut down when it quits."""

    def __init__(self) -> None:
        self.db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")
        self.files = ThreadPoolExecutor(max_workers=2, thread_name_prefix="files")
        self.bridge = _Bridge()
        self.bridge.finished.connect(lambda op, result, error: op._finish(result, error), Qt.ConnectionType.QueuedConnection)
        self.bridge.progressed.connect(lambda op, done, total, label: op._progress(done, total, label), Qt.ConnectionType.QueuedConnection)
        self.pending: set[Op] = set()

    def shutdown(self) -> None:
        self.db.shutdown(wait=True, cancel_futures=True)
        self.files.shutdown(wait=True, cancel_futures=True)


def _get_executors() -> Executors:
    """The running TrainerApp owns the executors (no module-level state)."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().executors  # type: ignore[union-attr]


class Op:
    def __init__(self, parent: QWidget | None, fn: Callable[..., Any], *, kind: str = "db"):
        self.parent, self.fn, self.kind = parent, fn, kind
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._label: str | None = None
        self._dialog: QProgressDialog | None = None
        self._ctx = OpContext(self._emit_progress)
        self.future: Future | None = None

    def success(self, cb: Callable[[Any], None]) -> Op:
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Op:
        self._failure = cb
        return self

    def with_progress(self, label: str) -> Op:
        self._label = label
        return self

    def run(self) -> Op:
        ex = _get_executors()
        ex.pending.add(self)
        if self._label is not None:
            self._dialog = QProgressDialog(self._label, self.tr_cancel(), 0, 0, self.parent)
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(400)  # quick operations never flash a dialog
            self._dialog.canceled.connect(self._ctx.cancel)
        pool = ex.db if self.kind == "db" else ex.files
        self.future = pool.submit(self._call)
        return self

    @staticmethod
    def tr_cancel() -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Op", "取消")

    def _call(self) -> None:
        ex = _get_executors()
        try:
            wants_ctx = len(inspect.signature(self.fn).parameters) >= 1
            result = self.fn(self._ctx) if wants_ctx else self.fn()
        except BaseException as exc:  # handed to the UI thread, never swallowed
            ex.bridge.finished.emit(self, None, exc)
            return
        ex.bridge.finished.emit(self, result, None)

    def _emit_progress(self, done: int, total: int, label: str) -> None:
        _get_executors().bridge.progressed.emit(self, done, total, label)

    def _progress(self, done: int, total: int, label: str) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)
            if label:
                self._dialog.setLabelText(label)

    def _finish(self, result: Any, error: BaseException | None) -> None:
        _get_executors().pending.discard(self)
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
        if error is None:
            if self._success is not None:
                self._success(result)
            return
        if isinstance(error, Cancelled):
            return
        if self._failure is not None:
            self._failure(error)
        else:
            from trainer.ui.errors import show_error

            show_error(self.parent, error)


def later(ms: int, fn: Callable[[], None]) -> None:
    QTimer.singleShot(ms, fn)
