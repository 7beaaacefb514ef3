"""Spaced repetition for practice (间隔复习), on top of the `fsrs` package.

Our cards are frozen `StudyCard`s keyed by our own integer card id and the question id; fsrs `Card`s are
built only inside `review`. Every datetime is timezone-aware UTC and comes from the injected clock (fsrs
would otherwise read the system time). Interval fuzzing is off by default: fsrs fuzzes with the global
`random` module, which would make schedules irreproducible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from trainer.core.clock import Clock
from trainer.core.questions import QType

STATES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}
_STATE_OF = {v: k for k, v in STATES.items()}

# Seconds a prepared learner typically needs per type; answers much faster/slower shift the rating.
EXPECTED_SECONDS: dict[QType, float] = {
    QType.SINGLE: 30, QType.MULTIPLE: 45, QType.JUDGE: 20, QType.FILL: 45, QType.ORDERING: 60,
    QType.MATCHING: 60, QType.CASE: 150, QType.ESSAY: 300,
}


@dataclass(frozen=True)
class StudyCard:
    """Scheduling state of one question for one learner."""

    card_id: int
    question_id: str
    due: datetime
    state: str = "learning"  # learning | review | relearning
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0


@dataclass(frozen=True)
class ReviewRecord:
    """One practice review, for the learner's history (and a later fsrs optimisation)."""

    card_id: int
    question_id: str
    rating: int  # 1 Again, 2 Hard, 3 Good, 4 Easy
    reviewed_at: datetime
    duration_ms: int | None
    due_after: datetime


def rating_for(correct: bool, response_s: float | None = None, expected_s: float = 30.0) -> Rating:
    """Map a graded practice answer to an fsrs Rating.

    Wrong → Again. Right: faster than half the expected time → Easy; slower than twice → Hard; else Good.
    Without a response time a right answer is Good.
    """
    if not correct:
        return Rating.Again
    if response_s is None or expected_s <= 0:
        return Rating.Good
    if response_s < 0.5 * expected_s:
        return Rating.Easy
    if response_s > 2.0 * expected_s:
        return Rating.Hard
    return Rating.Good


def _utc(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        raise ValueError("datetimes must be timezone-aware")
    return dt.astimezone(timezone.utc)


class PracticeScheduler:
    """fsrs with our ids and an injected clock."""

    def __init__(self, clock: Clock, *, desired_retention: float = 0.9, maximum_interval_days: int = 365,
                 learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10)),
                 relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),), fuzz: bool = False):
        self.clock = clock
        self._fsrs = Scheduler(desired_retention=desired_retention, maximum_interval=maximum_interval_days,
                               learning_steps=learning_steps, relearning_steps=relearning_steps,
                               enable_fuzzing=fuzz)

    def new_card(self, card_id: int, question_id: str) -> StudyCard:
        """A card never reviewed, due now."""
        return StudyCard(card_id=card_id, question_id=question_id, due=_utc(self.clock.now_utc()))

    def review(self, card: StudyCard, correct: bool, response_s: float | None = None,
               qtype: QType | None = None) -> tuple[StudyCard, ReviewRecord]:
        """Schedule the card after a graded answer given now; returns the new card and the record."""
        expected = EXPECTED_SECONDS.get(qtype, 30.0) if qtype is not None else 30.0
        return self.review_with(card, rating_for(correct, response_s, expected), response_s)

    def review_with(self, card: StudyCard, rating: Rating, response_s: float | None = None
                    ) -> tuple[StudyCard, ReviewRecord]:
        """Schedule the card with an explicit rating."""
        now = _utc(self.clock.now_utc())
        fcard, _log = self._fsrs.review_card(_to_fsrs(card), rating, review_datetime=now)
        lapse = rating == Rating.Again and card.state == "review"
        new = replace(
            _from_fsrs(fcard, card.question_id), reps=card.reps + 1, lapses=card.lapses + (1 if lapse else 0)
        )
        duration = None if response_s is None else int(round(response_s * 1000))
        return new, ReviewRecord(card.card_id, card.question_id, int(rating), now, duration, new.due)

    def retrievability(self, card: StudyCard) -> float:
        """Predicted probability (0–1) the learner recalls the item now (0 if never reviewed)."""
        return float(self._fsrs.get_card_retrievability(_to_fsrs(card), _utc(self.clock.now_utc())))


def _to_fsrs(card: StudyCard) -> Card:
    return Card(card_id=card.card_id, state=_STATE_OF[card.state], step=card.step, stability=card.stability,
                difficulty=card.difficulty, due=_utc(card.due),
                last_review=None if card.last_review is None else _utc(card.last_review))


def _from_fsrs(fcard: Card, question_id: str) -> StudyCard:
    return StudyCard(card_id=fcard.card_id, question_id=question_id, due=fcard.due, state=STATES[fcard.state],
                     step=fcard.step, stability=fcard.stability, difficulty=fcard.difficulty,
                     last_review=fcard.last_review)


def due(cards: Iterable[StudyCard], now: datetime, limit: int | None = None) -> list[StudyCard]:
    """Cards due at `now`, most overdue first (ties by card id)."""
    now = _utc(now)
    result = sorted((c for c in cards if c.due <= now), key=lambda c: (c.due, c.card_id))
    return result if limit is None else result[:limit]


def card_to_data(card: StudyCard) -> dict[str, Any]:
    """A JSON-able dict (datetimes as ISO 8601 with offset)."""
    return {
        "card_id": card.card_id,
        "question_id": card.question_id,
        "due": card.due.isoformat(),
        "state": card.state,
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "last_review": card.last_review.isoformat() if card.last_review else None,
        "reps": card.reps,
        "lapses": card.lapses,
    }


def card_from_data(data: dict[str, Any]) -> StudyCard:
    if data.get("state") not in _STATE_OF:
        raise ValueError(f"unknown card state {data.get('state')!r}")
    last = data.get("last_review")
    return StudyCard(
        card_id=int(data["card_id"]), question_id=str(data["question_id"]),
        due=_utc(datetime.fromisoformat(data["due"])), state=data["state"],
        step=None if data.get("step") is None else int(data["step"]),
        stability=None if data.get("stability") is None else float(data["stability"]),
        difficulty=None if data.get("difficulty") is None else float(data["difficulty"]),
        last_review=_utc(datetime.fromisoformat(last)) if last else None,
        reps=int(data.get("reps", 0)), lapses=int(data.get("lapses", 0)),
    )
