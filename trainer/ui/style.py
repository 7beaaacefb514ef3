"""One stylesheet: large readable text, clear focus for keyboard users, calm colours."""

from __future__ import annotations


def stylesheet(scale: float = 1.0) -> str:
    def px(n: float) -> str:
        return f"{round(n * scale)}px"

    return f"""
    QWidget {{ font-size: {px(16)}; }}
    #sidebar {{ background: #f3f6fa; border-right: 1px solid #d0d7de; }}
    #appTitle {{ font-size: {px(22)}; font-weight: bold; color: #0b5394; padding: 8px 4px 16px 4px; }}
    #screenTitle {{ font-size: {px(26)}; font-weight: bold; color: #0b5394; }}
    #statCard {{ background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px; }}
    #statValue {{ font-size: {px(34)}; font-weight: bold; color: #1f2328; }}
    #statTitle {{ font-size: {px(15)}; color: #57606a; }}
    QTreeWidget#nav {{ font-size: {px(17)}; border: none; background: transparent; }}
    QTreeWidget#nav::item {{ padding: 6px 2px; }}
    QTreeWidget#nav::item:selected {{ background: #0b5394; color: white; }}
    QTreeWidget::item {{ padding: 3px 2px; }}
    QTableView {{ gridline-color: #e5e8eb; selection-background-color: #cfe2f3; selection-color: #1f2328; }}
    QHeaderView::section {{ background: #f3f6fa; padding: 6px; border: none; border-bottom: 1px solid #d0d7de; font-weight: bold; }}
    QPushButton {{ padding: 6px 16px; min-height: {px(28)}; }}
    QLineEdit, QComboBox {{ padding: 4px 8px; min-height: {px(28)}; }}
    *:focus {{ outline: 2px solid #f1c232; }}
    """
