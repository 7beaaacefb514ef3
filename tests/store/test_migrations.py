"""Models and migrations agree; start-up knows the head; newer schemas are refused; SQLite is copied aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from trainer.core.errors import SchemaTooNew
from trainer.store import models
from trainer.store.db import HEAD_REVISION, alembic_config, make_engine, schema_status, upgrade


def test_head_constant_matches_alembic(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert ScriptDirectory.from_config(alembic_config(engine)).get_current_head() == HEAD_REVISION


def test_models_and_migrations_agree(both_backends: None, db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), models.Base.metadata)
    engine.dispose()
    assert diff == []


def test_seeded_domains_and_districts(both_backends: None, db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        districts = [r[0] for r in conn.execute(text("SELECT name FROM districts ORDER BY sort"))]
        domains = sorted(r[0] for r in conn.execute(text("SELECT code FROM domains")))
    engine.dispose()
    assert districts == ["站前区", "西市区", "鲅鱼圈区", "老边区", "盖州市", "大石桥市"]
    assert domains == ["community", "health", "housing", "hr", "petition"]


def test_newer_schema_is_refused_and_left_untouched(both_backends: None, db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNew, match="更新版本"):
        upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
    assert not schema_status(engine).known
    engine.dispose()


def test_upgrade_copies_sqlite_aside_first_and_keeps_data(tmp_path: Path) -> None:
    import sqlite3

    from alembic import command

    db = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{db}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:  # a database written by the first release
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO communities (district_id, name, street, pilot, created_at) VALUES (1, '建设社区', '', 0, '2026-01-01')"))
    assert schema_status(engine).current == "0001"
    backup = upgrade(engine, backup_dir=tmp_path / "backups")
    assert schema_status(engine).up_to_date
    assert backup is not None and backup.exists()
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert old.execute("SELECT name FROM communities").fetchone()[0] == "建设社区"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM communities")).scalar() == "建设社区"
    assert upgrade(engine) is None  # up to date: nothing copied again
    engine.dispose()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    engine.dispose()
