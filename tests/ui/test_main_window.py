"""The GUI shell with real widgets on a real database: home counts, role navigation, screens."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _nav_labels(window) -> list[str]:  # type: ignore[no-untyped-def]
    labels = []
    for i in range(window.nav.topLevelItemCount()):
        top = window.nav.topLevelItem(i)
        labels.append(top.text(0))
        labels += [top.child(j).text(0) for j in range(top.childCount())]
    return labels


def test_home_shows_real_counts(window) -> None:  # type: ignore[no-untyped-def]
    home = window.show_screen("home")
    assert home.cards["questions"].value.text() == "3"
    assert home.cards["hr"].value.text() == "3"
    assert home.cards["chapters"].value.text() == "1"


def test_navigation_follows_the_role(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert _nav_labels(window) == ["首页", "学习", "课件学习", "考试", "考试记录"]
    window.role_box.setCurrentIndex(window.role_box.findData("trainer"))
    assert _nav_labels(window) == ["首页", "学习", "课件学习", "考试", "考试记录", "培训管理", "题库", "组织部", "人员名册"]
    window.role_box.setCurrentIndex(window.role_box.findData("org"))
    assert _nav_labels(window) == ["首页", "组织部", "人员名册"]


def test_bank_screen_lists_and_shows_items(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = window.show_screen("bank")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(lambda: "hr-demo-001" in screen.detail.toPlainText(), timeout=5000)
    assert "答案：B" in screen.detail.toPlainText()
    screen.qtype.setCurrentIndex(screen.qtype.findData("judge"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=5000)
    assert screen.model.row_at(0).id == "hr-demo-002"


def test_courseware_screen_renders_chapter_with_its_items(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = window.show_screen("courseware")
    qtbot.waitUntil(lambda: "示例正文" in screen.reader.toPlainText(), timeout=5000)
    text = screen.reader.toPlainText()
    assert "示例章节" in text and "本章练习题（3 道）" in text and "中华人民共和国示例法" in text


def test_people_screen_is_empty_then_lists_workers(window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from trainer.services.changes import Changes
    from trainer.services.people import PeopleService

    screen = window.show_screen("people")
    qtbot.waitUntil(lambda: screen.district.count() == 7, timeout=5000)
    PeopleService(ctx).add_worker(name="张三", id_number="11010519491231002X", district="站前区")
    window.notify(Changes(people=True))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=5000)
    assert screen.model.data(screen.model.index(0, 1), Qt.ItemDataRole.DisplayRole) == "1101**********002X"


def test_attempts_screen_shows_empty_state(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = window.show_screen("attempts")
    qtbot.waitUntil(lambda: not screen.empty.isHidden(), timeout=5000)
    assert screen.model.rowCount() == 0
