"""The spreadsheet column layout shared by Excel and CSV, and tolerant parsing of its cells."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from trainer.core.answers import fold
from trainer.core.questions import LETTERS, Basis, Blank, QType, RubricPoint, Scoring

OPTION_KEYS = tuple(f"opt{c}" for c in LETTERS)

# (key, header written on export, aliases accepted on import)
COLUMNS: list[tuple[str, str, tuple[str, ...]]] = [
    ("id", "ID", ("id", "编号", "题目编号", "试题编号", "题目id")),
    ("type", "题型", ("题型", "题目类型", "试题类型", "类型", "type")),
    ("sub", "子题", ("子题", "子题序号", "sub")),
    ("stem", "题干", ("题干", "题目", "试题", "题目内容", "试题内容", "问题", "stem", "question")),
    *[(k, f"选项{c}", (f"选项{c}", c, f"{c}选项", f"选项 {c}", f"option{c}", f"option {c}"))
      for k, c in zip(OPTION_KEYS, LETTERS, strict=True)],
    ("answer", "答案", ("答案", "正确答案", "标准答案", "参考答案", "answer", "key")),
    ("explanation", "解析", ("解析", "答案解析", "试题解析", "题目解析", "解释", "explanation")),
    ("difficulty", "难度", ("难度", "难易程度", "难度系数", "difficulty")),
    ("domain", "领域", ("领域", "业务领域", "domain")),
    ("tags", "标签", ("标签", "知识点", "关键词", "tags")),
    ("basis", "依据", ("依据", "法规依据", "政策依据", "basis")),
    ("section", "章节", ("章节", "课件章节", "section")),
    ("left", "匹配左列", ("匹配左列", "左列", "left")),
    ("rubric", "评分要点", ("评分要点", "得分要点", "rubric")),
    ("scoring", "计分", ("计分", "计分方式", "scoring")),
    ("title", "标题", ("标题", "题目名称", "title")),
    ("media", "图片", ("图片", "media")),
    ("visibility", "可见性", ("可见性", "visibility")),
    ("historical", "历史题", ("历史题", "historical")),
    ("group", "互斥组", ("互斥组", "group")),
]
HEADERS = [h for _, h, _ in COLUMNS]
KEYS = [k for k, _, _ in COLUMNS]
HEADER_OF = {k: h for k, h, _ in COLUMNS}


def _norm_header(v: Any) -> str:
    s = fold(str(v or "")).lower()
    return re.sub(r"[\s*＊:：()（）\[\]【】]|必填|选填", "", s)


_ALIASES = {_norm_header(a): k for k, _, aliases in COLUMNS for a in (*aliases, HEADER_OF[k])}


def header_map(row: tuple[Any, ...] | list[Any]) -> dict[str, int] | None:
    """A header row → {column key: index}; None unless it has a stem column and a type or answer column."""
    found: dict[str, int] = {}
    for i, v in enumerate(row):
        key = _ALIASES.get(_norm_header(v))
        if key and key not in found:
            found[key] = i
    if "stem" in found and ("type" in found or "answer" in found):
        return found
    return None


TYPE_NAMES: dict[str, QType] = {}
for _t, _names in {
    QType.SINGLE: "单选 单选题 单项选择 单项选择题 单择题 single sc single-choice",
    QType.MULTIPLE: "多选 多选题 多项选择 多项选择题 不定项 不定项选择 不定项选择题 multiple mc multi multiple-choice",
    QType.JUDGE: "判断 判断题 是非 是非题 对错题 judge tf truefalse true-false",
    QType.FILL: "填空 填空题 fill blank",
    QType.ORDERING: "排序 排序题 ordering order",
    QType.MATCHING: "匹配 匹配题 连线 连线题 matching match",
    QType.CASE: "案例 案例题 案例分析 案例分析题 情景题 情境题 case",
    QType.ESSAY: "简答 简答题 问答 问答题 论述 论述题 主观题 essay",
}.items():
    for _n in _names.split():
        TYPE_NAMES[_n] = _t
TYPE_OUT = {
    QType.SINGLE: "单选题", QType.MULTIPLE: "多选题", QType.JUDGE: "判断题", QType.FILL: "填空题",
    QType.ORDERING: "排序题", QType.MATCHING: "匹配题", QType.CASE: "案例题", QType.ESSAY: "简答题",
}


def parse_type(value: str) -> tuple[QType | None, bool]:
    """题型 cell → (type, is a sub-item). `子题-单选` / `子题：单选题` mark sub-items."""
    s = re.sub(r"\s", "", fold(value).lower())
    is_sub = False
    m = re.match(r"^[(\[]?子题[)\]]?[-:_/]?(.*)$", s)
    if m:
        is_sub, s = True, m.group(1)
    return TYPE_NAMES.get(s), is_sub


def cell_text(v: Any) -> str:
    """A cell as text: 30.0 → "30", None → "", dates ISO; strings keep their inner spaces, lose outer ones."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, (_dt.datetime, _dt.date)):
        return v.isoformat()
    s = str(v).replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(s) > 1 and s[0] == "'" and s[1] in "=+-@":
        s = s[1:]  # our CSV export's guard against formula injection
    return s


def fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


# --- difficulty ---------------------------------------------------------------------------------
_DIFF_WORDS = {"易": 1, "容易": 1, "简单": 1, "较易": 2, "较简单": 2, "中": 3, "中等": 3, "一般": 3,
               "适中": 3, "较难": 4, "难": 5, "困难": 5, "很难": 5}


def parse_difficulty(s: str) -> int:
    t = fold(s)
    if not t:
        return 3
    if t in _DIFF_WORDS:
        return _DIFF_WORDS[t]
    try:
        x = float(t)
    except ValueError:
        raise ValueError(f"“{s}”不是有效难度（1–5 或 易/较易/中等/较难/难）") from None
    if 0 < x < 1:  # a difficulty coefficient
        return max(1, min(5, 6 - round(x * 5 + 0.5)))
    if not x.is_integer() or not 1 <= x <= 5:
        raise ValueError(f"难度应为 1–5，得到“{s}”")
    return int(x)


# --- splitting helpers -------------------------------------------------------------------------
def split_escaped(text: str, seps: str) -> list[str]:
    """Split on any char of seps, honouring backslash escapes (`\\|`, `\\/`, `\\\\`)."""
    parts, cur, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and (text[i + 1] in seps or text[i + 1] == "\\"):
            cur.append(text[i + 1])
            i += 2
            continue
        if c in seps:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


def escape(text: str, seps: str) -> str:
    out = text.replace("\\", "\\\\")
    for c in seps:
        out = out.replace(c, "\\" + c)
    return out


def split_list(s: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,，、;；\n]+", s) if p.strip()]


def split_lines(s: str) -> list[str]:
    lines = [p.strip() for p in s.split("\n") if p.strip()]
    if len(lines) == 1 and "|" in lines[0]:
        lines = [p.strip() for p in lines[0].split("|") if p.strip()]
    return lines


# --- fill -------------------------------------------------------------------------------------
_NUM = r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_TOL_RE = re.compile(rf"^\s*({_NUM})\s*(?:±|\+-|\+/-)\s*({_NUM})\s*$")
_RANGE_RE = re.compile(rf"^\s*({_NUM})\s*\.\.\s*({_NUM})\s*$")


def parse_fill(s: str) -> tuple[Blank, ...]:
    if not s.strip():
        raise ValueError("答案为空")
    blanks = []
    for part in split_escaped(s, "|｜"):
        alts = [a.strip() for a in split_escaped(part, "/／")]
        alts = [a for a in alts if a]
        if not alts:
            raise ValueError(f"“{s}”中有空的答案")
        m = _TOL_RE.match(fold(alts[0])) or _RANGE_RE.match(fold(alts[0]))
        if m and _TOL_RE.match(fold(alts[0])):
            blanks.append(Blank(tuple(alts[1:]), float(m.group(1)), abs(float(m.group(2)))))
        elif m:
            lo, hi = sorted((float(m.group(1)), float(m.group(2))))
            blanks.append(Blank(tuple(alts[1:]), round((lo + hi) / 2, 10), round((hi - lo) / 2, 10)))
        else:
            blanks.append(Blank(tuple(alts)))
    return tuple(blanks)


