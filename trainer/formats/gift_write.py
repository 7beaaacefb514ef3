"""GIFT writer (Moodle's syntax; what it cannot carry is listed by `summary`)."""

from __future__ import annotations

from collections.abc import Sequence

from trainer.core.questions import BLANK, DOMAIN_LABELS_ZH, LETTERS, Domain, QType, Question
from trainer.formats import html as H
from trainer.formats.base import ExportSummary
from trainer.formats.common import count, flatten_cases, lost_fields, review_note
from trainer.formats.layout import fmt_num

_RESERVED = {"\\": "\\\\", "#": "\\#", "=": "\\=", "~": "\\~", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""}
FULL_BLANK = "＿＿＿＿"


def esc(text: str) -> str:
    return "".join(_RESERVED.get(c, c) for c in text)


def marked(text: str) -> str:
    """Text with a format marker when needed so it reads back exactly."""
    if H.is_rich(text):
        return "[html]" + esc(text)
    if "<" in text or "&" in text or text.startswith("[") or text.startswith("%"):
        return "[plain]" + esc(text)
    return esc(text)


def weight(w: float) -> str:
    return f"%{fmt_num(round(w, 5))}%"


def _category(domain: str) -> str:
    try:
        label = DOMAIN_LABELS_ZH[Domain(domain)]
    except ValueError:
        label = domain
    return f"$CATEGORY: $course$/top/{esc(label)}"


def default_multiple_weights(q: Question) -> dict[str, float]:
    letters = LETTERS[: len(q.options)]
    right = [x for x in letters if x in q.key]
    wrong = [x for x in letters if x not in q.key]
    out = {x: 100 / len(right) for x in right}
    out.update({x: -100 / len(wrong) for x in wrong})
    return out


def write_gift(questions: Sequence[Question], *, title: str = "") -> bytes:
    flat, _ = flatten_cases(questions)
    out = [f"// {esc(title)}" if title else "// trainer GIFT export", ""]
    current = None
    for q in flat:
        if q.domain != current:
            current = q.domain
            out += [_category(q.domain) if q.domain else "$CATEGORY: $course$/top", ""]
        out += [_question(q), ""]
    return "\n".join(out).encode("utf-8")


def _question(q: Question) -> str:
    name = f"::{esc(q.title or q.id)}::" if (q.title or q.id) else ""
    gf = f"\n\t####{marked(q.explanation)}" if q.explanation else ""
    stem = q.stem
    if q.type == QType.FILL:
        blanks = q.key or ()
        first = stem.find(BLANK)
        head, tail = stem[:first], stem[first + len(BLANK):].replace(BLANK, FULL_BLANK)
        b = blanks[0]
        if b.number is not None:
            body = f"#{fmt_num(b.number)}:{fmt_num(b.tolerance)}"
        else:
            w = q.scoring.weight_map() if q.scoring.weights else {}
            alts = [f"={esc(a)}" for a in b.accepted]
            alts += [f"={weight(v)}{esc(k[2:])}" for k, v in q.scoring.weights if k.startswith("1:")
                     and k[2:] not in b.accepted and v > 0]
            del w
            body = "\n\t" + "\n\t".join(alts)
        return f"{name}{marked(head)}{{{body}{gf}\n}}{esc(tail)}"
    text = name + marked(stem)
    if q.type == QType.JUDGE:
        return f"{text}{{{'TRUE' if q.key else 'FALSE'}{gf}}}"
    if q.type == QType.ESSAY:
        return f"{text}{{{gf.strip()}}}"
    if q.type in (QType.SINGLE, QType.MULTIPLE):
        weights = q.scoring.weight_map()
        if q.type == QType.MULTIPLE and not weights:
            weights = default_multiple_weights(q)
        lines = []
        for letter, opt in zip(LETTERS, q.options, strict=False):
            if q.type == QType.SINGLE and letter == q.key:
                prefix = "="
            else:
                w = weights.get(letter, 0.0)
                prefix = f"~{weight(w)}" if w else "~"
            lines.append(f"\t{prefix}{marked(opt)}")
        return f"{text}{{\n" + "\n".join(lines) + f"{gf}\n}}"
    if q.type == QType.MATCHING:
        used = {letter for _, letter in q.key}
        lines = [f"\t={marked(q.left[n - 1])} -> {esc(q.right[LETTERS.index(letter)])}" for n, letter in q.key]
        lines += [f"\t= -> {esc(r)}" for letter, r in zip(LETTERS, q.right, strict=False) if letter not in used]
        return f"{text}{{\n" + "\n".join(lines) + f"{gf}\n}}"
    if q.type == QType.ORDERING:
        lines = [f"\t=第{i}位 -> {esc(q.options[LETTERS.index(letter)])}" for i, letter in enumerate(q.key, 1)]
        return f"{text}{{\n" + "\n".join(lines) + f"{gf}\n}}"
    raise ValueError(f"cannot write {q.type} as GIFT")


def gift_summary(questions: Sequence[Question]) -> ExportSummary:
    flat, lost = flatten_cases(questions)
    lost = lost_fields(flat, "GIFT", ["basis", "difficulty", "section", "tags", "visibility", "historical",
                                      "group", "media"]) + lost
    if n := count(flat, lambda q: q.type == QType.ORDERING):
        lost.append(f"排序题：GIFT 没有排序题，{n} 题导出为匹配题（第1位→…）")
    if n := count(flat, lambda q: q.type == QType.ESSAY and (q.key or q.rubric)):
        lost.append(f"简答题的参考答案和评分要点：{n} 题")
    if n := count(flat, lambda q: q.type == QType.FILL and len(q.key or ()) > 1):
        lost.append(f"多空填空题：GIFT 每题只有一个空，{n} 题只保留第一个空的答案，其余空写作 {FULL_BLANK}")
    if n := count(flat, lambda q: q.type == QType.FILL and any(b.number is not None and b.accepted for b in q.key)):
        lost.append(f"数值空的文字答案：{n} 题")
    if n := count(flat, lambda q: q.type == QType.MULTIPLE and not q.scoring.weights):
        lost.append(f"多选题计分方式：GIFT 以选项权重计分，{n} 道全对得分的多选题导出为正确项均分、错误项扣分")
    if n := count(flat, lambda q: q.scoring.mode in ("lcs", "kendall", "per_pair", "partial", "all_or_nothing")
                  and q.type != QType.MULTIPLE):
        lost.append(f"计分方式：{n} 题")
    if n := count(flat, lambda q: bool(q.title) and bool(q.id)):
        lost.append(f"题目编号(ID)：{n} 题有标题，GIFT 名称写的是标题")
    if n := count(flat, lambda q: q.type == QType.MATCHING):
        lost.append(f"匹配题右列的顺序：{n} 题（Moodle 会打乱）")
    return ExportSummary(len(flat), lost + review_note(questions))
