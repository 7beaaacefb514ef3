"""Benchmark: one durable answer save through `AttemptService.answer` vs. a bare SQLite commit (target ≤ 1.2×).

The app's engine (`trainer.store.db.make_engine`: WAL, synchronous=FULL) on a real SQLite file holds the
bundled bank and a paper assembled from the bundled qualification-exam blueprint (86 items, all types).
Each timed save answers a random item with a valid value in its own transaction, exactly as
`trainer attempt answer` does once the database is open.

The floor is what durability costs by itself: a bare `sqlite3` INSERT of one comparable row (an answer-journal
row) plus COMMIT on the same file, with the same pragmas (journal_mode=WAL, synchronous=FULL). Both loops
alternate in blocks so that disk noise hits them alike. The file lives in `TRAINER_BENCH_DIR` (default: the
system temp directory) — point it at the disk the app's data directory is on; on tmpfs fsync is free and
the ratio measures Python overhead only.

Run: python -m benchmarks.bench_answer
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

TARGET_RATIO = 1.2


def _values(questions: list[Any]) -> list[tuple[str, str]]:
    """(item key, valid VALUE) pairs covering every item and case sub-item of the paper."""
    from trainer.core.questions import LETTERS, QType, canonical_value

    out: list[tuple[str, str]] = []

    def value(q: Any) -> str:
        if q.type == QType.ESSAY:
            return "先登记，再审核，最后办结。"
        if q.type == QType.FILL:
            return "|".join(["答"] * len(q.key))
        if q.type == QType.ORDERING:
            return ",".join(reversed(LETTERS[: len(q.options)]))
        return canonical_value(q.type, q.key)

    for _, q in questions:
        if q.type == QType.CASE:
            out.extend((f"{q.id}.{n}", value(sub)) for n, sub in enumerate(q.sub, 1))
        else:
            out.append((q.id, value(q)))
    return out


def _setup(db_path: Path) -> tuple[Any, int, list[tuple[str, str]]]:
    from trainer.core.clock import SystemClock
    from trainer.paths import question_bank_dir
    from trainer.services.attempts import AttemptService
    from trainer.services.bank import BankService
    from trainer.services.context import AppContext
    from trainer.services.papers import PaperService, load_blueprint_file
    from trainer.settings import Settings
    from trainer.store.db import make_engine, upgrade
    from trainer.store.uow import UnitOfWork

    url = f"sqlite:///{db_path}"
    engine = make_engine(url)
    upgrade(engine)
    ctx = AppContext(Settings(data_dir=db_path.parent / "data", db_url=url), engine, UnitOfWork(engine), SystemClock())
    BankService(ctx).import_paths([question_bank_dir()])
    bp = load_blueprint_file(question_bank_dir() / "blueprints" / "qualification-exam.yaml")
    paper = PaperService(ctx).build(bp, seed=1)[0]
    questions = PaperService(ctx).questions(paper.paper_id)
    return ctx, paper.paper_id, _values(questions)


def run(saves: int = 300, block: int = 20, seed: int = 0) -> dict[str, Any]:
    from trainer.services.attempts import AttemptService

    rng = random.Random(seed)
    base = os.environ.get("TRAINER_BENCH_DIR") or None
    with tempfile.TemporaryDirectory(prefix="bench-answer-", dir=base) as tmp:
        db_path = Path(tmp) / "trainer.sqlite3"
        ctx, paper_id, values = _setup(db_path)
        service = AttemptService(ctx)
        # One long-lived process, as the GUI is. (`trainer attempt answer` saves once per process, so it also
        # pays one paper load per command; its time is dominated by start-up anyway.)
        attempt = service.start(paper_id, "基准考生").attempt
        for key, value in values[:5]:  # warm up: connection pool, statement caches, the paper cache
            service.answer(attempt, key, value)

        # The floor: the same file, the same pragmas, one journal-sized row per commit.
        raw = sqlite3.connect(db_path, isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute("PRAGMA busy_timeout=10000")
        raw.execute(
            "CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, attempt_id INTEGER, seq INTEGER, "
            "item_key VARCHAR(80), value TEXT, time_used_s FLOAT, at_utc VARCHAR)"
        )
        floor_seq = 0

        def floor_once() -> float:
            nonlocal floor_seq
            floor_seq += 1
            key, value = rng.choice(values)
            t0 = time.perf_counter()
            raw.execute("BEGIN")
            raw.execute(
                "INSERT INTO bench_floor (attempt_id, seq, item_key, value, time_used_s, at_utc) VALUES (?, ?, ?, ?, ?, ?)",
                (attempt, floor_seq, key, value, 1.0, datetime.now(timezone.utc).isoformat()),
            )
            raw.execute("COMMIT")
            return time.perf_counter() - t0

        def save_once() -> float:
            key, value = rng.choice(values)
            t0 = time.perf_counter()
            service.answer(attempt, key, value)
            return time.perf_counter() - t0

        for _ in range(5):
            floor_once()
        floor: list[float] = []
        app: list[float] = []
        for _ in range(max(1, saves // block)):
            floor.extend(floor_once() for _ in range(block))
            app.extend(save_once() for _ in range(block))
        raw.close()
        ctx.close()

    floor_ms = statistics.median(floor) * 1000
    app_ms = statistics.median(app) * 1000
    return {
        "saves": len(app),
        "paper_items": len({k.partition(".")[0] for k, _ in values}),
        "floor_sqlite_commit_median_ms": round(floor_ms, 3),
        "answer_save_median_ms": round(app_ms, 3),
        "answer_save_p90_ms": round(statistics.quantiles(app, n=10)[-1] * 1000, 3),
        "ratio": round(app_ms / floor_ms, 2),
        "target_ratio": TARGET_RATIO,
        "meets_target": app_ms / floor_ms <= TARGET_RATIO,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:>30}: {value}")
