from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from trainer.core.errors import ValidationError
from trainer.core.questions import QType, Question
from trainer.formats import describe, registry
from trainer.formats.html import sanitize


def test_html_is_reduced_to_the_safe_subset() -> None:
    dirty = ('<p onclick="x()">Hi <b>there</b><script>alert(1)</script><style>p{}</style>'
             '<a href="javascript:alert(1)">link</a><img src="javascript:alert(1)"><img src="a.png" onerror="x"></p>')
    out, images = sanitize(dirty)
    assert out == '<p>Hi <b>there</b>link<img><img src="a.png"></p>'
    assert images == ["a.png"]
    assert sanitize("<p>plain</p><p>text &amp; more</p>") == ("plain\ntext & more", [])


def test_duplicates_in_one_file_all_come_in_with_warnings_and_stable_ids() -> None:
    text = "Same?{T}\n\nSame?{T}\n\nOther{F}\n".encode()
    fmt = registry.get("gift")
    a, b = fmt.read(text, "d.gift"), fmt.read(text, "d.gift")
    assert len(a.questions) == 3 and len({q.id for q in a.questions}) == 3
    assert [q.id for q in a.questions] == [q.id for q in b.questions]
    assert all(q.id.startswith("imp-") for q in a.questions)
    assert any("重复" in p.message for p in a.warnings)


def test_source_ids_used_only_when_unique() -> None:
    text = "::dup-id::A{T}\n\n::dup-id::B{T}\n\n::good-id::C{F}\n".encode()
    r = registry.get("gift").read(text, "x.gift")
    assert [q.id.startswith("imp-") for q in r.questions] == [True, True, False]
    assert r.questions[2].id == "good-id"


def test_domain_argument_wins_and_is_checked() -> None:
    r = registry.get("gift").read("$CATEGORY: 人社\n\nQ{T}\n".encode(), "x", domain="health")
    assert r.questions[0].domain == "health"
    assert registry.get("gift").read(b"Q{T}", "x", domain="mars").errors


def test_describe_and_raise_for_errors() -> None:
    r = registry.get("aiken").read("题\nA. 甲\nB. 乙\nANSWER: E\n".encode(), "a.txt")
    assert describe(r.errors[0]) .startswith("a.txt 第 4 行 [第 1 题] 答案：")
    with pytest.raises(ValidationError):
        r.raise_for_errors()


def test_registry_codes_and_detection(tmp_path: Path) -> None:
    assert set(registry.FORMATS) >= {"xlsx", "csv", "gift", "moodlexml", "aiken", "qti"}
    with pytest.raises(ValidationError):
        registry.get("doc")
    q = Question(id="x", type=QType.JUDGE, stem="对吗", key=True)
    for code, name in (("xlsx", "a.xlsx"), ("csv", "a.csv"), ("gift", "a.gift"), ("moodlexml", "a.xml"),
                       ("aiken", "a.txt"), ("qti", "a.zip")):
        data = registry.get(code).write([q])
        (tmp_path / name).write_bytes(data)
        assert registry.detect(name, data[:65536]).code == code
        assert registry.read_path(tmp_path / name).questions[0].key is True


def test_formats_import_without_qt_or_sqlalchemy() -> None:
    code = ("import sys, trainer.formats.registry; "
            "assert 'PySide6' not in sys.modules and 'sqlalchemy' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
