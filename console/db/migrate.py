"""Bring a database to the newest schema with alembic; the app calls ``upgrade`` on start."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from console.db.engine import Database

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(db: Database) -> Config:
    """An alembic configuration for ``db`` that reuses its engine (no second connection URL)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    config.attributes["engine"] = db.engine
    return config


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(db: Database) -> str | None:
    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def upgrade(db: Database, revision: str = "head") -> None:
    """Apply every missing revision up to ``revision``; a no-op on an up-to-date database."""
    command.upgrade(alembic_config(db), revision)


def is_up_to_date(db: Database) -> bool:
    return current_revision(db) == head_revision(db)
