"""Engines, schema upgrades and the copy-aside backup.

SQLite runs in WAL mode with foreign keys on and synchronous=FULL: an answer is on disk when commit returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from trainer.core.errors import SchemaTooNew
from trainer.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration this version knows. Start-up compares the database against it with one query and
# imports Alembic only when an upgrade is due (a test checks it equals Alembic's head).
HEAD_REVISION = "0002"


def make_engine(url: str, *, echo: bool = False) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy, not the driver, manage transactions so BEGIN is emitted when we say. A unit of
        # work that writes takes the write lock up front (BEGIN IMMEDIATE): a deferred transaction that
        # reads, then writes after another process committed, would fail at once with "database is locked"
        # instead of waiting out the busy timeout.
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("sqlite_write") else "BEGIN")


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see make_engine)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None  # revision in the database (None: empty database)
    head: str
    known: bool  # the database revision is one this version of trainer knows

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:  # no table yet: an empty database
            return None


def schema_status(engine: Engine) -> SchemaStatus:
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return SchemaStatus(current=current, head=HEAD_REVISION, known=True)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    try:
        known = current is None or script.get_revision(current) is not None
    except Exception:  # alembic raises several kinds for unknown revisions
        known = False
    return SchemaStatus(current=current, head=script.get_current_head() or "", known=known)


def upgrade(engine: Engine, *, backup_dir: Path | None = None, now: datetime | None = None) -> Path | None:
    """Bring the schema to head. A SQLite file is copied aside first; returns the backup path, if any.

    A database written by a newer trainer is refused (SchemaTooNew), never downgraded.
    """
    status = schema_status(engine)
    if not status.known:
        raise SchemaTooNew(
            f"数据库由更新版本的 trainer 创建（架构版本 {status.current}），当前程序只支持到 {status.head}。"
            "请升级程序后再打开；数据库未作任何改动。"
        )
    if status.up_to_date:
        return None
    backup = None
    if status.current is not None:
        backup = _backup_sqlite(engine, backup_dir, now or datetime.now(timezone.utc))
    from alembic import command

    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def _backup_sqlite(engine: Engine, backup_dir: Path | None, now: datetime) -> Path | None:
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        return None
    source = Path(engine.url.database)
    if not source.exists():
        return None
    target_dir = backup_dir or source.parent / "backups"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{source.stem}-{now:%Y%m%d-%H%M%S}{source.suffix}"
    # The sqlite backup API copies a consistent snapshot even with WAL content not yet checkpointed.
    import sqlite3

    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())
