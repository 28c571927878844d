"""A hardened PostgreSQL room: migrated and hardened by the DBA connection, with one database login per
staff member. ``HardenedRoom.ctx_for(name)`` is a service context connected as that staff member, so
every call below goes through the masked views, the write triggers and row security."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pytest
from sqlalchemy import text

from console.backend import Backend, open_backend
from console.db.engine import Database
from console.db.hardening.login import STAFF_CONNECT_ARGS, staff_url
from console.db.hardening.names import gate_role, room_prefix
from console.domain.clock import FixedClock
from console.domain.enums import Role
from console.domain.ticket import Actor
from console.services.accounts import NewStaff, add_staff
from console.services.context import ServiceContext
from console.services.room_login import sign_in
from tests.conftest import START

PASSWORD = "room-pass-1"
UNIT_A, UNIT_B = "福田区/ecology", "罗湖区/ecology"
NOISE_ITEM = "030102"  # night construction noise: ecology, district level


@dataclass
class HardenedRoom:
    backend: Backend
    url: str
    clock: FixedClock
    people: dict[str, Actor] = field(default_factory=dict)
    _dbs: list[Database] = field(default_factory=list)

    @property
    def prefix(self) -> str:
        return room_prefix(self.url.rsplit("/", 1)[1])

    @property
    def gate_url(self) -> str:
        base = self.url.rsplit("/", 1)[0].replace("postgres@", f"{gate_role(self.prefix)}@")
        return f"{base}/{self.url.rsplit('/', 1)[1]}"

    def ctx_for(self, username: str) -> ServiceContext:
        """The service context of ``username`` signed in through the gate, as the window does."""
        gate = Database(self.gate_url)
        ctx = replace(self.backend.ctx, db=gate, gate=gate, router=None, on_sign_in=None)
        sign_in(ctx, username, PASSWORD)
        self._dbs += [gate, ctx.db]
        return ctx

    def raw(self, username: str):  # type: ignore[no-untyped-def]
        """A hand-made psycopg connection with ``username``'s credentials (what a curious user could do)."""
        import psycopg

        url = staff_url(self.gate_url, username, PASSWORD).replace("postgresql+psycopg://", "postgresql://")
        return psycopg.connect(url, autocommit=True)

    def staff_db(self, username: str) -> Database:
        db = Database(staff_url(self.gate_url, username, PASSWORD), connect_args=STAFF_CONNECT_ARGS)
        self._dbs.append(db)
        return db


@pytest.fixture
def hardened(pg_url: str) -> Iterator[HardenedRoom]:
    clock = FixedClock(START)
    backend = open_backend(pg_url, clock=clock, with_router=False)
    room = HardenedRoom(backend, pg_url, clock)
    ctx = backend.ctx
    units = [UNIT_A, UNIT_B]
    accounts = [("op01", "赵受理", Role.OPERATOR, None), ("disp01", "王分拨", Role.DISPATCHER, None),
                ("sup01", "孙值班长", Role.SUPERVISOR, None), ("admin1", "管理员", Role.ADMIN, None),
                ("ha", "甲单位承办人", Role.UNIT_HANDLER, units[0]),
                ("hb", "乙单位承办人", Role.UNIT_HANDLER, units[1])]
    for username, name, role, unit in accounts:
        staff_id = add_staff(ctx, NewStaff(username, name, role, PASSWORD, unit_code=unit))
        with ctx.db.engine.begin() as connection:  # add_staff created the login (DBA connection)
            unit_id = connection.execute(text("SELECT unit_id FROM staff WHERE id = :i"), {"i": staff_id}).scalar()
        room.people[username] = Actor(staff_id, name, role, unit_id)
    yield room
    for db in room._dbs:
        db.dispose()
    backend.close()
