"""`trainer demo` loads a realistic data set once; loading it again adds nothing."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from trainer.cli.app import app
from trainer.core import idcard


def test_demo_loads_bank_people_and_accounts(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["--data-dir", str(tmp_path)]
    result = runner.invoke(app, [*args, "demo"])
    assert result.exit_code == 0, result.output
    info = json.loads(runner.invoke(app, [*args, "db", "info", "--json"]).output)
    counts = info["counts"]
    assert counts["questions"] >= 500 and counts["courseware_sections"] >= 25
    assert counts["communities"] == 24 and 110 <= counts["workers"] <= 120
    assert counts["users"] == 4
    again = runner.invoke(app, [*args, "demo"])
    assert again.exit_code == 0
    assert json.loads(runner.invoke(app, [*args, "db", "info", "--json"]).output)["counts"] == counts

    import sqlite3

    with sqlite3.connect(tmp_path / "trainer.sqlite3") as conn:
        numbers = [r[0] for r in conn.execute("SELECT id_number FROM workers")]
        pilots = conn.execute("SELECT count(*) FROM communities WHERE pilot").fetchone()[0]
    assert all(idcard.is_valid(n) for n in numbers)
    assert pilots == 20
