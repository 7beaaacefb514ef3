"""Translatable labels for codes (domains, types, roles), listed literally so lupdate finds them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def domain_label(code: str) -> str:
    return {
        "hr": QCoreApplication.translate("Labels", "人社"),
        "health": QCoreApplication.translate("Labels", "卫健"),
        "housing": QCoreApplication.translate("Labels", "住建"),
        "petition": QCoreApplication.translate("Labels", "信访"),
        "community": QCoreApplication.translate("Labels", "民政与社区治理"),
    }.get(code, code)


def type_label(code: str) -> str:
    return {
        "single": QCoreApplication.translate("Labels", "单选题"),
        "multiple": QCoreApplication.translate("Labels", "多选题"),
        "judge": QCoreApplication.translate("Labels", "判断题"),
        "fill": QCoreApplication.translate("Labels", "填空题"),
        "ordering": QCoreApplication.translate("Labels", "排序题"),
        "matching": QCoreApplication.translate("Labels", "匹配题"),
        "case": QCoreApplication.translate("Labels", "案例题"),
        "essay": QCoreApplication.translate("Labels", "简答题"),
    }.get(code, code)


def review_label(code: str) -> str:
    return {"draft": QCoreApplication.translate("Labels", "草稿"), "reviewed": QCoreApplication.translate("Labels", "已审核"), "approved": QCoreApplication.translate("Labels", "已批准"), "retired": QCoreApplication.translate("Labels", "已停用")}.get(code, code)


def visibility_label(code: str) -> str:
    return {"practice": QCoreApplication.translate("Labels", "练习和考试"), "exam": QCoreApplication.translate("Labels", "仅考试")}.get(code, code)


def state_label(code: str) -> str:
    return {
        "created": QCoreApplication.translate("Labels", "未开始"),
        "in_progress": QCoreApplication.translate("Labels", "作答中"),
        "submitted": QCoreApplication.translate("Labels", "已交卷"),
        "auto_submitted": QCoreApplication.translate("Labels", "到时自动交卷"),
        "graded": QCoreApplication.translate("Labels", "已评分"),
    }.get(code, code)
