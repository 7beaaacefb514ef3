"""Exam blueprints (组卷蓝图): which cells of the bank a paper draws from, its points and its pass rule.

A blueprint is plain data (YAML file or DB row). `parse_blueprint` checks it completely and reports every
problem with its location (`sections[2].count`); `blueprint_to_data` writes it back in the same shape.
See docs/blueprint-format.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trainer.core.errors import Location, Problem, ValidationError
from trainer.core.questions import DOMAIN_LABELS_ZH, ID_RE, TYPE_LABELS_ZH, Domain, QType

MULTIPLE_RULES = ("item", "all_or_nothing", "partial", "weights")
ORDERING_RULES = ("item", "lcs", "kendall", "all_or_nothing")
REVIEW_STATES_USABLE = ("draft", "reviewed", "approved")


@dataclass(frozen=True)
class PassRule:
    """合格标准: total percent, and (一专多能) a minimum percent in every domain of the paper."""

    total_percent: float = 60.0
    each_domain_percent: float | None = None


@dataclass(frozen=True)
class Section:
    """One cell of the blueprint: `count` items of `type` from `domain`, each worth `points`.

    Optional filters narrow the cell: `difficulty` (inclusive range), `tags` (item has any of them),
    `rules` (item cites any of these rule ids), `exclude_tags` (item has none of them).
    """

    domain: str
    type: QType
    count: int
    points: float
    difficulty: tuple[int, int] | None = None
    tags: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()

    @property
    def total_points(self) -> float:
        return self.count * self.points

    def label_zh(self) -> str:
        """`人社 / 单选题 / 难度2–4` (plus the tag and rule filters when present)."""
        parts = [DOMAIN_LABELS_ZH.get(Domain(self.domain), self.domain), TYPE_LABELS_ZH[self.type]]
        if self.difficulty is not None:
            lo, hi = self.difficulty
            parts.append(f"难度{lo}" if lo == hi else f"难度{lo}–{hi}")
        if self.tags:
            parts.append("标签" + "、".join(self.tags))
        if self.rules:
            parts.append("依据" + "、".join(self.rules))
        if self.exclude_tags:
            parts.append("排除标签" + "、".join(self.exclude_tags))
        return " / ".join(parts)


@dataclass(frozen=True)
class Blueprint:
    """A complete paper specification. Items of a paper appear in section order (grouped by type)."""

    name: str
    duration_minutes: int
    pass_rule: PassRule
    sections: tuple[Section, ...]
    description: str = ""
    never_together: tuple[tuple[str, ...], ...] = ()  # explicit id sets: at most one of each per paper
    shuffle_items: bool = True
    shuffle_options: bool = True
    multiple_rule: str = "item"  # item = each item's own `scoring`, else all_or_nothing
    ordering_rule: str = "item"  # item = each item's own `scoring`, else lcs
    review: tuple[str, ...] = REVIEW_STATES_USABLE  # review states an item needs to be drawn

    @property
    def item_count(self) -> int:
        return sum(s.count for s in self.sections)

    @property
    def total_points(self) -> float:
        return sum(s.total_points for s in self.sections)

    @property
    def domains(self) -> tuple[str, ...]:
        """Domains in first-appearance order."""
        return tuple(dict.fromkeys(s.domain for s in self.sections))

    def rule_for(self, qtype: QType) -> str | None:
        """The blueprint's forced scoring rule for a type, or None to use each item's own rule."""
        rule = {QType.MULTIPLE: self.multiple_rule, QType.ORDERING: self.ordering_rule}.get(qtype, "item")
        return None if rule == "item" else rule


# --- parsing --------------------------------------------------------------------------------------

_TOP_KEYS = {
    "name", "description", "duration_minutes", "pass", "sections", "never_together",
    "shuffle_items", "shuffle_options", "scoring", "review",
}
_SECTION_KEYS = {"domain", "type", "count", "points", "difficulty", "tags", "rules", "exclude_tags"}
_PASS_KEYS = {"total_percent", "each_domain_percent"}
_SCORING_KEYS = {"multiple", "ordering"}


class _Collector:
    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(Location(source=self.source, field=path), message))

    def unknown_keys(self, data: dict[str, Any], allowed: set[str], prefix: str) -> None:
        for key in data:
            if key not in allowed:
                known = "、".join(sorted(allowed))
                self.add(f"{prefix}{key}", f"未知的键“{key}”（可用：{known}）")

    def number(self, data: dict[str, Any], key: str, path: str, *, integer: bool = False,
               lo: float | None = None, hi: float | None = None, required: bool = True) -> Any:
        if key not in data or data[key] is None:
            if required:
                self.add(path, "缺少此项")
            return None
        value = data[key]
        ok_types = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok_types):
            self.add(path, f"应为{'整数' if integer else '数字'}，得到“{value}”")
            return None
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = f"{lo if lo is not None else '-∞'}–{hi if hi is not None else '∞'}"
            self.add(path, f"应在 {bounds} 之间，得到 {value}")
            return None
        return value

    def boolean(self, data: dict[str, Any], key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.add(key, f"应为 true 或 false，得到“{value}”")
            return default
        return value

    def str_list(self, value: Any, path: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.add(path, "应为非空字符串的列表")
            return ()
        return tuple(value)

    def choice(self, value: Any, allowed: tuple[str, ...], path: str, what: str) -> str | None:
        if not isinstance(value, str) or value not in allowed:
            self.add(path, f"未知的{what}“{value}”（可用：{'、'.join(allowed)}）")
            return None
        return value


def _parse_section(c: _Collector, raw: Any, i: int) -> Section | None:
    p = f"sections[{i}]"
    if not isinstance(raw, dict):
        c.add(p, "每个 section 应为一个映射（domain、type、count、points…）")
        return None
    c.unknown_keys(raw, _SECTION_KEYS, f"{p}.")
    domain = c.choice(raw.get("domain"), tuple(d.value for d in Domain), f"{p}.domain", "领域")
    qtype = c.choice(raw.get("type"), tuple(t.value for t in QType), f"{p}.type", "题型")
    count = c.number(raw, "count", f"{p}.count", integer=True, lo=1)
    points = c.number(raw, "points", f"{p}.points", lo=0)
    if points == 0:
        c.add(f"{p}.points", "分值应大于 0")
        points = None
    difficulty = _parse_difficulty(c, raw.get("difficulty"), f"{p}.difficulty")
    tags = c.str_list(raw.get("tags"), f"{p}.tags")
    rules = c.str_list(raw.get("rules"), f"{p}.rules")
    for j, rule in enumerate(rules):
        if not ID_RE.match(rule):
            c.add(f"{p}.rules[{j}]", f"“{rule}”不是有效的法规 id")
    exclude_tags = c.str_list(raw.get("exclude_tags"), f"{p}.exclude_tags")
    if domain is None or qtype is None or count is None or points is None or difficulty is False:
        return None
    return Section(domain, QType(qtype), count, float(points), difficulty or None, tags, rules, exclude_tags)


def _parse_difficulty(c: _Collector, value: Any, path: str) -> tuple[int, int] | None | bool:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value, value]
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        c.add(path, f"难度应写成 [最低, 最高]（1–5 的整数），得到“{value}”")
        return False
    lo, hi = value
    if not (1 <= lo <= hi <= 5):
        c.add(path, f"难度范围应满足 1 ≤ 最低 ≤ 最高 ≤ 5，得到 [{lo}, {hi}]")
        return False
    return (lo, hi)


def _parse_never_together(c: _Collector, value: Any) -> tuple[tuple[str, ...], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        c.add("never_together", "应为 id 列表的列表，例如 [[hr-a-001, hr-a-002]]")
        return ()
    groups: list[tuple[str, ...]] = []
    for i, group in enumerate(value):
        ids = c.str_list(group, f"never_together[{i}]")
        if isinstance(group, list) and len(group) < 2:
            c.add(f"never_together[{i}]", "每组至少要有两个题目 id")
        for j, item_id in enumerate(ids):
            if not ID_RE.match(item_id):
                c.add(f"never_together[{i}][{j}]", f"“{item_id}”不是有效的题目 id")
        if len(ids) >= 2:
            groups.append(ids)
    return tuple(groups)


def parse_blueprint(data: Any, source: str = "") -> Blueprint:
    """Check a blueprint mapping (as read from YAML) and build it.

    Raises ValidationError listing every problem, each located by `source` and a field path.
    """
    c = _Collector(source)
    if not isinstance(data, dict):
        raise ValidationError([Problem(Location(source=source), "蓝图应为一个 YAML 映射")])
    c.unknown_keys(data, _TOP_KEYS, "")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        c.add("name", "缺少名称（name）")
        name = ""
    description = data.get("description", "") or ""
    if not isinstance(description, str):
        c.add("description", "应为文本")
        description = ""
    duration = c.number(data, "duration_minutes", "duration_minutes", integer=True, lo=1, hi=24 * 60)

    pass_rule = PassRule()
    raw_pass = data.get("pass")
    if raw_pass is None:
        c.add("pass", "缺少合格标准（pass: {total_percent: 60, each_domain_percent: 50}）")
    elif not isinstance(raw_pass, dict):
        c.add("pass", "应为映射：{total_percent: …, each_domain_percent: …}")
    else:
        c.unknown_keys(raw_pass, _PASS_KEYS, "pass.")
        total = c.number(raw_pass, "total_percent", "pass.total_percent", lo=0, hi=100)
        each = c.number(raw_pass, "each_domain_percent", "pass.each_domain_percent", lo=0, hi=100,
                        required=False)
        pass_rule = PassRule(float(total if total is not None else 60),
                             None if each is None else float(each))

    sections: list[Section] = []
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        c.add("sections", "至少需要一个 section")
    else:
        for i, raw in enumerate(raw_sections):
            section = _parse_section(c, raw, i)
            if section is not None:
                sections.append(section)

    never_together = _parse_never_together(c, data.get("never_together"))
    shuffle_items = c.boolean(data, "shuffle_items", True)
    shuffle_options = c.boolean(data, "shuffle_options", True)

    multiple_rule, ordering_rule = "item", "item"
    raw_scoring = data.get("scoring")
    if raw_scoring is not None:
        if not isinstance(raw_scoring, dict):
            c.add("scoring", "应为映射：{multiple: …, ordering: …}")
        else:
            c.unknown_keys(raw_scoring, _SCORING_KEYS, "scoring.")
            if "multiple" in raw_scoring:
                multiple_rule = c.choice(raw_scoring["multiple"], MULTIPLE_RULES, "scoring.multiple",
                                         "多选题计分规则") or "item"
            if "ordering" in raw_scoring:
                ordering_rule = c.choice(raw_scoring["ordering"], ORDERING_RULES, "scoring.ordering",
                                         "排序题计分规则") or "item"

    review = REVIEW_STATES_USABLE
    if "review" in data:
        review = c.str_list(data["review"], "review")
        for j, state in enumerate(review):
            c.choice(state, REVIEW_STATES_USABLE, f"review[{j}]", "审核状态")
        if not review:
            c.add("review", "至少列出一个审核状态")

    if c.problems:
        raise ValidationError(c.problems)
    assert duration is not None
    return Blueprint(
        name=name.strip(), duration_minutes=duration, pass_rule=pass_rule, sections=tuple(sections),
        description=description, never_together=never_together, shuffle_items=shuffle_items,
        shuffle_options=shuffle_options, multiple_rule=multiple_rule, ordering_rule=ordering_rule,
        review=review,
    )


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def blueprint_to_data(bp: Blueprint) -> dict[str, Any]:
    """The blueprint as plain data; `parse_blueprint(blueprint_to_data(bp)) == bp`. Defaults are left out."""
    pass_data: dict[str, Any] = {"total_percent": _num(bp.pass_rule.total_percent)}
    if bp.pass_rule.each_domain_percent is not None:
        pass_data["each_domain_percent"] = _num(bp.pass_rule.each_domain_percent)
    sections = []
    for s in bp.sections:
        d: dict[str, Any] = {"domain": s.domain, "type": str(s.type), "count": s.count,
                             "points": _num(s.points)}
        if s.difficulty is not None:
            d["difficulty"] = list(s.difficulty)
        for key in ("tags", "rules", "exclude_tags"):
            if getattr(s, key):
                d[key] = list(getattr(s, key))
        sections.append(d)
    data: dict[str, Any] = {"name": bp.name}
    if bp.description:
        data["description"] = bp.description
    data |= {"duration_minutes": bp.duration_minutes, "pass": pass_data, "sections": sections}
    if bp.never_together:
        data["never_together"] = [list(g) for g in bp.never_together]
    if not bp.shuffle_items:
        data["shuffle_items"] = False
    if not bp.shuffle_options:
        data["shuffle_options"] = False
    rules = (("multiple", bp.multiple_rule), ("ordering", bp.ordering_rule))
    scoring = {k: v for k, v in rules if v != "item"}
    if scoring:
        data["scoring"] = scoring
    if bp.review != REVIEW_STATES_USABLE:
        data["review"] = list(bp.review)
    return data
