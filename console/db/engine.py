"""Engines for the two deployments: one workstation on SQLite, a room of workstations on PostgreSQL.

SQLite: WAL journal, foreign keys on, a busy timeout, and every transaction that may write starts with
``BEGIN IMMEDIATE`` (plain ``BEGIN`` produced "database is locked" storms under concurrency, see
RELIABILITY.md). Read-only work uses ``Database.reader`` which starts deferred transactions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000


def default_database_url() -> str:
    """The SQLite file in the user's data directory (created on first use)."""
    directory = Path(user_data_dir("dispatch-console", appauthor=False))
    directory.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{directory / 'console.db'}"


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and pick the psycopg 3 driver; other URLs unchanged."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")

    from console.audit.sqlite_seal import install as install_audit_sealing

    install_audit_sealing(engine)  # after the BEGIN hook: seals each transaction's events at its commit


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url`` configured for the dispatch room (see module docstring)."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                                                  "check_same_thread": False}, **kwargs)
        _configure_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        options = {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 10, **kwargs}
        return create_engine(url, **options)
    raise ValueError(f"unsupported database URL {url!r}: use sqlite:///FILE or postgresql://USER@HOST/DB")


class Database:
    """An engine plus session factories: ``writer()`` for changes, ``reader()`` for queries.

    Thread-safe; each call returns a new session. Sessions do not expire objects on commit, so values
    read inside a unit of work stay readable after it.
    """

    def __init__(self, url: str, **engine_kwargs: Any):
        self.url = normalise_url(url)
        self.engine = make_engine(self.url, **engine_kwargs)
        self.dialect = self.engine.dialect.name
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        read_engine = self.engine.execution_options(sqlite_begin="DEFERRED") if self.is_sqlite else self.engine
        self._reader = sessionmaker(read_engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading; its transaction is discarded on exit, loaded objects stay readable."""
        session = self._reader()
        try:
            yield session
        finally:
            session.close()

    def writer(self) -> Session:
        """A new session for one unit of work (use through ``UnitOfWork``)."""
        return self._writer()

    def dispose(self) -> None:
        self.engine.dispose()
