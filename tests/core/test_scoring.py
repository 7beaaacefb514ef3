from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trainer.core.blueprint import PassRule
from trainer.core.questions import Blank, QType, Question, RubricPoint, Scoring
from trainer.core.scoring import (
    Grader, ItemGrade, grade, grade_essay, kendall_fraction, lcs_fraction, normalize_fill, parse_number,
    resolve_rule, summarize,
)

OPTS = ("甲", "乙", "丙", "丁", "戊")
SINGLE = Question("s1", QType.SINGLE, "单选", "hr", OPTS[:4], "B")
MULTI = Question("m1", QType.MULTIPLE, "多选", "hr", OPTS, ("A", "B", "D"))
WEIGHTED = Question("m2", QType.MULTIPLE, "多选", "hr", OPTS[:4], ("A", "B"),
                    scoring=Scoring("weights", (("A", 50), ("B", 50), ("C", -50), ("D", -100))))
JUDGE = Question("j1", QType.JUDGE, "判断", "health", key=False)
FILL = Question("f1", QType.FILL, "____日内，比例____%", "hr",
                key=(Blank(("30", "三十")), Blank(number=12.5, tolerance=0.5)))
ORDER = Question("o1", QType.ORDERING, "排序", "petition", OPTS[:4], ("C", "A", "D", "B"))
MATCH = Question("x1", QType.MATCHING, "匹配", "hr", left=("一", "二", "三"), right=OPTS[:4],
                 key=((1, "B"), (2, "A"), (3, "D")))
CASE = Question("c1", QType.CASE, "案例", "community", sub=(
    Question("c1-1", QType.SINGLE, "小题1", options=OPTS[:4], key="A"),
    Question("c1-2", QType.JUDGE, "小题2", key=True),
    Question("c1-3", QType.MULTIPLE, "小题3", options=OPTS[:4], key=("A", "C")),
))
ESSAY = Question("e1", QType.ESSAY, "简答", "community", key="参考答案",
                 rubric=(RubricPoint("要点一", 40), RubricPoint("要点二", 30), RubricPoint("要点三", 30)))
ALL = (SINGLE, MULTI, WEIGHTED, JUDGE, FILL, ORDER, MATCH, CASE)
PERFECT: dict[str, Any] = {
    "s1": "B", "m1": ("A", "B", "D"), "m2": ("A", "B"), "j1": False, "f1": ("30", "12.5"),
    "o1": ("C", "A", "D", "B"), "x1": ((1, "B"), (2, "A"), (3, "D")), "c1": {1: "A", 2: True, 3: ("A", "C")},
}


@pytest.mark.parametrize("q", ALL, ids=lambda q: q.id)
def test_perfect_scores_max_and_unanswered_scores_zero(q: Question) -> None:
    g = grade(q, PERFECT[q.id], 4.0)
    assert (g.score, g.max_score, g.correct, g.pending) == (4.0, 4.0, True, False)
    none = grade(q, None, 4.0)
    assert (none.score, none.correct, none.pending) == (0.0, False, False)


def test_single_and_judge() -> None:
    assert grade(SINGLE, "C", 1).score == 0.0
    assert grade(JUDGE, True, 1).score == 0.0
    assert grade(JUDGE, False, 1).correct is True


@pytest.mark.parametrize(("rule", "response", "expected"), [
    ("all_or_nothing", ("A", "B"), 0.0),
    ("all_or_nothing", ("A", "B", "D", "E"), 0.0),
    ("partial", ("A", "B"), 2.0),
    ("partial", ("A",), 1.0),
    ("partial", ("A", "E"), 0.0),
    ("partial", (), 0.0),
    ("partial", ("D", "B", "A"), 3.0),
])
def test_multiple_rules(rule: str, response: tuple[str, ...], expected: float) -> None:
    assert grade(MULTI, response, 3, multiple_rule=rule).score == expected


@pytest.mark.parametrize(("response", "expected"), [
    (("A",), 2.0), (("A", "B"), 4.0), (("A", "B", "C"), 2.0), (("A", "C"), 0.0), (("A", "B", "D"), 0.0),
    (("D",), 0.0),
])
def test_weights_with_negative_and_clamping(response: tuple[str, ...], expected: float) -> None:
    assert grade(WEIGHTED, response, 4).score == expected


