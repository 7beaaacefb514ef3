from __future__ import annotations

import io
import zipfile
from pathlib import Path

from trainer.core.questions import Blank, QType
from trainer.formats import registry
from trainer.formats.qti import FORMAT as QTI


def test_assessment_test_with_sibling_items_and_a_missing_one(data_dir: Path) -> None:
    r = registry.read_path(data_dir / "qti_test" / "test.xml")
    assert [q.id for q in r.questions] == ["choice", "choicemultiple", "order", "textentry", "extendedtext",
                                          "match", "associate"]
    [missing] = r.errors
    assert missing.location.line == 12 and "missing.xml" in missing.message
    choice, multi, order, text, essay, match, assoc = r.questions
    assert choice.type == QType.SINGLE and choice.key == "A" and "What does it say?" in choice.stem
    assert choice.media == ("sign.png",) and r.media["sign.png"].startswith(b"\x89PNG")
    assert multi.key == ("A", "D") and multi.scoring.weight_map() == {"A": 50, "D": 50, "F": -50}
    assert order.key == ("C", "A", "B")
    assert text.key == (Blank(("York",)),) and "____" in text.stem
    assert essay.type == QType.ESSAY
    assert match.key == ((1, "B"), (2, "A"), (3, "A"), (4, "C")) and len(match.right) == 3
    assert assoc.type == QType.MATCHING and len(assoc.left) == 3


def test_single_item_and_package(data_dir: Path) -> None:
    item = (data_dir / "qti_test" / "order.xml").read_bytes()
    assert registry.detect("order.xml", item).code == "qti"
    assert QTI.read(item, "order.xml").questions[0].type == QType.ORDERING
    from trainer.formats.examples import EXAMPLES

    pkg = QTI.write(EXAMPLES)
    names = zipfile.ZipFile(io.BytesIO(pkg)).namelist()
    assert "imsmanifest.xml" in names and "assessmentTest.xml" in names
    assert registry.detect("export.zip", pkg[:65536]).code == "qti"
    assert len(QTI.read(pkg, "export.zip").questions) == len(EXAMPLES) + 1


def test_test_without_opener_reports_each_reference(data_dir: Path) -> None:
    r = QTI.read((data_dir / "qti_test" / "test.xml").read_bytes(), "test.xml")
    assert len(r.errors) == 8 and r.questions == []
