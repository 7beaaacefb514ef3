"""The services' shared context: settings, engine, unit of work, clock. Built by each composition root."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from trainer.core.clock import Clock, SystemClock
from trainer.services.changes import Changes  # noqa: F401 - re-exported for services
from trainer.settings import Settings
from trainer.store.db import make_engine, upgrade
from trainer.store.uow import UnitOfWork


@dataclass
class AppContext:
    settings: Settings
    engine: Engine
    uow: UnitOfWork
    clock: Clock = field(default_factory=SystemClock)
    backup: Path | None = None  # where start-up upgrade copied the database aside, if it did

    @classmethod
    def open(cls, settings: Settings, *, clock: Clock | None = None, migrate: bool = True) -> AppContext:
        engine = make_engine(settings.db_url)
        backup = upgrade(engine, backup_dir=settings.data_dir / "backups") if migrate else None
        return cls(settings, engine, UnitOfWork(engine), clock or SystemClock(), backup)

    def close(self) -> None:
        self.engine.dispose()
