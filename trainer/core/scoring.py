"""Grading (评分) of all eight question types, scores per domain and the pass decision.

Responses have the shapes `trainer.core.answers.parse_response` produces: single "B"; multiple a tuple of
letters; judge a bool; fill a tuple of strings (one per blank); ordering a tuple of letters; matching a
tuple of (n, letter) pairs; essay a str; case a dict {sub_index (1-based): sub-response}. None (unanswered)
scores 0. Scores are rounded to 2 decimals per item; totals are sums of the rounded item scores.

For many attempts on one paper build a `Grader` once: it prepares every key (normalised fill answers,
key positions, weights) so that grading an item is a dictionary lookup and a small function call.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from trainer.core.questions import QType, Question, RubricPoint

MULTIPLE_RULES = ("all_or_nothing", "partial", "weights")
ORDERING_RULES = ("lcs", "kendall", "all_or_nothing")

ScoreFn = Callable[[Any], float]


class PassRuleLike(Protocol):
    total_percent: float
    each_domain_percent: float | None


@dataclass(frozen=True, slots=True)
class ItemGrade:
    """The grade of one item. score is None while an essay waits for a trainer (pending)."""

    score: float | None
    max_score: float
    correct: bool | None
    pending: bool = False
    detail: str = ""
    rubric: tuple[RubricPoint, ...] = ()
    sub: tuple[ItemGrade, ...] = ()


@dataclass(frozen=True)
class DomainScore:
    score: float
    max_score: float
    percent: float


@dataclass(frozen=True)
class AttemptResult:
    """Total and per-domain scores; passed is None while essays are pending."""

    score: float
    max_score: float
    percent: float
    by_domain: dict[str, DomainScore] = field(default_factory=dict)
    passed: bool | None = None
    pending_count: int = 0


# --- normalisation -------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def normalize_fill(text: str) -> str:
    """Full/half width and 全角数字 folded (NFKC), case folded, spaces and punctuation removed.

    Idempotent: normalize_fill(normalize_fill(x)) == normalize_fill(x).
    """
    for _ in range(4):
        folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
        out = "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZC")
        if out == text:
            break
        text = out
    return text


@lru_cache(maxsize=65536)
def parse_number(text: str) -> float | None:
    """`30`, `３０`, ` 1,200 `, `0.5` → a float; anything else (incl. 三十) → None."""
    t = "".join(unicodedata.normalize("NFKC", text).split()).replace(",", "")
    try:
        value = float(t)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


# --- rules ---------------------------------------------------------------------------------------

def resolve_rule(question: Question, rule: str | None) -> str:
    """The effective rule of a multiple or ordering item: forced rule, else the item's own, else default."""
    if question.type == QType.MULTIPLE:
        own = question.scoring.mode or ("weights" if question.scoring.weights else "")
        chosen = rule or own or "all_or_nothing"
        if chosen == "weights" and not question.scoring.weights:
            chosen = "all_or_nothing"
        if chosen not in MULTIPLE_RULES:
            raise ValueError(f"{question.id}: 未知的多选题计分规则“{chosen}”")
        return chosen
    if question.type == QType.ORDERING:
        chosen = rule or question.scoring.mode or "lcs"
        if chosen not in ORDERING_RULES:
            raise ValueError(f"{question.id}: 未知的排序题计分规则“{chosen}”")
        return chosen
    return ""


def lcs_fraction(key: tuple[str, ...], response: Iterable[str]) -> float:
    """Longest correctly ordered subsequence of the response / number of items."""
    pos = {letter: i for i, letter in enumerate(key)}
    seen: set[str] = set()
    tails: list[int] = []
    for letter in response:
        if letter in seen or letter not in pos:
            continue
        seen.add(letter)
        p = pos[letter]
        k = bisect_left(tails, p)
        if k == len(tails):
            tails.append(p)
        else:
            tails[k] = p
    return len(tails) / len(key) if key else 0.0


