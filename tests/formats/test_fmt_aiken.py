from __future__ import annotations

from pathlib import Path

from trainer.core.questions import QType
from trainer.formats.aiken import FORMAT as AIKEN


def test_reads_moodles_example(data_dir: Path) -> None:
    r = AIKEN.read((data_dir / "aiken_moodle.txt").read_bytes(), "aiken.txt")
    assert r.problems == []
    a, b = r.questions
    assert a.key == "D" and len(a.options) == 4 and b.key == "A" and len(b.options) == 6


def test_liberal_forms_and_located_errors() -> None:
    text = "题一\nＡ、甲\nＢ、乙\n答案：b\n\n题二\nA. x\nB. y\nANSWER: E\n\n判断\nA. 正确\nB. 错误\nANSWER: B\n"
    r = AIKEN.read(text.encode(), "a.txt")
    assert [q.type for q in r.questions] == [QType.SINGLE, QType.JUDGE]
    [e] = r.errors
    assert e.location.line == 9 and e.location.field == "答案"


def test_export_skips_what_aiken_cannot_hold_and_says_so() -> None:
    from trainer.formats.examples import EXAMPLES

    s = AIKEN.export_summary(EXAMPLES)
    assert s.count == 2 and any("未导出" in x for x in s.lost)
