"""Architecture: everything outside trainer/ui imports without Qt (DESIGN.md)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import trainer


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(trainer.__path__, "trainer."):
        if info.name.startswith(("trainer.ui", "trainer.store.migrations")) or info.name == "trainer.__main__":
            continue
        names.append(info.name)
    return names


def test_non_ui_modules_do_not_load_pyside6() -> None:
    modules = _modules()
    assert "trainer.core.questions" in modules and "trainer.cli.app" in modules
    code = "import importlib, sys\nfor name in %r:\n    importlib.import_module(name)\nprint('PySide6' in sys.modules)" % modules
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr


def test_core_imports_neither_qt_nor_sqlalchemy() -> None:
    core = [m for m in _modules() if m.startswith("trainer.core")]
    code = "import importlib, sys\nfor name in %r:\n    importlib.import_module(name)\nprint(sorted(m for m in ('PySide6', 'sqlalchemy') if m in sys.modules))" % core
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_ui_does_not_import_the_store() -> None:
    import pathlib

    ui = pathlib.Path(trainer.__file__).parent / "ui"
    offenders = [
        str(p) for p in ui.rglob("*.py")
        if any(line.strip().startswith(("from sqlalchemy", "import sqlalchemy", "from trainer.store", "import trainer.store")) for line in p.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []
