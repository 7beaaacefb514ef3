"""The README's quick start stays true: CI runs exactly its test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bash_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", text, re.S)]


def test_quick_start_has_two_commands_in_each_language() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    zh, en = text.split("\n---\n", 1)
    assert "快速开始" in zh and "Quick start" in en
    assert _bash_blocks(zh) == _bash_blocks(en)
    assert len(_bash_blocks(zh)) == 2


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = _bash_blocks(readme)[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"bash -c '{test_command}'" in ci
