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
    """Apply every missing revision up to ``revision``; a no-op on an up-to-date database.

    On PostgreSQL, when the connection may create roles (the DBA's), the room's hardening is taken down
    before migrating (its views would block column changes) and installed again at head, so a room is always
    hardened at the newest schema. An up-to-date room whose hardening is current is left as it is."""
    if not (db.is_postgres and _may_create_roles(db)):
        command.upgrade(alembic_config(db), revision)
        return
    from console.db.hardening.install import HARDENING_VERSION, install_database, installed_version

    if revision == "head" and is_up_to_date(db) and installed_version(db) == HARDENING_VERSION:
        return
    _take_down_hardening(db)
    command.upgrade(alembic_config(db), revision)
    if revision == "head":
        install_database(db)


def downgrade(db: Database, revision: str) -> None:
    """Step back to ``revision`` (tests and emergencies); the hardening is taken down first."""
    if db.is_postgres:
        _take_down_hardening(db)
    command.downgrade(alembic_config(db), revision)


def _take_down_hardening(db: Database) -> None:
    from console.db.hardening.install import is_hardened, uninstall_objects

    with db.engine.begin() as connection:
        if is_hardened(connection):
            uninstall_objects(connection)


def _may_create_roles(db: Database) -> bool:
    with db.engine.connect() as connection:
        return bool(connection.exec_driver_sql(
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user").scalar())


def is_up_to_date(db: Database) -> bool:
    return current_revision(db) == head_revision(db)
