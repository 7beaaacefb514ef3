"""Composition root of the desktop app: settings, translator, executors, window, then the database.

Start-up is a feature: the window paints first; only then does the DB worker import SQLAlchemy, open
(and upgrade) the database and, on first start, load the bundled bank. Starting the worker earlier makes
both threads compete for the GIL: the first paint comes ~100 ms later and the data no sooner.
"""

from __future__ import annotations

import logging
import sys
import time
from functools import cached_property
from typing import TYPE_CHECKING, Any

from trainer.settings import Settings, load_settings

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from trainer.services.context import AppContext

log = logging.getLogger(__name__)


class Services:
    """What screens may call. Built once per database; screens never see a Session or an engine.

    Each service is created on first use, so start-up imports only what the first screen needs.
    """

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    @property
    def settings(self) -> Settings:
        return self.ctx.settings

    @cached_property
    def bank(self) -> Any:
        from trainer.services.bank import BankService

        return BankService(self.ctx)

    @cached_property
    def courseware(self) -> Any:
        from trainer.services.courseware import CoursewareService

        return CoursewareService(self.ctx)

    @cached_property
    def interchange(self) -> Any:
        from trainer.services.interchange import InterchangeService

        return InterchangeService(self.ctx)

    @cached_property
    def people(self) -> Any:
        from trainer.services.people import PeopleService

        return PeopleService(self.ctx)

    @cached_property
    def system(self) -> Any:
        from trainer.services.system import SystemService

        return SystemService(self.ctx)


def make_app(argv: list[str], settings: Settings) -> QApplication:
    """The QApplication, owning the executors (no module-level state), with font and translation."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from trainer.ui.ops import Executors
    from trainer.ui.style import stylesheet

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("trainer")
    app.settings = settings  # type: ignore[attr-defined]
    app.executors = Executors()  # type: ignore[attr-defined]
    app.aboutToQuit.connect(app.executors.shutdown)  # type: ignore[attr-defined]
    font = QFont(app.font())
    font.setPixelSize(round(16 * settings.font_scale))  # large, readable text by default
    app.setFont(font)
    app._translator = install_translator(app, settings.lang)  # type: ignore[attr-defined]
    app.setApplicationDisplayName(app.translate("App", "全科社工培训考试系统"))
    app.setStyleSheet(stylesheet(settings.font_scale))
    return app


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    from PySide6.QtCore import QLocale, QTranslator

    if lang == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return None
    from trainer import paths

    translator = QTranslator(app)
    if translator.load(str(paths.resource("i18n", f"trainer_{lang}.qm"))):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translator
    log.warning("no translation for %s", lang)
    return None


def open_services(settings: Settings) -> Any:
    """Runs on the DB worker: open/upgrade the database; on first start load the bundled bank."""
    from trainer import paths
    from trainer.services.bank import BankService

    from trainer.services.context import AppContext

    ctx = AppContext.open(settings)
    services = Services(ctx)
    if services.system.is_empty_bank():
        BankService(ctx).import_paths([paths.question_bank_dir()], skip_invalid=True)
    return services


def launch(
    *, db: str | None = None, data_dir: str | None = None, lang: str | None = None, exit_when_ready: bool = False, start: float | None = None
) -> int:
    start = start if start is not None else time.perf_counter()
    settings = load_settings(data_dir=data_dir, db_url=db, lang=lang)
    app = make_app(sys.argv[:1], settings)
    from trainer.ui.main_window import MainWindow
    from trainer.ui.ops import Op

    window = MainWindow(settings)
    if exit_when_ready:
        marks: dict[str, float] = {}

        def painted() -> None:
            marks["paint"] = time.perf_counter()

        def ready() -> None:
            now = time.perf_counter()
            paint = marks.get("paint", now)
            offset = time.time() - now  # epoch stamps let a benchmark measure from process spawn
            print(
                f"first_paint_ms={(paint - start) * 1000:.0f} ready_ms={(now - start) * 1000:.0f}"
                f" paint_epoch={paint + offset:.4f} ready_epoch={now + offset:.4f}",
                flush=True,
            )
            app.exit(0)

        window.painted.connect(painted)
        window.ready.connect(ready)
    window.show()

    def failed(error: BaseException) -> None:
        window.show_fatal(error)
        if exit_when_ready:
            print(f"error: {error}", file=sys.stderr, flush=True)
            app.exit(1)

    opened: list[Op] = []

    def open_database() -> None:
        if not opened:  # on the first paint, or shortly after start if the window is not exposed
            opened.append(Op(window, lambda: open_services(settings)).success(window.set_services).failure(failed).run())

    from PySide6.QtCore import QTimer

    window.painted.connect(open_database)
    QTimer.singleShot(300, open_database)
    code = app.exec()
    window.shutdown()
    return code
