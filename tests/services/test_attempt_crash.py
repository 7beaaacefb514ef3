"""Crash safety of answering: child processes answer through `AttemptService.answer` and are SIGKILLed at
random points (right after an acknowledgement, after a short random delay, or while still starting up).

Every acknowledged answer must survive; an unacknowledged write may or may not have landed; the journal stays
gapless; time used equals the monotonic time since the attempt started (CLOCK_MONOTONIC is system-wide, so
the children's ticks and the parent's stopwatch share one origin); the database file stays sound.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from trainer.core.clock import SystemClock
from trainer.services.attempts import AttemptService
from trainer.services.bank import BankService
from trainer.services.context import AppContext
from trainer.services.papers import PaperService, load_blueprint_file
from trainer.settings import Settings
from trainer.store import models as m
from trainer.store.db import make_engine
from trainer.store.uow import UnitOfWork

pytestmark = pytest.mark.slow

ROUNDS = 60
REPO = Path(__file__).resolve().parents[2]

# The child imports only what answering needs and writes each line with one os.write (atomic on a pipe):
# `try` before calling answer, `ack` only after answer returned (the answer is committed by then).
CHILD = r'''
import os, random, sys
from pathlib import Path

from trainer.core.clock import SystemClock
from trainer.services.attempts import AttemptService
from trainer.services.context import AppContext
from trainer.settings import Settings
from trainer.store.db import make_engine
from trainer.store.uow import UnitOfWork

url, attempt, seed, data_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
engine = make_engine(url)
service = AttemptService(AppContext(Settings(data_dir=Path(data_dir), db_url=url), engine, UnitOfWork(engine), SystemClock()))
rng = random.Random(seed)


def pick(n):
    """A valid canonical VALUE for a random item of the exam bank; texts are unique per write."""
    item = rng.choice(["hr-demo-001", "hr-demo-002", "hr-demo-003", "hr-demo-004", "hr-demo-005", "hr-demo-006",
                       "hr-demo-007.1", "hr-demo-007.2", "hr-demo-008"])
    if item in ("hr-demo-001", "hr-demo-007.1"):
        return item, rng.choice("ABCD")
    if item in ("hr-demo-002", "hr-demo-007.2"):
        return item, rng.choice("TF")
    if item == "hr-demo-003":
        return item, f"填{seed}-{n}"
    if item == "hr-demo-004":
        return item, "".join(sorted(rng.sample("ABCD", rng.randint(1, 4))))
    if item == "hr-demo-005":
        return item, ",".join(rng.sample("ABC", 3))
    if item == "hr-demo-006":
        a, b = rng.sample("ABC", 2)
        return item, f"1-{a},2-{b}"
    return item, f"答{seed}-{n}"


os.write(1, b"ready\n")
n = 0
while True:
    n += 1
    item, value = pick(n)
    os.write(1, f"try {item} {value}\n".encode())
    service.answer(attempt, item, value)
    os.write(1, f"ack {item} {value}\n".encode())
'''


@dataclass
class Write:
    item: str
    value: str
    acked: bool = False


@pytest.fixture
def real_ctx(db_url: str, tmp_path: Path, exam_bank: Path):  # type: ignore[no-untyped-def]
    """A real SQLite file with the exam bank and a paper; the system clock."""
    engine = make_engine(db_url)
    ctx = AppContext(Settings(data_dir=tmp_path / "data", db_url=db_url), engine, UnitOfWork(engine), SystemClock())
    BankService(ctx).import_paths([exam_bank])
    yield ctx
    engine.dispose()


def _round(child: Path, ctx: AppContext, attempt: int, rng: random.Random, n: int, writes: list[Write]) -> str:
    """One child life: spawn, let it answer, SIGKILL it; returns the kill mode. Records its writes."""
    mode = rng.choice(["after_ack", "after_ack", "delay", "startup"])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    proc = subprocess.Popen(
        [sys.executable, str(child), ctx.settings.db_url, str(attempt), f"r{n}", str(ctx.settings.data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    lines: list[bytes] = []

    def read_until(acks: int) -> None:
        """Stream lines until the child has acknowledged `acks` answers in this round (0: it is ready)."""
        seen = 0
        while True:
            line = proc.stdout.readline()  # type: ignore[union-attr]
            if not line:
                raise AssertionError(f"child died on its own: {proc.wait()} {proc.stderr.read().decode()}")  # type: ignore[union-attr]
            lines.append(line)
            if line.startswith(b"ack ") or (acks == 0 and line == b"ready\n"):
                seen += 1
                if seen >= max(acks, 1):
                    return

    if mode == "after_ack":  # right after an acknowledgement: usually inside the next answer
        read_until(rng.randint(1, 25))
    elif mode == "delay":  # a random short delay after some point of the run
        read_until(rng.randint(0, 10))
        time.sleep(rng.uniform(0, 0.03))
    else:  # mid-startup (imports, engine, first answer) or just after it
        time.sleep(rng.uniform(0, 0.6))
    proc.send_signal(signal.SIGKILL)
    returncode = proc.wait()
    lines.extend(proc.stdout.read().splitlines(keepends=True))
    stderr = proc.stderr.read().decode()
    proc.stdout.close()
    proc.stderr.close()
    assert returncode == -signal.SIGKILL, f"the child stopped by itself ({returncode}): {stderr}"
    for line in lines:
        assert line.endswith(b"\n"), f"a torn line: {line!r}"
        kind, _, rest = line.decode().strip().partition(" ")
        if kind == "try":
            item, value = rest.split(" ")
            writes.append(Write(item, value))
        elif kind == "ack":
            item, value = rest.split(" ")
            last = writes[-1]
            assert (last.item, last.value, last.acked) == (item, value, False), f"ack without its try: {line!r}"
            last.acked = True
        else:
            assert kind == "ready", line
    return mode


def test_acknowledged_answers_and_time_survive_sigkill(real_ctx: AppContext, exam_bank: Path, tmp_path: Path) -> None:
    ctx = real_ctx
    paper_id = PaperService(ctx).build(load_blueprint_file(exam_bank / "blueprints" / "exam.yaml"), seed=1)[0].paper_id
    child = tmp_path / "answer_child.py"
    child.write_text(CHILD, encoding="utf-8")
    service = AttemptService(ctx)
    rng = random.Random(20261125)

    t0 = time.monotonic()
    attempt = service.start(paper_id, "崩溃测试").attempt
    writes: list[Write] = []
    modes: dict[str, int] = {}
    mid_answer = 0
    for n in range(ROUNDS):
        before = len(writes)
        mode = _round(child, ctx, attempt, rng, n, writes)
        modes[mode] = modes.get(mode, 0) + 1
        mid_answer += len(writes) > before and not writes[-1].acked  # killed between `try` and `ack`
    status = service.status(attempt)
    elapsed = time.monotonic() - t0

    # Time: every child ticked from the reference the previous one persisted, so nothing is lost or doubled.
    assert status.state == "in_progress"
    assert abs(status.time_used_s - elapsed) <= 1.0, (status.time_used_s, elapsed)
    assert status.time_left_s == pytest.approx(30 * 60 - status.time_used_s, abs=0.01)

    # The journal: gapless, in order, exactly the acknowledged writes plus some of the unacknowledged ones.
    with ctx.uow.read() as s:
        journal = s.execute(
            select(m.AnswerEvent.seq, m.AnswerEvent.item_key, m.AnswerEvent.value, m.AnswerEvent.time_used_s)
            .where(m.AnswerEvent.attempt_id == attempt).order_by(m.AnswerEvent.seq)
        ).all()
    assert [row.seq for row in journal] == list(range(1, len(journal) + 1))
    # Match the writes against the journal in order: an acknowledged write must be the next row, an
    # unacknowledged one may be the next row or missing. Values repeat (`B`, `T` …), so track every journal
    # position the writes so far can have reached rather than matching greedily.
    rows = [(r.item_key, r.value) for r in journal]
    reachable = {0}
    for i, w in enumerate(writes):
        matched = {j + 1 for j in reachable if j < len(rows) and rows[j] == (w.item, w.value)}
        reachable = matched if w.acked else matched | reachable
        assert reachable, f"acknowledged write #{i} lost or out of order: {w}"
    assert len(rows) in reachable, f"journal rows nobody wrote, or lost writes: {sorted(reachable)} of {len(rows)}"
    used = [row.time_used_s for row in journal]
    assert used == sorted(used) and (not used or used[-1] <= status.time_used_s)

    # The answers: for every item, the last acknowledged value or a value written after it.
    acked_count = sum(w.acked for w in writes)
    assert acked_count >= 100 and len(writes) - acked_count <= ROUNDS
    for item in {w.item for w in writes}:
        mine = [w for w in writes if w.item == item]
        last_ack = max((i for i, w in enumerate(mine) if w.acked), default=-1)
        allowed = {w.value for w in mine[last_ack:]} if last_ack >= 0 else {None} | {w.value for w in mine}
        assert status.answers.get(item) in allowed, (item, status.answers.get(item), mine[max(last_ack, 0):])
        assert status.answers.get(item) == next((r.value for r in reversed(journal) if r.item_key == item), None)
    assert set(status.answers) <= {w.item for w in writes}

    # The kills really happened everywhere, and the file is sound.
    assert ROUNDS >= 50 and set(modes) == {"after_ack", "delay", "startup"}, modes
    assert mid_answer >= 5, f"only {mid_answer} kills landed inside an answer"
    ctx.engine.dispose()
    with sqlite3.connect(ctx.settings.db_url.removeprefix("sqlite:///")) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


CONCURRENT_CHILD = r'''
import os, sys, time
from pathlib import Path

from trainer.core.clock import SystemClock
from trainer.services.attempts import AttemptService
from trainer.services.context import AppContext
from trainer.settings import Settings
from trainer.store.db import make_engine
from trainer.store.uow import UnitOfWork

url, attempt, data_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
engine = make_engine(url)
service = AttemptService(AppContext(Settings(data_dir=Path(data_dir), db_url=url), engine, UnitOfWork(engine), SystemClock()))
service.answer(attempt, "hr-demo-001", "A")  # warm: imports, connection, the paper cache
os.write(1, b"ready\n")
sys.stdin.readline()  # both start together
saved = failed = 0
error = ""
end = time.monotonic() + 1.0
while time.monotonic() < end:
    try:
        service.answer(attempt, "hr-demo-001", "ABCD"[saved % 4])
        saved += 1
    except Exception as exc:  # noqa: BLE001 - counted and reported
        failed += 1
        error = repr(exc)[:200]
print(saved, failed, error)
'''


def test_two_processes_answer_the_same_file_at_once(real_ctx: AppContext, exam_bank: Path, tmp_path: Path) -> None:
    """Two exam processes on one database file (e.g. the GUI and `trainer attempt answer`) both save."""
    ctx = real_ctx
    paper_id = PaperService(ctx).build(load_blueprint_file(exam_bank / "blueprints" / "exam.yaml"), seed=1)[0].paper_id
    service = AttemptService(ctx)
    attempts = [service.start(paper_id, name).attempt for name in ("甲", "乙")]
    child = tmp_path / "concurrent_child.py"
    child.write_text(CONCURRENT_CHILD, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    procs = [
        subprocess.Popen([sys.executable, str(child), ctx.settings.db_url, str(a), str(ctx.settings.data_dir)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for a in attempts
    ]
    try:
        for p in procs:
            assert p.stdout is not None and p.stdout.readline() == "ready\n", p.stderr.read() if p.stderr else ""
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        outcomes = [p.communicate(timeout=60) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    results = []
    for (out, err), p in zip(outcomes, procs):
        assert p.returncode == 0, err
        saved, failed, error = (out.strip().split(" ", 2) + [""])[:3]
        results.append((int(saved), int(failed), error))
    assert all(saved > 0 for saved, _, _ in results), results
    assert all(failed == 0 for _, failed, _ in results), results
