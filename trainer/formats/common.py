"""What every reader shares: checking a question, stable ids, duplicates, domain and review status."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from trainer.core.answers import fold
from trainer.core.questions import (
    BLANK, DOMAIN_LABELS_ZH, ID_RE, LETTERS, SUB_TYPES, TYPE_LABELS_ZH, Blank, Domain, QType, Question, Scoring,
)
from trainer.formats.base import ReadResult, Sink

MAX_OPTIONS = len(LETTERS)
_DOMAIN_BY_NAME = {d.value: d.value for d in Domain} | {v: k.value for k, v in DOMAIN_LABELS_ZH.items()}
_DOMAIN_BY_NAME |= {"民政": "community", "社区治理": "community", "社区": "community"}


def domain_code(value: str) -> str | None:
    """`hr`, `人社`, `HR` → `hr`; None when not a domain."""
    v = fold(value).strip()
    return _DOMAIN_BY_NAME.get(v) or _DOMAIN_BY_NAME.get(v.lower())


@dataclass
class Entry:
    """A question a reader built, before ids and domain are settled."""

    question: Question
    line: int | None = None
    label: str = ""  # e.g. “第 3 题” or the source's name for the question
    source_id: str | None = None  # the id the source carries, if any (already normalised)


def normalise_id(raw: str) -> str | None:
    """A source identifier → our id syntax, or None (`ITEM_001` → `item-001`)."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(raw).lower()).strip("-")
    return s if s and len(s) <= 64 and ID_RE.match(s) else None


def check(q: Question, *, prefix: str = "") -> list[tuple[str, str]]:
    """Structural problems of a question as (field, Chinese message); empty when it is usable."""
    out: list[tuple[str, str]] = []

    def bad(fieldname: str, msg: str) -> None:
        out.append((prefix + fieldname, msg))

    if not q.stem.strip():
        bad("题干", "题干为空")
    n = len(q.options)
    if q.type in (QType.SINGLE, QType.MULTIPLE, QType.ORDERING):
        if n < 2:
            bad("选项", f"{TYPE_LABELS_ZH[q.type]}至少需要 2 个选项，只有 {n} 个")
        if n > MAX_OPTIONS:
            bad("选项", f"选项最多 {MAX_OPTIONS} 个，有 {n} 个")
        for i, opt in enumerate(q.options[:MAX_OPTIONS]):
            if not str(opt).strip():
                bad(f"选项{LETTERS[i]}", "选项为空")
    valid = LETTERS[: min(n, MAX_OPTIONS)]
    if q.type == QType.SINGLE and (not isinstance(q.key, str) or q.key not in valid):
        bad("答案", f"“{q.key}”不是有效选项")
    elif q.type == QType.MULTIPLE:
        key = tuple(q.key or ())
        if any(k not in valid for k in key):
            bad("答案", f"“{''.join(key)}”含无效选项")
        elif len(key) < 2:
            bad("答案", "多选题至少应有两个正确选项")
    elif q.type == QType.JUDGE and not isinstance(q.key, bool):
        bad("答案", "判断题答案应为 正确/错误")
    elif q.type == QType.ORDERING and sorted(q.key or ()) != list(valid):
        bad("答案", f"排序题答案须把 {n} 个选项各用一次")
    elif q.type == QType.FILL:
        blanks = q.stem.count(BLANK)
        if not q.key:
            bad("答案", "填空题没有答案")
        elif blanks != len(q.key):
            bad("题干", f"题干中有 {blanks} 个空（____），答案有 {len(q.key)} 个")
        for i, b in enumerate(q.key or (), 1):
            if b.number is None and not any(a.strip() for a in b.accepted):
                bad("答案", f"第 {i} 个空没有答案")
    elif q.type == QType.MATCHING:
        if not q.left or not q.right:
            bad("选项", "匹配题左右两列都不能为空")
        if len(q.right) > MAX_OPTIONS:
            bad("选项", f"匹配题右列最多 {MAX_OPTIONS} 项")
        lefts = [p[0] for p in q.key or ()]
        if sorted(lefts) != list(range(1, len(q.left) + 1)):
            bad("答案", "匹配题左列每一项都须配对一次")
        if any(p[1] not in LETTERS[: len(q.right)] for p in q.key or ()):
            bad("答案", "匹配题答案含右列没有的选项")
    elif q.type == QType.CASE:
        if not 1 <= len(q.sub) <= 8:
            bad("子题", f"案例题应有 2–4 道子题，有 {len(q.sub)} 道")
        for i, s in enumerate(q.sub, 1):
            if s.type not in SUB_TYPES:
                bad(f"子题{i} 题型", f"子题只能是单选、多选、判断或填空，不能是{TYPE_LABELS_ZH[s.type]}")
            out.extend(check(s, prefix=f"{prefix}子题{i} "))
    if not 1 <= q.difficulty <= 5:
        bad("难度", f"难度应为 1–5，得到 {q.difficulty}")
    return out


