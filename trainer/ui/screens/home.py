"""首页: what the database holds, in large numbers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout

from trainer.core.questions import Domain
from trainer.ui.labels import domain_label
from trainer.ui.ops import Op
from trainer.ui.screens.base import Screen


class StatCard(QFrame):
    def __init__(self, title: str, parent: Any):
        super().__init__(parent)
        self.setObjectName("statCard")
        layout = QVBoxLayout(self)
        self.value = QLabel("—", self)
        self.value.setObjectName("statValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.title = QLabel(title, self)
        self.title.setObjectName("statTitle")
        layout.addWidget(self.value)
        layout.addWidget(self.title)

    def set(self, value: int | str) -> None:
        self.value.setText(str(value))


class HomeScreen(Screen):
    watches = ("bank", "courseware", "people", "attempts", "certificates")

    def __init__(self, window: Any):
        super().__init__(window)
        self.heading(self.tr("欢迎使用全科社工培训考试系统"))
        intro = QLabel(self.tr("一专多能：人社、卫健、住建、信访、民政与社区治理，学习、练习、考试一站完成。"), self)
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.cards: dict[str, StatCard] = {}
        overall = [
            ("questions", self.tr("题库题目")),
            ("chapters", self.tr("课件章节")),
            ("workers", self.tr("在册社区工作者")),
            ("certified", self.tr("已取得全科社工资格")),
        ]
        for i, (key, label) in enumerate(overall):
            self.cards[key] = card = StatCard(label, self)
            grid.addWidget(card, 0, i)
        for i, d in enumerate(Domain):
            self.cards[d.value] = card = StatCard(self.tr("%1题目").replace("%1", domain_label(d.value)), self)
            grid.addWidget(card, 1 + i // 4, i % 4)
        self.layout_.addLayout(grid)
        self.layout_.addStretch(1)
        self._announced = False

    def refresh(self) -> None:
        services = self.services
        Op(self, services.system.home_counts).success(self.show_counts).run()

    def show_counts(self, counts: Any) -> None:
        self.cards["questions"].set(counts.questions)
        self.cards["chapters"].set(counts.chapters)
        self.cards["workers"].set(counts.workers)
        self.cards["certified"].set(counts.certified)
        for d in Domain:
            self.cards[d.value].set(counts.by_domain.get(d.value, 0))
        if not self._announced:
            self._announced = True
            self.window_.ready.emit()
