"""Closing a window while its workstation heartbeat is in flight: the session is ended once, the user is
not told that the room declared the workstation dead, and no new session is left open behind the closed
window. The PostgreSQL test skips without a server (``tests/conftest.py``)."""

from __future__ import annotations

import asyncio

import pytest
from conftest import run
from sqlalchemy import func, select
from test_ui_room import new_ticket, pg_windows, pg_world  # noqa: F401  (fixtures)

from console.db.schema import TicketRow, WorkstationRow
from tests.conftest import Room

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("beat_first", [False, True])
def test_a_heartbeat_racing_the_close_opens_no_new_session(pg_world: Room, pg_windows, loop,  # noqa: F811
                                                           beat_first: bool) -> None:
    ticket = new_ticket(pg_world)
    window = pg_windows(pg_world.dispatcher)
    window.view.select_ticket(ticket)
    assert run(loop, window.triage.claim()) is True
    keeper = window.workstation

    async def close_with_a_beat_in_flight() -> None:
        tasks = window.session.tasks
        first, second = (keeper.beat(), keeper.close()) if beat_first else (keeper.close(), keeper.beat())
        await asyncio.gather(tasks.spawn(first), tasks.spawn(second))

    run(loop, close_with_a_beat_in_flight())
    with pg_world.ctx.db.reader() as s:
        still_open = s.scalar(select(func.count()).select_from(WorkstationRow)
                              .where(WorkstationRow.staff_id == pg_world.dispatcher.staff_id,
                                     WorkstationRow.ended_at.is_(None)))
        claimed = s.scalar(select(TicketRow.claimed_by).where(TicketRow.id == ticket))
    assert still_open == 0 and claimed is None
    assert not [e for e in window.prompter.errors if "已被判定离线" in e]
    assert window.session.backend.ctx.workstation_id is None


def test_after_a_room_wide_outage_the_sweep_waits_for_the_others_to_reconnect(pg_world: Room, pg_windows,  # noqa: F811
                                                                             loop) -> None:
    """The database was down for minutes: every heartbeat is old. The first console back must not declare
    the whole room dead before the others have had time to reconnect and beat."""
    from sqlalchemy import text

    ticket = new_ticket(pg_world)
    window, other = pg_windows(pg_world.dispatcher), pg_windows(pg_world.dispatcher2)
    other.view.select_ticket(ticket)
    assert run(loop, other.triage.claim()) is True
    with pg_world.ctx.db.engine.begin() as connection:  # nobody could beat during the outage
        connection.execute(text("UPDATE workstations SET heartbeat_at = heartbeat_at - interval '1 hour'"))
    window.session.link.lost("数据库连接失败：服务器重启")
    window.session.link.restored()  # this console is back first
    assert run(loop, window.workstation.sweep()) is None  # too early to judge the others
    with pg_world.ctx.db.reader() as s:
        assert s.scalar(select(TicketRow.claimed_by).where(TicketRow.id == ticket)) == pg_world.dispatcher2.staff_id
    window.session.link.restored_at -= 3600  # long after the outage: a silent workstation is dead
    assert run(loop, window.workstation.sweep()).ticket_ids == (ticket,)
