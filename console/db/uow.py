"""Unit of work: one session, one transaction, rolled back unless ``commit()`` was called."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session

from console.db.engine import Database


class UnitOfWork:
    """``with UnitOfWork(db) as uow: ... uow.commit()``. Leaving without commit rolls back."""

    def __init__(self, db: Database):
        self.db = db
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self.db.writer()
        self.session.begin()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if self.session.in_transaction():
                self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
