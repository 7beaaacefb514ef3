from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Rating

from trainer.core.clock import FakeClock
from trainer.core.questions import QType
from trainer.core.scheduling import (
    PracticeScheduler, StudyCard, card_from_data, card_to_data, due, rating_for,
)

START = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("correct", "seconds", "expected"), [
    (False, 5, Rating.Again), (False, None, Rating.Again), (True, None, Rating.Good), (True, 10, Rating.Easy),
    (True, 30, Rating.Good), (True, 61, Rating.Hard),
])
def test_rating_for(correct: bool, seconds: float | None, expected: Rating) -> None:
    assert rating_for(correct, seconds, 30) == expected


def test_new_card_is_due_now_and_learning() -> None:
    clock = FakeClock(START)
    card = PracticeScheduler(clock).new_card(7, "hr-unemp-001")
    assert (card.card_id, card.question_id, card.due) == (7, "hr-unemp-001", START)
    assert (card.state, card.reps, card.stability) == ("learning", 0, None)
    assert due([card], START) == [card]


def test_review_uses_injected_clock_and_grows_intervals() -> None:
    clock = FakeClock(START)
    sched = PracticeScheduler(clock)
    card = sched.new_card(1, "q")
    card, record = sched.review(card, True, 20, QType.SINGLE)
    assert record.reviewed_at == START and record.rating == int(Rating.Good) and record.duration_ms == 20_000
    assert card.last_review == START and card.due > START and card.reps == 1
    intervals = []
    for _ in range(5):
        clock.wall = card.due
        before = card.due
        card, _ = sched.review(card, True, 20, QType.SINGLE)
        intervals.append(card.due - before)
    assert card.state == "review"
    assert intervals[-1] > intervals[-2] > timedelta(days=1)
    clock.wall = card.due
    lapsed, rec = sched.review(card, False)
    assert rec.rating == int(Rating.Again) and lapsed.lapses == 1 and lapsed.state == "relearning"
    assert lapsed.due - clock.wall <= timedelta(minutes=10)


def test_reviews_are_reproducible() -> None:
    def history() -> list[datetime]:
        clock = FakeClock(START)
        sched = PracticeScheduler(clock)
        card = sched.new_card(1, "q")
        dues = []
        for ok in [True, True, True, False, True, True, True, True]:
            card, _ = sched.review(card, ok, 25)
            dues.append(card.due)
            clock.wall = card.due + timedelta(hours=1)
        return dues
    assert history() == history()


def test_serialisation_round_trip_is_json() -> None:
    clock = FakeClock(START)
    sched = PracticeScheduler(clock)
    card, _ = sched.review(sched.new_card(3, "q-3"), True)
    data = json.loads(json.dumps(card_to_data(card)))
    assert card_from_data(data) == card
    fresh = sched.new_card(4, "q-4")
    assert card_from_data(card_to_data(fresh)) == fresh
    with pytest.raises(ValueError):
        card_from_data(card_to_data(fresh) | {"state": "new"})


def test_due_orders_most_overdue_first_and_limits() -> None:
    cards = [StudyCard(i, f"q{i}", START + timedelta(hours=h)) for i, h in [(1, 5), (2, -3), (3, 0), (4, -3)]]
    assert [c.card_id for c in due(cards, START)] == [2, 4, 3]
    assert [c.card_id for c in due(cards, START, limit=1)] == [2]
    with pytest.raises(ValueError):
        due(cards, datetime(2026, 1, 1))


def test_retrievability() -> None:
    clock = FakeClock(START)
    sched = PracticeScheduler(clock)
    card = sched.new_card(1, "q")
    assert sched.retrievability(card) == 0
    card, _ = sched.review(card, True)
    clock.wall += timedelta(days=30)
    assert 0 < sched.retrievability(card) < 1
