"""Database information and the home screen's counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from trainer.services.context import AppContext
from trainer.store import models as m
from trainer.store.db import schema_status

COUNTED = {
    "questions": m.Question,
    "rules": m.Rule,
    "courseware_sections": m.CoursewareSection,
    "districts": m.District,
    "communities": m.Community,
    "workers": m.Worker,
    "users": m.User,
    "exam_sessions": m.ExamSession,
    "attempts": m.Attempt,
    "certificates": m.Certificate,
}


@dataclass(frozen=True)
class HomeCounts:
    questions: int
    by_domain: dict[str, int]
    chapters: int
    workers: int
    communities: int
    certified: int
    attempts: int
    exam_sessions: int


class SystemService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def info(self) -> dict[str, Any]:
        status = schema_status(self.ctx.engine)
        with self.ctx.uow.read() as s:
            counts = {name: s.scalar(select(func.count()).select_from(model)) or 0 for name, model in COUNTED.items()}
        return {
            "url": self.ctx.engine.url.render_as_string(hide_password=True),
            "backend": self.ctx.engine.dialect.name,
            "schema": status.current,
            "schema_head": status.head,
            "data_dir": str(self.ctx.settings.data_dir),
            "counts": counts,
        }

    def is_empty_bank(self) -> bool:
        with self.ctx.uow.read() as s:
            return s.scalar(select(m.Question.id).limit(1)) is None

    def attempts(self, limit: int = 500) -> list[AttemptRow]:
        return recent_attempts(self.ctx, limit)

    def home_counts(self) -> HomeCounts:
        with self.ctx.uow.read() as s:
            by_domain = dict(
                s.execute(select(m.Question.domain, func.count()).where(m.Question.review != "retired").group_by(m.Question.domain)).all()
            )

            def count(model: Any, *where: Any) -> int:
                return s.scalar(select(func.count()).select_from(model).where(*where)) or 0

            return HomeCounts(
                questions=sum(by_domain.values()),
                by_domain=by_domain,
                chapters=count(m.CoursewareSection),
                workers=count(m.Worker, m.Worker.status == "active"),
                communities=count(m.Community),
                certified=s.scalar(select(func.count(func.distinct(m.Certificate.worker_id))).where(m.Certificate.revoked.is_(False))) or 0,
                attempts=count(m.Attempt),
                exam_sessions=count(m.ExamSession),
            )


@dataclass(frozen=True)
class AttemptRow:
    id: int
    candidate: str
    paper: str
    mode: str
    state: str
    score: float | None
    max_score: float | None
    passed: bool | None
    started_at: Any


def recent_attempts(ctx: AppContext, limit: int = 500) -> list[AttemptRow]:
    with ctx.uow.read() as s:
        stmt = (
            select(m.Attempt, m.Paper.title, m.Candidate.name)
            .join(m.Paper, m.Paper.id == m.Attempt.paper_id)
            .outerjoin(m.Candidate, m.Candidate.id == m.Attempt.candidate_id)
            .order_by(m.Attempt.id.desc())
            .limit(limit)
        )
        return [
            AttemptRow(a.id, cname or "", title, a.mode, a.state, a.score, a.max_score, a.passed, a.started_at)
            for a, title, cname in s.execute(stmt).all()
        ]
