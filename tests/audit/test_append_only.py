"""The event table is append-only: on PostgreSQL even the migrating superuser's UPDATE, DELETE and
TRUNCATE fail (and so does deleting a ticket, whose events would cascade); the head only moves forward.
On SQLite the guard triggers refuse changing a sealed row and deleting any row."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.audit.helpers import check, history
from tests.conftest import Room

PG_REFUSED = [
    "UPDATE events SET reason = 'x'",
    "DELETE FROM events WHERE id = (SELECT max(id) FROM events)",
    "TRUNCATE events",
    "TRUNCATE events CASCADE",
    "DELETE FROM tickets",
    "UPDATE audit_chain SET seq = seq - 1",
    "DELETE FROM audit_chain",
    "TRUNCATE audit_chain",
]


@pytest.mark.postgres
@pytest.mark.parametrize("statement", PG_REFUSED)
def test_postgres_refuses_changing_the_trail(pg_room: Room, statement: str) -> None:
    history(pg_room, tickets=1)
    with pytest.raises(DBAPIError, match=r"append-only|only moves forward"), pg_room.ctx.db.engine.begin() as c:
        c.execute(text(statement))
    assert check(pg_room).ok


@pytest.mark.parametrize("statement", ["UPDATE events SET reason = 'x'", "DELETE FROM events"])
def test_sqlite_refuses_changing_sealed_rows(sqlite_room: Room, statement: str) -> None:
    history(sqlite_room, tickets=1)
    with pytest.raises(DBAPIError, match="append-only"), sqlite_room.ctx.db.engine.begin() as c:
        c.execute(text(statement))
    assert check(sqlite_room).ok
