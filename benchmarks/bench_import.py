"""Importing 10,000 generated questions against its floor: CSafeLoader parse + raw sqlite executemany.

Path: `BankService.import_paths` on a fresh, migrated SQLite file (the app's engine: WAL, synchronous=FULL):
parse, validate every item with locations, check references across files, store questions, versions and
rule links in one transaction. Floor: parse the same files with CSafeLoader and insert the same three
tables' rows with `sqlite3.executemany` in one transaction on a file with the same pragmas.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from trainer.content.yamlio import SafeLoader, dump_yaml

N = 10_000
PER_FILE = 1_000
RULE = "id: bench-law\nname: 基准测试法\nissuer: 测试机关\nkind: law\nversion: 2020年文本\nstatus: current\n"
CHAPTER = "---\nid: hr-bench\ntitle: 基准章节\ndomain: hr\norder: 1\nrules: [bench-law]\nkind: overview\n---\n## 概述\n正文。\n"
# A vocabulary of 600 two-character words, so generated stems are as varied as real ones.
_CHARS = "社区居民窗口办理材料申请审核登记保险救助证明期限部门条件流程政策补贴服务档案调解街道人员家庭收入财产医疗住房公租维修资金业主物业信访事项受理答复复查复核劳动合同工资仲裁养老失业工伤生育疫苗接种健康儿童老年残疾低保特困临时婚姻户籍居住证规定法律条例办法通知意见"
WORDS = [a + b for a in _CHARS[:30] for b in _CHARS[30:50]]


def _item(i: int, rng: random.Random) -> dict:
    stem = "".join(rng.choice(WORDS) for _ in range(14)) + f"（第{i}题）"
    kind = i % 5
    base = {"id": f"hr-bench-{i:05d}", "stem": stem, "explanation": "解析：" + "".join(rng.choice(WORDS) for _ in range(20)),
            "basis": [{"rule": "bench-law", "article": f"第{i % 90 + 1}条"}], "difficulty": i % 5 + 1, "tags": [rng.choice(WORDS)],
            "review": "reviewed"}
    if kind in (0, 1):
        return {**base, "type": "single", "options": [f"{rng.choice(WORDS)}{j}{i}" for j in range(4)], "answer": "ABCD"[i % 4]}
    if kind == 2:
        return {**base, "type": "multiple", "options": [f"{rng.choice(WORDS)}{j}{i}" for j in range(4)], "answer": "ABD"}
    if kind == 3:
        return {**base, "type": "judge", "answer": bool(i % 2)}
    return {**base, "type": "fill", "stem": stem + "应在____日内办结。", "answer": [[str(i % 60 + 1)]]}


def make_bank(root: Path, n: int = N) -> Path:
    rng = random.Random(7)
    bank = root / "question_bank"
    (bank / "rules").mkdir(parents=True)
    (bank / "hr").mkdir()
    (root / "courseware" / "hr").mkdir(parents=True)
    (bank / "rules" / "bench-law.yaml").write_text(RULE, encoding="utf-8")
    (root / "courseware" / "hr" / "01-bench.md").write_text(CHAPTER, encoding="utf-8")
    for f in range(n // PER_FILE):
        items = [_item(i, rng) for i in range(f * PER_FILE, (f + 1) * PER_FILE)]
        (bank / "hr" / f"part{f:02d}.yaml").write_text(dump_yaml({"domain": "hr", "section": "hr-bench", "items": items}), encoding="utf-8")
    return bank


def _floor(bank: Path, db: Path) -> float:
    t0 = time.perf_counter()
    rows_q, rows_v, rows_r = [], [], []
    for path in sorted((bank / "hr").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
        for it in data["items"]:
            rows_q.append((it["id"], "hr", it["type"], it["difficulty"], "reviewed", "practice", json.dumps(it.get("tags", []), ensure_ascii=False)))
            rows_v.append((it["id"], 1, "0" * 32, it["stem"], json.dumps(it, ensure_ascii=False)))
            rows_r.append((it["id"], "bench-law", it["basis"][0]["article"]))
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE q (id TEXT PRIMARY KEY, domain TEXT, type TEXT, difficulty INT, review TEXT, visibility TEXT, tags TEXT)")
    conn.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, qid TEXT, version_no INT, hash TEXT, stem TEXT, payload TEXT, UNIQUE (qid, version_no))")
    conn.execute("CREATE TABLE r (qid TEXT, rule TEXT, article TEXT, PRIMARY KEY (qid, rule, article))")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO q VALUES (?,?,?,?,?,?,?)", rows_q)
    conn.executemany("INSERT INTO v (qid, version_no, hash, stem, payload) VALUES (?,?,?,?,?)", rows_v)
    conn.executemany("INSERT INTO r VALUES (?,?,?)", rows_r)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - t0  # parsing, table creation (negligible) and inserts


def _path(bank: Path, data_dir: Path) -> tuple[float, int]:
    from trainer.core.clock import SystemClock
    from trainer.services.bank import BankService
    from trainer.services.context import AppContext
    from trainer.settings import Settings, sqlite_url
    from trainer.store.db import make_engine, upgrade
    from trainer.store.uow import UnitOfWork

    settings = Settings(data_dir=data_dir, db_url=sqlite_url(data_dir / "bench.sqlite3"))
    engine = make_engine(settings.db_url)
    upgrade(engine)
    ctx = AppContext(settings, engine, UnitOfWork(engine), SystemClock())
    t0 = time.perf_counter()
    report = BankService(ctx).import_paths([bank])
    elapsed = time.perf_counter() - t0
    engine.dispose()
    return elapsed, report.added


def run(repeats: int = 3) -> dict[str, float]:
    paths, floors = [], []
    with tempfile.TemporaryDirectory() as tmp:
        bank = make_bank(Path(tmp))
        for k in range(repeats):
            floors.append(_floor(bank, Path(tmp) / f"floor{k}.sqlite3"))
            elapsed, added = _path(bank, Path(tmp) / f"data{k}")
            assert added == N, added
            paths.append(elapsed)
    path_ms, floor_ms = statistics.median(paths) * 1000, statistics.median(floors) * 1000
    return {
        "questions": N,
        "floor_parse_and_executemany_ms": round(floor_ms),
        "import_ms": round(path_ms),
        "ratio": round(path_ms / floor_ms, 2),
        "target_ratio": 1.5,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
