"""The question model shared by every layer: types, keys and canonical answer values.

A `Question` is an immutable value. Its `content_hash` covers everything a candidate sees or is graded
against, so an edited item becomes a new version while metadata (review status, tags) can change freely.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from enum import StrEnum
from typing import Any

ID_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
LETTERS = "ABCDEFGH"
BLANK = "____"


class QType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    JUDGE = "judge"
    FILL = "fill"
    ORDERING = "ordering"
    MATCHING = "matching"
    CASE = "case"
    ESSAY = "essay"


TYPE_LABELS_ZH = {
    QType.SINGLE: "单选题",
    QType.MULTIPLE: "多选题",
    QType.JUDGE: "判断题",
    QType.FILL: "填空题",
    QType.ORDERING: "排序题",
    QType.MATCHING: "匹配题",
    QType.CASE: "案例题",
    QType.ESSAY: "简答题",
}

SUB_TYPES = (QType.SINGLE, QType.MULTIPLE, QType.JUDGE, QType.FILL)
CHOICE_TYPES = (QType.SINGLE, QType.MULTIPLE, QType.ORDERING)


class Domain(StrEnum):
    HR = "hr"
    HEALTH = "health"
    HOUSING = "housing"
    PETITION = "petition"
    COMMUNITY = "community"


DOMAIN_LABELS_ZH = {
    Domain.HR: "人社",
    Domain.HEALTH: "卫健",
    Domain.HOUSING: "住建",
    Domain.PETITION: "信访",
    Domain.COMMUNITY: "民政与社区治理",
}

REVIEW_STATES = ("draft", "reviewed", "approved", "retired")
VISIBILITIES = ("practice", "exam")


@dataclass(frozen=True)
class Blank:
    """One blank of a fill item: accepted texts, or a number with a tolerance."""

    accepted: tuple[str, ...] = ()
    number: float | None = None
    tolerance: float = 0.0

    def to_data(self) -> Any:
        if self.number is not None:
            return {"number": self.number, "tolerance": self.tolerance, "accepted": list(self.accepted)}
        return list(self.accepted)

    @staticmethod
    def from_data(data: Any) -> Blank:
        if isinstance(data, dict):
            return Blank(
                accepted=tuple(str(a) for a in data.get("accepted", ()) or ()),
                number=float(data["number"]),
                tolerance=float(data.get("tolerance", 0) or 0),
            )
        if isinstance(data, (list, tuple)):
            return Blank(accepted=tuple(str(a) for a in data))
        return Blank(accepted=(str(data),))

    def display(self) -> str:
        if self.number is not None:
            text = _fmt_number(self.number)
            return f"{text}（±{_fmt_number(self.tolerance)}）" if self.tolerance else text
        return self.accepted[0] if self.accepted else ""


def _fmt_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


@dataclass(frozen=True)
class Basis:
    rule: str
    article: str = ""


@dataclass(frozen=True)
class RubricPoint:
    point: str
    percent: float


@dataclass(frozen=True)
class Scoring:
    """How partial credit works. mode: all_or_nothing | partial | weights | lcs | kendall | per_pair."""

    mode: str = ""
    weights: tuple[tuple[str, float], ...] = ()  # option letter (or pair "1-B") -> percent of points

    def weight_map(self) -> dict[str, float]:
        return dict(self.weights)


@dataclass(frozen=True)
class Question:
    id: str
    type: QType
    stem: str
    domain: str = ""
    options: tuple[str, ...] = ()
    # key, in a type-specific shape:
    #   single "B"; multiple ("A","B","D"); judge True/False; fill (Blank, ...); ordering ("C","A","B");
    #   matching ((1,"B"), (2,"A")); essay the model answer; case None (its sub-items carry keys)
    key: Any = None
    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    sub: tuple[Question, ...] = ()
    rubric: tuple[RubricPoint, ...] = ()
    explanation: str = ""
    basis: tuple[Basis, ...] = ()
    difficulty: int = 3
    tags: tuple[str, ...] = ()
    section: str = ""
    review: str = "draft"
    visibility: str = "practice"
    historical: bool = False
    group: str = ""
    scoring: Scoring = field(default_factory=Scoring)
    title: str = ""  # optional short name (some formats carry one)
    media: tuple[str, ...] = ()  # image paths/names referenced by the stem

    # --- versioning -------------------------------------------------------------------------------
    def content_data(self) -> dict[str, Any]:
        """What a candidate sees and is graded against: changing any of it makes a new version."""
        return dict(self._content)

    @cached_property
    def _content(self) -> dict[str, Any]:
        return {
            "type": str(self.type),
            "stem": self.stem,
            "options": list(self.options),
            "key": key_to_data(self.type, self.key),
            "left": list(self.left),
            "right": list(self.right),
            "sub": [s.content_data() | {"explanation": s.explanation} for s in self.sub],
            "rubric": [[r.point, r.percent] for r in self.rubric],
            "explanation": self.explanation,
            "basis": [[b.rule, b.article] for b in self.basis],
            "difficulty": self.difficulty,
            "scoring": {"mode": self.scoring.mode, "weights": [list(w) for w in self.scoring.weights]},
            "title": self.title,
            "media": list(self.media),
        }

    @cached_property
    def content_hash(self) -> str:
        # _content is built in a fixed key order, so the encoding is canonical without sorting keys.
        blob = json.dumps(self._content, ensure_ascii=False, check_circular=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()[:32]

    def to_data(self) -> dict[str, Any]:
        """Full JSON-able form (content plus metadata)."""
        return self.content_data() | {
            "id": self.id,
            "domain": self.domain,
            "tags": list(self.tags),
            "section": self.section,
            "review": self.review,
            "visibility": self.visibility,
            "historical": self.historical,
            "group": self.group,
        }

    @staticmethod
    def from_data(data: dict[str, Any]) -> Question:
        qtype = QType(data["type"])
        return Question(
            id=data.get("id", ""),
            type=qtype,
            stem=data.get("stem", ""),
            domain=data.get("domain", ""),
            options=tuple(data.get("options", ())),
            key=key_from_data(qtype, data.get("key")),
            left=tuple(data.get("left", ())),
            right=tuple(data.get("right", ())),
            sub=tuple(Question.from_data(s) for s in data.get("sub", ())),
            rubric=tuple(RubricPoint(p, float(v)) for p, v in data.get("rubric", ())),
            explanation=data.get("explanation", ""),
            basis=tuple(Basis(r, a) for r, a in data.get("basis", ())),
            difficulty=int(data.get("difficulty", 3)),
            tags=tuple(data.get("tags", ())),
            section=data.get("section", ""),
            review=data.get("review", "draft"),
            visibility=data.get("visibility", "practice"),
            historical=bool(data.get("historical", False)),
            group=data.get("group", ""),
            scoring=Scoring(
                data.get("scoring", {}).get("mode", ""),
                tuple((str(k), float(v)) for k, v in data.get("scoring", {}).get("weights", ())),
            ),
            title=data.get("title", ""),
            media=tuple(data.get("media", ())),
        )

    def with_meta(self, **changes: Any) -> Question:
        return replace(self, **changes)

    # --- answers ----------------------------------------------------------------------------------
    @property
    def canonical_answer(self) -> str:
        return canonical_value(self.type, self.key)

    @property
    def sub_count(self) -> int:
        return len(self.sub)


def key_to_data(qtype: QType, key: Any) -> Any:
    if qtype == QType.FILL:
        return [b.to_data() for b in key or ()]
    if qtype in (QType.MULTIPLE, QType.ORDERING):
        return list(key or ())
    if qtype == QType.MATCHING:
        return [[n, letter] for n, letter in key or ()]
    return key


def key_from_data(qtype: QType, data: Any) -> Any:
    if qtype == QType.FILL:
        return tuple(Blank.from_data(b) for b in data or ())
    if qtype in (QType.MULTIPLE, QType.ORDERING):
        return tuple(data or ())
    if qtype == QType.MATCHING:
        return tuple((int(n), str(letter)) for n, letter in data or ())
    if qtype == QType.JUDGE:
        return None if data is None else bool(data)
    return data


def canonical_value(qtype: QType, key: Any) -> str:
    """The key written as the CLI's canonical VALUE (see docs/question-format.md)."""
    if key is None:
        return ""
    if qtype == QType.SINGLE:
        return str(key)
    if qtype == QType.MULTIPLE:
        return "".join(sorted(key))
    if qtype == QType.JUDGE:
        return "T" if key else "F"
    if qtype == QType.FILL:
        return "|".join(b.display() if b.number is None else _fmt_number(b.number) for b in key)
    if qtype == QType.ORDERING:
        return ",".join(key)
    if qtype == QType.MATCHING:
        return ",".join(f"{n}-{letter}" for n, letter in key)
    return str(key)


def letters(n: int) -> str:
    return LETTERS[:n]