def fill_text(key: tuple[Blank, ...]) -> str:
    parts = []
    for b in key:
        alts = [escape(a, "|｜/／") for a in b.accepted]
        if b.number is not None:
            alts.insert(0, f"{fmt_num(b.number)}±{fmt_num(b.tolerance)}")
        parts.append("/".join(alts))
    return "|".join(parts)


_BLANK_RUN = re.compile(r"_{3,}|＿{2,}|[（(][\s　]*[）)]")


def normalise_blanks(stem: str) -> str:
    return _BLANK_RUN.sub("____", stem)


# --- rubric, basis, scoring -------------------------------------------------------------------
_RUBRIC_RE = re.compile(r"^(.*?)\s*[（(【\[]\s*(\d+(?:\.\d+)?)\s*[%％分]?\s*[）)】\]]\s*$|^(.*?)\s+(\d+(?:\.\d+)?)\s*[%％分]$")


def parse_rubric(s: str) -> tuple[RubricPoint, ...]:
    out = []
    for line in [x.strip() for x in s.split("\n") if x.strip()]:
        m = _RUBRIC_RE.match(line)
        if not m:
            raise ValueError(f"评分要点“{line}”应写成“要点（40%）”")
        point, pct = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        out.append(RubricPoint(point.strip(), float(pct)))
    return tuple(out)


def rubric_text(rubric: tuple[RubricPoint, ...]) -> str:
    return "\n".join(f"{r.point}（{fmt_num(r.percent)}%）" for r in rubric)


def parse_basis(s: str) -> tuple[Basis, ...]:
    out = []
    for part in [p.strip() for p in re.split(r"[\n;；]+", s) if p.strip()]:
        m = re.match(r"^([A-Za-z0-9][A-Za-z0-9_-]*)\s*(.*)$", part)
        if not m:
            raise ValueError(f"依据“{part}”应写成“法规编号 第X条”，如 social-insurance-law 第四十五条")
        out.append(Basis(m.group(1).lower(), m.group(2).strip()))
    return tuple(out)


def basis_text(basis: tuple[Basis, ...]) -> str:
    return "\n".join(f"{b.rule} {b.article}".strip() for b in basis)


_MODES = {"全对得分": "all_or_nothing", "全对才得分": "all_or_nothing", "部分得分": "partial",
          "按对计分": "per_pair", "逐对计分": "per_pair"}
MODES = {"all_or_nothing", "partial", "lcs", "kendall", "per_pair"}


def parse_scoring(s: str) -> Scoring:
    t = s.strip()
    if not t:
        return Scoring()
    if t in _MODES or t.lower() in MODES:
        return Scoring(_MODES.get(t, t.lower()))
    parts = [p.strip() for p in re.split(r"[;；\n]+", t) if p.strip()]
    if len(parts) == 1 and re.fullmatch(r"[A-Za-z0-9\- ]+[=:：]-?[\d.]+(\s*[,，]\s*[A-Za-z0-9\- ]+[=:：]-?[\d.]+)+", t):
        parts = [p.strip() for p in re.split(r"[,，]", t)]
    weights = []
    for p in parts:
        m = re.match(r"^(.+?)\s*[=＝]\s*(-?\d+(?:\.\d+)?)$", p) or re.match(r"^([A-Za-z]|\d+-[A-Za-z])\s*[:：]\s*(-?\d+(?:\.\d+)?)$", p)
        if not m:
            raise ValueError(f"计分“{s}”应为 all_or_nothing/partial/lcs/kendall 或 A=50;B=50;C=-50")
        k = m.group(1).strip()
        weights.append((k.upper() if re.fullmatch(r"[a-zA-Z]|\d+-[a-zA-Z]", k) else k, float(m.group(2))))
    return Scoring("weights", tuple(weights))


def scoring_text(sc: Scoring) -> str:
    if sc.weights:
        return ";".join(f"{k}={fmt_num(v)}" for k, v in sc.weights)
    return sc.mode
