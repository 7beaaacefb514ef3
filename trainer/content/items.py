"""Native item files (question_bank/<domain>/*.yaml) → core Questions, every problem located.

This module checks one item at a time (shape, types, keys consistent with options). Cross-item and
cross-file checks (duplicate ids, rules, sections, versions) live in content/validate.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trainer.core import answers
from trainer.core.errors import Problem
from trainer.core.questions import (
    BLANK,
    ID_RE,
    REVIEW_STATES,
    SUB_TYPES,
    VISIBILITIES,
    Basis,
    Blank,
    Domain,
    QType,
    Question,
    RubricPoint,
    Scoring,
)
from trainer.content.yamlio import YamlDoc

COMMON_KEYS = {
    "domain", "id", "type", "stem", "answer", "explanation", "basis", "difficulty", "tags", "section", "review",
    "visibility", "historical", "group", "scoring", "title", "media",
}
TYPE_KEYS: dict[QType, set[str]] = {
    QType.SINGLE: {"options"},
    QType.MULTIPLE: {"options"},
    QType.JUDGE: set(),
    QType.FILL: set(),
    QType.ORDERING: {"options"},
    QType.MATCHING: {"left", "right"},
    QType.CASE: {"sub"},
    QType.ESSAY: {"rubric"},
}
SUB_KEYS = {"type", "stem", "options", "answer", "explanation"}
FILE_KEYS = {"domain", "section", "items"}
MULTIPLE_MODES = {"all_or_nothing", "partial"}
ORDERING_MODES = {"lcs", "kendall", "all_or_nothing"}


@dataclass
class ItemFile:
    doc: YamlDoc
    domain: str
    questions: list[Question] = field(default_factory=list)
    lines: dict[str, int | None] = field(default_factory=dict)  # item id -> line


class _Checker:
    """Collects problems for one item; `path` is the YAML path of the item inside its file."""

    def __init__(self, doc: YamlDoc, path: tuple[str | int, ...], item_id: str):
        self.doc, self.path, self.item_id = doc, path, item_id
        self.problems: list[Problem] = []

    def err(self, key: str | tuple[str | int, ...], message: str, severity: str = "error") -> None:
        keys = key if isinstance(key, tuple) else ((key,) if key else ())
        field_name = ".".join(str(k) for k in keys)
        loc = self.doc.loc(*self.path, *keys, field=field_name, item=self.item_id)
        self.problems.append(Problem(loc, message, severity))

    def text(self, raw: dict, key: str, *, required: bool = True, where: tuple = ()) -> str:
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.err((*where, key), "必填，不能为空")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.err((*where, key), f"应为文本，得到 {type(value).__name__}")
            return ""
        return str(value).strip()

    def text_list(self, raw: dict, key: str, *, lo: int, hi: int, where: tuple = ()) -> tuple[str, ...]:
        value = raw.get(key)
        if not isinstance(value, list):
            self.err((*where, key), f"应为列表（{lo}–{hi} 项）")
            return ()
        out = []
        for i, v in enumerate(value):
            if v is None or isinstance(v, (dict, list, bool)) or not str(v).strip():
                self.err((*where, key, i), f"第 {i + 1} 项应为非空文本")
            else:
                out.append(str(v).strip())
        if not lo <= len(value) <= hi:
            self.err((*where, key), f"应有 {lo}–{hi} 项，现有 {len(value)} 项")
        if len(set(out)) != len(out):
            self.err((*where, key), "有重复的选项文本")
        return tuple(out)


def parse_item_file(doc: YamlDoc) -> tuple[ItemFile | None, list[Problem]]:
    data = doc.data
    if not isinstance(data, dict):
        return None, [Problem(doc.loc(), "题目文件应为映射：domain、section、items")]
    problems: list[Problem] = []
    for key in data:
        if key not in FILE_KEYS:
            problems.append(Problem(doc.loc(key, field=str(key)), f"未知字段“{key}”（可用：domain、section、items）"))
    domain = data.get("domain")
    if domain is None and isinstance(data.get("items"), list) and all(isinstance(i, dict) and "domain" in i for i in data["items"]):
        domain = ""  # every item names its own domain (e.g. an export of several domains)
    elif domain not in {d.value for d in Domain}:
        problems.append(Problem(doc.loc("domain", field="domain"), f"领域代码“{domain}”无效（hr/health/housing/petition/community）"))
        domain = ""
    items = data.get("items")
    if not isinstance(items, list):
        problems.append(Problem(doc.loc("items", field="items"), "items 应为题目列表"))
        return None, problems
    file_section = data.get("section") or ""
    result = ItemFile(doc, str(domain))
    for i, raw in enumerate(items):
        question, item_problems = parse_item(doc, ("items", i), raw, domain=str(domain), default_section=str(file_section))
        problems.extend(item_problems)
        if question is not None:
            result.questions.append(question)
            result.lines[question.id] = doc.line("items", i)
    return result, problems


def parse_item(
    doc: YamlDoc, path: tuple[str | int, ...], raw: Any, *, domain: str, default_section: str = ""
) -> tuple[Question | None, list[Problem]]:
    item_id = str(raw.get("id", "")) if isinstance(raw, dict) else ""
    c = _Checker(doc, path, item_id or f"#{path[-1] + 1 if isinstance(path[-1], int) else ''}")
    if not isinstance(raw, dict):
        c.err((), "每道题应为映射（id、type、stem……）")
        return None, c.problems
    if not item_id or not ID_RE.match(item_id) or len(item_id) > 64:
        c.err("id", f"编号“{item_id}”无效：只能用小写字母、数字和连字符，以字母开头，最长 64 个字符")
    try:
        qtype = QType(raw.get("type"))
    except ValueError:
        c.err("type", f"题型“{raw.get('type')}”无效（single/multiple/judge/fill/ordering/matching/case/essay）")
        return None, c.problems
    allowed = COMMON_KEYS | TYPE_KEYS[qtype]
    for key in raw:
        if key not in allowed:
            c.err(str(key), f"未知字段“{key}”（{qtype.value} 题可用：{'、'.join(sorted(allowed))}）")
    stem = c.text(raw, "stem")
    explanation = c.text(raw, "explanation")
    q = _parse_body(c, raw, qtype, stem)
    basis = _parse_basis(c, raw.get("basis"))
    difficulty = raw.get("difficulty")
    if isinstance(difficulty, bool) or not isinstance(difficulty, int) or not 1 <= difficulty <= 5:
        c.err("difficulty", f"难度应为 1–5 的整数，得到“{difficulty}”")
        difficulty = 3
    tags = raw.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, (str, int)) and str(t).strip() for t in tags):
        c.err("tags", "tags 应为文本列表")
        tags = []
    section = raw.get("section") or default_section
    if not section:
        c.err("section", "缺少课件章节（section）：每道题须链接到讲授它的章节")
    review = raw.get("review", "draft")
    if review not in REVIEW_STATES:
        c.err("review", f"审核状态“{review}”无效（{'/'.join(REVIEW_STATES)}）")
    visibility = raw.get("visibility", "practice")
    if visibility not in VISIBILITIES:
        c.err("visibility", f"可见范围“{visibility}”无效（practice/exam）")
    historical = raw.get("historical", False)
    if not isinstance(historical, bool):
        c.err("historical", "historical 应为 true 或 false")
    scoring = _parse_scoring(c, raw.get("scoring"), qtype, q)
    item_domain = raw.get("domain", domain)
    if item_domain not in {d.value for d in Domain} and ("domain" in raw or domain):
        c.err("domain", f"领域代码“{item_domain}”无效（hr/health/housing/petition/community）")
    media = raw.get("media") or []
    if c.problems and any(p.severity == "error" for p in c.problems):
        return None, c.problems
    return (
        q.with_meta(
            id=item_id,
            domain=item_domain,
            explanation=explanation,
            basis=basis,
            difficulty=int(difficulty),
            tags=tuple(str(t).strip() for t in tags),
            section=str(section),
            review=str(review),
            visibility=str(visibility),
            historical=bool(historical),
            group=str(raw.get("group") or ""),
            scoring=scoring,
            title=str(raw.get("title") or ""),
            media=tuple(str(m) for m in media),
        ),
        c.problems,
    )


def _parse_body(c: _Checker, raw: dict, qtype: QType, stem: str, where: tuple = ()) -> Question:
    """Type-specific parts: options and key. Returns a Question with only those filled in."""
    answer = raw.get("answer")
    akey = (*where, "answer")
    if qtype in (QType.SINGLE, QType.MULTIPLE, QType.ORDERING):
        lo = 3 if qtype == QType.ORDERING else 2
        options = c.text_list(raw, "options", lo=lo, hi=8, where=where)
        key: Any = None
        if options:
            try:
                if qtype == QType.SINGLE:
                    key = answers.parse_single(answer, len(options))
                elif qtype == QType.MULTIPLE:
                    key = answers.parse_multiple(answer, len(options))
                    if len(key) < 2:
                        c.err(akey, "多选题至少应有两个正确选项（只有一个时请用单选题）")
                else:
                    key = answers.parse_ordering(answer, len(options))
            except ValueError as exc:
                c.err(akey, str(exc))
        return Question(id="", type=qtype, stem=stem, options=options, key=key)
    if qtype == QType.JUDGE:
        try:
            key = answers.parse_judge(answer)
        except ValueError as exc:
            c.err(akey, str(exc))
            key = None
        return Question(id="", type=qtype, stem=stem, key=key)
    if qtype == QType.FILL:
        return Question(id="", type=qtype, stem=stem, key=_parse_blanks(c, answer, stem, akey))
    if qtype == QType.MATCHING:
        left = c.text_list(raw, "left", lo=2, hi=8, where=where)
        right = c.text_list(raw, "right", lo=2, hi=8, where=where)
        key = ()
        if left and right:
            if len(right) < len(left):
                c.err((*where, "right"), "右侧选项不应少于左侧项目")
            try:
                key = answers.parse_matching(answer, len(left), len(right))
            except ValueError as exc:
                c.err(akey, str(exc))
        return Question(id="", type=qtype, stem=stem, left=left, right=right, key=key)
    if qtype == QType.ESSAY:
        model = answer if isinstance(answer, str) and answer.strip() else ""
        if not model:
            c.err(akey, "简答题须给出参考答案")
        return Question(id="", type=qtype, stem=stem, key=model.strip(), rubric=_parse_rubric(c, raw.get("rubric")))
    # case
    if answer is not None:
        c.err(akey, "案例题的答案写在各小题（sub）中，本身不写 answer")
    return Question(id="", type=qtype, stem=stem, sub=_parse_subs(c, raw.get("sub")))


def _parse_blanks(c: _Checker, answer: Any, stem: str, akey: tuple) -> tuple[Blank, ...]:
    n_blanks = stem.count(BLANK)
    if n_blanks == 0:
        c.err(akey[:-1] + ("stem",), f"填空题题干中应用 {BLANK}（四个下划线）标出空格")
    if not isinstance(answer, list) or not answer:
        c.err(akey, "填空题答案应为列表：每个空一项（可接受答案的列表，或 {number, tolerance}）")
        return ()
    blanks = []
    for i, b in enumerate(answer):
        if isinstance(b, dict):
            unknown = set(b) - {"number", "tolerance", "accepted"}
            num = b.get("number")
            tol = b.get("tolerance", 0) or 0
            if unknown or isinstance(num, bool) or not isinstance(num, (int, float)) or not isinstance(tol, (int, float)) or tol < 0:
                c.err((*akey, i), "数值空应写成 {number: 数值, tolerance: 非负误差}")
                continue
            blanks.append(Blank(accepted=tuple(str(a) for a in b.get("accepted") or ()), number=float(num), tolerance=float(tol)))
        elif isinstance(b, list) and b and all(isinstance(a, (str, int, float)) and not isinstance(a, bool) and str(a).strip() for a in b):
            blanks.append(Blank(accepted=tuple(str(a).strip() for a in b)))
        elif isinstance(b, (str, int, float)) and not isinstance(b, bool) and str(b).strip():
            blanks.append(Blank(accepted=(str(b).strip(),)))
        else:
            c.err((*akey, i), f"第 {i + 1} 个空的答案无效")
    if n_blanks and len(answer) != n_blanks:
        c.err(akey, f"题干有 {n_blanks} 个空，答案给了 {len(answer)} 个")
    return tuple(blanks)


def _parse_rubric(c: _Checker, raw: Any) -> tuple[RubricPoint, ...]:
    if not isinstance(raw, list) or not raw:
        c.err("rubric", "简答题须有评分要点 rubric：[{point, percent}, …]")
        return ()
    points = []
    for i, r in enumerate(raw):
        if not isinstance(r, dict) or not str(r.get("point", "")).strip() or isinstance(r.get("percent"), bool) or not isinstance(r.get("percent"), (int, float)):
            c.err(("rubric", i), "评分要点应写成 {point: 要点, percent: 占比}")
            continue
        points.append(RubricPoint(str(r["point"]).strip(), float(r["percent"])))
    total = sum(p.percent for p in points)
    if points and abs(total - 100) > 1e-6:
        c.err("rubric", f"评分要点占比之和应为 100，现为 {total:g}")
    return tuple(points)


def _parse_subs(c: _Checker, raw: Any) -> tuple[Question, ...]:
    if not isinstance(raw, list) or not 2 <= len(raw) <= 6:
        c.err("sub", "案例题应有 2–6 个小题（sub）")
        return ()
    subs = []
    for i, s in enumerate(raw):
        where = ("sub", i)
        if not isinstance(s, dict):
            c.err(where, "小题应为映射（type、stem、answer……）")
            continue
        for key in s:
            if key not in SUB_KEYS:
                c.err((*where, str(key)), f"小题中未知字段“{key}”")
        try:
            st = QType(s.get("type"))
        except ValueError:
            st = None
        if st not in SUB_TYPES:
            c.err((*where, "type"), "小题题型应为 single/multiple/judge/fill")
            continue
        stem = c.text(s, "stem", where=where)
        sub = _parse_body(c, s, st, stem, where)
        subs.append(sub.with_meta(id=f"{c.item_id}.{i + 1}", explanation=c.text(s, "explanation", where=where)))
    return tuple(subs)


def _parse_basis(c: _Checker, raw: Any) -> tuple[Basis, ...]:
    if not isinstance(raw, list) or not raw:
        c.err("basis", "依据 basis 必填：[{rule: 规则编号, article: 条款}]")
        return ()
    out = []
    for i, b in enumerate(raw):
        if not isinstance(b, dict) or not isinstance(b.get("rule"), str) or set(b) - {"rule", "article"}:
            c.err(("basis", i), "依据应写成 {rule: 规则编号, article: 第X条}")
            continue
        out.append(Basis(b["rule"], str(b.get("article") or "").strip()))
    return tuple(out)


def _parse_scoring(c: _Checker, raw: Any, qtype: QType, q: Question) -> Scoring:
    if raw is None:
        return Scoring()
    if isinstance(raw, str):
        modes = MULTIPLE_MODES if qtype == QType.MULTIPLE else ORDERING_MODES if qtype == QType.ORDERING else set()
        if raw not in modes:
            c.err("scoring", f"{qtype.value} 题的评分方式“{raw}”无效（可用：{'、'.join(sorted(modes)) or '无'}）")
        return Scoring(raw)
    if isinstance(raw, dict) and set(raw) == {"weights"} and isinstance(raw["weights"], dict) and qtype in (QType.SINGLE, QType.MULTIPLE, QType.FILL):
        weights = []
        for key, w in raw["weights"].items():
            key = str(key)
            if qtype == QType.FILL:  # "N:text": blank N accepts text for part of the marks
                n, sep, text = key.partition(":")
                valid = bool(sep and n.isdigit() and 1 <= int(n) <= len(q.key or ()) and text.strip())
            else:
                valid = key in "ABCDEFGH"[: len(q.options)]
            if not valid or isinstance(w, bool) or not isinstance(w, (int, float)):
                c.err(("scoring", "weights"), f"权重“{key}: {w}”无效")
            else:
                weights.append((key, float(w)))
        return Scoring("weights", tuple(weights))
    c.err("scoring", "评分方式应为 all_or_nothing/partial/lcs/kendall 或 {weights: {A: 50, …}}")
    return Scoring()
