"""The one place that finds bundled data: question bank, courseware and resources.

In a wheel they ship as `trainer/_data/...`; in a source checkout (editable install, tests) they are the
top-level folders next to the package. Never the working directory.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_PACKAGE_DIR = Path(str(resources.files("trainer")))


@cache
def _data_root() -> Path:
    bundled = _PACKAGE_DIR / "_data"
    if (bundled / "question_bank").is_dir():
        return bundled
    return _PACKAGE_DIR.parent


def question_bank_dir() -> Path:
    return _data_root() / "question_bank"


def courseware_dir() -> Path:
    return _data_root() / "courseware"


def resources_dir() -> Path:
    return _data_root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    return _PACKAGE_DIR / "store" / "migrations"
