"""Attempts: start, answer durably, keep time from monotonic deltas, submit, grade, regrade.

Durability: `answer` commits (SQLite synchronous=FULL) before it returns; the CLI exits 0 only then.
Time: `time_used_s` plus the monotonic reading of the last tick (`mono_ref`, same boot only). A headless
driver keeps the attempt open between commands, so each command adds the monotonic time since the last
tick; the GUI ticks with a heartbeat and, after a crash, resumes without counting the time it was down.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from trainer.core.answers import parse_response
from trainer.core.assembly import PaperForm, shuffle_for_candidate
from trainer.core.assembly import PaperItem as CorePaperItem
from trainer.core.blueprint import PassRule
from trainer.core.errors import ExamClosed, Location, NotFound, Problem, ValidationError
from trainer.core.questions import QType, Question, canonical_value
from trainer.core.scoring import Grader, ItemGrade, grade_essay, summarize
from trainer.core.timing import AttemptClock, startup_decision
from trainer.services.context import AppContext
from trainer.services.papers import PaperItemDTO, paper_questions
from trainer.store import models as m

OPEN_STATES = ("created", "in_progress")
CLOSED_STATES = ("submitted", "auto_submitted", "graded")


@dataclass(frozen=True)
class AttemptStatus:
    attempt: int
    state: str
    candidate: str
    paper_id: int
    answers: dict[str, str]
    time_used_s: float
    time_left_s: float
    duration_s: float
    extra_s: float

    def to_json(self) -> dict[str, Any]:
        return {
            "attempt": self.attempt, "state": self.state, "candidate": self.candidate, "paper_id": self.paper_id,
            "answers": self.answers, "time_used_s": round(self.time_used_s, 3), "time_left_s": round(self.time_left_s, 3),
            "duration_s": self.duration_s, "extra_s": self.extra_s,
        }


@dataclass(frozen=True)
class AttemptResultDTO:
    attempt: int
    state: str
    score: float
    max_score: float
    percent: float
    by_domain: dict[str, dict[str, float]]
    passed: bool | None
    pending: list[str]
    time_used_s: float
    closed_as: str = ""  # submitted | auto_submitted

    def to_json(self) -> dict[str, Any]:
        return {
            "attempt": self.attempt, "state": self.state, "closed_as": self.closed_as, "score": self.score, "max_score": self.max_score,
            "percent": self.percent, "by_domain": self.by_domain, "passed": self.passed, "pending": self.pending,
            "essays_pending": len(self.pending), "time_used_s": round(self.time_used_s, 3),
        }


@dataclass
class _Paper:
    """What answering and grading need about a paper, loaded once per command."""

    items: list[tuple[PaperItemDTO, Question]]

    def __post_init__(self) -> None:
        self.by_id = {q.id: (item, q) for item, q in self.items}

    def target(self, item_key: str) -> Question:
        """The question (or case sub-question) an answer key addresses: `ITEM` or `ITEM.N`."""
        qid, _, sub = item_key.partition(".")
        if qid not in self.by_id:
            raise NotFound(f"试卷中没有题目“{qid}”")
        q = self.by_id[qid][1]
        if q.type == QType.CASE:
            if not sub.isdigit() or not 1 <= int(sub) <= len(q.sub):
                raise ValidationError([Problem(Location(field=item_key), f"案例题请按小题作答：{qid}.1 … {qid}.{len(q.sub)}")])
            return q.sub[int(sub) - 1]
        if sub:
            raise ValidationError([Problem(Location(field=item_key), f"“{qid}”不是案例题，没有小题")])
        return q


def normalize_value(q: Question, value: str, item_key: str = "") -> str:
    """A candidate's VALUE checked against the item and written in canonical form."""
    try:
        response = parse_response(q.type, value, n_options=len(q.options) or len(q.right), n_left=len(q.left), n_right=len(q.right))
    except ValueError as exc:
        raise ValidationError([Problem(Location(field=item_key or q.id), str(exc))]) from None
    if q.type == QType.FILL:
        if len(response) != len(q.key):
            raise ValidationError([Problem(Location(field=item_key or q.id), f"本题有 {len(q.key)} 个空，请用“|”分隔各空的答案")])
        return "|".join(part.strip() for part in response)
    if q.type == QType.ORDERING:
        return ",".join(response)
    if q.type == QType.ESSAY:
        return str(value)
    return canonical_value(q.type, response)


