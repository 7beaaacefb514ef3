"""The whole mission's data model (SQLAlchemy 2 typed declarative).

Relationships default to lazy="raise": a service loads what it needs explicitly (selectinload) inside its
unit of work, and nothing lazy-loads after the session closed.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive, in UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use timezone-aware UTC")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def _ts() -> Any:
    return mapped_column(UTCDateTime(), default=utcnow)


# --- organisation -------------------------------------------------------------------------------------


class District(Base):
    __tablename__ = "districts"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    sort: Mapped[int] = mapped_column(default=0)
    communities: Mapped[list[Community]] = relationship(back_populates="district", lazy="raise")


class Community(Base):
    __tablename__ = "communities"
    __table_args__ = (UniqueConstraint("district_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    street: Mapped[str] = mapped_column(String(128), default="")  # 街道
    pilot: Mapped[bool] = mapped_column(Boolean, default=False)  # one of the first 20 pilot communities
    created_at: Mapped[datetime] = _ts()
    district: Mapped[District] = relationship(back_populates="communities", lazy="raise")


class Worker(Base):
    __tablename__ = "workers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(String(18), unique=True)  # 身份证号, GB 11643 checked
    phone: Mapped[str] = mapped_column(String(32), default="")
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id", ondelete="RESTRICT"), index=True)
    community_id: Mapped[int | None] = mapped_column(
        ForeignKey("communities.id", ondelete="RESTRICT"), index=True, nullable=True
    )
    position: Mapped[str] = mapped_column(String(64), default="")  # 岗位
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | left | suspended
    created_at: Mapped[datetime] = _ts()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(255), default="")  # argon2id
    role: Mapped[str] = mapped_column(String(16))  # learner | trainer | org | admin
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("workers.id", ondelete="SET NULL"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = _ts()


# --- content ------------------------------------------------------------------------------------------


class Domain(Base):
    __tablename__ = "domains"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(32))
    name_en: Mapped[str] = mapped_column(String(64))
    sort: Mapped[int] = mapped_column(default=0)


class Rule(Base):
    """A regulation or policy at one version; a revision is a new row that supersedes the old one."""

    __tablename__ = "rules"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    short: Mapped[str] = mapped_column(String(128), default="")
    issuer: Mapped[str] = mapped_column(String(255), default="")
    doc_number: Mapped[str] = mapped_column(String(128), default="")
    kind: Mapped[str] = mapped_column(String(32), default="")
    version: Mapped[str] = mapped_column(String(64), default="")
    adopted: Mapped[date | None] = mapped_column(Date, nullable=True)
    revised: Mapped[date | None] = mapped_column(Date, nullable=True)
    effective: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="current")  # current | superseded
    superseded_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    superseded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(32), default="")


class CoursewareSection(Base):
    __tablename__ = "courseware_sections"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    domain: Mapped[str] = mapped_column(ForeignKey("domains.code"), index=True)
    title: Mapped[str] = mapped_column(String(255))
    order: Mapped[int] = mapped_column(default=0)
    rules: Mapped[list[Any]] = mapped_column(JSON, default=list)
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown
    content_hash: Mapped[str] = mapped_column(String(32), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class Question(Base):
    """A question's identity and mutable metadata; its content lives in immutable versions."""

    __tablename__ = "questions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    domain: Mapped[str] = mapped_column(ForeignKey("domains.code"), index=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    current_version: Mapped[int] = mapped_column(default=1)
    difficulty: Mapped[int] = mapped_column(default=3)
    review: Mapped[str] = mapped_column(String(16), default="draft")
    visibility: Mapped[str] = mapped_column(String(16), default="practice")
    historical: Mapped[bool] = mapped_column(Boolean, default=False)
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    section_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    group_name: Mapped[str] = mapped_column(String(64), default="")
    source: Mapped[str] = mapped_column(String(255), default="")  # file it came from
    created_at: Mapped[datetime] = _ts()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    versions: Mapped[list[QuestionVersion]] = relationship(
        back_populates="question", lazy="raise", order_by="QuestionVersion.version_no"
    )


class QuestionVersion(Base):
    __tablename__ = "question_versions"
    __table_args__ = (
        UniqueConstraint("question_id", "version_no"),
        UniqueConstraint("question_id", "content_hash"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    version_no: Mapped[int] = mapped_column()
    content_hash: Mapped[str] = mapped_column(String(32))
    stem: Mapped[str] = mapped_column(Text)  # denormalised for search
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)  # core.questions.Question.to_data()
    created_at: Mapped[datetime] = _ts()
    question: Mapped[Question] = relationship(back_populates="versions", lazy="raise")


class QuestionRule(Base):
    """Which rules (and articles) the current version of a question cites: for per-rule stats and checks."""

    __tablename__ = "question_rules"
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True)
    rule_id: Mapped[str] = mapped_column(ForeignKey("rules.id"), primary_key=True, index=True)
    article: Mapped[str] = mapped_column(String(128), primary_key=True, default="")


# --- exams --------------------------------------------------------------------------------------------