def kendall_fraction(key: tuple[str, ...], response: Iterable[str]) -> float:
    """1 − discordant pairs / all pairs, clipped at 0; a pair with an item left out counts as discordant."""
    n = len(key)
    rpos: dict[str, int] = {}
    for i, letter in enumerate(response):
        rpos.setdefault(letter, i)
    if n < 2:
        return 1.0 if n == 1 and key[0] in rpos else 0.0
    total = n * (n - 1) // 2
    concordant = 0
    placed = [rpos.get(letter) for letter in key]
    for i in range(n):
        pi = placed[i]
        if pi is None:
            continue
        for j in range(i + 1, n):
            pj = placed[j]
            if pj is not None and pi < pj:
                concordant += 1
    return max(0.0, 1.0 - (total - concordant) / total)


# --- preparation: one fast scoring function per question ----------------------------------------

def _prepare(q: Question, points: float, multiple_rule: str | None, ordering_rule: str | None) -> ScoreFn:
    t = q.type
    if t == QType.SINGLE:
        key = q.key
        return lambda r: points if r == key else 0.0
    if t == QType.JUDGE:
        jkey = bool(q.key)
        return lambda r: points if r is jkey or (isinstance(r, bool) and r == jkey) else 0.0
    if t == QType.MULTIPLE:
        keyset = frozenset(q.key or ())
        rule = resolve_rule(q, multiple_rule)
        if rule == "all_or_nothing":
            return lambda r: points if frozenset(r) == keyset else 0.0
        if rule == "partial":
            n = len(keyset) or 1

            def partial(r: Any) -> float:
                sel = frozenset(r)
                return points * len(sel) / n if sel and sel <= keyset else 0.0
            return partial
        weights = q.scoring.weight_map()

        def weighted(r: Any) -> float:
            raw = sum(weights.get(letter, 0.0) for letter in frozenset(r)) * points / 100.0
            return min(points, max(0.0, raw))
        return weighted
    if t == QType.FILL:
        blanks = tuple((frozenset(normalize_fill(a) for a in b.accepted), b.number, b.tolerance)
                       for b in q.key or ())
        n_blanks = len(blanks) or 1
        # Imported short answers may accept some texts for part of the marks: weights "N:text" -> percent.
        partial_credit: dict[tuple[int, str], float] = {}
        for k, pct in q.scoring.weights:
            n, sep, text = k.partition(":")
            if sep and n.isdigit():
                partial_credit[(int(n), normalize_fill(text))] = max(0.0, min(100.0, pct)) / 100.0

        def fill(r: Any) -> float:
            if isinstance(r, str):
                r = (r,)
            good = 0.0
            for i, ((accepted, number, tol), text) in enumerate(zip(blanks, r), start=1):
                if not isinstance(text, str):
                    continue
                norm = normalize_fill(text)
                if norm in accepted:
                    good += 1
                elif number is not None and (value := parse_number(text)) is not None and abs(value - number) <= tol + 1e-9:
                    good += 1
                elif partial_credit:
                    good += partial_credit.get((i, norm), 0.0)
            return points * good / n_blanks
        return fill
    if t == QType.ORDERING:
        okey = tuple(q.key or ())
        rule = resolve_rule(q, ordering_rule)
        if rule == "all_or_nothing":
            return lambda r: points if tuple(r) == okey else 0.0
        frac = lcs_fraction if rule == "lcs" else kendall_fraction
        return lambda r: points if tuple(r) == okey else points * frac(okey, r)
    if t == QType.MATCHING:
        mkey = dict(q.key or ())
        n_pairs = len(mkey) or 1
        return lambda r: points * sum(1 for n, letter in dict(r).items() if mkey.get(n) == letter) / n_pairs
    if t == QType.CASE:
        share = points / len(q.sub) if q.sub else 0.0
        subs = tuple(_prepare(s, share, multiple_rule, ordering_rule) for s in q.sub)

        def case(r: Any) -> float:
            total = 0.0
            for i, fn in enumerate(subs, start=1):
                sr = r.get(i, r.get(str(i)))
                if sr is not None:
                    total += _safe(fn, sr)
            return total
        return case
    if t == QType.ESSAY:
        return lambda r: float("nan")  # pending: a trainer grades it
    raise ValueError(f"unknown question type {t!r}")