class AttemptService:
    def __init__(self, ctx: AppContext, *, max_gap_s: float = float("inf")):
        """`max_gap_s`: the longest stretch one tick may add (the GUI passes a few heartbeats; a headless
        driver keeps the attempt open between its commands, so it is unbounded by default)."""
        self.ctx = ctx
        self.max_gap_s = max_gap_s

    # --- life cycle ---------------------------------------------------------------------------------
    def start(self, paper_id: int, candidate: str, *, extra_minutes: float = 0, mode: str = "exam", session_end: datetime | None = None, worker_id: int | None = None) -> AttemptStatus:
        if not candidate.strip():
            raise ValidationError([Problem(Location(field="candidate"), "考生姓名不能为空")])
        if extra_minutes < 0:
            raise ValidationError([Problem(Location(field="extra-minutes"), "延长时间不能为负数")])
        clock = self.ctx.clock
        with self.ctx.uow() as s:
            paper = s.get(m.Paper, paper_id)
            if paper is None:
                raise NotFound(f"试卷 {paper_id} 不存在")
            cand = m.Candidate(name=candidate.strip(), extra_minutes=int(extra_minutes), worker_id=worker_id)
            s.add(cand)
            s.flush()
            seed = f"{paper.content_hash}:{cand.id}"
            items = paper_questions(s, paper_id)
            layout = _layout(paper, items, seed)
            now = clock.now_utc()
            attempt = m.Attempt(
                paper_id=paper_id, candidate_id=cand.id, mode=mode, state="in_progress", seed=seed, layout=layout,
                duration_s=paper.duration_s, extra_s=int(extra_minutes * 60), time_used_s=0.0, mono_ref=clock.monotonic(),
                boot_id=clock.boot_id(), deadline_utc=session_end, started_at=now, last_saved_at=now,
            )
            s.add(attempt)
            s.flush()
            s.add(m.AuditLog(actor=candidate, action="attempt.start", target=f"attempt:{attempt.id}", detail={"paper": paper_id}))
            return self._status(s, attempt)

    def answer(self, attempt_id: int, item_key: str, value: str) -> AttemptStatus:
        """Record an answer change; durable (committed) when this returns.

        The hot path of an exam, kept lean: one query for the attempt (with its paper's content hash and the
        candidate's name), the paper's questions from a per-process cache, and plain statements for the
        journal row and the current answer.
        """
        with self.ctx.uow() as s:
            attempt, paper_hash, candidate = self._load_for_answer(s, attempt_id)
            self._require_open(s, attempt)
            canonical = normalize_value(_answer_paper(s, attempt.paper_id, paper_hash).target(item_key), value, item_key)
            state = self._tick(attempt)
            if state.time_left(self.ctx.clock) <= 0:
                raise ExamClosed("考试时间已到，答案未保存；试卷将按已保存的答案自动交卷。")
            conn = s.connection()
            events, answers = m.AnswerEvent.__table__, m.Answer.__table__
            seq = (conn.scalar(select(func.max(events.c.seq)).where(events.c.attempt_id == attempt.id)) or 0) + 1
            now = self.ctx.clock.now_utc()
            conn.execute(insert(events).values(attempt_id=attempt.id, seq=seq, item_key=item_key, value=canonical, time_used_s=state.used_s, at_utc=now))
            changed = conn.execute(
                update(answers).where(answers.c.attempt_id == attempt.id, answers.c.item_key == item_key).values(value=canonical, seq=seq, saved_at=now)
            )
            if changed.rowcount == 0:
                conn.execute(insert(answers).values(attempt_id=attempt.id, item_key=item_key, value=canonical, seq=seq, saved_at=now))
            attempt.last_saved_at = now
            s.flush()
            return self._status(s, attempt, candidate=candidate)

    def heartbeat(self, attempt_id: int) -> AttemptStatus:
        """Persist time used (the GUI calls this every few seconds); auto-submits at time-out."""
        with self.ctx.uow() as s:
            attempt = self._load(s, attempt_id, for_update=True)
            if attempt.state in OPEN_STATES:
                state = self._tick(attempt)
                if state.time_left(self.ctx.clock) <= 0:
                    self._close(s, attempt, "auto_submitted")
            return self._status(s, attempt)

    def resume(self, attempt_id: int) -> AttemptStatus:
        """Show an attempt again after the app stopped: time while it was closed is not counted."""
        with self.ctx.uow() as s:
            attempt = self._load(s, attempt_id, for_update=True)
            if attempt.state in OPEN_STATES:
                attempt.mono_ref = self.ctx.clock.monotonic()
                attempt.boot_id = self.ctx.clock.boot_id()
                self._auto_submit_if_due(s, attempt)
            return self._status(s, attempt)

    def pause(self, attempt_id: int) -> AttemptStatus:
        """The app closes normally: tick, then stop counting until `resume`."""
        with self.ctx.uow() as s:
            attempt = self._load(s, attempt_id, for_update=True)
            if attempt.state in OPEN_STATES:
                self._tick(attempt)
                attempt.mono_ref = None
            return self._status(s, attempt)

    def status(self, attempt_id: int) -> AttemptStatus:
        with self.ctx.uow() as s:
            attempt = self._load(s, attempt_id, for_update=True)
            if attempt.state in OPEN_STATES:
                state = self._clock(attempt)
                if state.time_left(self.ctx.clock) <= 0:
                    self._tick(attempt)
                    self._close(s, attempt, "auto_submitted")
            return self._status(s, attempt)

    def submit(self, attempt_id: int) -> AttemptResultDTO:
        with self.ctx.uow() as s:
            attempt = self._load(s, attempt_id, for_update=True)
            if attempt.state in OPEN_STATES:
                self._tick(attempt)
                self._close(s, attempt, "submitted")
            elif attempt.state in ("submitted", "auto_submitted") and "percent" not in (attempt.result or {}):
                self._grade(s, attempt)
            return _result_dto(attempt)

    def auto_submit_overdue(self) -> list[int]:
        """At start-up: submit open attempts whose time ran out or whose session ended while closed."""
        closed = []
        with self.ctx.uow() as s:
            for attempt in s.scalars(select(m.Attempt).where(m.Attempt.state.in_(OPEN_STATES))):
                if self._auto_submit_if_due(s, attempt):
                    closed.append(attempt.id)
        return closed

    def result(self, attempt_id: int) -> AttemptResultDTO:
        with self.ctx.uow.read() as s:
            return _result_dto(self._load(s, attempt_id))

    def grade_essay(self, attempt_id: int, item_id: str, awarded_percent: dict[int, float], *, grader: str) -> AttemptResultDTO:
        """A trainer marks an essay against its rubric points; the attempt is re-summarised."""
        with self.ctx.uow() as s:
            attempt = self._load(s, attempt_id, for_update=True)
            if attempt.state in OPEN_STATES:
                raise ExamClosed("考试尚未交卷，不能评分")
            paper = _Paper(paper_questions(s, attempt.paper_id))
            item, q = paper.by_id.get(item_id, (None, None))
            if q is None or q.type != QType.ESSAY:
                raise NotFound(f"试卷中没有简答题“{item_id}”")
            g = grade_essay(q, item.points, awarded_percent)
            _write_grade(s, attempt.id, item_id, g, graded_by=grader, reason="人工评分")
            self._summarise(s, attempt, paper)
            return _result_dto(attempt)

    def regrade_paper_item(self, attempt_id: int, item_id: str, corrected: Question, *, reason: str, grader: str) -> AttemptResultDTO:
        """A key was corrected: grade the item again against the corrected key, keeping the history."""
        with self.ctx.uow() as s:
            attempt = self._load(s, attempt_id, for_update=True)
            paper = _Paper(paper_questions(s, attempt.paper_id))
            item, _ = paper.by_id[item_id]
            responses = _responses(s, attempt.id, paper)
            options = s.get(m.Paper, attempt.paper_id).options  # type: ignore[union-attr]
            g = Grader([(corrected, item.points)], multiple_rule=options.get("multiple_rule"), ordering_rule=options.get("ordering_rule")).grade(item_id, responses.get(item_id))
            _write_grade(s, attempt.id, item_id, g, graded_by=grader, reason=reason)
            self._summarise(s, attempt, paper)
            return _result_dto(attempt)

    # --- internals ----------------------------------------------------------------------------------
    def _load(self, s: Session, attempt_id: int, *, for_update: bool = False) -> m.Attempt:
        stmt = select(m.Attempt).where(m.Attempt.id == attempt_id)
        if for_update and s.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        attempt = s.scalar(stmt)
        if attempt is None:
            raise NotFound(f"作答记录 {attempt_id} 不存在")
        return attempt

    def _load_for_answer(self, s: Session, attempt_id: int) -> tuple[m.Attempt, str, str]:
        """The attempt (locked on PostgreSQL), its paper's content hash and the candidate's name, in one query."""
        stmt = (
            select(m.Attempt, m.Paper.content_hash, m.Candidate.name)
            .join(m.Paper, m.Paper.id == m.Attempt.paper_id)
            .outerjoin(m.Candidate, m.Candidate.id == m.Attempt.candidate_id)
            .where(m.Attempt.id == attempt_id)
        )
        if s.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(of=m.Attempt)
        row = s.execute(stmt).first()
        if row is None:
            raise NotFound(f"作答记录 {attempt_id} 不存在")
        return row[0], row[1], row[2] or ""

    def _clock(self, attempt: m.Attempt) -> AttemptClock:
        clock = self.ctx.clock
        running = attempt.mono_ref if attempt.mono_ref is not None and attempt.boot_id == clock.boot_id() else None
        return AttemptClock(
            duration_s=float(attempt.duration_s), extra_s=float(attempt.extra_s), used_s=attempt.time_used_s,
            session_end_utc=attempt.deadline_utc, running_since=running, max_gap_s=self.max_gap_s,
        )

    def _tick(self, attempt: m.Attempt) -> AttemptClock:
        """Add the monotonic time since the last tick and persist the new reference (same transaction)."""
        clock = self.ctx.clock
        state = self._clock(attempt)
        state = state.tick(clock) if state.running else state.start(clock)
        attempt.time_used_s = state.used_s
        attempt.mono_ref = state.running_since
        attempt.boot_id = clock.boot_id()
        return state

    def _require_open(self, s: Session, attempt: m.Attempt) -> None:
        if attempt.state in CLOSED_STATES:
            raise ExamClosed(f"作答记录 {attempt.id} 已交卷，不能再修改答案")

    def _auto_submit_if_due(self, s: Session, attempt: m.Attempt) -> bool:
        decision = startup_decision(self._clock(attempt), self.ctx.clock.now_utc())
        if decision.auto_submit:
            self._close(s, attempt, "auto_submitted")
        return decision.auto_submit

    def _close(self, s: Session, attempt: m.Attempt, state: str) -> None:
        attempt.state = state
        attempt.result = {"closed_as": state}
        attempt.submitted_at = self.ctx.clock.now_utc()
        attempt.mono_ref = None
        s.add(m.AuditLog(action=f"attempt.{state}", target=f"attempt:{attempt.id}", detail={"time_used_s": attempt.time_used_s}))
        self._grade(s, attempt)

    def _grade(self, s: Session, attempt: m.Attempt) -> None:
        paper_row = s.get(m.Paper, attempt.paper_id)
        assert paper_row is not None
        paper = _Paper(paper_questions(s, attempt.paper_id))
        grader = Grader(
            [(q, item.points) for item, q in paper.items],
            multiple_rule=paper_row.options.get("multiple_rule"), ordering_rule=paper_row.options.get("ordering_rule"),
        )
        for qid, g in grader.grade_all(_responses(s, attempt.id, paper)).items():
            _write_grade(s, attempt.id, qid, g, graded_by="auto")
        self._summarise(s, attempt, paper)

    def _summarise(self, s: Session, attempt: m.Attempt, paper: _Paper) -> None:
        latest = _latest_grades(s, attempt.id)
        paper_row = s.get(m.Paper, attempt.paper_id)
        rule = paper_row.pass_rule if paper_row else {}
        pass_rule = PassRule(float(rule.get("total_percent", 60)), rule.get("each_domain_percent"))
        result = summarize([(item.domain, latest[q.id]) for item, q in paper.items], pass_rule)
        attempt.score, attempt.max_score, attempt.passed = result.score, result.max_score, result.passed
        attempt.result = {
            "closed_as": (attempt.result or {}).get("closed_as", attempt.state),
            "percent": result.percent,
            "by_domain": {d: {"score": v.score, "max_score": v.max_score, "percent": v.percent} for d, v in result.by_domain.items()},
            "pending": [q.id for _, q in paper.items if latest[q.id].pending],
        }
        if result.pending_count == 0:
            attempt.state = "graded"

    def _status(self, s: Session, attempt: m.Attempt, *, candidate: str | None = None) -> AttemptStatus:
        state = self._clock(attempt) if attempt.state in OPEN_STATES else None
        used = state.used_at(self.ctx.clock) if state else attempt.time_used_s
        left = state.time_left(self.ctx.clock) if state else 0.0
        answers_t = m.Answer.__table__
        answers = dict(s.connection().execute(select(answers_t.c.item_key, answers_t.c.value).where(answers_t.c.attempt_id == attempt.id).order_by(answers_t.c.item_key)).all())
        if candidate is None:
            cand = s.get(m.Candidate, attempt.candidate_id) if attempt.candidate_id else None
            candidate = cand.name if cand else ""
        return AttemptStatus(attempt.id, attempt.state, candidate, attempt.paper_id, answers, used, left, attempt.duration_s, attempt.extra_s)