def test_rule_resolution() -> None:
    assert resolve_rule(WEIGHTED, None) == "weights"
    assert resolve_rule(WEIGHTED, "partial") == "partial"
    assert resolve_rule(MULTI, None) == "all_or_nothing"
    assert resolve_rule(MULTI, "weights") == "all_or_nothing"  # no weights on the item
    assert resolve_rule(ORDER, None) == "lcs"
    kendall = Question("o", QType.ORDERING, "", key=("A",), scoring=Scoring("kendall"))
    assert resolve_rule(kendall, None) == "kendall"
    with pytest.raises(ValueError):
        resolve_rule(MULTI, "lcs")
    with pytest.raises(ValueError):
        resolve_rule(ORDER, "partial")


@pytest.mark.parametrize(("response", "expected"), [
    (("３０", "12.5"), 2.0), ((" 3 0 ", "13"), 2.0), (("三十", "12"), 2.0), (("30", "13.1"), 1.0),
    (("卅", "１２．５"), 1.0), (("30",), 1.0), (("", ""), 0.0), ("30", 1.0),
])
def test_fill(response: Any, expected: float) -> None:
    assert grade(FILL, response, 2).score == expected


def test_fill_text_normalisation() -> None:
    q = Question("f", QType.FILL, "____", key=(Blank(("社会保险登记", "ABC-1")),))
    for text in ("社会保险登记。", " 社会 保险\u3000登记 ", "ａｂｃ－１", "abc 1", "A.B.C1"):
        assert grade(q, (text,), 1).score == 1.0, text
    assert grade(q, ("社会保险",), 1).score == 0.0
    assert normalize_fill("ＡＢＣ，　１２３！") == "abc123"
    assert parse_number("１，２００") == 1200.0 and parse_number("三十") is None and parse_number("nan") is None


def test_ordering_rules() -> None:
    assert grade(ORDER, ("A", "C", "D", "B"), 4, ordering_rule="lcs").score == 3.0
    assert grade(ORDER, ("A", "C", "D", "B"), 6, ordering_rule="kendall").score == 5.0
    assert grade(ORDER, ("A", "C", "D", "B"), 4, ordering_rule="all_or_nothing").score == 0.0
    assert grade(ORDER, ("B", "D", "A", "C"), 4, ordering_rule="kendall").score == 0.0
    assert grade(ORDER, ("B", "D", "A", "C"), 4, ordering_rule="lcs").score == 1.0
    assert grade(ORDER, ("C", "A"), 6, ordering_rule="kendall").score == 1.0  # 1 of 6 pairs placed right


def test_matching_per_pair() -> None:
    g = grade(MATCH, ((1, "B"), (2, "D"), (3, "D")), 3)
    assert (g.score, g.correct) == (2.0, False)
    assert grade(MATCH, ((3, "D"),), 3).score == 1.0


def test_case_splits_points_equally() -> None:
    g = grade(CASE, {1: "A", 2: False, 3: ("A", "C")}, 10)
    assert g.score == 6.67 and g.correct is False
    assert [s.score for s in g.sub] == [3.33, 0.0, 3.33]
    assert grade(CASE, {"1": "A", "2": True, "3": ("A", "C")}, 10).score == 10.0
    assert grade(CASE, {3: ("A",)}, 9, multiple_rule="partial").score == 1.5


def test_essay_is_pending_with_rubric_then_graded() -> None:
    g = grade(ESSAY, "我的回答", 10)
    assert (g.score, g.pending, g.correct, g.rubric) == (None, True, None, ESSAY.rubric)
    assert grade(ESSAY, "  ", 10).score == 0.0
    marked = grade_essay(ESSAY, 10, {1: 40, 2: 15})
    assert (marked.score, marked.pending) == (5.5, False)
    with pytest.raises(ValueError):
        grade_essay(ESSAY, 10, {2: 31})
    with pytest.raises(ValueError):
        grade_essay(ESSAY, 10, {4: 10})
    assert grade_essay(Question("e", QType.ESSAY, ""), 5, {1: 100}).score == 5.0