def finish(entries: Sequence[Entry], sink: Sink, *, domain: str | None = None,
           file_domain: str | None = None) -> ReadResult:
    """Check, then settle ids, domain and review status; duplicates inside the file are warned about, kept."""
    valid: list[Entry] = []
    for e in entries:
        problems = check(e.question)
        for fieldname, msg in problems:
            sink.error(msg, e.line, e.label, fieldname)
        if not problems:
            valid.append(e)
    # source ids are used only when unique in the file
    counts: dict[str, int] = {}
    for e in entries:
        if e.source_id:
            counts[e.source_id] = counts.get(e.source_id, 0) + 1
    for sid, c in counts.items():
        if c > 1:
            sink.warning(f"编号“{sid}”在文件中出现 {c} 次，改用自动编号")
    seen: dict[str, Entry] = {}
    occurrence: dict[str, int] = {}
    questions: list[Question] = []
    for e in valid:
        q = e.question
        h = q.content_hash
        n = occurrence[h] = occurrence.get(h, 0) + 1
        if h in seen:
            first = seen[h]
            where = f"第 {first.line} 行" if first.line is not None else (first.label or "前面")
            sink.warning(f"与{where}的题目内容相同（重复题），仍会导入", e.line, e.label)
        else:
            seen[h] = e
        if e.source_id and counts.get(e.source_id) == 1:
            qid = e.source_id
        else:
            digest = hashlib.sha256(f"{h}#{n}".encode()).hexdigest()[:12]
            qid = f"imp-{digest}"
        dom = domain or q.domain or file_domain or ""
        sub = tuple(replace(s, domain=dom, review="draft") for s in q.sub)
        questions.append(replace(q, id=qid, domain=dom, review="draft", sub=sub))
    return ReadResult(questions, sink.problems, sink.lost)


def validate_domain(domain: str | None, sink: Sink) -> str | None:
    if domain is None or domain == "":
        return None
    code = domain_code(domain)
    if code is None:
        sink.error(f"领域“{domain}”无效（可选 {', '.join(d.value for d in Domain)}）")
    return code


# --- export helpers -------------------------------------------------------------------------------

def count(questions: Sequence[Question], pred) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for q in questions if pred(q))


def lost_fields(questions: Sequence[Question], fmt: str, fields: Sequence[str]) -> list[str]:
    """“GIFT 不支持：依据(basis)、难度；12 题受影响” for the fields (of FIELD_TESTS) some question uses."""
    used = [f for f in fields if any(FIELD_TESTS[f][1](q) for q in questions)]
    if not used:
        return []
    hit = sum(1 for q in questions if any(FIELD_TESTS[f][1](q) for f in used))
    names = "、".join(FIELD_TESTS[f][0] for f in used)
    return [f"{fmt} 不支持：{names}；{hit} 题受影响"]


FIELD_TESTS = {
    "basis": ("依据(basis)", lambda q: bool(q.basis)),
    "difficulty": ("难度", lambda q: q.difficulty != 3),
    "section": ("章节", lambda q: bool(q.section)),
    "tags": ("标签", lambda q: bool(q.tags)),
    "domain": ("领域", lambda q: bool(q.domain)),
    "visibility": ("可见性", lambda q: q.visibility != "practice"),
    "historical": ("历史题标记", lambda q: q.historical),
    "group": ("互斥组", lambda q: bool(q.group)),
    "explanation": ("解析", lambda q: bool(q.explanation)),
    "title": ("标题", lambda q: bool(q.title)),
    "rubric": ("评分要点", lambda q: bool(q.rubric)),
    "scoring": ("计分方式", lambda q: bool(q.scoring.mode or q.scoring.weights)),
    "media": ("图片", lambda q: bool(q.media)),
    "id": ("题目编号(ID)", lambda q: bool(q.id)),
}


def review_note(questions: Sequence[Question]) -> list[str]:
    n = count(questions, lambda q: q.review != "draft")
    return [f"审核状态：导入时一律为草稿（draft）；{n} 题受影响"] if n else []