# What answering needs about a paper, per process: papers never change once stored (items are pinned by
# version), so the key is the database, the paper id and the paper's content hash (a restored or replaced
# database file with another paper under the same id misses the cache instead of using a stale entry).
_ANSWER_PAPERS: dict[tuple[str, int, str], _Paper] = {}
_ANSWER_PAPERS_MAX = 16


def _answer_paper(s: Session, paper_id: int, content_hash: str) -> _Paper:
    key = (s.get_bind().url.render_as_string(hide_password=True), paper_id, content_hash)
    paper = _ANSWER_PAPERS.get(key)
    if paper is None:
        paper = _Paper(paper_questions(s, paper_id))
        while len(_ANSWER_PAPERS) >= _ANSWER_PAPERS_MAX:
            _ANSWER_PAPERS.pop(next(iter(_ANSWER_PAPERS)), None)
        _ANSWER_PAPERS[key] = paper
    return paper


def _layout(paper: m.Paper, items: list[tuple[PaperItemDTO, Question]], seed: str) -> dict[str, Any]:
    """Per-candidate item order and option permutations (answers always use bank letters)."""
    form = PaperForm(
        blueprint_name=paper.title, seed=paper.seed, form=paper.form_no - 1, mode="exam",
        items=tuple(
            CorePaperItem(q.id, item.version, 0, item.domain, q.type, item.points, len(q.right) if q.type == QType.MATCHING else len(q.options))
            for item, q in items
        ),
        shuffle_items=bool(paper.options.get("shuffle_items", True)), shuffle_options=bool(paper.options.get("shuffle_options", True)),
    )
    shuffled = shuffle_for_candidate(form, seed)
    return {"order": [x.item_id for x in shuffled], "options": {x.item_id: list(x.permutation) for x in shuffled if x.permutation}}


