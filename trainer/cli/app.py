"""Typer application: global options and command groups. Each group lives in its own module."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from trainer.core.errors import Problem, TrainerError, ValidationError

app = typer.Typer(
    help="全科社工培训与考试系统 trainer — training and examination for community social workers.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@dataclass
class CliState:
    db: str | None = None
    data_dir: str | None = None
    lang: str | None = None
    _ctx: Any = field(default=None, repr=False)

    def settings(self):  # type: ignore[no-untyped-def]
        from trainer.settings import load_settings

        return load_settings(data_dir=self.data_dir, db_url=self.db, lang=self.lang)

    def context(self, *, migrate: bool = True):  # type: ignore[no-untyped-def]
        """Open the database (upgrading the schema on the way) once per command."""
        if self._ctx is None:
            from trainer.services.context import AppContext

            self._ctx = AppContext.open(self.settings(), migrate=migrate)
            if self._ctx.backup:
                err(f"数据库已升级，原文件备份在 {self._ctx.backup}")
        return self._ctx

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.close()


@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option("--db", help="SQLAlchemy URL of the database (default: SQLite in the data directory); env TRAINER_DB_URL")] = None,
    data_dir: Annotated[Optional[str], typer.Option("--data-dir", help="data directory (default: the platform user data dir); env TRAINER_DATA_DIR")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="zh_CN or en")] = None,
) -> None:
    if lang is not None and lang not in ("zh_CN", "en"):
        raise typer.BadParameter("choose zh_CN or en", param_hint="--lang")
    state = CliState(db, data_dir, lang)
    ctx.obj = state
    ctx.call_on_close(state.close)
    if ctx.invoked_subcommand is None:
        from trainer.ui.app import launch

        raise typer.Exit(launch(db=db, data_dir=data_dir, lang=lang))


@app.command()
def gui(
    ctx: typer.Context,
    exit_when_ready: Annotated[bool, typer.Option("--exit-when-ready", help="print ms from process start until the window shows real data, then exit")] = False,
) -> None:
    """Start the desktop app (the default command)."""
    from trainer.cli.main import PROCESS_START
    from trainer.ui.app import launch

    state: CliState = ctx.obj
    raise typer.Exit(launch(db=state.db, data_dir=state.data_dir, lang=state.lang, exit_when_ready=exit_when_ready, start=PROCESS_START))


def err(message: str) -> None:
    print(message, file=sys.stderr)


def print_problems(problems: list[Problem] | tuple[Problem, ...], *, header: str = "") -> None:
    if header:
        err(header)
    for p in problems:
        mark = "警告" if p.severity == "warning" else "错误"
        err(f"{mark}: {p}")


def emit_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def fail(exc: TrainerError) -> None:
    if isinstance(exc, ValidationError):
        print_problems(exc.problems)
        err(f"共 {len(exc.problems)} 个问题；未做任何改动。")
    else:
        err(f"错误: {exc}")
    raise typer.Exit(1)


def paths_arg(values: list[Path]) -> list[Path]:
    return [Path(v) for v in values]


def _register() -> None:
    from trainer.cli import bank, db, demo, exam

    app.add_typer(db.app, name="db")
    app.add_typer(bank.app, name="bank")
    app.add_typer(exam.paper_app, name="paper")
    app.add_typer(exam.attempt_app, name="attempt")
    app.command(name="demo")(demo.demo)


_register()
