"""What a service call changed. Import-light: the UI imports it before the database layer loads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Changes:
    """What a service call changed, so screens refresh only for what concerns them."""

    bank: bool = False
    courseware: bool = False
    people: bool = False  # districts, communities, workers, users
    exams: bool = False
    attempts: bool = False
    certificates: bool = False
    practice: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{k: getattr(self, k) or getattr(other, k) for k in self.__dataclass_fields__})

    def any(self) -> bool:
        return any(getattr(self, k) for k in self.__dataclass_fields__)
