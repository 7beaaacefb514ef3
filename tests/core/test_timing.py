from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trainer.core.clock import FakeClock
from trainer.core.timing import AttemptClock, format_remaining, startup_decision

START = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)


def run_for(state: AttemptClock, clock: FakeClock, seconds: int, heartbeat: int = 5) -> AttemptClock:
    for _ in range(seconds // heartbeat):
        clock.advance(heartbeat)
        state = state.tick(clock)
    return state


def test_time_accumulates_from_monotonic_ticks() -> None:
    clock = FakeClock(START)
    state = AttemptClock(3600).start(clock)
    state = run_for(state, clock, 600)
    assert state.used_s == 600
    assert state.time_left(clock) == 3000
    clock.advance(3)  # not ticked yet: queries still see it
    assert state.used_at(clock) == 603 and state.time_left(clock) == 2997


@pytest.mark.parametrize("jump_s", [-7200, -60, 60, 86400 * 3])
def test_moving_the_wall_clock_neither_adds_nor_removes_time(jump_s: int) -> None:
    clock = FakeClock(START)
    state = run_for(AttemptClock(3600).start(clock), clock, 300)
    clock.wall += timedelta(seconds=jump_s)
    state = run_for(state, clock, 300)
    assert state.used_s == 600
    assert state.time_left(clock) == 3000


def test_session_end_bounds_everything() -> None:
    clock = FakeClock(START)
    state = AttemptClock(3600, session_end_utc=START + timedelta(minutes=30)).start(clock)
    state = run_for(state, clock, 600)
    assert state.time_left(clock) == 1200  # 20 minutes to the session end, although 50 are left
    clock.advance(1200)
    assert state.is_expired(clock)
    late = AttemptClock(3600, session_end_utc=START - timedelta(seconds=1)).start(FakeClock(START))
    assert late.is_expired(FakeClock(START))


def test_extra_time_per_candidate() -> None:
    clock = FakeClock(START)
    state = AttemptClock(600, extra_s=300).start(clock)
    state = run_for(state, clock, 700)
    assert not state.is_expired(clock) and state.time_left(clock) == 200
    state = run_for(state, clock, 400)
    assert state.used_s == 900 and state.is_expired(clock)
    assert state.with_extra(600).time_left(clock) == 300


def test_suspend_counts_at_most_max_gap() -> None:
    clock = FakeClock(START)
    state = AttemptClock(3600, max_gap_s=30).start(clock)
    state = run_for(state, clock, 100)
    clock.advance(3600)  # laptop lid closed for an hour (both clocks moved)
    state = state.tick(clock)
    assert state.used_s == 130
    clock.mono -= 50_000  # monotonic origin from another boot: negative delta counts as 0
    assert state.tick(clock).used_s == 130


def test_crash_and_resume_loses_at_most_one_heartbeat() -> None:
    clock = FakeClock(START)
    state = AttemptClock(3600, session_end_utc=START + timedelta(hours=2)).start(clock)
    state = run_for(state, clock, 600, heartbeat=5)
    stored = state.to_data()  # persisted with the last heartbeat
    clock.advance(4)  # …then the app crashes before the next heartbeat
    clock.advance(900)  # closed for 15 minutes
    restarted = FakeClock(clock.wall, mono=12.0)  # new process: new monotonic origin
    decision = startup_decision(AttemptClock.from_data(stored), restarted.now_utc())
    assert not decision.auto_submit and decision.time_left_s == 3000
    resumed = AttemptClock.from_data(stored).resume(restarted)
    assert resumed.used_s == 600 and resumed.running
    restarted.advance(10)
    assert resumed.tick(restarted).used_s == 610


def test_pause_stops_counting() -> None:
    clock = FakeClock(START)
    state = run_for(AttemptClock(3600).start(clock), clock, 60).pause(clock)
    clock.advance(600)
    assert state.tick(clock).used_s == 60 and not state.running
    assert state.resume(clock).tick(clock).used_s == 60


def test_startup_auto_submit_decisions() -> None:
    end = START + timedelta(hours=1)
    ended = startup_decision(AttemptClock(3600, used_s=100, session_end_utc=end), end)
    assert (ended.auto_submit, ended.reason) == (True, "session_ended")
    assert startup_decision(AttemptClock(3600, used_s=3600), START).reason == "time_used_up"
    assert startup_decision(AttemptClock(3600, extra_s=60, used_s=3600), START).auto_submit is False
    d = startup_decision(AttemptClock(3600, used_s=100, session_end_utc=end), START + timedelta(minutes=50))
    assert (d.auto_submit, d.time_left_s) == (False, 600)


def test_round_trip_and_validation() -> None:
    state = AttemptClock(5400, 600, 123.5, START + timedelta(hours=2))
    assert AttemptClock.from_data(state.to_data()) == state
    with pytest.raises(ValueError):
        AttemptClock(60, session_end_utc=datetime(2026, 1, 1))
    with pytest.raises(ValueError):
        AttemptClock(0)


@given(st.lists(st.tuples(st.floats(-100, 10_000), st.floats(-1e6, 1e6)), max_size=40))
def test_used_time_is_monotone_bounded_and_ignores_wall_clock(steps: list[tuple[float, float]]) -> None:
    clock = FakeClock(START)
    state = AttemptClock(3600, max_gap_s=30).start(clock)
    for mono_delta, wall_delta in steps:
        mono_before = clock.mono
        clock.mono += mono_delta
        mono_delta = clock.mono - mono_before  # as the float actually moved
        clock.wall += timedelta(seconds=wall_delta)
        before = state.used_s
        state = state.tick(clock)
        assert before <= state.used_s <= min(3600, before + 30)
        expected = min(3600 - before, min(30, max(0.0, mono_delta)))
        assert state.used_s - before == pytest.approx(expected, abs=1e-6)
        assert 0 <= state.time_left(clock) <= 3600


def test_format_remaining() -> None:
    assert format_remaining(3909) == "1:05:09"
    assert format_remaining(309.2) == "05:10"
    assert format_remaining(-5) == "00:00"
