"""Benchmarks of the interchange formats (issue 4).

- 10k-row xlsx import must take at most 1.5× openpyxl's own read-only iteration of the same file;
- 10k-question GIFT import (floor: 3 s).

`run()` returns timings in ms with their floors and ratios; `python benchmarks/bench_formats.py` prints them.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable

from trainer.core.questions import Blank, QType, Question

N = 10_000
XLSX_RATIO_FLOOR = 1.5
GIFT_FLOOR_MS = 3000.0


def bank(n: int = N) -> list[Question]:
    out = []
    for i in range(n):
        k = i % 4
        if k == 0:
            q = Question(id=f"b-{i}", type=QType.SINGLE, stem=f"第 {i} 题：失业保险金领取条件是什么？",
                         options=("六个月", "一年", "两年", "三年"), key="B", explanation="累计缴费满一年。",
                         domain="hr", tags=("失业保险",), difficulty=1 + i % 5)
        elif k == 1:
            q = Question(id=f"b-{i}", type=QType.MULTIPLE, stem=f"第 {i} 题：下列哪些是条件？",
                         options=("甲", "乙", "丙", "丁", "戊"), key=("A", "C", "D"), domain="health")
        elif k == 2:
            q = Question(id=f"b-{i}", type=QType.JUDGE, stem=f"第 {i} 题：这是正确的说法。", key=bool(i % 3),
                         explanation="说明。", domain="housing")
        else:
            q = Question(id=f"b-{i}", type=QType.FILL, stem=f"第 {i} 题：期限为____日。",
                         key=(Blank(("30", "三十")),), domain="community")
        out.append(q)
    return out


def _best(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def run() -> dict[str, dict[str, float]]:
    import openpyxl

    from trainer.formats import registry

    qs = bank()
    xlsx = registry.get("xlsx").write(qs)
    gift = registry.get("gift").write(qs)

    def openpyxl_iter() -> None:
        wb = openpyxl.load_workbook(io.BytesIO(xlsx), read_only=True, data_only=True)
        for _ in wb.worksheets[0].iter_rows(values_only=True):
            pass
        wb.close()

    def xlsx_import() -> None:
        r = registry.get("xlsx").read(xlsx, "bench.xlsx")
        assert len(r.questions) == N and not r.errors

    def gift_import() -> None:
        r = registry.get("gift").read(gift, "bench.gift")
        assert len(r.questions) == N and not r.errors

    base = _best(openpyxl_iter)
    ours = _best(xlsx_import)
    g = _best(gift_import)
    return {
        "xlsx_import_10k": {"ms": round(ours, 1), "openpyxl_iter_ms": round(base, 1),
                            "ratio": round(ours / base, 3), "ratio_floor": XLSX_RATIO_FLOOR},
        "gift_import_10k": {"ms": round(g, 1), "floor_ms": GIFT_FLOOR_MS, "ratio": round(g / GIFT_FLOOR_MS, 3)},
    }


if __name__ == "__main__":
    print(json.dumps(run(), ensure_ascii=False, indent=2))
