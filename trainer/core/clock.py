"""Injected time and randomness, so timing and assembly are testable and reproducible."""

from __future__ import annotations

import random
import time
from datetime import datetime, timezone
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def now_utc(self) -> datetime: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now_utc(self) -> datetime:
        return datetime.now(timezone.utc)


class FakeClock:
    """A clock tests move by hand: wall time and monotonic time move independently."""

    def __init__(self, start: datetime | None = None, mono: float = 1000.0):
        self.wall = start or datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)
        self.mono = mono

    def monotonic(self) -> float:
        return self.mono

    def now_utc(self) -> datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        """Real time passes: both clocks move."""
        from datetime import timedelta

        self.mono += seconds
        self.wall += timedelta(seconds=seconds)


def make_rng(seed: int | str | None) -> random.Random:
    """A seeded random source; string seeds are stable across runs (unlike hash())."""
    if isinstance(seed, str):
        import hashlib

        seed = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big")
    return random.Random(seed)
