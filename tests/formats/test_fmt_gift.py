from __future__ import annotations

from pathlib import Path

from trainer.core.questions import Blank, QType
from trainer.formats import registry
from trainer.formats.gift import FORMAT as GIFT


def _read(data_dir: Path):  # type: ignore[no-untyped-def]
    return GIFT.read((data_dir / "moodle_docs.gift").read_bytes(), "moodle_docs.gift")


def test_reads_moodles_documented_examples(data_dir: Path) -> None:
    r = _read(data_dir)
    assert r.errors == []
    qs = r.questions
    assert len(qs) == 21
    assert {q.domain for q in qs} == {"hr"} and qs[0].tags == ("失业保险",)  # $CATEGORY path
    grant = qs[0]
    assert grant.type == QType.SINGLE and grant.options == ("Grant", "Jefferson", "no one") and grant.key == "C"
    assert qs[1].stem == "Grant is ____ in Grant's tomb." and qs[1].key == "B"  # missing word
    assert qs[2].stem.endswith("on the ____ Thursday of November.")


def test_types_weights_feedback(data_dir: Path) -> None:
    qs = {q.stem.split("?")[0][:30]: q for q in _read(data_dir).questions}
    two = qs["Two plus two equals ____."]
    assert two.type == QType.FILL and two.key == (Blank(("four", "4")),)
    by_type = [q for q in _read(data_dir).questions]
    judges = [q for q in by_type if q.type == QType.JUDGE]
    assert [q.key for q in judges] == [False, True, True]
    match = next(q for q in by_type if q.title == "Matching with distractors")
    assert match.left == ("cat", "dog") and match.right == ("cat food", "dog food", "bird food")
    assert match.key == ((1, "A"), (2, "B"))
    capitals = next(q for q in by_type if q.type == QType.MATCHING and len(q.left) == 4)
    assert capitals.explanation == "It's good to know the capitals"  # general feedback ####
    nums = [q.key[0] for q in by_type if q.type == QType.FILL and q.key[0].number is not None]
    assert nums[0] == Blank((), 1822.0, 5.0)
    assert nums[1].number == 3.1415 and abs(nums[1].tolerance - 0.0005) < 1e-9  # range → midpoint ± half
    hometown = next(q for q in by_type if q.title == "Jesus' hometown")
    assert hometown.key == (Blank(("Nazareth",)),)
    assert hometown.scoring.weight_map() == {"1:Nazareth": 100, "1:Nazereth": 75, "1:Bethlehem": 25}
    entombed = next(q for q in by_type if q.type == QType.MULTIPLE)
    assert entombed.key == ("B", "C") and entombed.scoring.weight_map() == {"A": -50, "B": 50, "C": 50, "D": -50}
    fb = next(q for q in by_type if q.stem.startswith("What's the answer"))
    assert "选项 C：Very good!" in fb.explanation
    essay = next(q for q in by_type if q.type == QType.ESSAY)
    assert essay.explanation == "Use your own words."


def test_escapes_markers_and_html(data_dir: Path) -> None:
    qs = _read(data_dir).questions
    five = next(q for q in qs if q.stem == "Which answer equals 5?")
    assert five.options == ("= 2 + 2", "= 2 + 3", "= 2 + 4") and five.key == "B"
    ctrl = next(q for q in qs if q.title == "GIFT Control Characters")
    assert ctrl.options == ("~", "=", "#", "{", "}", "\\") and ctrl.key == "F"
    colon = next(q for q in qs if q.id == "hr-colon-001")  # a name that is a valid id becomes the id
    assert colon.stem == "Time is 10:30 for the meeting: right?"
    md = next(q for q in qs if "**Grant's tomb**" in q.stem)
    assert md.type == QType.FILL
    html = next(q for q in qs if "bold" in q.stem)
    assert html.stem == "<p>Which is <b>bold</b>?</p>" and "script" not in html.stem
    assert html.options[0] == "<b>this</b>"


def test_warnings_for_skipped_and_partial(data_dir: Path) -> None:
    r = _read(data_dir)
    msgs = [p.message for p in r.warnings]
    assert any("description" in m for m in msgs)
    assert any("部分得分" in m for m in msgs)
    assert r.lost


def test_errors_are_located() -> None:
    data = "Q1 {=a ~b}\n\nQ2 {=a ~b\n\n::x::Q3 {#abc}\n".encode()
    r = GIFT.read(data, "bad.gift")
    assert [(p.location.line, p.location.item) for p in r.errors] == [(3, "第 2 题"), (5, "第 3 题（x）")]
    assert len(r.questions) == 1  # valid ones still returned (the caller decides: --skip-invalid)


def test_liberal_run_together_questions_and_gbk() -> None:
    text = "第一题{=甲 ~乙}\n第二题{T}\n"
    r = GIFT.read(text.encode("gb18030"), "gbk.txt")
    assert [q.type for q in r.questions] == [QType.SINGLE, QType.JUDGE]


def test_export_lists_what_gift_cannot_carry() -> None:
    from trainer.formats.examples import EXAMPLES

    s = GIFT.export_summary(EXAMPLES)
    text = "；".join(s.lost)
    assert "GIFT 不支持：依据(basis)、难度" in text and "案例题结构" in text and "排序题" in text
    assert s.count == len(EXAMPLES) + 1  # the case's two sub-items are written separately


def test_detected_by_content(data_dir: Path) -> None:
    data = (data_dir / "moodle_docs.gift").read_bytes()
    assert registry.detect("bank.txt", data[:4096]).code == "gift"