def test_summarize_pass_rule_and_pending() -> None:
    grades = [("hr", ItemGrade(6.0, 10.0, None)), ("health", ItemGrade(4.0, 10.0, None))]
    r = summarize(grades, PassRule(50, 50))
    assert (r.score, r.max_score, r.percent, r.passed) == (10.0, 20.0, 50.0, False)
    assert r.by_domain["health"].percent == 40.0
    assert summarize(grades, PassRule(50, None)).passed is True
    assert summarize(grades, PassRule(50, 40)).passed is True
    assert summarize(grades, PassRule(51, None)).passed is False
    pending = summarize(grades + [("hr", ItemGrade(None, 5.0, None, True))], PassRule(10, None))
    assert (pending.passed, pending.pending_count, pending.max_score, pending.score) == (None, 1, 25.0, 10.0)


def test_grader_agrees_with_grade_and_handles_essays() -> None:
    paper = [(q, 2.0) for q in ALL] + [(ESSAY, 5.0)]
    grader = Grader(paper, pass_rule=PassRule(60, 50))
    wrong = {"s1": "A", "m1": ("A",), "j1": True, "f1": ("31", "12.9"), "o1": ("A", "B", "C", "D"),
             "x1": ((1, "B"),), "c1": {1: "A"}, "e1": "文字"}
    for responses in (PERFECT, wrong, {}):
        full = grader.grade_all(responses)
        fast = grader.result(responses)
        slow = summarize([(next(q.domain for q, _ in paper if q.id == i), g) for i, g in full.items()],
                         PassRule(60, 50))
        assert fast == slow
    done = grader.result(wrong | {"e1": "文字"}, essay_scores={"e1": 2.5})
    assert done.pending_count == 0 and done.passed is False
    # the essay left unanswered scores 0: community gets 2 of 7 points (28.57 % < 50 %)
    perfect = grader.result(PERFECT)
    community = perfect.by_domain["community"].percent
    assert (perfect.passed, perfect.pending_count, community) == (False, 0, 28.57)
    assert grader.result(PERFECT | {"e1": "答"}).passed is None
    assert grader.result(PERFECT | {"e1": "答"}, essay_scores={"e1": 5}).passed is True
    with pytest.raises(ValueError):
        Grader([(SINGLE, 1), (SINGLE, 1)])


# --- properties ------------------------------------------------------------------------------------

letters = st.lists(st.sampled_from("ABCDE"), unique=True, max_size=5).map(tuple)
points = st.sampled_from([0.5, 1.0, 2.0, 3.0, 7.0])


@given(letters, letters, points, st.sampled_from(["all_or_nothing", "partial", "weights"]),
       st.dictionaries(st.sampled_from("ABCDE"), st.integers(-100, 100)))
def test_multiple_bounds_and_permutation_invariance(key: tuple[str, ...], resp: tuple[str, ...], pts: float,
                                                    rule: str, weights: dict[str, int]) -> None:
    q = Question("m", QType.MULTIPLE, "", options=OPTS, key=key,
                 scoring=Scoring("", tuple((k, float(v)) for k, v in weights.items())))
    g = grade(q, resp, pts, multiple_rule=rule)
    assert g.score is not None and 0 <= g.score <= pts
    assert grade(q, tuple(reversed(resp)), pts, multiple_rule=rule).score == g.score
    if rule != "weights" and key:
        assert grade(q, key, pts, multiple_rule=rule).score == pts
    if rule == "partial" and key and set(resp) <= set(key):
        assert g.score == round(pts * len(resp) / len(key), 2)


@given(st.dictionaries(st.sampled_from("ABCDE"), st.integers(1, 100), min_size=1), points)
def test_weights_perfect_response_scores_max(correct: dict[str, int], pts: float) -> None:
    total = sum(correct.values())
    weights = tuple((k, v * 100 / total) for k, v in correct.items())
    q = Question("m", QType.MULTIPLE, "", options=OPTS, key=tuple(correct),
                 scoring=Scoring("weights", weights))
    assert grade(q, tuple(correct), pts).score == pts


