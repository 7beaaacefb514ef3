from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trainer.core.blueprint import Blueprint, PassRule, Section, blueprint_to_data, parse_blueprint
from trainer.core.errors import ValidationError
from trainer.core.questions import QType

ROOT = Path(__file__).resolve().parents[2]

MINIMAL = {
    "name": "全科社工资格考试",
    "duration_minutes": 90,
    "pass": {"total_percent": 60, "each_domain_percent": 50},
    "sections": [
        {"domain": "hr", "type": "single", "count": 10, "points": 1},
        {"domain": "hr", "type": "multiple", "count": 4, "points": 2, "difficulty": [2, 4]},
        {"domain": "petition", "type": "ordering", "count": 1, "points": 3},
    ],
}


def problems(data: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        parse_blueprint(data, "bp.yaml")
    assert all(p.location.source == "bp.yaml" for p in info.value.problems)
    return {p.location.field: p.message for p in info.value.problems}


def test_minimal_blueprint_parses() -> None:
    bp = parse_blueprint(MINIMAL, "bp.yaml")
    assert bp.name == "全科社工资格考试"
    assert bp.duration_minutes == 90
    assert bp.pass_rule == PassRule(60.0, 50.0)
    assert bp.sections[1] == Section("hr", QType.MULTIPLE, 4, 2.0, (2, 4))
    assert bp.item_count == 15
    assert bp.total_points == 21
    assert bp.domains == ("hr", "petition")
    assert bp.shuffle_items and bp.shuffle_options
    assert bp.rule_for(QType.MULTIPLE) is None


def test_full_options_round_trip() -> None:
    data = MINIMAL | {
        "description": "说明",
        "sections": MINIMAL["sections"] + [
            {"domain": "community", "type": "case", "count": 2, "points": 5, "difficulty": 3,
             "tags": ["低保"], "rules": ["urc-org-law-2025"], "exclude_tags": ["旧题"]},
        ],
        "never_together": [["hr-a-001", "hr-a-002"]],
        "shuffle_items": False,
        "scoring": {"multiple": "partial", "ordering": "kendall"},
        "review": ["approved"],
    }
    bp = parse_blueprint(data, "x")
    assert bp.sections[3].difficulty == (3, 3)
    assert bp.never_together == (("hr-a-001", "hr-a-002"),)
    assert bp.rule_for(QType.MULTIPLE) == "partial" and bp.rule_for(QType.ORDERING) == "kendall"
    assert bp.rule_for(QType.SINGLE) is None
    assert parse_blueprint(blueprint_to_data(bp), "x") == bp
    assert parse_blueprint(blueprint_to_data(parse_blueprint(MINIMAL)), "x") == parse_blueprint(MINIMAL)


def test_unknown_keys_are_located() -> None:
    data = MINIMAL | {"extra": 1, "pass": {"total_percent": 60, "each": 1}}
    data["sections"] = [MINIMAL["sections"][0], {**MINIMAL["sections"][1], "cout": 3}]
    found = problems(data)
    assert set(found) == {"extra", "pass.each", "sections[1].cout"}
    assert "未知的键" in found["sections[1].cout"]


def test_wrong_types_and_codes_are_all_reported() -> None:
    data = {
        "name": "",
        "duration_minutes": "90",
        "pass": {"total_percent": 160},
        "sections": [
            {"domain": "hr", "type": "single", "count": 0, "points": 1},
            {"domain": "finance", "type": "single", "count": 1, "points": 1},
            {"domain": "hr", "type": "choice", "count": 1.5, "points": "x", "difficulty": [4, 2]},
            "not a mapping",
        ],
        "never_together": [["hr-a"], ["Bad Id", "hr-b"]],
        "shuffle_options": "yes",
        "scoring": {"multiple": "half"},
    }
    found = problems(data)
    expected = {
        "name", "duration_minutes", "pass.total_percent", "sections[0].count", "sections[1].domain",
        "sections[2].type", "sections[2].count", "sections[2].points", "sections[2].difficulty",
        "sections[3]",
        "never_together[0]", "never_together[1][0]", "shuffle_options", "scoring.multiple",
    }
    assert set(found) == expected
    assert "finance" in found["sections[1].domain"]
    assert "应在" in found["pass.total_percent"]


@pytest.mark.parametrize("data", [None, [], "text"])
def test_non_mapping_is_rejected(data: object) -> None:
    with pytest.raises(ValidationError):
        parse_blueprint(data, "x")


def test_missing_sections_and_pass() -> None:
    found = problems({"name": "x", "duration_minutes": 30})
    assert set(found) == {"pass", "sections"}


def test_bool_is_not_a_number() -> None:
    found = problems(MINIMAL | {"duration_minutes": True})
    assert set(found) == {"duration_minutes"}


def test_label_zh() -> None:
    s = Section("hr", QType.SINGLE, 10, 1.0, (2, 4))
    assert s.label_zh() == "人社 / 单选题 / 难度2–4"
    tagged = Section("petition", QType.ORDERING, 1, 3.0, (3, 3), tags=("登记",))
    assert tagged.label_zh() == "信访 / 排序题 / 难度3 / 标签登记"


@pytest.mark.parametrize("name", ["qualification-exam.yaml", "mock-exam.yaml"])
def test_shipped_blueprints_are_valid(name: str) -> None:
    path = ROOT / "question_bank" / "blueprints" / name
    bp = parse_blueprint(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
    assert isinstance(bp, Blueprint)
    assert set(bp.domains) == {"hr", "health", "housing", "petition", "community"}


def test_qualification_exam_uses_all_types_and_about_100_points() -> None:
    path = ROOT / "question_bank" / "blueprints" / "qualification-exam.yaml"
    bp = parse_blueprint(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
    assert {s.type for s in bp.sections} == set(QType)
    assert bp.duration_minutes == 90
    assert 95 <= bp.total_points <= 105
