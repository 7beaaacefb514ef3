"""What every screen shares: services arrive after the window paints; refresh only on relevant changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from trainer.services.changes import Changes


class Screen(QWidget):
    #: which kinds of change make this screen reload (names of Changes fields)
    watches: tuple[str, ...] = ()

    def __init__(self, window: Any):
        super().__init__(window)
        self.window_ = window
        self.services: Any = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 20, 24, 20)
        self.layout_.setSpacing(12)

    def heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("screenTitle")
        self.layout_.addWidget(label)
        return label

    def attach(self, services: Any) -> None:
        self.services = services
        self.refresh()

    def refresh(self) -> None:
        """Reload from the services (through Op); called on attach and on relevant changes."""

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        if self.services is not None and any(getattr(changes, w) for w in self.watches):
            self.refresh()
