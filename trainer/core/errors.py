"""Expected, typed problems. Anything else is a bug.

The UI turns these into dialogs (ui/errors.py) and the CLI into exit code 1 with the same located messages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file (or source name), a line or row, a field."""

    source: str = ""
    line: int | None = None
    field: str = ""
    item: str = ""

    def __str__(self) -> str:
        parts = []
        if self.source:
            parts.append(self.source if self.line is None else f"{self.source}:{self.line}")
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.item:
            parts.append(f"[{self.item}]")
        if self.field:
            parts.append(self.field)
        return " ".join(parts)


@dataclass(frozen=True)
class Problem:
    location: Location
    message: str
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.message}" if where else self.message


class TrainerError(Exception):
    """Base of every expected problem."""


class ValidationError(TrainerError):
    """Input that cannot be accepted; carries every located problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...] | str):
        if isinstance(problems, str):
            problems = [Problem(Location(), problems)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class NotFound(TrainerError):
    """A referenced object does not exist."""


class SchemaTooNew(TrainerError):
    """The database was written by a newer version of trainer; we refuse to touch it."""


class ExamClosed(TrainerError):
    """An answer or action arrived after the attempt was submitted or its time ran out."""


class InfeasibleBlueprint(TrainerError):
    """The bank cannot satisfy a blueprint; the message names the short cells."""


class SignatureInvalid(TrainerError):
    """A signed file was altered or signed by an unknown station."""


class PermissionDenied(TrainerError):
    """The current user's role does not allow the action."""
