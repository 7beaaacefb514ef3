from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from trainer.services.bank import BankService
from trainer.services.context import AppContext


@pytest.fixture
def app(qapp, ctx: AppContext):  # type: ignore[no-untyped-def]
    """The real QApplication set up as the app does (executors, font, stylesheet)."""
    from trainer.ui.app import make_app

    application = make_app([], ctx.settings)
    yield application
    application.executors.shutdown()


@pytest.fixture
def window(app, qtbot, ctx: AppContext, mini_bank: Path) -> Iterator:  # type: ignore[no-untyped-def]
    from trainer.ui.app import Services
    from trainer.ui.main_window import MainWindow

    BankService(ctx).import_paths([mini_bank])
    w = MainWindow(ctx.settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.ready, timeout=10_000):
        w.set_services(Services(ctx))
    yield w
