"""The CLI contracts of the foundation: validate, import, stats --json, db upgrade/info, demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trainer.cli.app import app
from trainer.cli.main import _gui_fast_path


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, ["--data-dir", str(tmp_path / "data"), *args])

    return invoke


def test_validate_clean_bank_exits_0(run, mini_bank: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("bank", "validate", str(mini_bank))
    assert result.exit_code == 0, result.output
    assert "3 道题" in result.output and "0 个错误" in result.output


def test_validate_reports_located_errors_and_exits_1(run, mini_bank: Path) -> None:  # type: ignore[no-untyped-def]
    f = mini_bank / "hr" / "demo.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("answer: B", "answer: X"), encoding="utf-8")
    result = run("bank", "validate", str(mini_bank))
    assert result.exit_code == 1
    assert "demo.yaml:8" in result.output and "answer" in result.output and "hr-demo-001" in result.output


def test_import_idempotent_and_stats_json(run, mini_bank: Path) -> None:  # type: ignore[no-untyped-def]
    first = run("bank", "import", str(mini_bank))
    assert first.exit_code == 0, first.output
    assert "新增 3 题" in first.output
    second = run("bank", "import", str(mini_bank))
    assert "新增 0 题" in second.output and "未变 3 题" in second.output
    stats = run("bank", "stats", "--json")
    data = json.loads(stats.output)
    assert data["total"] == 3 and data["by_domain"] == {"hr": 3}
    assert data["by_type"] == {"single": 1, "judge": 1, "fill": 1}


def test_import_error_exits_1_and_changes_nothing(run, mini_bank: Path) -> None:  # type: ignore[no-untyped-def]
    f = mini_bank / "hr" / "demo.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("difficulty: 1", "difficulty: six"), encoding="utf-8")
    result = run("bank", "import", str(mini_bank))
    assert result.exit_code == 1 and "difficulty" in result.output and "未做任何改动" in result.output
    assert json.loads(run("bank", "stats", "--json").output)["total"] == 0


def test_dry_run(run, mini_bank: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("bank", "import", "--dry-run", str(mini_bank))
    assert "将新增 3 题" in result.output
    assert json.loads(run("bank", "stats", "--json").output)["total"] == 0


def test_db_upgrade_and_info(run) -> None:  # type: ignore[no-untyped-def]
    assert "升级到" in run("db", "upgrade").output
    assert "已是最新" in run("db", "upgrade").output
    info = json.loads(run("db", "info", "--json").output)
    assert info["backend"] == "sqlite" and info["counts"]["districts"] == 6


def test_bad_language_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    assert run("--lang", "fr", "db", "info").exit_code != 0


def test_gui_fast_path_parsing() -> None:
    assert _gui_fast_path([])["exit_when_ready"] is False  # type: ignore[index]
    assert _gui_fast_path(["--db", "sqlite://", "gui", "--exit-when-ready"]) == {"db": "sqlite://", "data_dir": None, "lang": None, "exit_when_ready": True}
    assert _gui_fast_path(["--lang=en", "gui"])["lang"] == "en"  # type: ignore[index]
    assert _gui_fast_path(["bank", "stats"]) is None
    assert _gui_fast_path(["--help"]) is None