def _safe(fn: ScoreFn, r: Any) -> float:
    """A response of the wrong shape (not what parse_response produces) scores 0 instead of crashing."""
    try:
        return fn(r)
    except (TypeError, ValueError, AttributeError, KeyError):
        return 0.0


def _is_correct(q: Question, r: Any, score: float, points: float) -> bool:
    t = q.type
    if t == QType.MULTIPLE:
        return frozenset(r) == frozenset(q.key or ())
    if t == QType.ORDERING:
        return tuple(r) == tuple(q.key or ())
    if t == QType.MATCHING:
        return dict(r) == dict(q.key or ())
    return abs(score - points) < 1e-9


def _detail(q: Question, r: Any) -> str:
    if r is None:
        return "未作答"
    if q.type == QType.FILL:
        return f"标准答案：{q.canonical_answer}"
    if q.type == QType.ORDERING:
        okey = tuple(q.key or ())
        return f"标准答案：{q.canonical_answer}；最长有序 {round(lcs_fraction(okey, r) * len(okey))}/{len(okey)}"
    if q.type == QType.MATCHING:
        good = sum(1 for n, letter in dict(r).items() if dict(q.key or ()).get(n) == letter)
        return f"标准答案：{q.canonical_answer}；配对正确 {good}/{len(q.key or ())}"
    return f"标准答案：{q.canonical_answer}"


def grade(question: Question, response: Any, points: float, *, multiple_rule: str | None = None,
          ordering_rule: str | None = None, _fn: ScoreFn | None = None) -> ItemGrade:
    """Grade one response. multiple_rule/ordering_rule force a rule; None uses the item's own `scoring`."""
    q = question
    if q.type == QType.ESSAY:
        if response is None or not str(response).strip():
            return ItemGrade(0.0, points, False, False, "未作答", q.rubric)
        return ItemGrade(None, points, None, True, "待评阅", q.rubric)
    if q.type == QType.CASE:
        share = points / len(q.sub) if q.sub else 0.0
        r = response if isinstance(response, Mapping) else {}
        subs = tuple(grade(s, r.get(i, r.get(str(i))), share, multiple_rule=multiple_rule,
                           ordering_rule=ordering_rule) for i, s in enumerate(q.sub, start=1))
        fn = _prepare(q, points, multiple_rule, ordering_rule)
        total = round(_safe(fn, r), 2) if response is not None else 0.0
        correct = response is not None and all(s.correct for s in subs)
        good = sum(1 for s in subs if s.correct)
        return ItemGrade(total, points, correct, False, f"小题正确 {good}/{len(subs)}", (), subs)
    if response is None:
        return ItemGrade(0.0, points, False, False, "未作答")
    fn = _fn or _prepare(q, points, multiple_rule, ordering_rule)
    raw = _safe(fn, response)
    try:
        correct = _is_correct(q, response, raw, points)
        detail = _detail(q, response)
    except (TypeError, ValueError, AttributeError, KeyError):
        correct, detail = False, "作答格式无效"
    return ItemGrade(round(raw, 2), points, correct, False, detail)


def grade_essay(question: Question, points: float,
                awarded_percent_by_point: Mapping[int, float]) -> ItemGrade:
    """A trainer's marks for an essay: {rubric point number (1-based): percent of the item's points}.

    Each value must lie in [0, that point's percent]. An essay without rubric takes {1: 0–100}.
    """
    rubric = question.rubric or (RubricPoint("整体", 100.0),)
    total = 0.0
    for n, pct in awarded_percent_by_point.items():
        if not 1 <= n <= len(rubric):
            raise ValueError(f"{question.id}: 评分要点 {n} 不存在（共 {len(rubric)} 个）")
        cap = rubric[n - 1].percent
        if not 0 <= pct <= cap:
            raise ValueError(f"{question.id}: 要点 {n} 的得分应在 0–{cap}% 之间，得到 {pct}%")
        total += pct
    score = round(points * total / 100.0, 2)
    return ItemGrade(score, points, abs(total - 100.0) < 1e-9, False, f"评阅得分 {total:g}%", question.rubric)


