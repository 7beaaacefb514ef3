"""Unit of work: one Session per user action, committed or rolled back as a whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


class UnitOfWork:
    """`with uow() as s:` gives a Session in a transaction; commit on success, rollback on error."""

    def __init__(self, engine: Engine):
        self.engine = engine
        # Writing units take SQLite's write lock when they begin (see store/db.py); reads do not.
        self._writer = sessionmaker(engine.execution_options(sqlite_write=True), expire_on_commit=False)
        self._factory = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def __call__(self) -> Iterator[Session]:
        session = self._writer()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit: never commits."""
        session = self._factory()
        try:
            yield session
        finally:
            session.rollback()
            session.close()
