"""课件学习: chapters by domain on the left, the rendered chapter with its rules and items on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QTreeWidget, QTreeWidgetItem

from trainer.ui.labels import domain_label
from trainer.ui.ops import Op
from trainer.ui.screens.base import Screen


class CoursewareScreen(Screen):
    watches = ("courseware", "bank")

    def __init__(self, window: Any):
        super().__init__(window)
        self.heading(self.tr("课件学习"))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.tree = QTreeWidget(split)
        self.tree.setHeaderHidden(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setAccessibleName(self.tr("课件目录"))
        self.reader = QTextBrowser(split)
        self.reader.setOpenExternalLinks(False)
        self.reader.setAccessibleName(self.tr("课件正文"))
        split.setStretchFactor(1, 3)
        split.setSizes([400, 820])
        self.layout_.addWidget(split, 1)
        self.tree.currentItemChanged.connect(self._open)
        self._current: str | None = None

    def refresh(self) -> None:
        Op(self, self.services.courseware.chapters).success(self._fill).run()

    def _fill(self, chapters: list[Any]) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        first = None
        for c in chapters:
            parent = groups.get(c.domain)
            if parent is None:
                parent = groups[c.domain] = QTreeWidgetItem(self.tree, [domain_label(c.domain)])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item = QTreeWidgetItem(parent, [self.tr("%1（%2 题）").replace("%1", c.title).replace("%2", str(c.items))])
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            item.setToolTip(0, c.title)
            if c.id == self._current or first is None:
                first = item
        self.tree.expandAll()
        if first is not None:
            self.tree.setCurrentItem(first)

    def _open(self, item: QTreeWidgetItem | None, _prev: Any) -> None:
        chapter_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not chapter_id:
            return
        self._current = chapter_id
        font_px = round(18 * self.services.settings.font_scale)
        Op(self, lambda: self.services.courseware.chapter_html(chapter_id, font_px=font_px)).success(self.reader.setHtml).run()

    def open_chapter(self, chapter_id: str) -> None:
        self._current = chapter_id
        it = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        for item in it:
            if item.data(0, Qt.ItemDataRole.UserRole) == chapter_id:
                self.tree.setCurrentItem(item)
                return
