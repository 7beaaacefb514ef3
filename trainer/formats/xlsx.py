"""Excel (.xlsx) in the documented column layout (docs/formats.md), plus the blank template."""

from __future__ import annotations

import io
import itertools
import warnings
from collections.abc import Sequence

from trainer.core.questions import DOMAIN_LABELS_ZH, Question
from trainer.formats import layout as L
from trainer.formats.base import ExportSummary, Opener, ReadResult, Sink
from trainer.formats.common import finish, review_note, validate_domain
from trainer.formats.rows import question_rows, read_rows
from trainer.formats.safety import Refused, open_zip

DATA_SHEET = "题库"
HELP_SHEET = "说明"


class XlsxFormat:
    code = "xlsx"
    label = "Excel 工作簿 (.xlsx)"
    extensions = (".xlsx", ".xlsm")

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"PK\x03\x04") and (b"[Content_Types].xml" in head or b"xl/" in head)

    def read(self, data: bytes, source: str, *, domain: str | None = None,
             opener: Opener | None = None) -> ReadResult:
        import openpyxl

        sink = Sink(source)
        dom = validate_domain(domain, sink)
        try:
            open_zip(data).close()
        except Refused as e:
            sink.error(str(e))
            return ReadResult([], sink.problems)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises many kinds on broken files
            sink.error(f"无法打开 Excel 文件：{e}")
            return ReadResult([], sink.problems)
        try:
            for ws in wb.worksheets:
                if ws.title == HELP_SHEET:
                    continue
                rows = enumerate(ws.iter_rows(values_only=True), 1)
                head = list(itertools.islice(rows, 30))
                if any(L.header_map(v) for _, v in head):
                    entries = read_rows(itertools.chain(head, rows), sink)
                    break
            else:
                sink.error("找不到表头行（至少要有“题型”或“答案”列和“题干”列）")
                entries = []
        finally:
            wb.close()
        return finish(entries, sink, domain=dom)

    def write(self, questions: Sequence[Question], *, title: str = "") -> bytes:
        return write_workbook(questions, title=title)

    def export_summary(self, questions: Sequence[Question]) -> ExportSummary:
        return ExportSummary(len(questions), review_note(questions))

    def template(self) -> bytes:
        from trainer.formats.examples import EXAMPLES

        return write_workbook(EXAMPLES, title="题库模板", template=True)


_HELP = [
    ("ID", "题目编号（可空）：小写字母、数字、连字符，如 hr-unemp-001；空则导入时自动编号", "hr-unemp-001"),
    ("题型", "单选题 多选题 判断题 填空题 排序题 匹配题 案例题 简答题（可用下拉选择）", "单选题"),
    ("子题", "案例题的子题行填序号 1、2…，紧跟在案例题行之后；其他行留空", "1"),
    ("题干", "题目文字；填空题每个空写作 ____（四个下划线）", "领取失业保险金至少应缴费满（　）。"),
    ("选项A–H", "单选、多选、排序题的选项；匹配题右列（A、B…）", "一年"),
    ("答案", "单选 B；多选 ABD（也可 A,B,D）；判断 正确/错误（对/错、√/×、T/F）；填空 多个空用 | 分隔，"
             "同一空的多个答案用 / 分隔，数值写 30±0.5；排序 C,A,B；匹配 1-B,2-A；简答 参考答案", "B"),
    ("解析", "为什么正确答案对、干扰项错", ""),
    ("难度", "1（易）… 5（难），也可写 易/较易/中等/较难/难", "3"),
    ("领域", "人社 卫健 住建 信访 民政与社区治理（或 hr health housing petition community）", "人社"),
    ("标签", "多个用顿号或逗号分隔", "失业保险、待遇"),
    ("依据", "法规编号 条款，多条换行或分号分隔", "social-insurance-law 第四十五条"),
    ("章节", "课件章节编号", "hr-unemployment"),
    ("匹配左列", "匹配题左列，每项一行（编号 1、2…）", "事项一"),
    ("评分要点", "简答题：每行“要点（40%）”，合计 100", "说明办理地点（40%）"),
    ("计分", "多选 all_or_nothing/partial 或权重 A=50;B=50;C=-50；排序 lcs/kendall/all_or_nothing", ""),
    ("标题", "可选的简短名称", ""),
    ("图片", "题干引用的图片文件名，多个用顿号分隔", ""),
    ("可见性", "practice（练习和考试，默认）或 exam（仅考试）", ""),
    ("历史题", "考查已废止版本时填“是”，题干须写明版本", ""),
    ("互斥组", "同组题目不会出现在同一试卷", ""),
]


def write_workbook(questions: Sequence[Question], *, title: str = "", template: bool = False) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    ws.append(L.HEADERS)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for c in ws[1]:
        c.font, c.fill = bold, fill
    for q in questions:
        for values in question_rows(q):
            ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("="):
                c.data_type = "s"  # text, never a formula
    ws.freeze_panes = "D2"
    widths = {"stem": 50, "explanation": 40, "answer": 14, "basis": 28, "left": 24, "rubric": 28}
    for i, key in enumerate(L.KEYS, 1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = widths.get(key, 12 if key != "id" else 18)
    last = max(ws.max_row + 500, 1000)
    col = {k: ws.cell(1, i + 1).column_letter for i, k in enumerate(L.KEYS)}
    for key, values, prompt in (
        ("type", list(L.TYPE_OUT.values()), "请选择题型"),
        ("difficulty", ["1", "2", "3", "4", "5"], "1（易）… 5（难）"),
        ("domain", list(DOMAIN_LABELS_ZH.values()), "请选择领域"),
    ):
        dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
        dv.prompt, dv.showInputMessage, dv.showErrorMessage = prompt, True, key != "difficulty"
        dv.add(f"{col[key]}2:{col[key]}{last}")
        ws.add_data_validation(dv)
    help_ws = wb.create_sheet(HELP_SHEET)
    help_ws.append([title or "题库导入说明"])
    help_ws["A1"].font = Font(bold=True, size=14)
    help_ws.append(["第一张工作表“题库”每行一题；第一行为表头，列的顺序可以调整，空行会被忽略。"])
    help_ws.append([])
    help_ws.append(["列", "说明", "示例"])
    for c in help_ws[4]:
        c.font, c.fill = bold, fill
    for r in _HELP:
        help_ws.append(list(r))
    help_ws.column_dimensions["A"].width = 12
    help_ws.column_dimensions["B"].width = 90
    help_ws.column_dimensions["C"].width = 36
    for row in help_ws.iter_rows(min_row=5):
        row[1].alignment = Alignment(wrap_text=True)
    if template:
        wb.active = 0
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


FORMAT = XlsxFormat()