def _responses(s: Session, attempt_id: int, paper: _Paper) -> dict[str, Any]:
    """Saved answers as grading responses; a case's sub-answers gathered into {n: response}."""
    out: dict[str, Any] = {}
    for key, value in s.execute(select(m.Answer.item_key, m.Answer.value).where(m.Answer.attempt_id == attempt_id)).all():
        qid, _, sub = key.partition(".")
        if qid not in paper.by_id:
            continue
        q = paper.target(key)
        response = parse_response(q.type, value, n_options=len(q.options) or len(q.right), n_left=len(q.left), n_right=len(q.right))
        if sub:
            out.setdefault(qid, {})[int(sub)] = response
        else:
            out[qid] = response
    return out


def _write_grade(s: Session, attempt_id: int, item_id: str, g: ItemGrade, *, graded_by: str, reason: str = "") -> None:
    revision = (s.scalar(select(func.max(m.Grade.revision)).where(m.Grade.attempt_id == attempt_id, m.Grade.item_key == item_id)) or 0) + 1
    detail = {"correct": g.correct, "pending": g.pending, "detail": g.detail}
    s.add(m.Grade(attempt_id=attempt_id, item_key=item_id, revision=revision, score=g.score, max_score=g.max_score, detail=detail, graded_by=graded_by, reason=reason))
    s.flush()


def _latest_grades(s: Session, attempt_id: int) -> dict[str, ItemGrade]:
    rows = s.scalars(select(m.Grade).where(m.Grade.attempt_id == attempt_id).order_by(m.Grade.item_key, m.Grade.revision)).all()
    latest: dict[str, ItemGrade] = {}
    for g in rows:
        latest[g.item_key] = ItemGrade(score=g.score, max_score=g.max_score, correct=g.detail.get("correct"), pending=bool(g.detail.get("pending")), detail=g.detail.get("detail", ""))
    return latest


def _result_dto(attempt: m.Attempt) -> AttemptResultDTO:
    result = attempt.result or {}
    return AttemptResultDTO(
        attempt.id, attempt.state, attempt.score or 0.0, attempt.max_score or 0.0, result.get("percent", 0.0),
        result.get("by_domain", {}), attempt.passed, list(result.get("pending", [])), attempt.time_used_s,
        result.get("closed_as", ""),
    )
