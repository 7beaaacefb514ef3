"""Attempts: durable answers, monotonic time, auto-submit, grading and regrading (both engines)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from trainer.core.clock import FakeClock
from trainer.core.errors import ExamClosed, NotFound, ValidationError
from trainer.services.attempts import AttemptService
from trainer.services.bank import BankService
from trainer.services.context import AppContext
from trainer.services.papers import PaperService, load_blueprint_file


@pytest.fixture
def paper_id(ctx: AppContext, exam_bank: Path) -> int:
    BankService(ctx).import_paths([exam_bank])
    return PaperService(ctx).build(load_blueprint_file(exam_bank / "blueprints" / "exam.yaml"), seed=1)[0].paper_id


def test_full_marks_and_pass(both_backends: None, ctx: AppContext, paper_id: int, exam_key: dict[str, str]) -> None:
    service = AttemptService(ctx)
    attempt = service.start(paper_id, "张三").attempt
    for item, value in exam_key.items():
        service.answer(attempt, item, value)
    result = service.submit(attempt)
    assert result.state == "submitted" and result.passed is None  # the essay waits for a trainer
    assert result.score == 80 and result.max_score == 100 and result.pending == ["hr-demo-008"]
    graded = service.grade_essay(attempt, "hr-demo-008", {1: 50, 2: 50}, grader="trainer1")
    assert graded.state == "graded" and graded.score == 100 and graded.passed is True
    assert graded.by_domain["hr"]["percent"] == 100


def test_answers_are_normalised_and_the_last_one_counts(both_backends: None, ctx: AppContext, paper_id: int) -> None:
    service = AttemptService(ctx)
    attempt = service.start(paper_id, "李四").attempt
    service.answer(attempt, "hr-demo-004", "d, a , c")
    service.answer(attempt, "hr-demo-001", "A")
    status = service.answer(attempt, "hr-demo-001", "Ｂ")
    assert status.answers["hr-demo-004"] == "ACD" and status.answers["hr-demo-001"] == "B"
    from sqlalchemy import select

    from trainer.store import models as m

    with ctx.uow.read() as s:
        journal = s.execute(select(m.AnswerEvent.seq, m.AnswerEvent.item_key, m.AnswerEvent.value).where(m.AnswerEvent.attempt_id == attempt).order_by(m.AnswerEvent.seq)).all()
    assert [tuple(r) for r in journal] == [(1, "hr-demo-004", "ACD"), (2, "hr-demo-001", "A"), (3, "hr-demo-001", "B")]


@pytest.mark.parametrize(
    "item,value,needle",
    [("hr-demo-001", "E", "E"), ("hr-demo-002", "maybe", "判断"), ("hr-demo-005", "A,A,B", "重复"), ("hr-demo-007", "C", "案例题"), ("hr-demo-007.3", "C", "案例题"), ("hr-demo-001.1", "B", "不是案例题")],
)
def test_bad_values_change_nothing(ctx: AppContext, paper_id: int, item: str, value: str, needle: str) -> None:
    service = AttemptService(ctx)
    attempt = service.start(paper_id, "王五").attempt
    with pytest.raises(ValidationError, match=needle):
        service.answer(attempt, item, value)
    assert service.status(attempt).answers == {}


def test_unknown_item_and_attempt(ctx: AppContext, paper_id: int) -> None:
    service = AttemptService(ctx)
    attempt = service.start(paper_id, "赵六").attempt
    with pytest.raises(NotFound):
        service.answer(attempt, "hr-nope-001", "A")
    with pytest.raises(NotFound):
        service.status(9999)


def test_no_answers_after_submit(both_backends: None, ctx: AppContext, paper_id: int) -> None:
    service = AttemptService(ctx)
    attempt = service.start(paper_id, "孙七").attempt
    service.answer(attempt, "hr-demo-001", "B")
    service.submit(attempt)
    with pytest.raises(ExamClosed):
        service.answer(attempt, "hr-demo-001", "C")
    assert service.status(attempt).answers == {"hr-demo-001": "B"}


def test_time_comes_from_the_monotonic_clock_not_the_wall(ctx: AppContext, paper_id: int, clock: FakeClock) -> None:
    service = AttemptService(ctx)
    attempt = service.start(paper_id, "周八").attempt
    clock.advance(100)
    clock.wall += timedelta(hours=5)  # someone changes the system time forward …
    service.answer(attempt, "hr-demo-001", "B")
    clock.wall -= timedelta(days=2)  # … and far back
    clock.mono += 20
    status = service.status(attempt)
    assert status.time_used_s == pytest.approx(120)
    assert status.time_left_s == pytest.approx(30 * 60 - 120)


def test_extra_time_and_time_out(ctx: AppContext, paper_id: int, clock: FakeClock) -> None:
    service = AttemptService(ctx)
    attempt = service.start(paper_id, "吴九", extra_minutes=10).attempt
    assert service.status(attempt).time_left_s == pytest.approx(40 * 60)
    clock.advance(39 * 60)
    service.answer(attempt, "hr-demo-001", "B")
    clock.advance(61)
    with pytest.raises(ExamClosed):
        service.answer(attempt, "hr-demo-002", "F")
    status = service.status(attempt)
    assert status.state in ("auto_submitted", "graded") and status.answers == {"hr-demo-001": "B"}
    assert status.time_used_s == pytest.approx(40 * 60)


def test_gui_resume_after_crash_does_not_count_downtime(ctx: AppContext, paper_id: int, clock: FakeClock) -> None:
    gui = AttemptService(ctx, max_gap_s=30)
    attempt = gui.start(paper_id, "郑十").attempt
    for _ in range(12):  # one minute of heartbeats
        clock.advance(5)
        gui.heartbeat(attempt)
    clock.advance(3)  # the app is killed 3 s after the last heartbeat …
    clock.advance(600)  # … and restarted ten minutes later
    status = gui.resume(attempt)
    assert status.time_used_s == pytest.approx(60)
    clock.advance(5)
    assert gui.heartbeat(attempt).time_used_s == pytest.approx(65)


def test_suspend_counts_at_most_one_gap_in_the_gui(ctx: AppContext, paper_id: int, clock: FakeClock) -> None:
    gui = AttemptService(ctx, max_gap_s=30)
    attempt = gui.start(paper_id, "钱一").attempt
    clock.advance(5)
    gui.heartbeat(attempt)
    clock.advance(3600)  # laptop lid closed for an hour
    assert gui.heartbeat(attempt).time_used_s == pytest.approx(35)


def test_reboot_loses_no_answers_and_counts_no_downtime(ctx: AppContext, paper_id: int, clock: FakeClock) -> None:
    service = AttemptService(ctx)
    attempt = service.start(paper_id, "冯二").attempt
    clock.advance(50)
    service.answer(attempt, "hr-demo-001", "B")
    clock.reboot()
    clock.advance(7)
    status = service.answer(attempt, "hr-demo-002", "F")
    assert status.time_used_s == pytest.approx(50)  # the new boot starts a fresh reference
    assert status.answers == {"hr-demo-001": "B", "hr-demo-002": "F"}


def test_deadline_passed_while_closed_auto_submits_on_start(ctx: AppContext, paper_id: int, clock: FakeClock) -> None:
    gui = AttemptService(ctx, max_gap_s=30)
    attempt = gui.start(paper_id, "陈三", session_end=clock.now_utc() + timedelta(minutes=20)).attempt
    gui.answer(attempt, "hr-demo-001", "B")
    gui.pause(attempt)
    clock.advance(25 * 60)
    assert gui.auto_submit_overdue() == [attempt]
    result = gui.result(attempt)
    assert (result.state, result.closed_as, result.score) == ("graded", "auto_submitted", 10)


def test_regrade_after_key_correction_keeps_history(both_backends: None, ctx: AppContext, paper_id: int) -> None:
    from sqlalchemy import select

    from trainer.store import models as m

    service = AttemptService(ctx)
    attempt = service.start(paper_id, "褚四").attempt
    service.answer(attempt, "hr-demo-001", "C")
    before = service.submit(attempt)
    question = PaperService(ctx).questions(paper_id)[0][1]
    assert question.id == "hr-demo-001"
    after = service.regrade_paper_item(attempt, "hr-demo-001", question.with_meta(key="C"), reason="答案更正：应为 C", grader="trainer1")
    assert after.score == before.score + 10
    with ctx.uow.read() as s:
        revisions = s.execute(select(m.Grade.revision, m.Grade.score, m.Grade.reason).where(m.Grade.attempt_id == attempt, m.Grade.item_key == "hr-demo-001").order_by(m.Grade.revision)).all()
    assert [(r.revision, r.score) for r in revisions] == [(1, 0.0), (2, 10.0)] and "更正" in revisions[1].reason


def test_item_versions_are_pinned(ctx: AppContext, paper_id: int, exam_bank: Path, exam_key: dict[str, str]) -> None:
    service = AttemptService(ctx)
    attempt = service.start(paper_id, "卫五").attempt
    f = exam_bank / "hr" / "demo.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("answer: B", "answer: C").replace("示例单选题", "改过的单选题"), encoding="utf-8")
    assert BankService(ctx).import_paths([exam_bank]).new_versions == 1
    service.answer(attempt, "hr-demo-001", exam_key["hr-demo-001"])
    result = service.submit(attempt)
    assert result.score == 10  # graded against the version the paper showed


def test_per_candidate_layout_is_seeded_and_differs(ctx: AppContext, paper_id: int) -> None:
    from trainer.store import models as m

    service = AttemptService(ctx)
    a, b = service.start(paper_id, "甲").attempt, service.start(paper_id, "乙").attempt
    with ctx.uow.read() as s:
        la, lb = s.get(m.Attempt, a).layout, s.get(m.Attempt, b).layout
    assert sorted(la["order"]) == sorted(lb["order"]) and len(la["order"]) == 8
    assert la != lb
