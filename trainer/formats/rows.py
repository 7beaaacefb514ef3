"""Spreadsheet rows (Excel and CSV share one layout) ↔ questions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from trainer.core.answers import parse_judge, parse_letters, parse_matching, parse_multiple, parse_ordering, parse_single
from trainer.core.questions import BLANK, DOMAIN_LABELS_ZH, ID_RE, LETTERS, Domain, QType, Question
from trainer.formats import layout as L
from trainer.formats.common import Entry, domain_code
from trainer.formats.base import Sink

Row = tuple[int, Sequence[Any]]  # (1-based row number, cell values)


def _answer_for(qtype: QType, raw: str, options: tuple[str, ...], left: tuple[str, ...]) -> Any:
    n = len(options)
    if qtype == QType.SINGLE:
        return parse_single(raw, n)
    if qtype == QType.MULTIPLE:
        return parse_multiple(raw, n)
    if qtype == QType.JUDGE:
        try:
            return parse_judge(raw)
        except ValueError:
            if options:  # A/B against options 正确/错误
                letter = parse_single(raw, n)
                return parse_judge(options[LETTERS.index(letter)])
            raise
    if qtype == QType.FILL:
        return L.parse_fill(raw)
    if qtype == QType.ORDERING:
        return parse_ordering(raw, n)
    if qtype == QType.MATCHING:
        return parse_matching(raw, len(left), n)
    if qtype == QType.ESSAY:
        return raw
    return None


def _infer_type(cells: dict[str, str], options: tuple[str, ...]) -> QType:
    ans = cells.get("answer", "")
    if options:
        try:
            return QType.MULTIPLE if len(parse_letters(ans, len(options))) > 1 else QType.SINGLE
        except ValueError:
            pass
    try:
        parse_judge(ans)
        return QType.JUDGE
    except ValueError:
        pass
    if BLANK in L.normalise_blanks(cells.get("stem", "")):
        return QType.FILL
    return QType.ESSAY


def row_question(cells: dict[str, str], line: int, label: str, sink: Sink) -> tuple[Question | None, bool]:
    """One row → (question or None when it has errors, is a case sub-item)."""
    ok = True

    def err(fieldkey: str, msg: str) -> None:
        nonlocal ok
        ok = False
        sink.error(msg, line, label, L.HEADER_OF.get(fieldkey, fieldkey))

    raw_type = cells.get("type", "")
    qtype, is_sub = L.parse_type(raw_type) if raw_type else (None, False)
    if cells.get("sub"):
        is_sub = True
    options = [cells.get(k, "") for k in L.OPTION_KEYS]
    while options and not options[-1]:
        options.pop()
    for i, o in enumerate(options):
        if not o:
            err(L.OPTION_KEYS[i], "选项为空，但后面还有选项")
            break
    opts = tuple(options)
    if raw_type and qtype is None:
        err("type", f"“{raw_type}”不是有效题型")
        return None, is_sub
    if qtype is None:
        qtype = _infer_type(cells, opts)
        sink.warning(f"题型为空，按内容推断为{L.TYPE_OUT[qtype]}", line, label, "题型")
    left = tuple(L.split_lines(cells.get("left", ""))) if qtype == QType.MATCHING else ()
    stem = cells.get("stem", "")
    key: Any = None
    raw = cells.get("answer", "")
    if qtype != QType.CASE:
        if not raw and qtype != QType.ESSAY:
            err("answer", "答案为空")
        else:
            try:
                key = _answer_for(qtype, raw, opts, left)
            except ValueError as e:
                err("answer", str(e))
    if qtype == QType.FILL and key is not None and stem.count(BLANK) != len(key):
        fixed = L.normalise_blanks(stem)
        if fixed.count(BLANK) == len(key):
            stem = fixed
        elif fixed.count(BLANK) == 0 and len(key) == 1:
            stem = stem + BLANK
            sink.warning("题干中没有空（____），已在末尾补一个", line, label, "题干")
    if qtype == QType.JUDGE:
        opts = ()
    kw: dict[str, Any] = {}
    for fieldkey, parser, name in (("difficulty", L.parse_difficulty, "difficulty"),
                                   ("rubric", L.parse_rubric, "rubric"),
                                   ("basis", L.parse_basis, "basis"),
                                   ("scoring", L.parse_scoring, "scoring")):
        if cells.get(fieldkey):
            try:
                kw[name] = parser(cells[fieldkey])
            except ValueError as e:
                err(fieldkey, str(e))
    for b in kw.get("basis", ()):
        if not ID_RE.match(b.rule):
            sink.warning(f"法规编号“{b.rule}”不符合编号规则", line, label, "依据")
    dom = cells.get("domain", "")
    if dom:
        code = domain_code(dom)
        if code is None:
            err("domain", f"“{dom}”不是有效领域（可选 {'、'.join(DOMAIN_LABELS_ZH[d] for d in Domain)}）")
        kw["domain"] = code or ""
    vis = cells.get("visibility", "")
    if vis:
        v = {"练习": "practice", "练习和考试": "practice", "考试": "exam", "仅考试": "exam"}.get(vis, vis.lower())
        if v not in ("practice", "exam"):
            err("visibility", f"“{vis}”应为 practice（练习和考试）或 exam（仅考试）")
        kw["visibility"] = v
    if cells.get("historical"):
        try:
            kw["historical"] = parse_judge(cells["historical"])
        except ValueError:
            err("historical", f"“{cells['historical']}”应为 是/否")
    if not ok:
        return None, is_sub
    q = Question(
        id="", type=qtype, stem=stem, options=opts if qtype != QType.MATCHING else (), key=key,
        left=left, right=opts if qtype == QType.MATCHING else (), explanation=cells.get("explanation", ""),
        tags=tuple(L.split_list(cells.get("tags", ""))), section=cells.get("section", ""),
        group=cells.get("group", ""), title=cells.get("title", ""),
        media=tuple(L.split_list(cells.get("media", ""))), **kw,
    )
    return q, is_sub


def _domain_label(code: str) -> str:
    try:
        return DOMAIN_LABELS_ZH[Domain(code)]
    except ValueError:
        return code


def read_rows(rows: Iterable[Row], sink: Sink) -> list[Entry]:
    """Rows of a sheet (header anywhere in the first 30 rows; merged title rows and empty rows skipped)."""
    it = iter(rows)
    cols: dict[str, int] | None = None
    for line, values in it:
        cols = L.header_map(values)
        if cols is not None or line > 30:
            break
    if cols is None:
        sink.error("找不到表头行（至少要有“题型”或“答案”列和“题干”列）")
        return []
    entries: list[Entry] = []
    case: Entry | None = None
    case_subs: list[Question] = []
    case_failed = False
    n = 0
    items = list(cols.items())

    def close_case() -> None:
        nonlocal case, case_subs, case_failed
        if case is not None:
            if case_failed:
                entries.remove(case)
                sink.error("案例题的子题有错误，整道案例题未导入", case.line, case.label)
            else:
                case.question = replace(case.question, sub=tuple(case_subs))
        case, case_subs, case_failed = None, [], False

    for line, values in it:
        cells = {}
        width = len(values)
        for key, idx in items:
            if idx < width:
                v = values[idx]
                if v is not None and v != "":
                    t = L.cell_text(v)
                    if t:
                        cells[key] = t
        if not cells:
            continue
        if set(cells) <= {"id", "sub"} or ("stem" not in cells and "answer" not in cells and "type" not in cells):
            continue  # stray notes, row numbers
        is_sub_row = bool(cells.get("sub")) or cells.get("type", "").lstrip("(（[【").startswith("子题")
        label = f"第 {n + 1} 题" if not is_sub_row else f"第 {n} 题子题"
        q, is_sub = row_question(cells, line, label, sink)
        if is_sub:
            if case is None:
                sink.error("子题前没有案例题", line, label, "子题")
            elif q is not None:
                case_subs.append(q)
            else:
                case_failed = True
            continue
        close_case()
        n += 1
        sid = cells.get("id", "").strip()
        if sid and not ID_RE.match(sid):
            sink.warning(f"ID“{sid}”不符合编号规则（小写字母、数字、连字符），改用自动编号", line, label, "ID")
            sid = ""
        if q is None:
            continue
        entry = Entry(q, line, label, sid or None)
        entries.append(entry)
        if q.type == QType.CASE:
            case = entry
    close_case()
    return entries


# --- export -----------------------------------------------------------------------------------
def _answer_text(q: Question) -> str:
    if q.type == QType.JUDGE:
        return "正确" if q.key else "错误"
    if q.type == QType.FILL:
        return L.fill_text(q.key or ())
    if q.type == QType.CASE:
        return ""
    return q.canonical_answer


def question_rows(q: Question) -> list[list[Any]]:
    rows = [_row(q, sub_no=None)]
    for i, s in enumerate(q.sub, 1):
        rows.append(_row(s, sub_no=i))
    return rows


def _row(q: Question, sub_no: int | None) -> list[Any]:
    opts = q.right if q.type == QType.MATCHING else q.options
    values: dict[str, Any] = {
        "id": q.id if sub_no is None else "",
        "type": L.TYPE_OUT[q.type],
        "sub": sub_no if sub_no is not None else "",
        "stem": q.stem,
        "answer": _answer_text(q),
        "explanation": q.explanation,
        "difficulty": q.difficulty,
        "domain": _domain_label(q.domain) if sub_no is None else "",
        "tags": "、".join(q.tags),
        "basis": L.basis_text(q.basis),
        "section": q.section,
        "left": "\n".join(q.left),
        "rubric": L.rubric_text(q.rubric),
        "scoring": L.scoring_text(q.scoring),
        "title": q.title,
        "media": "、".join(q.media),
        "visibility": q.visibility if q.visibility != "practice" else "",
        "historical": "是" if q.historical else "",
        "group": q.group,
    }
    for k, o in zip(L.OPTION_KEYS, opts, strict=False):
        values[k] = o
    return [values.get(k, "") for k in L.KEYS]
