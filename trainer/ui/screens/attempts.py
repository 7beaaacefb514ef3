"""考试记录: attempts with their state and result."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView

from trainer.ui.labels import state_label
from trainer.ui.models import RowsModel
from trainer.ui.ops import Op
from trainer.ui.screens.base import Screen


def _result(a: Any) -> str:
    if a.score is None:
        return ""
    verdict = "" if a.passed is None else ("（通过）" if a.passed else "（未通过）")
    return f"{a.score:g} / {a.max_score:g}{verdict}"


class AttemptsScreen(Screen):
    watches = ("attempts", "exams")

    def __init__(self, window: Any):
        super().__init__(window)
        self.heading(self.tr("考试记录"))
        self.empty = QLabel(self.tr("暂无考试记录。培训师组织考试后，这里会列出每次作答及成绩。"), self)
        self.empty.setWordWrap(True)
        self.layout_.addWidget(self.empty)
        self.model = RowsModel(
            [
                (self.tr("编号"), lambda a: a.id),
                (self.tr("考生"), lambda a: a.candidate),
                (self.tr("试卷"), lambda a: a.paper),
                (self.tr("状态"), lambda a: state_label(a.state)),
                (self.tr("成绩"), _result),
                (self.tr("开始时间"), lambda a: a.started_at.astimezone().strftime("%Y-%m-%d %H:%M") if a.started_at else ""),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.layout_.addWidget(self.table, 1)

    def refresh(self) -> None:
        Op(self, self.services.system.attempts).success(self._show).run()

    def _show(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