def flatten_cases(questions: Sequence[Question]) -> tuple[list[Question], list[str]]:
    """Case items → their sub-items as separate questions with the scenario prepended (for flat formats)."""
    out: list[Question] = []
    n = 0
    for q in questions:
        if q.type != QType.CASE:
            out.append(q)
            continue
        n += 1
        for i, s in enumerate(q.sub, 1):
            out.append(replace(
                s, id=f"{q.id}-{i}" if q.id else "", stem=f"{q.stem}\n{s.stem}", domain=q.domain, tags=q.tags,
                basis=s.basis or q.basis, difficulty=q.difficulty, section=q.section, review=q.review,
                title=f"{q.title}（{i}）" if q.title else "",
            ))
    lost = [f"案例题结构：{n} 道案例题拆成各自的子题导出（情景写在每道子题题干前）"] if n else []
    return out, lost


# --- shared by the Moodle-family readers -------------------------------------------------------------

def choice_from_weights(options: Sequence[str], weights: Sequence[float], single: bool | None,
                        err, warn) -> tuple[QType, object, Scoring] | None:  # type: ignore[no-untyped-def]
    """Options with Moodle-style percent weights → (single|multiple, key, scoring), weights kept as they were.

    single=True: one answer may be chosen (Moodle `single`/GIFT `=`); False: several; None: decide by weights.
    """
    letters = LETTERS[: len(options)]
    nonzero = tuple((letters[i], float(w)) for i, w in enumerate(weights) if w and i < len(letters))
    if len(options) < 2:
        err("选择题至少需要 2 个选项")
        return None
    if single:
        correct = [letters[i] for i, w in enumerate(weights) if w >= 100 and i < len(letters)]
        if not correct:
            best = max(weights)
            correct = [letters[i] for i, w in enumerate(weights) if w == best and w > 0 and i < len(letters)]
        if len(correct) == 1:
            partial = any(w not in (0, 100) for w in weights)
            return QType.SINGLE, correct[0], Scoring("weights", nonzero) if partial else Scoring()
        if not correct:
            err("没有正确选项")
            return None
        warn("单选题有多个满分选项，按多选题导入")
        return QType.MULTIPLE, tuple(correct), Scoring()
    positive = [letters[i] for i, w in enumerate(weights) if w > 0 and i < len(letters)]
    if not positive:
        err("没有得分的选项（所有权重都不大于 0）")
        return None
    if len(positive) == 1:
        plain = all(w in (0, 100) for w in weights)
        return QType.SINGLE, positive[0], Scoring() if plain else Scoring("weights", nonzero)
    return QType.MULTIPLE, tuple(positive), Scoring("weights", nonzero)


def short_blank(alts: Sequence[tuple[str, float]], n: int = 1) -> tuple[Blank, Scoring] | None:
    """Short-answer alternatives with weights → a blank (best answers) and, if any differ, their weights."""
    alts = [(t, w) for t, w in alts if w > 0 and t]
    if not alts:
        return None
    best = max(w for _, w in alts)
    accepted = tuple(t for t, w in alts if w == best)
    if any(w != 100 for _, w in alts):
        return Blank(accepted), Scoring("weights", tuple((f"{n}:{t}", w) for t, w in alts))
    return Blank(accepted), Scoring()


def fill_stem(stem: str, blanks: int = 1) -> str:
    """A fill stem from a system without blank markers: a lone run of underscores becomes ____, else append."""
    if stem.count(BLANK) == blanks:
        return stem
    runs = re.findall(r"_{3,}", stem)
    if len(runs) == blanks:
        return re.sub(r"_{3,}", BLANK, stem)
    return stem + BLANK * (blanks - stem.count(BLANK)) if stem.count(BLANK) < blanks else stem


_JUDGE_WORDS = {"正确": True, "错误": False, "对": True, "错": False, "true": True, "false": False, "是": True,
                "否": False, "√": True, "×": False, "✓": True, "✗": False}


def judge_pair(texts: Sequence[str]) -> tuple[bool, bool] | None:
    """Two choices that are a true/false pair (正确/错误, True/False, 对/错 …) → their values, else None."""
    if len(texts) != 2:
        return None
    vals = [_JUDGE_WORDS.get(t.strip().lower()) for t in texts]
    if None in vals or vals[0] == vals[1]:
        return None
    return vals[0], vals[1]  # type: ignore[return-value]
