"""Injected time and randomness, so timing and assembly are testable and reproducible."""

from __future__ import annotations

import random
import time
from datetime import datetime, timezone
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def now_utc(self) -> datetime: ...

    def boot_id(self) -> str:
        """Identifies the monotonic clock's origin: readings compare only within one boot."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now_utc(self) -> datetime:
        return datetime.now(timezone.utc)

    def boot_id(self) -> str:
        return _BOOT_ID


def _read_boot_id() -> str:
    try:  # Linux: a random id per boot
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as f:
            return f.read().strip()
    except OSError:  # elsewhere monotonic() counts from boot: the boot instant, to 10 s, names it
        return f"boot-{round((time.time() - time.monotonic()) / 10)}"


_BOOT_ID = _read_boot_id()


class FakeClock:
    """A clock tests move by hand: wall time and monotonic time move independently."""

    def __init__(self, start: datetime | None = None, mono: float = 1000.0, boot: str = "boot-1"):
        self.wall = start or datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)
        self.mono = mono
        self.boot = boot

    def boot_id(self) -> str:
        return self.boot

    def reboot(self, mono: float = 10.0) -> None:
        """The machine restarted: a new monotonic origin."""
        self.boot = self.boot + "'"
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
