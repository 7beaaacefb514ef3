from __future__ import annotations

from pathlib import Path

from trainer.core.questions import Blank, QType
from trainer.formats.moodlexml import FORMAT as MX


def _read(data_dir: Path):  # type: ignore[no-untyped-def]
    return MX.read((data_dir / "moodle_docs.xml").read_bytes(), "moodle_docs.xml")


def test_reads_each_type(data_dir: Path) -> None:
    r = _read(data_dir)
    assert r.errors == []
    types = [q.type for q in r.questions]
    assert types == [QType.SINGLE, QType.MULTIPLE, QType.JUDGE, QType.FILL, QType.FILL, QType.MATCHING,
                     QType.ESSAY, QType.ORDERING, QType.FILL]
    assert all(q.domain == "health" for q in r.questions)  # nested category path names the domain


def test_html_media_feedback_hints_and_ids(data_dir: Path) -> None:
    q = _read(data_dir).questions[0]
    assert q.id == "health-mc-001" and q.title == "Name of question" and q.tags == ("慢病",)
    assert 'src="logo.png"' in q.stem and "onerror" not in q.stem and q.media == ("logo.png",)
    assert q.options[0] == "The correct answer" and q.key == "A"
    for part in ("General feedback.", "选项 A：Correct!", "答对时：Your answer is correct.", "提示 1：Think again."):
        assert part in q.explanation
    assert _read(data_dir).media["logo.png"].startswith(b"\x89PNG")


def test_weights_case_tolerance_matching_ordering_cloze(data_dir: Path) -> None:
    r = _read(data_dir)
    qs = r.questions
    assert qs[1].key == ("A", "B") and qs[1].scoring.weight_map() == {"A": 50, "B": 50, "C": -100}
    assert qs[3].key == (Blank(("Grant",)),) and qs[3].scoring.weight_map()["1:Ulysses S. Grant"] == 50
    assert any("区分大小写" in p.message for p in r.warnings)
    assert qs[4].key == (Blank((), 1822.0, 1.0),) and qs[4].stem.endswith("____")
    assert qs[5].left == ("Canada", "Italy") and qs[5].right == ("Ottawa", "Rome", "Paris")
    assert qs[6].key == "Look for the three steps."
    assert qs[7].options == ("First", "Second", "Third") and qs[7].key == ("A", "B", "C")
    assert qs[8].stem == "Capital of France: ____; 2+2 = ____." and qs[8].key[1] == Blank((), 4.0, 0.0)


def test_unsupported_types_are_warned_not_dropped_silently(data_dir: Path) -> None:
    r = _read(data_dir)
    assert any("calculated" in p.message for p in r.warnings)
    assert any("calculated" in x for x in r.lost)


def test_entities_are_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><quiz>&b;</quiz>'
    r = MX.read(bomb, "bomb.xml")
    assert r.questions == [] and "实体" in r.errors[0].message
    xxe = b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz>&x;</quiz>'
    assert MX.read(xxe, "xxe.xml").errors


def test_written_xml_reads_in_moodle_shape() -> None:
    from trainer.formats.examples import EXAMPLES

    data = MX.write(EXAMPLES).decode()
    assert '<question type="category">' in data and "$course$/top/人社" in data
    assert '<question type="ordering">' in data and "<idnumber>example-single</idnumber>" in data