@given(st.permutations("ABCDEF"), st.permutations("ABCDEF"), st.integers(0, 6))
def test_ordering_fractions(key: list[str], resp: list[str], cut: int) -> None:
    k, r = tuple(key), tuple(resp)
    for frac in (lcs_fraction, kendall_fraction):
        assert frac(k, k) == 1.0
        assert 0.0 <= frac(k, r) <= 1.0
        assert frac(k, r[:cut]) <= frac(k, r) + 1e-12  # leaving items out never helps
    assert kendall_fraction(k, tuple(reversed(k))) == 0.0
    assert lcs_fraction(k, r) >= 1 / len(k)
    # moving one adjacent inverted pair into order never lowers either score
    pos = {x: i for i, x in enumerate(k)}
    for i in range(len(r) - 1):
        if pos[r[i]] > pos[r[i + 1]]:
            fixed = r[:i] + (r[i + 1], r[i]) + r[i + 2:]
            assert kendall_fraction(k, fixed) > kendall_fraction(k, r)
            assert lcs_fraction(k, fixed) >= lcs_fraction(k, r)
            break


@given(st.permutations("ABCDE"), st.lists(st.sampled_from("ABCDE"), unique=True).map(tuple), points,
       st.sampled_from(["lcs", "kendall", "all_or_nothing"]))
def test_ordering_grade_bounds(key: list[str], resp: tuple[str, ...], pts: float, rule: str) -> None:
    q = Question("o", QType.ORDERING, "", options=OPTS, key=tuple(key))
    g = grade(q, resp, pts, ordering_rule=rule)
    assert g.score is not None and 0 <= g.score <= pts
    assert (g.score == pts) == (resp == tuple(key))
    assert grade(q, tuple(key), pts, ordering_rule=rule).score == pts


@given(st.text())
def test_fill_normalisation_is_idempotent(text: str) -> None:
    once = normalize_fill(text)
    assert normalize_fill(once) == once


@given(st.lists(st.text(max_size=6), min_size=1, max_size=3), st.lists(st.text(max_size=6), max_size=4),
       points)
def test_fill_bounds_and_perfect(accepted: list[str], resp: list[str], pts: float) -> None:
    q = Question("f", QType.FILL, "", key=tuple(Blank((a, "备选")) for a in accepted))
    g = grade(q, tuple(resp), pts)
    assert g.score is not None and 0 <= g.score <= pts
    assert grade(q, tuple(accepted), pts).score == pts
    assert grade(q, tuple(a.upper() + " " for a in accepted), pts).score == pts


@given(st.lists(st.sampled_from("ABCDE"), min_size=1, max_size=5),
       st.dictionaries(st.integers(1, 5), st.sampled_from("ABCDE")), points)
def test_matching_bounds(right: list[str], resp: dict[int, str], pts: float) -> None:
    key = tuple((i + 1, letter) for i, letter in enumerate(right))
    q = Question("x", QType.MATCHING, "", left=tuple("x" * len(key)), right=OPTS, key=key)
    g = grade(q, tuple(sorted(resp.items())), pts)
    assert g.score is not None and 0 <= g.score <= pts
    assert grade(q, key, pts).score == pts


@given(st.lists(st.sampled_from([SINGLE, JUDGE, MULTI]), min_size=1, max_size=4), points,
       st.dictionaries(st.integers(1, 4), st.sampled_from(["A", "B", True, ("A", "B", "D")])))
def test_case_bounds_even_with_malformed_sub_responses(subs: list[Question], pts: float,
                                                       resp: dict[int, Any]) -> None:
    q = Question("c", QType.CASE, "", sub=tuple(subs))
    g = grade(q, resp, pts)
    assert g.score is not None and 0 <= g.score <= pts + 1e-9
    perfect = {i: PERFECT[s.id] for i, s in enumerate(subs, start=1)}
    assert grade(q, perfect, pts).score == pts


def test_fill_partial_credit_for_weighted_alternatives() -> None:
    from trainer.core.questions import Blank, QType, Question, Scoring
    from trainer.core.scoring import grade

    q = Question(id="x", type=QType.FILL, stem="____", key=(Blank(("三十日",)),), scoring=Scoring("weights", (("1:一个月", 50.0),)))
    assert grade(q, ("三十日",), 4).score == 4
    assert grade(q, ("一个月",), 4).score == 2
    assert grade(q, ("两个月",), 4).score == 0