class Blueprint(Base):
    __tablename__ = "blueprints"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(32), unique=True)
    created_at: Mapped[datetime] = _ts()


class Paper(Base):
    __tablename__ = "papers"
    id: Mapped[int] = mapped_column(primary_key=True)
    blueprint_id: Mapped[int | None] = mapped_column(ForeignKey("blueprints.id"), nullable=True)
    title: Mapped[str] = mapped_column(String(255))
    seed: Mapped[str] = mapped_column(String(64), default="")
    form_no: Mapped[int] = mapped_column(default=1)
    duration_s: Mapped[int] = mapped_column()
    pass_rule: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # scoring rules, shuffles
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = _ts()


class PaperItem(Base):
    __tablename__ = "paper_items"
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    question_version_id: Mapped[int] = mapped_column(ForeignKey("question_versions.id"), index=True)
    points: Mapped[float] = mapped_column(Float)


class ExamSession(Base):
    __tablename__ = "exam_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    paper_id: Mapped[int | None] = mapped_column(ForeignKey("papers.id"), nullable=True)
    room: Mapped[str] = mapped_column(String(128), default="")
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="planned")  # planned | open | closed | graded
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = _ts()


class Candidate(Base):
    __tablename__ = "candidates"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("exam_sessions.id", ondelete="CASCADE"), nullable=True, index=True
    )
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("workers.id"), nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(64))
    seat: Mapped[str] = mapped_column(String(16), default="")
    extra_minutes: Mapped[int] = mapped_column(default=0)


class Attempt(Base):
    __tablename__ = "attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id"), index=True)
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidates.id"), nullable=True, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    mode: Mapped[str] = mapped_column(String(16), default="exam")  # exam | mock | practice
    state: Mapped[str] = mapped_column(String(16), default="created")
    # created | in_progress | submitted | auto_submitted | graded
    seed: Mapped[str] = mapped_column(String(64), default="")
    layout: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # per-candidate item/option order
    duration_s: Mapped[int] = mapped_column()
    extra_s: Mapped[int] = mapped_column(default=0)
    time_used_s: Mapped[float] = mapped_column(Float, default=0.0)
    # The monotonic clock reading at the last persisted tick and the boot it belongs to: time used keeps
    # accumulating from monotonic deltas across processes of one boot and never from the wall clock.
    mono_ref: Mapped[float | None] = mapped_column(Float, nullable=True)
    boot_id: Mapped[str] = mapped_column(String(64), default="")
    deadline_utc: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_saved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    passed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # by_domain etc.


class Answer(Base):
    """The current answer per item (and case sub-item key `ITEM.N`)."""

    __tablename__ = "answers"
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True)
    item_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    seq: Mapped[int] = mapped_column()
    saved_at: Mapped[datetime] = _ts()


class AnswerEvent(Base):
    """The journal: every change, in order, with the attempt's time used when it was made."""

    __tablename__ = "answer_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column()
    item_key: Mapped[str] = mapped_column(String(80))
    value: Mapped[str] = mapped_column(Text)
    time_used_s: Mapped[float] = mapped_column(Float)
    at_utc: Mapped[datetime] = _ts()
    __table_args__ = (UniqueConstraint("attempt_id", "seq"),)


class Grade(Base):
    __tablename__ = "grades"
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    item_key: Mapped[str] = mapped_column(String(80))
    revision: Mapped[int] = mapped_column(default=1)  # regrading keeps history: higher revision wins
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_score: Mapped[float] = mapped_column(Float)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    graded_by: Mapped[str] = mapped_column(String(64), default="auto")
    reason: Mapped[str] = mapped_column(String(255), default="")
    graded_at: Mapped[datetime] = _ts()
    __table_args__ = (UniqueConstraint("attempt_id", "item_key", "revision"),)


class Certificate(Base):
    __tablename__ = "certificates"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("workers.id"), index=True)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempts.id"), nullable=True)
    issued_at: Mapped[datetime] = _ts()
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    station_fingerprint: Mapped[str] = mapped_column(String(64), default="")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class StationKey(Base):
    __tablename__ = "station_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    private_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # only our own station
    is_own: Mapped[bool] = mapped_column(Boolean, default=False)
    label: Mapped[str] = mapped_column(String(128), default="")
    trusted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = _ts()


class PracticeCard(Base):
    """A learner's spaced-repetition state, wrong-answer book and favourites for one question."""

    __tablename__ = "practice_cards"
    __table_args__ = (UniqueConstraint("user_id", "question_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)  # doubles as the fsrs card_id
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    due: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    favorite: Mapped[bool] = mapped_column(Boolean, default=False)
    wrong_count: Mapped[int] = mapped_column(default=0)
    right_count: Mapped[int] = mapped_column(default=0)
    in_wrong_book: Mapped[bool] = mapped_column(Boolean, default=False)
    last_seen: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = _ts()
    actor: Mapped[str] = mapped_column(String(64), default="system")
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


Index("ix_attempts_state", Attempt.state)
