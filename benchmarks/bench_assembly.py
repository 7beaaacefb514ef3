"""Benchmark: assemble a 100-item paper from a 100,000-item bank (target ≤ 50 ms).

`run()` returns timings in ms: building the `AssemblyIndex` once, one `assemble` call (median of several
seeds), 3 parallel forms, and the floor — `random.sample` of 100 ids from a 100,000-id list.
Run: python -m benchmarks.bench_assembly
"""

from __future__ import annotations

import random
import statistics
import time

from trainer.core.assembly import AssemblyIndex, ItemInfo, assemble
from trainer.core.blueprint import Blueprint, PassRule, Section
from trainer.core.questions import QType

DOMAINS = ("hr", "health", "housing", "petition", "community")
MIX = ((QType.SINGLE, 8), (QType.MULTIPLE, 4), (QType.JUDGE, 3), (QType.FILL, 1), (QType.ORDERING, 1),
       (QType.MATCHING, 1), (QType.CASE, 1), (QType.ESSAY, 1))
TYPE_SHARE = {QType.SINGLE: 40, QType.MULTIPLE: 20, QType.JUDGE: 13, QType.FILL: 8, QType.ORDERING: 7,
              QType.MATCHING: 5, QType.CASE: 7, QType.ESSAY: 3}


def make_bank(n: int = 100_000, seed: int = 0) -> list[ItemInfo]:
    """A synthetic bank with the real type mix, ~20 % exam-only, groups and tags."""
    rng = random.Random(seed)
    types = list(TYPE_SHARE)
    weights = list(TYPE_SHARE.values())
    return [
        ItemInfo(
            id=f"item-{i:06d}", domain=rng.choice(DOMAINS), type=rng.choices(types, weights)[0],
            difficulty=rng.randint(1, 5), tags=(rng.choice(("甲", "乙", "丙", "丁")),),
            group=f"g{i // 3}" if i % 7 == 0 else "", visibility="exam" if rng.random() < 0.2 else "practice",
            cluster=f"c{i // 2}" if i % 11 == 0 else "", n_options=4,
        )
        for i in range(n)
    ]


def make_blueprint() -> Blueprint:
    sections = tuple(
        Section(d, t, c, 1.0, (2, 4) if t in (QType.SINGLE, QType.MULTIPLE) else None)
        for d in DOMAINS for t, c in MIX
    )
    return Blueprint("bench", 90, PassRule(60, 50), sections)


def run(bank_size: int = 100_000, repeats: int = 11) -> dict[str, float]:
    bank = make_bank(bank_size)
    bp = make_blueprint()
    t0 = time.perf_counter()
    index = AssemblyIndex(bank)
    t1 = time.perf_counter()
    assemble(index, bp, seed="warm-up")
    times = []
    for seed in range(repeats):
        s = time.perf_counter()
        assemble(index, bp, seed=seed)
        times.append(time.perf_counter() - s)
    s = time.perf_counter()
    assemble(index, bp, seed=99, forms=3)
    forms3 = time.perf_counter() - s
    ids = [b.id for b in bank]
    floor = []
    for seed in range(repeats):
        rng = random.Random(seed)
        s = time.perf_counter()
        rng.sample(ids, 100)
        floor.append(time.perf_counter() - s)
    return {
        "bank_size": bank_size,
        "paper_items": bp.item_count,
        "index_build_ms": round((t1 - t0) * 1000, 1),
        "assemble_median_ms": round(statistics.median(times) * 1000, 3),
        "assemble_max_ms": round(max(times) * 1000, 3),
        "assemble_3_forms_ms": round(forms3 * 1000, 3),
        "floor_random_sample_ms": round(statistics.median(floor) * 1000, 3),
        "target_ms": 50.0,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:>24}: {value}")
