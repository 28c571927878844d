"""Shared fixtures: a fresh SQLite file and a fresh PostgreSQL database per test, with the shipped
reference data, a fixed clock and the room's staff.

PostgreSQL: ``DISPATCH_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/postgres``) must reach a
server that lets us create databases. Without one the PostgreSQL tests skip with the reason — except
under CI (``CI=true``), where they fail, because CI must run them.
"""

from __future__ import annotations

import gc
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.backend import Backend, open_backend
from console.domain.clock import FixedClock
from console.domain.enums import Role
from console.domain.ticket import Actor
from console.services.accounts import NewStaff, add_staff
from console.services.context import RoomSettings


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):  # type: ignore[no-untyped-def]
    """Tests with a Qt application collect garbage on the GUI thread only, as the app does
    (``ui.gc_guard``): no automatic collection from setup to teardown, one full collection afterwards."""
    if "qapp" not in getattr(item, "fixturenames", ()):
        return (yield)
    gc.disable()
    try:
        return (yield)
    finally:
        gc.collect()
        gc.enable()


PG_ADMIN_URL = os.environ.get("DISPATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
START = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 09:00 in Shenzhen


def _pg_unreachable_reason() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=3):
            return None
    except Exception as error:  # any failure means: no usable server
        return f"PostgreSQL not reachable at {PG_ADMIN_URL}: {error.__class__.__name__}: {error}".strip()


_PG_REASON = _pg_unreachable_reason()


def require_postgres() -> None:
    if _PG_REASON is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must run the PostgreSQL tests, but: {_PG_REASON}")
    pytest.skip(_PG_REASON)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new empty PostgreSQL database, dropped afterwards."""
    require_postgres()
    import psycopg

    name = f"dc_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        drop_room_roles(admin, name)


def drop_room_roles(admin: object, database: str) -> None:
    """Drop the cluster-wide roles a hardened room created (logins first, then groups, gate, owner)."""
    from console.db.hardening.names import room_prefix

    pattern = room_prefix(database).replace("_", r"\_") + r"\_%"
    names = [r for (r,) in admin.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s",  # type: ignore[attr-defined]
                                         (pattern,)).fetchall()]
    for role in sorted(names, key=lambda n: (0 if "_u_" in n else 1, n)):
        admin.execute(f'DROP ROLE IF EXISTS "{role}"')  # type: ignore[attr-defined]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'console.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test using it runs on both databases."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'console.db'}"
    return request.getfixturevalue("pg_url")


@dataclass
class Room:
    """A migrated, seeded database with a fixed clock and one account per role."""

    backend: Backend
    clock: FixedClock
    operator: Actor
    dispatcher: Actor
    dispatcher2: Actor
    supervisor: Actor

    @property
    def ctx(self):  # type: ignore[no-untyped-def]
        return self.backend.ctx

    def handler(self, unit_code: str) -> Actor:
        """An account for ``unit_code`` (created on first use)."""
        from sqlalchemy import select

        from console.db.schema import StaffRow, UnitRow

        with self.ctx.db.reader() as s:
            unit_id = s.scalar(select(UnitRow.id).where(UnitRow.code == unit_code))
            row = s.scalars(select(StaffRow).where(StaffRow.unit_id == unit_id)).first()
        if row is not None:
            return Actor(row.id, row.display_name, Role.UNIT_HANDLER, row.unit_id)
        username = f"h{unit_id}"
        staff_id = add_staff(self.ctx, NewStaff(username, f"{unit_code}承办人", Role.UNIT_HANDLER, "pw1234",
                                                unit_code=unit_code))
        return Actor(staff_id, f"{unit_code}承办人", Role.UNIT_HANDLER, unit_id)


def make_room(url: str, settings: RoomSettings | None = None) -> Room:
    clock = FixedClock(START)
    backend = open_backend(url, clock=clock, settings=settings, with_router=False)
    ctx = backend.ctx
    people = {}
    for username, name, role in (("op01", "赵受理", Role.OPERATOR), ("disp01", "王分拨", Role.DISPATCHER),
                                 ("disp02", "钱分拨", Role.DISPATCHER), ("sup01", "孙值班长", Role.SUPERVISOR)):
        staff_id = add_staff(ctx, NewStaff(username, name, role, "pw1234", shift_slot=2))
        people[username] = Actor(staff_id, name, role)
    return Room(backend, clock, people["op01"], people["disp01"], people["disp02"], people["sup01"])


@pytest.fixture
def room(any_url: str) -> Iterator[Room]:
    made = make_room(any_url)
    yield made
    made.backend.close()


@pytest.fixture
def sqlite_room(sqlite_url: str) -> Iterator[Room]:
    made = make_room(sqlite_url)
    yield made
    made.backend.close()


@pytest.fixture
def pg_room(pg_url: str) -> Iterator[Room]:
    made = make_room(pg_url)
    yield made
    made.backend.close()
