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


MINI_MORE_ITEMS = """\
domain: hr
section: hr-demo
items:
  - id: hr-demo-004
    type: multiple
    stem: 示例多选题（　）。
    options: [甲, 乙, 丙, 丁]
    answer: ACD
    explanation: 甲、丙、丁正确。
    basis: [{rule: demo-law, article: 第四条}]
    difficulty: 3
  - id: hr-demo-005
    type: ordering
    stem: 排列步骤。
    options: [第三步, 第一步, 第二步]
    answer: B,C,A
    explanation: 先一后二再三。
    basis: [{rule: demo-law, article: 第五条}]
    difficulty: 2
  - id: hr-demo-006
    type: matching
    stem: 匹配。
    left: [甲事项, 乙事项]
    right: [乙部门, 甲部门, 丙部门]
    answer: 1-B,2-A
    explanation: 甲对甲，乙对乙。
    basis: [{rule: demo-law, article: 第六条}]
    difficulty: 2
  - id: hr-demo-007
    type: case
    stem: 居民来到窗口……
    sub:
      - {type: single, stem: 应当（　）。, options: [甲, 乙, 丙, 丁], answer: C, explanation: 丙。}
      - {type: judge, stem: 可以当场办结。, answer: true, explanation: 可以。}
    explanation: 见各小题。
    basis: [{rule: demo-law, article: 第七条}]
    difficulty: 3
  - id: hr-demo-008
    type: essay
    stem: 简述办理流程。
    answer: 先登记，再审核。
    rubric: [{point: 登记, percent: 50}, {point: 审核, percent: 50}]
    explanation: 两个要点。
    basis: [{rule: demo-law, article: 第八条}]
    difficulty: 3
"""

MINI_BLUEPRINT = """\
name: 示例考试
duration_minutes: 30
pass: {total_percent: 60, each_domain_percent: 50}
sections:
  - {domain: hr, type: single, count: 1, points: 10}
  - {domain: hr, type: judge, count: 1, points: 10}
  - {domain: hr, type: fill, count: 1, points: 10}
  - {domain: hr, type: multiple, count: 1, points: 10}
  - {domain: hr, type: ordering, count: 1, points: 10}
  - {domain: hr, type: matching, count: 1, points: 10}
  - {domain: hr, type: case, count: 1, points: 20}
  - {domain: hr, type: essay, count: 1, points: 20}
"""


@pytest.fixture
def exam_bank(mini_bank: Path) -> Path:
    """The mini bank with one item of every type, and a blueprint that uses them all."""
    (mini_bank / "hr" / "more.yaml").write_text(MINI_MORE_ITEMS, encoding="utf-8")
    (mini_bank / "blueprints").mkdir()
    (mini_bank / "blueprints" / "exam.yaml").write_text(MINI_BLUEPRINT, encoding="utf-8")
    return mini_bank


# Correct answers of the exam bank, in canonical VALUE form.
EXAM_KEY = {
    "hr-demo-001": "B", "hr-demo-002": "F", "hr-demo-003": "30", "hr-demo-004": "ACD", "hr-demo-005": "B,C,A",
    "hr-demo-006": "1-B,2-A", "hr-demo-007.1": "C", "hr-demo-007.2": "T", "hr-demo-008": "先登记，再审核。",
}


@pytest.fixture
def exam_key() -> dict[str, str]:
    return dict(EXAM_KEY)
