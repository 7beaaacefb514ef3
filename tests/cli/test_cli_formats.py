"""`trainer bank export | import | template` through every format, on the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trainer.cli.app import app

FORMATS = {"yaml": "yaml", "xlsx": "xlsx", "csv": "csv", "gift": "gift", "moodlexml": "xml", "aiken": "txt", "qti": "zip"}


@pytest.fixture
def source(tmp_path: Path, exam_bank: Path) -> Path:
    """A data directory holding the exam bank (one item of every type)."""
    data = tmp_path / "source"
    result = CliRunner().invoke(app, ["--data-dir", str(data), "bank", "import", str(exam_bank)])
    assert result.exit_code == 0, result.output
    return data


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the bundled bank (its rules and courseware exist in every database)."""
    from trainer import paths

    data = tmp_path_factory.mktemp("bundled")
    result = CliRunner().invoke(app, ["--data-dir", str(data), "bank", "import", str(paths.question_bank_dir())])
    assert result.exit_code == 0, result.output
    return data


def cli(data: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--data-dir", str(data), *args])


def stats(data: Path) -> dict:
    return json.loads(cli(data, "bank", "stats", "--json").output)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_then_import_into_a_fresh_database(tmp_path: Path, bundled: Path, fmt: str) -> None:
    out = tmp_path / f"bank.{FORMATS[fmt]}"
    exported = cli(bundled, "bank", "export", "--format", fmt, "-o", str(out), "--domain", "petition")
    assert exported.exit_code == 0, exported.output
    assert out.exists() and "已导出" in exported.output
    target = tmp_path / "target"
    imported = cli(target, "bank", "import", str(out), "--domain", "petition")
    assert imported.exit_code == 0, imported.output
    assert stats(target)["by_domain"]["petition"] >= 50
    again = cli(target, "bank", "import", str(out), "--domain", "petition")
    assert "新增 0 题，新版本 0 题，更新属性 0 题" in again.output  # the same file twice adds nothing


@pytest.mark.parametrize("fmt", ["yaml", "xlsx", "csv"])
def test_lossless_round_trip(tmp_path: Path, source: Path, fmt: str) -> None:
    """Export, then import into the same database: nothing changes — not a version, not a status."""
    out = tmp_path / f"bank.{FORMATS[fmt]}"
    assert cli(source, "bank", "export", "--format", fmt, "-o", str(out)).exit_code == 0
    result = cli(source, "bank", "import", str(out))
    assert result.exit_code == 0, result.output
    assert "新增 0 题，新版本 0 题，更新属性 0 题，未变 8 题" in result.output


def test_lossy_formats_list_what_they_cannot_carry(tmp_path: Path, source: Path) -> None:
    result = cli(source, "bank", "export", "--format", "gift", "-o", str(tmp_path / "b.gift"))
    assert result.exit_code == 0 and "注意" in result.output


def test_template(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "题库模板.xlsx"
    result = CliRunner().invoke(app, ["bank", "template", "-o", str(target)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(target)
    assert len(wb.sheetnames) >= 2


def test_bad_gift_is_located_and_changes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gift"
    bad.write_text("::q1:: 正确的是？ {=甲 ~乙}\n\n::q2:: 坏题 {=甲 ~乙\n", encoding="utf-8")
    data = tmp_path / "d"
    result = cli(data, "bank", "import", str(bad), "--domain", "hr")
    assert result.exit_code == 1 and "bad.gift" in result.output
    assert stats(data)["total"] == 0
    skipped = cli(data, "bank", "import", str(bad), "--domain", "hr", "--skip-invalid")
    assert skipped.exit_code == 0 and "跳过" in skipped.output
    assert stats(data)["total"] == 1


def test_missing_domain_is_explained(tmp_path: Path) -> None:
    f = tmp_path / "a.gift"
    f.write_text("::q1:: 正确的是？ {=甲 ~乙}\n", encoding="utf-8")
    result = cli(tmp_path / "d", "bank", "import", str(f))
    assert result.exit_code == 1 and "--domain" in result.output


def test_unknown_format_option(tmp_path: Path) -> None:
    result = cli(tmp_path / "d", "bank", "import", "--format", "docx", str(tmp_path))
    assert result.exit_code != 0
