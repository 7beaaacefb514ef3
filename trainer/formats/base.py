"""Shared shapes of the interchange formats: what a read returns, what an export loses, the Format protocol."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from trainer.core.errors import Location, Problem, ValidationError
from trainer.core.questions import Question

Opener = Callable[[str], bytes]
"""Opens a file named relative to the file being read (QTI tests referencing sibling item files)."""


@dataclass
class ReadResult:
    """Valid questions, every located problem (errors and warnings) and what the source had that we dropped.

    `media` maps the names listed in `Question.media` to their bytes when the source embedded them.
    """

    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_for_errors(self) -> None:
        """All-or-nothing callers: raise ValidationError carrying every error (warnings stay in the result)."""
        if self.errors:
            raise ValidationError(self.errors)

    def extend(self, other: ReadResult) -> None:
        self.questions.extend(other.questions)
        self.problems.extend(other.problems)
        self.lost.extend(x for x in other.lost if x not in self.lost)
        self.media.update(other.media)


@dataclass(frozen=True)
class ExportSummary:
    """How many questions a write produces and, in Chinese, what the format could not carry."""

    count: int
    lost: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        head = f"导出 {self.count} 题"
        return head if not self.lost else head + "；" + "；".join(self.lost)


@runtime_checkable
class Format(Protocol):
    code: str
    label: str
    extensions: tuple[str, ...]

    def sniff(self, head: bytes) -> bool: ...

    def read(
        self, data: bytes, source: str, *, domain: str | None = None, opener: Opener | None = None
    ) -> ReadResult: ...

    def write(self, questions: Sequence[Question], *, title: str = "") -> bytes: ...

    def export_summary(self, questions: Sequence[Question]) -> ExportSummary: ...


class Sink:
    """Collects located problems for one source file."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []
        self.lost: list[str] = []

    def error(self, message: str, line: int | None = None, item: str = "", field: str = "") -> None:
        self.problems.append(Problem(Location(self.source, line, field, item), message, "error"))

    def warning(self, message: str, line: int | None = None, item: str = "", field: str = "") -> None:
        self.problems.append(Problem(Location(self.source, line, field, item), message, "warning"))

    def lose(self, what: str) -> None:
        if what not in self.lost:
            self.lost.append(what)


def describe(problem: Problem, *, unit: str = "行") -> str:
    """A problem as one Chinese sentence: “题库.xlsx 第 12 行 [第 3 题] 答案：“E”不是有效选项”."""
    loc = problem.location
    parts = []
    if loc.source:
        parts.append(loc.source)
    if loc.line is not None:
        parts.append(f"第 {loc.line} {unit}")
    if loc.item:
        parts.append(f"[{loc.item}]")
    where = " ".join(parts)
    text = f"{loc.field}：{problem.message}" if loc.field else problem.message
    prefix = "警告：" if problem.severity != "error" else ""
    return f"{where} {prefix}{text}".strip()
