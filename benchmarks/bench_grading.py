"""Benchmark: grade 10,000 attempts × 100 items with a prepared `Grader` (target ≤ 2 s).

`run()` returns timings in ms: the grading itself, building the Grader, and a floor — the same number of
dictionary lookups and float additions with no grading at all. Run: python -m benchmarks.bench_grading
"""

from __future__ import annotations

import random
import time
from typing import Any

from trainer.core.blueprint import PassRule
from trainer.core.questions import Blank, QType, Question, Scoring
from trainer.core.scoring import Grader

DOMAINS = ("hr", "health", "housing", "petition", "community")
# per domain: the mix of a realistic paper (20 items per domain, 100 in all)
MIX = ((QType.SINGLE, 8), (QType.MULTIPLE, 4), (QType.JUDGE, 3), (QType.FILL, 1), (QType.ORDERING, 1),
       (QType.MATCHING, 1), (QType.CASE, 1), (QType.ESSAY, 1))


def make_paper(seed: int = 0) -> list[tuple[Question, float]]:
    """100 questions of all eight types over five domains, with points."""
    rng = random.Random(seed)
    paper: list[tuple[Question, float]] = []
    for d in DOMAINS:
        for qtype, count in MIX:
            for n in range(count):
                points = 1.0 if qtype == QType.SINGLE else 2.0
                paper.append((_question(rng, f"{d}-{qtype}-{n}", d, qtype), points))
    return paper


def _question(rng: random.Random, qid: str, domain: str, qtype: QType) -> Question:
    opts = ("甲", "乙", "丙", "丁")
    if qtype == QType.SINGLE:
        return Question(qid, qtype, "stem", domain, opts, rng.choice("ABCD"))
    if qtype == QType.MULTIPLE:
        scoring = Scoring("partial") if rng.random() < 0.5 else Scoring()
        return Question(qid, qtype, "stem", domain, opts, ("A", "C"), scoring=scoring)
    if qtype == QType.JUDGE:
        return Question(qid, qtype, "stem", domain, key=rng.random() < 0.5)
    if qtype == QType.FILL:
        return Question(qid, qtype, "stem ____ ____", domain,
                        key=(Blank(("三十", "30")), Blank(number=15.0, tolerance=0.5)))
    if qtype == QType.ORDERING:
        return Question(qid, qtype, "stem", domain, opts, ("C", "A", "D", "B"))
    if qtype == QType.MATCHING:
        return Question(qid, qtype, "stem", domain, left=("1", "2", "3"), right=opts,
                        key=((1, "B"), (2, "A"), (3, "D")))
    if qtype == QType.CASE:
        subs = tuple(_question(rng, f"{qid}-{n}", domain, t)
                     for n, t in enumerate((QType.SINGLE, QType.JUDGE, QType.MULTIPLE), start=1))
        return Question(qid, qtype, "scenario", domain, sub=subs)
    return Question(qid, qtype, "stem", domain, key="model answer")


def make_responses(paper: list[tuple[Question, float]], n: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    pool: dict[QType, list[Any]] = {
        QType.SINGLE: ["A", "B", "C", "D"], QType.MULTIPLE: [("A", "C"), ("A",), ("A", "B", "C")],
        QType.JUDGE: [True, False], QType.FILL: [("30", "15"), ("３０", "15.3"), ("三十", "14"), ("", "")],
        QType.ORDERING: [("C", "A", "D", "B"), ("A", "B", "C", "D"), ("C", "D", "A", "B")],
        QType.MATCHING: [((1, "B"), (2, "A"), (3, "D")), ((1, "A"), (2, "B"), (3, "D"))],
        QType.CASE: [{1: "A", 2: True, 3: ("A", "C")}, {1: "B", 2: False}],
        QType.ESSAY: ["答案", None],
    }
    attempts = []
    for _ in range(n):
        attempts.append({q.id: (rng.choice(pool[q.type]) if rng.random() < 0.95 else None) for q, _ in paper})
    return attempts


def run(attempts: int = 10_000) -> dict[str, float]:
    paper = make_paper()
    responses = make_responses(paper, attempts)
    t0 = time.perf_counter()
    grader = Grader(paper, pass_rule=PassRule(60, 50))
    t1 = time.perf_counter()
    for r in responses:
        grader.result(r)
    t2 = time.perf_counter()
    ids = [q.id for q, _ in paper]
    for r in responses:  # floor: look every response up and add a number, nothing else
        total = 0.0
        for item_id in ids:
            if r.get(item_id) is not None:
                total += 1.0
    t3 = time.perf_counter()
    return {
        "attempts": attempts,
        "items_per_attempt": len(paper),
        "grader_build_ms": round((t1 - t0) * 1000, 3),
        "grade_all_attempts_ms": round((t2 - t1) * 1000, 1),
        "per_item_us": round((t2 - t1) * 1e6 / (attempts * len(paper)), 3),
        "floor_lookup_add_ms": round((t3 - t2) * 1000, 1),
        "target_ms": 2000.0,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:>24}: {value}")
