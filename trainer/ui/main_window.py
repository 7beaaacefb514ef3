"""The main window only wires screens together: navigation by role, one data_changed signal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.services.changes import Changes
from trainer.settings import Settings
from trainer.ui.screens.base import Screen


@dataclass(frozen=True)
class NavEntry:
    key: str
    group: str  # 学习 | 考试 | 培训管理 | 组织部
    label: str
    roles: tuple[str, ...]
    factory: Callable[[], Screen]


class MainWindow(QMainWindow):
    ready = Signal()  # the home screen shows real data from the database
    painted = Signal()  # the first paint happened: the database opens after it
    data_changed = Signal(object, object)  # Changes, initiator

    def __init__(self, settings: Settings):
        super().__init__()
        self.settings = settings
        self.services = None
        self._painted = False
        self.setWindowTitle(self.tr("全科社工培训考试系统"))
        self.resize(1280, 800)
        self._screens: dict[str, Screen] = {}
        self._entries = self._nav_entries()

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        side = QWidget(central)
        side.setObjectName("sidebar")
        side_layout = QVBoxLayout(side)
        title = QLabel(self.tr("全科社工\n培训考试系统"), side)
        title.setObjectName("appTitle")
        side_layout.addWidget(title)
        side_layout.addWidget(QLabel(self.tr("当前身份"), side))
        self.role_box = QComboBox(side)
        for code, label in (("learner", self.tr("学员")), ("trainer", self.tr("培训师 / 考务")), ("org", self.tr("组织部"))):
            self.role_box.addItem(label, code)
        self.role_box.setAccessibleName(self.tr("当前身份"))
        side_layout.addWidget(self.role_box)
        self.nav = QTreeWidget(side)
        self.nav.setObjectName("nav")
        self.nav.setHeaderHidden(True)
        self.nav.setAccessibleName(self.tr("导航"))
        self.nav.setRootIsDecorated(False)
        side_layout.addWidget(self.nav, 1)
        side.setFixedWidth(250)
        self.stack = QStackedWidget(central)
        layout.addWidget(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = self.statusBar()
        self.status.showMessage(self.tr("正在打开数据库……"))

        self.role_box.currentIndexChanged.connect(self._rebuild_nav)
        self.nav.currentItemChanged.connect(self._on_nav)
        self._rebuild_nav()

    # --- navigation -------------------------------------------------------------------------------
    def _nav_entries(self) -> list[NavEntry]:
        from trainer.ui.screens.attempts import AttemptsScreen
        from trainer.ui.screens.bank import BankScreen
        from trainer.ui.screens.courseware import CoursewareScreen
        from trainer.ui.screens.home import HomeScreen
        from trainer.ui.screens.people import PeopleScreen

        everyone = ("learner", "trainer", "org")
        return [
            NavEntry("home", "", self.tr("首页"), everyone, lambda: HomeScreen(self)),
            NavEntry("courseware", self.tr("学习"), self.tr("课件学习"), ("learner", "trainer"), lambda: CoursewareScreen(self)),
            NavEntry("attempts", self.tr("考试"), self.tr("考试记录"), ("learner", "trainer"), lambda: AttemptsScreen(self)),
            NavEntry("bank", self.tr("培训管理"), self.tr("题库"), ("trainer",), lambda: BankScreen(self)),
            NavEntry("people", self.tr("组织部"), self.tr("人员名册"), ("org", "trainer"), lambda: PeopleScreen(self)),
        ]

    @property
    def role(self) -> str:
        return str(self.role_box.currentData())

    def _rebuild_nav(self) -> None:
        self.nav.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        first = None
        for e in self._entries:
            if self.role not in e.roles:
                continue
            if e.group:
                parent = groups.get(e.group)
                if parent is None:
                    parent = QTreeWidgetItem(self.nav, [e.group])
                    parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    font = parent.font(0)
                    font.setBold(True)
                    parent.setFont(0, font)
                    parent.setForeground(0, QBrush(QColor("#57606a")))
                    parent.setExpanded(True)
                    groups[e.group] = parent
                item = QTreeWidgetItem(parent, [e.label])
            else:
                item = QTreeWidgetItem(self.nav, [e.label])
            item.setData(0, Qt.ItemDataRole.UserRole, e.key)
            first = first or item
        self.nav.expandAll()
        if first is not None:
            self.nav.setCurrentItem(first)

    def _on_nav(self, item: QTreeWidgetItem | None, _prev: QTreeWidgetItem | None) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if key:
            self.show_screen(key)

    def show_screen(self, key: str) -> Screen:
        screen = self._screens.get(key)
        if screen is None:
            entry = next(e for e in self._entries if e.key == key)
            screen = entry.factory()
            self._screens[key] = screen
            self.stack.addWidget(screen)
            self.data_changed.connect(screen.on_data_changed)
            if self.services is not None:
                screen.attach(self.services)
        self.stack.setCurrentWidget(screen)
        return screen

    # --- services ---------------------------------------------------------------------------------
    def set_services(self, services) -> None:  # type: ignore[no-untyped-def]
        self.services = services
        backup = services.ctx.backup
        self.status.showMessage(
            self.tr("数据库已升级，原文件已备份：%1").replace("%1", str(backup)) if backup else self.tr("就绪")
        )
        for screen in self._screens.values():
            screen.attach(services)

    def notify(self, changes: Changes, initiator: object = None) -> None:
        if changes.any():
            self.data_changed.emit(changes, initiator)

    def show_fatal(self, error: BaseException) -> None:
        from trainer.ui.errors import show_error

        self.status.showMessage(self.tr("无法打开数据库"))
        show_error(self, error)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def shutdown(self) -> None:
        if self.services is not None:
            self.services.ctx.close()
