"""Table models are tested without any window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from trainer.ui.models import RowsModel


@dataclass(frozen=True)
class Row:
    name: str
    n: int | None


def test_rows_model_reports_rows_columns_and_text(qapp) -> None:  # type: ignore[no-untyped-def]
    model = RowsModel([("名称", lambda r: r.name), ("数量", lambda r: r.n)])
    model.set_rows([Row("甲", 1), Row("乙", None)])
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "数量"
    assert model.data(model.index(0, 1)) == "1"
    assert model.data(model.index(1, 1)) == ""
    assert model.data(model.index(1, 0), Qt.ItemDataRole.UserRole) == Row("乙", None)
