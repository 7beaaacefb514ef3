"""Bad input gets a located message: file, line, field; nothing is accepted half-way."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.content.bank import load_bank


def _write(bank: Path, body: str) -> Path:
    path = bank / "hr" / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def _problems(bank: Path) -> list[str]:
    return [str(p) for p in load_bank([bank]).errors]


ITEM = """\
domain: hr
section: hr-demo
items:
  - id: hr-bad-001
    type: single
    stem: 题干（　）。
    options: [甲, 乙, 丙, 丁]
    answer: {answer}
    explanation: 解析。
    basis: [{{rule: demo-law, article: 第一条}}]
    difficulty: 2
{extra}"""


def test_the_mini_bank_is_clean(mini_bank: Path) -> None:
    bank = load_bank([mini_bank])
    assert bank.errors == [] and len(bank.questions) == 3


@pytest.mark.parametrize(
    "answer,extra,needle,line",
    [
        ("E", "", "answer", 8),
        ("B", "    colour: red\n", "colour", 12),
        ("B", "    difficulty: 9\n", "difficulty", 4),
        ("AB", "", "单选题只能有一个答案", 8),
        ("B", "    review: done\n", "review", 12),
    ],
)
def test_item_problems_are_located(mini_bank: Path, answer: str, extra: str, needle: str, line: int) -> None:
    if "difficulty: 9" in extra:
        body = ITEM.format(answer=answer, extra="").replace("difficulty: 2", "difficulty: 9")
        line = 11
    else:
        body = ITEM.format(answer=answer, extra=extra)
    _write(mini_bank, body)
    problems = _problems(mini_bank)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"hr/bad.yaml:{line}") or f"bad.yaml:{line}" in problems[0]
    assert needle in problems[0] and "hr-bad-001" in problems[0]


def test_duplicate_ids_across_files(mini_bank: Path) -> None:
    _write(mini_bank, ITEM.format(answer="B", extra="").replace("hr-bad-001", "hr-demo-001").replace("题干", "另一个题干"))
    problems = _problems(mini_bank)
    assert any("hr-demo-001" in p and "重复" in p for p in problems)


def test_unknown_rule_and_section(mini_bank: Path) -> None:
    _write(mini_bank, ITEM.format(answer="B", extra="").replace("demo-law", "no-such-law").replace("section: hr-demo", "section: nowhere"))
    problems = "\n".join(_problems(mini_bank))
    assert "no-such-law" in problems and "nowhere" in problems


def test_superseded_basis_needs_historical(mini_bank: Path, mini_old_rule: str) -> None:
    (mini_bank / "rules" / "demo-law-2010.yaml").write_text(mini_old_rule, encoding="utf-8")
    _write(mini_bank, ITEM.format(answer="B", extra="").replace("rule: demo-law,", "rule: demo-law-2010,"))
    problems = "\n".join(_problems(mini_bank))
    assert "已被" in problems and "historical" in problems
    _write(mini_bank, ITEM.format(answer="B", extra="    historical: true\n").replace("rule: demo-law,", "rule: demo-law-2010,").replace("题干", "按 2010 年文本，题干"))
    assert _problems(mini_bank) == []


def test_yaml_syntax_error_has_a_line(mini_bank: Path) -> None:
    _write(mini_bank, "domain: hr\nitems:\n  - id: x\n    stem: [unclosed\n")
    problems = _problems(mini_bank)
    assert len(problems) == 1 and "YAML" in problems[0] and "bad.yaml:" in problems[0]


@pytest.mark.parametrize(
    "body,needle",
    [
        ("  - id: hr-x-001\n    type: fill\n    stem: 没有空格\n    answer: [[\"30\"]]\n", "____"),
        ("  - id: hr-x-001\n    type: multiple\n    stem: 多选\n    options: [a, b, c, d]\n    answer: A\n", "至少应有两个"),
        ("  - id: hr-x-001\n    type: ordering\n    stem: 排序\n    options: [a, b, c]\n    answer: A,B\n", "各用一次"),
        ("  - id: hr-x-001\n    type: matching\n    stem: 匹配\n    left: [a, b]\n    right: [x, y]\n    answer: 1-A\n", "缺少第 2 项"),
        ("  - id: hr-x-001\n    type: essay\n    stem: 简答\n    answer: 参考\n    rubric: [{point: p, percent: 60}]\n", "100"),
        ("  - id: hr-x-001\n    type: case\n    stem: 案例\n    sub: [{type: essay, stem: s, answer: a, explanation: e}, {type: judge, stem: s, answer: true, explanation: e}]\n", "小题题型"),
        ("  - id: HR_001\n    type: judge\n    stem: s\n    answer: true\n", "编号"),
    ],
)
def test_type_specific_problems(mini_bank: Path, body: str, needle: str) -> None:
    tail = "    explanation: e\n    basis: [{rule: demo-law, article: 第一条}]\n    difficulty: 2\n"
    _write(mini_bank, "domain: hr\nsection: hr-demo\nitems:\n" + body + tail)
    problems = "\n".join(_problems(mini_bank))
    assert needle in problems, problems
