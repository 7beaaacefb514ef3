from __future__ import annotations

import io
import zipfile

import openpyxl

from trainer.core.questions import Blank, QType
from trainer.formats.csvfmt import FORMAT as CSV
from trainer.formats.xlsx import FORMAT as XLSX


def _book(rows: list[list[object]], *, title_row: bool = True) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    if title_row:
        ws.append(["2024 年社区工作者题库"])
        ws.merge_cells("A1:H1")
        ws.append([])
    ws.append(["序号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "正确答案", "解析", "难度", "领域", "依据"])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_messy_real_world_sheet() -> None:
    data = _book([
        [1, "多选题", "下列哪些正确？", "甲", "乙", "丙", "丁", " Ａ、Ｂ，D ", "", "较难", "人社", "social-insurance-law 第四十五条"],
        [],
        [2, "判断", "这是对的。", None, None, None, None, "√", None, 3, "卫健", None],
        [3, "判断题", "这是错的。", None, None, None, None, "F", None, None, None, None],
        [4, "单项选择题", "选一个", "a", "b", None, None, "b", None, 2.0, "hr", None],
        [5, "填空题", "期限为（　）日。", None, None, None, None, "30/三十", None, None, None, None],
        [6, "判断题", "选项式判断", "正确", "错误", None, None, "B", None, None, None, None],
    ])
    r = XLSX.read(data, "题库.xlsx")
    assert r.errors == []
    m, j1, j2, s, f, j3 = r.questions
    assert m.key == ("A", "B", "D") and m.difficulty == 4 and m.domain == "hr"
    assert m.basis[0].rule == "social-insurance-law" and m.basis[0].article == "第四十五条"
    assert (j1.key, j1.domain, j2.key, j3.key) == (True, "health", False, False)
    assert s.key == "B" and s.type == QType.SINGLE
    assert f.stem == "期限为____日。" and f.key == (Blank(("30", "三十")),)
    assert all(q.review == "draft" for q in r.questions)


def test_errors_name_row_and_column() -> None:
    data = _book([
        [1, "单选题", "题一", "甲", "乙", "丙", "丁", "E", "", 3, "人社", ""],
        [2, "怪题", "题二", "甲", "乙", None, None, "A", "", 3, "人社", ""],
        [3, "单选题", "题三", "甲", "乙", None, None, "A", "", 9, "火星", ""],
        [4, "单选题", "好题", "甲", "乙", None, None, "A", "", 3, "人社", ""],
    ])
    r = XLSX.read(data, "题库.xlsx")
    where = [(p.location.line, p.location.field) for p in r.errors]
    assert (4, "答案") in where and (5, "题型") in where and (6, "难度") in where and (6, "领域") in where
    e = next(p for p in r.errors if p.location.line == 4)
    assert "“E”" in e.message and "不是有效选项" in e.message
    assert [q.stem for q in r.questions] == ["好题"]  # --skip-invalid keeps the valid ones


def test_template_has_instructions_validation_and_one_example_per_type() -> None:
    data = XLSX.template()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["题库", "说明"]
    ws = wb["题库"]
    assert len(ws.data_validations.dataValidation) == 3
    r = XLSX.read(data, "题库模板.xlsx")
    assert r.errors == [] and {q.type for q in r.questions} == set(QType)
    case = next(q for q in r.questions if q.type == QType.CASE)
    assert len(case.sub) == 2


def test_case_sub_rows_must_follow_a_case() -> None:
    data = _book([[1, "子题-单选", "孤儿子题", "甲", "乙", None, None, "A", "", 3, "人社", ""]], title_row=False)
    r = XLSX.read(data, "x.xlsx")
    assert r.errors and "案例题" in r.errors[0].message


def test_zip_bomb_is_refused_before_openpyxl() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 * 1024 * 1024))
    r = XLSX.read(buf.getvalue(), "bomb.xlsx")
    assert r.questions == [] and "压缩" in r.errors[0].message


def test_formulas_are_never_written() -> None:
    from trainer.core.questions import Question

    q = Question(id="f", type=QType.ESSAY, stem="=HYPERLINK(\"http://x\")", key="=1+1")
    data = XLSX.write([q])
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb["题库"]["D2"].data_type == "s"
    assert XLSX.read(data, "f.xlsx").questions[0].stem == q.stem
    back = CSV.read(CSV.write([q]), "f.csv").questions[0]
    assert (back.stem, back.key) == (q.stem, q.key)


def test_csv_bom_gbk_and_tabs() -> None:
    from trainer.formats.examples import EXAMPLES

    out = CSV.write(EXAMPLES)
    assert out.startswith(b"\xef\xbb\xbf")
    text = "题型,题干,选项A,选项B,答案\n单选题,中文题目,甲,乙,A\n判断题,对吗,,,对\n"
    r = CSV.read(text.encode("gbk"), "gbk.csv")
    assert [q.key for q in r.questions] == ["A", True]
    r = CSV.read(text.replace(",", "\t").encode("utf-16"), "u16.csv")
    assert [q.key for q in r.questions] == ["A", True]
    bad = "题型,题干,答案\n单选题,没有选项,A\n"
    assert CSV.read(bad.encode(), "b.csv").errors[0].location.line == 2
