"""The English translation is complete and its compiled catalogue is up to date."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "trainer_en.ts"
QM = ROOT / "resources" / "i18n" / "trainer_en.qm"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} not installed")
    return found


def test_every_ui_string_has_a_finished_translation(tmp_path: Path) -> None:
    ts = tmp_path / "check.ts"
    shutil.copy(TS, ts)
    sources = [str(p) for p in (ROOT / "trainer" / "ui").rglob("*.py")]
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete"], check=True, capture_output=True)
    unfinished = [
        m.findtext("source") for m in ET.parse(ts).iter("message") if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == [], "run pyside6-lupdate and translate these in resources/i18n/trainer_en.ts"


def test_compiled_catalogue_matches_the_ts(tmp_path: Path) -> None:
    qm = tmp_path / "check.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == QM.read_bytes(), "run pyside6-lrelease resources/i18n/trainer_en.ts"


def test_english_window(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from trainer.settings import Settings
    from trainer.ui.app import install_translator
    from trainer.ui.main_window import MainWindow

    translator = install_translator(qapp, "en")
    try:
        window = MainWindow(Settings(data_dir=tmp_path, db_url="sqlite://", lang="en"))
        assert window.windowTitle() == "Community Social Worker Training & Exams"
        assert window.nav.topLevelItem(0).text(0) == "Home"
        window.close()
    finally:
        qapp.removeTranslator(translator)
