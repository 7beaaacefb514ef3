"""Shared fixtures: real SQLite files and, when TRAINER_TEST_PG_URL is set, a real PostgreSQL server.

A migrated template database is made once per run per backend; each test gets a fresh copy of it.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from trainer.core.clock import FakeClock  # noqa: E402
from trainer.services.context import AppContext  # noqa: E402
from trainer.settings import Settings  # noqa: E402
from trainer.store.db import make_engine, upgrade  # noqa: E402
from trainer.store.uow import UnitOfWork  # noqa: E402

PG_URL = os.environ.get("TRAINER_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if PG_URL:
        return
    skip = pytest.mark.skip(reason="TRAINER_TEST_PG_URL not set (CI always sets it)")
    for item in items:
        if "pg" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert PG_URL
    name = f"trainer_tpl_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database for one test; parametrize with `backend` to run on both engines."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        target = tmp_path / "trainer.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), target)
        yield f"sqlite:///{target}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    template = request.getfixturevalue("pg_template")
    name = f"trainer_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")  # type: ignore[arg-type]
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)  # type: ignore[arg-type]
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ctx(db_url: str, tmp_path: Path, clock: FakeClock) -> Iterator[AppContext]:
    settings = Settings(data_dir=tmp_path / "data", db_url=db_url)
    engine = make_engine(db_url)
    context = AppContext(settings, engine, UnitOfWork(engine), clock)
    yield context
    engine.dispose()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests that ask for `both_backends` run once on SQLite and once on PostgreSQL."""
    if "both_backends" in metafunc.fixturenames:
        metafunc.parametrize("db_url", BACKENDS, indirect=True)


@pytest.fixture
def both_backends() -> None:
    """Marker fixture: see pytest_generate_tests."""


MINI_RULE = """\
id: demo-law
name: 中华人民共和国示例法
issuer: 全国人民代表大会常务委员会
kind: law
version: 2018年修正
effective: 2019-01-01
status: current
"""
MINI_OLD_RULE = """\
id: demo-law-2010
name: 中华人民共和国示例法
issuer: 全国人民代表大会常务委员会
kind: law
version: 2010年文本
status: superseded
superseded_by: demo-law
superseded_on: 2019-01-01
"""
MINI_CHAPTER = """\
---
id: hr-demo
title: 示例章节
domain: hr
order: 1
rules: [demo-law]
kind: overview
---
## 概述
示例正文。
"""
MINI_ITEMS = """\
domain: hr
section: hr-demo
items:
  - id: hr-demo-001
    type: single
    stem: 示例单选题（　）。
    options: [甲, 乙, 丙, 丁]
    answer: B
    explanation: 乙正确，其余不对。
    basis: [{rule: demo-law, article: 第一条}]
    difficulty: 2
    tags: [示例]
    review: reviewed
  - id: hr-demo-002
    type: judge
    stem: 示例判断题。
    answer: false
    explanation: 说法错误。
    basis: [{rule: demo-law, article: 第二条}]
    difficulty: 1
  - id: hr-demo-003
    type: fill
    stem: 应当在____日内办理。
    answer: [["30", 三十]]
    explanation: 三十日。
    basis: [{rule: demo-law, article: 第三条}]
    difficulty: 2
"""


@pytest.fixture
def mini_bank(tmp_path: Path) -> Path:
    """A tiny but complete bank: rules, courseware beside it, one item file."""
    root = tmp_path / "bank"
    (root / "question_bank" / "rules").mkdir(parents=True)
    (root / "question_bank" / "hr").mkdir()
    (root / "courseware" / "hr").mkdir(parents=True)
    (root / "question_bank" / "rules" / "demo-law.yaml").write_text(MINI_RULE, encoding="utf-8")
    (root / "courseware" / "hr" / "01-demo.md").write_text(MINI_CHAPTER, encoding="utf-8")
    (root / "question_bank" / "hr" / "demo.yaml").write_text(MINI_ITEMS, encoding="utf-8")
    return root / "question_bank"


@pytest.fixture
def mini_old_rule() -> str:
    return MINI_OLD_RULE
