"""`trainer db upgrade | info`."""

from __future__ import annotations

import typer

from trainer.cli.app import CliState, emit_json, fail
from trainer.core.errors import TrainerError

app = typer.Typer(help="Database schema and information.", no_args_is_help=True)


@app.command()
def upgrade(ctx: typer.Context) -> None:
    """Upgrade the database schema to this version (a SQLite file is copied aside first)."""
    state: CliState = ctx.obj
    from trainer.store.db import make_engine, schema_status
    from trainer.store.db import upgrade as do_upgrade

    settings = state.settings()
    engine = make_engine(settings.db_url)
    try:
        before = schema_status(engine)
        backup = do_upgrade(engine, backup_dir=settings.data_dir / "backups")
        after = schema_status(engine)
    except TrainerError as exc:
        fail(exc)
    finally:
        engine.dispose()
    if before.current == after.current:
        print(f"数据库已是最新版本（{after.current}）。")
    else:
        print(f"数据库已从 {before.current or '空库'} 升级到 {after.current}。")
    if backup:
        print(f"升级前的副本：{backup}")


@app.command()
def info(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="machine-readable output")) -> None:
    """Show where the database is, its schema version and what it holds."""
    state: CliState = ctx.obj
    from trainer.services.system import SystemService

    try:
        data = SystemService(state.context()).info()
    except TrainerError as exc:
        fail(exc)
    if as_json:
        emit_json(data)
        return
    labels = {"url": "数据库", "backend": "类型", "schema": "架构版本", "data_dir": "数据目录"}
    for key, label in labels.items():
        print(f"{label}: {data[key]}")
    for key, n in data["counts"].items():
        print(f"  {key}: {n}")
