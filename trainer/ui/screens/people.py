"""人员名册: community workers by district and community (身份证 numbers masked)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QTableView

from trainer.ui.models import RowsModel
from trainer.ui.ops import Op
from trainer.ui.screens.base import Screen


class PeopleScreen(Screen):
    watches = ("people", "certificates")

    def __init__(self, window: Any):
        super().__init__(window)
        self.heading(self.tr("人员名册"))
        bar = QHBoxLayout()
        self.district = QComboBox(self)
        self.district.addItem(self.tr("全部区县"), None)
        self.district.currentIndexChanged.connect(self._load_workers)
        bar.addWidget(self.district)
        bar.addStretch(1)
        self.layout_.addLayout(bar)
        self.model = RowsModel(
            [
                (self.tr("姓名"), lambda w: w.name),
                (self.tr("身份证号"), lambda w: w.id_number_masked),
                (self.tr("区县"), lambda w: w.district),
                (self.tr("社区"), lambda w: w.community),
                (self.tr("岗位"), lambda w: w.position),
                (self.tr("电话"), lambda w: w.phone),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.layout_.addWidget(self.table, 1)

    def refresh(self) -> None:
        Op(self, self.services.people.districts).success(self._fill_districts).run()

    def _fill_districts(self, districts: list[Any]) -> None:
        current = self.district.currentData()
        self.district.blockSignals(True)
        while self.district.count() > 1:
            self.district.removeItem(1)
        for d in districts:
            self.district.addItem(d.name, d.code)
        index = self.district.findData(current)
        self.district.setCurrentIndex(max(0, index))
        self.district.blockSignals(False)
        self._load_workers()

    def _load_workers(self) -> None:
        code = self.district.currentData()
        Op(self, lambda: self.services.people.workers(district=code)).success(self._show).run()

    def _show(self, workers: list[Any]) -> None:
        self.model.set_rows(workers)
        self.window_.statusBar().showMessage(self.tr("共 %1 人").replace("%1", str(len(workers))))
