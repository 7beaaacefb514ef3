"""Translatable labels for codes (domains, types, roles), listed literally so lupdate finds them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def domain_label(code: str) -> str:
    return {
        "hr": _t("人社"),
        "health": _t("卫健"),
        "housing": _t("住建"),
        "petition": _t("信访"),
        "community": _t("民政与社区治理"),
    }.get(code, code)


def type_label(code: str) -> str:
    return {
        "single": _t("单选题"),
        "multiple": _t("多选题"),
        "judge": _t("判断题"),
        "fill": _t("填空题"),
        "ordering": _t("排序题"),
        "matching": _t("匹配题"),
        "case": _t("案例题"),
        "essay": _t("简答题"),
    }.get(code, code)


def review_label(code: str) -> str:
    return {"draft": _t("草稿"), "reviewed": _t("已审核"), "approved": _t("已批准"), "retired": _t("已停用")}.get(code, code)


def visibility_label(code: str) -> str:
    return {"practice": _t("练习和考试"), "exam": _t("仅考试")}.get(code, code)


def state_label(code: str) -> str:
    return {
        "created": _t("未开始"),
        "in_progress": _t("作答中"),
        "submitted": _t("已交卷"),
        "auto_submitted": _t("到时自动交卷"),
        "graded": _t("已评分"),
    }.get(code, code)
