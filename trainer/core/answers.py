"""Tolerant parsing of answer values as people and spreadsheets write them.

`ABD`, `A,B,D`, `Ａ、Ｂ、Ｄ`, ` a b d ` all mean the same multiple-choice key; `正确/对/√/T/true/是` mean true.
Each parser returns a normalised value or raises ValueError with a Chinese message the caller locates.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from trainer.core.questions import LETTERS, QType

_TRUE = {"t", "true", "yes", "y", "1", "正确", "对", "是", "√", "✓", "✔", "r", "right"}
_FALSE = {"f", "false", "no", "n", "0", "错误", "错", "否", "×", "✗", "✘", "x", "wrong"}
_SEPARATORS = re.compile(r"[\s,，、;；/|]+")


def fold(text: str) -> str:
    """NFKC folds full-width letters, digits and punctuation to their ASCII forms."""
    return unicodedata.normalize("NFKC", text).strip()


def parse_letters(value: Any, n_options: int, *, allow_repeat: bool = False) -> tuple[str, ...]:
    """`ABD` / `A,B,D` / `Ａ、Ｂ` → ("A", "B", "D"), each a letter among the first n_options."""
    text = fold(str(value if value is not None else "")).upper()
    if not text:
        raise ValueError("答案为空")
    parts = [p for p in _SEPARATORS.split(text) if p]
    if len(parts) == 1 and len(parts[0]) > 1:
        parts = list(parts[0])
    allowed = LETTERS[:n_options]
    result: list[str] = []
    for p in parts:
        if len(p) != 1 or p not in allowed:
            raise ValueError(f"答案“{value}”中的“{p}”不是有效选项（可选 {allowed[:1]}–{allowed[-1:]}）")
        if p in result and not allow_repeat:
            raise ValueError(f"答案“{value}”中的选项 {p} 重复")
        result.append(p)
    return tuple(result)


def parse_single(value: Any, n_options: int) -> str:
    letters = parse_letters(value, n_options)
    if len(letters) != 1:
        raise ValueError(f"单选题只能有一个答案，得到“{value}”")
    return letters[0]


def parse_multiple(value: Any, n_options: int) -> tuple[str, ...]:
    return tuple(sorted(parse_letters(value, n_options)))


def parse_judge(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = fold(str(value if value is not None else "")).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"判断题答案应为 正确/错误（T/F），得到“{value}”")


def parse_ordering(value: Any, n_options: int) -> tuple[str, ...]:
    letters = parse_letters(value, n_options)
    if sorted(letters) != list(LETTERS[:n_options]):
        raise ValueError(f"排序题答案须把 {n_options} 个选项各用一次，得到“{value}”")
    return letters


_PAIR = re.compile(r"^(\d+)\s*[-–—:：=>]+\s*([A-Z])$")


def parse_matching(value: Any, n_left: int, n_right: int, *, complete: bool = True) -> tuple[tuple[int, str], ...]:
    """`1-B,2-A,3-C` → ((1,"B"), (2,"A"), (3,"C")), sorted by the left number."""
    text = fold(str(value if value is not None else "")).upper()
    if not text:
        raise ValueError("答案为空")
    pairs: dict[int, str] = {}
    for part in [p for p in re.split(r"[\s,，、;；]+", text) if p]:
        m = _PAIR.match(part)
        if not m:
            raise ValueError(f"匹配题答案应写成 1-B,2-A，无法识别“{part}”")
        n, letter = int(m.group(1)), m.group(2)
        if not 1 <= n <= n_left:
            raise ValueError(f"匹配题左侧没有第 {n} 项")
        if letter not in LETTERS[:n_right]:
            raise ValueError(f"匹配题右侧没有选项 {letter}")
        if n in pairs:
            raise ValueError(f"匹配题第 {n} 项重复作答")
        pairs[n] = letter
    if complete and len(pairs) != n_left:
        missing = [str(i) for i in range(1, n_left + 1) if i not in pairs]
        raise ValueError(f"匹配题缺少第 {'、'.join(missing)} 项的答案")
    return tuple(sorted(pairs.items()))


def parse_response(qtype: QType, value: str, *, n_options: int = 0, n_left: int = 0, n_right: int = 0) -> Any:
    """A candidate's VALUE (canonical form, tolerantly read) → a response in the key's shape.

    Candidates may leave an ordering or matching incomplete, so those are parsed leniently.
    """
    if qtype == QType.SINGLE:
        return parse_single(value, n_options)
    if qtype == QType.MULTIPLE:
        return parse_multiple(value, n_options)
    if qtype == QType.JUDGE:
        return parse_judge(value)
    if qtype == QType.FILL:
        return tuple(part for part in str(value).split("|"))
    if qtype == QType.ORDERING:
        return parse_letters(value, n_options)
    if qtype == QType.MATCHING:
        return parse_matching(value, n_left, n_right, complete=False)
    return str(value)