# --- totals --------------------------------------------------------------------------------------

def _passed(score: float, max_score: float, by_domain: dict[str, DomainScore], rule: PassRuleLike | None,
            pending: int) -> bool | None:
    if pending or rule is None:
        return None
    if score * 100 < rule.total_percent * max_score - 1e-9:
        return False
    each = rule.each_domain_percent
    if each is not None:
        return all(d.score * 100 >= each * d.max_score - 1e-9 for d in by_domain.values())
    return True


def _pct(score: float, max_score: float) -> float:
    return round(score * 100 / max_score, 2) if max_score else 0.0


def _result(totals: dict[str, list[float]], rule: PassRuleLike | None, pending: int) -> AttemptResult:
    by_domain = {d: DomainScore(round(s, 2), m, _pct(s, m)) for d, (s, m) in totals.items()}
    score = round(sum(v[0] for v in totals.values()), 2)
    max_score = sum(v[1] for v in totals.values())
    return AttemptResult(score, max_score, _pct(score, max_score), by_domain,
                         _passed(score, max_score, by_domain, rule, pending), pending)


def summarize(grades: Iterable[tuple[str, ItemGrade]], pass_rule: PassRuleLike | None) -> AttemptResult:
    """Totals from (domain, grade) pairs. Pending items count in max_score but not in score."""
    totals: dict[str, list[float]] = {}
    pending = 0
    for domain, g in grades:
        acc = totals.setdefault(domain, [0.0, 0.0])
        acc[1] += g.max_score
        if g.pending:
            pending += 1
        else:
            acc[0] += g.score or 0.0
    return _result(totals, pass_rule, pending)


class Grader:
    """Grades many attempts on one paper. Build once from (question, points) pairs, reuse per attempt.

    multiple_rule/ordering_rule force a rule for the whole paper (None = each item's own rule).
    """

    def __init__(self, entries: Iterable[tuple[Question, float]], *, multiple_rule: str | None = None,
                 ordering_rule: str | None = None, pass_rule: PassRuleLike | None = None):
        self.pass_rule = pass_rule
        self.multiple_rule, self.ordering_rule = multiple_rule, ordering_rule
        self._questions: dict[str, tuple[Question, float, ScoreFn]] = {}
        plan = []
        for q, points in entries:
            if q.id in self._questions:
                raise ValueError(f"题目重复：{q.id}")
            fn = _prepare(q, float(points), multiple_rule, ordering_rule)
            self._questions[q.id] = (q, float(points), fn)
            plan.append((q.id, fn, q.domain, float(points), q.type == QType.ESSAY))
        self._plan = tuple(plan)
        self.max_score = sum(p[3] for p in plan)

    def grade(self, item_id: str, response: Any) -> ItemGrade:
        q, points, fn = self._questions[item_id]
        return grade(q, response, points, multiple_rule=self.multiple_rule, ordering_rule=self.ordering_rule,
                     _fn=None if q.type in (QType.CASE, QType.ESSAY) else fn)

    def grade_all(self, responses: Mapping[str, Any]) -> dict[str, ItemGrade]:
        """Full grades (with details) of every item of the paper, in paper order."""
        return {item_id: self.grade(item_id, responses.get(item_id)) for item_id, *_ in self._plan}

    def result(self, responses: Mapping[str, Any], essay_scores: Mapping[str, float] | None = None
               ) -> AttemptResult:
        """The attempt's totals (fast path). essay_scores: trainer-awarded points of graded essays."""
        totals: dict[str, list[float]] = {}
        pending = 0
        get = responses.get
        for item_id, fn, domain, points, essay in self._plan:
            acc = totals.get(domain)
            if acc is None:
                acc = totals[domain] = [0.0, 0.0]
            acc[1] += points
            r = get(item_id)
            if r is None:
                continue
            if essay:
                if essay_scores is not None and item_id in essay_scores:
                    acc[0] += round(essay_scores[item_id], 2)
                elif str(r).strip():
                    pending += 1
                continue
            try:
                acc[0] += round(fn(r), 2)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass  # a response of the wrong shape scores 0
        return _result(totals, self.pass_rule, pending)
