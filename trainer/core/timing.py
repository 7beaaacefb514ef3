"""Attempt time accounting (考试计时), pure and driven by an injected `Clock`.

Rules (DESIGN.md, "Exams and time"):
- Time used accumulates only from **monotonic** deltas: `tick` adds the time since the previous tick and
  is called with every answer save and with a heartbeat every few seconds; the returned state's `used_s`
  is persisted each time. Moving the wall clock therefore neither adds nor removes time.
- After a crash (or the app being closed) the attempt resumes with the persisted `used_s`: the time
  between the last persisted save/heartbeat and the crash is lost — at most one heartbeat interval, in
  the candidate's favour. Time while the app is not running is never counted (`resume` restarts the
  monotonic reference; a new process has a different monotonic origin anyway).
- A single delta larger than `max_gap_s` (system suspend, a frozen process) counts as `max_gap_s` only,
  the same rule as a crash; a negative delta (a monotonic origin from another boot) counts as 0.
- Allowed time = duration + per-candidate extra time. The session window (wall-clock end, set by the
  trainer) bounds everything: past `session_end_utc` the attempt is over whatever time is left.
- A deadline reached while the app was closed is detected at start-up by `startup_decision`: the attempt
  is then auto-submitted with the answers saved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from trainer.core.clock import Clock

DEFAULT_HEARTBEAT_S = 5.0
DEFAULT_MAX_GAP_S = 30.0


@dataclass(frozen=True)
class AttemptClock:
    """Time state of one attempt. Immutable: every operation returns the next state to persist.

    `running_since` is the monotonic reading of the last tick while the attempt is on screen, or None
    while paused or not started in this process. Only `used_s` (and the fixed fields) need persisting.
    """

    duration_s: float
    extra_s: float = 0.0
    used_s: float = 0.0
    session_end_utc: datetime | None = None
    running_since: float | None = None
    max_gap_s: float = DEFAULT_MAX_GAP_S

    def __post_init__(self) -> None:
        if self.session_end_utc is not None and self.session_end_utc.tzinfo is None:
            raise ValueError("session_end_utc must be timezone-aware")
        if self.duration_s <= 0 or self.extra_s < 0 or self.used_s < 0:
            raise ValueError("duration must be > 0, extra time and used time ≥ 0")

    @property
    def allowed_s(self) -> float:
        return self.duration_s + self.extra_s

    @property
    def running(self) -> bool:
        return self.running_since is not None

    # --- transitions ----------------------------------------------------------------------------
    def start(self, clock: Clock) -> AttemptClock:
        """Begin (or continue after a restart): count from now; time while closed is not counted."""
        return replace(self, running_since=clock.monotonic())

    resume = start

    def tick(self, clock: Clock) -> AttemptClock:
        """Add the monotonic time since the last tick (call on every save and heartbeat), capped by the
        allowed time. Does nothing while paused."""
        if self.running_since is None:
            return self
        now = clock.monotonic()
        delta = min(max(0.0, now - self.running_since), self.max_gap_s)
        return replace(self, used_s=min(self.allowed_s, self.used_s + delta), running_since=now)

    def pause(self, clock: Clock) -> AttemptClock:
        """Stop counting (e.g. a trainer-approved break): tick, then stop."""
        return replace(self.tick(clock), running_since=None)

    def with_extra(self, extra_s: float) -> AttemptClock:
        """Grant a candidate extra time (replaces the previous amount)."""
        return replace(self, extra_s=float(extra_s))

    # --- queries --------------------------------------------------------------------------------
    def used_at(self, clock: Clock) -> float:
        """Time used including the running, not yet ticked, delta."""
        return self.tick(clock).used_s

    def time_left(self, clock: Clock) -> float:
        """Seconds left: the smaller of allowed − used and the time to the session end (wall clock)."""
        left = self.allowed_s - self.used_at(clock)
        if self.session_end_utc is not None:
            left = min(left, (self.session_end_utc - clock.now_utc()).total_seconds())
        return max(0.0, left)

    def is_expired(self, clock: Clock) -> bool:
        return self.time_left(clock) <= 0.0

    # --- storage --------------------------------------------------------------------------------
    def to_data(self) -> dict[str, Any]:
        """What to persist (the monotonic reference is process-local and is not stored)."""
        return {
            "duration_s": self.duration_s,
            "extra_s": self.extra_s,
            "used_s": self.used_s,
            "session_end_utc": self.session_end_utc.isoformat() if self.session_end_utc else None,
        }

    @staticmethod
    def from_data(data: dict[str, Any]) -> AttemptClock:
        """A stored state, not running: call `resume` when the attempt is shown again."""
        end = data.get("session_end_utc")
        return AttemptClock(
            duration_s=float(data["duration_s"]), extra_s=float(data.get("extra_s", 0.0)),
            used_s=float(data.get("used_s", 0.0)),
            session_end_utc=datetime.fromisoformat(end) if end else None,
        )


@dataclass(frozen=True)
class StartupDecision:
    """What to do at start-up with an attempt that was open when the app last stopped."""

    auto_submit: bool
    reason: str  # "" | "session_ended" | "time_used_up"
    time_left_s: float


def startup_decision(state: AttemptClock, now_utc: datetime) -> StartupDecision:
    """Auto-submit an open attempt whose session ended (wall clock) or whose time ran out while the app
    was closed; otherwise it resumes with the time already used."""
    left = state.allowed_s - state.used_s
    if state.session_end_utc is not None:
        to_end = (state.session_end_utc - now_utc).total_seconds()
        if to_end <= 0:
            return StartupDecision(True, "session_ended", 0.0)
        left = min(left, to_end)
    if left <= 0:
        return StartupDecision(True, "time_used_up", 0.0)
    return StartupDecision(False, "", left)


def format_remaining(seconds: float) -> str:
    """`1:05:09` or `05:09` for a countdown (rounded up, so 0 shows only when time is really out)."""
    s = max(0, int(-(-seconds // 1)))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"
