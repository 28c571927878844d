"""A long transaction elsewhere holds a ticket's row lock: the window's action is refused after the
connection's lock timeout with a message (not "offline", nothing changed), live updates keep flowing, the
room's sweep does not mark the window offline, and the status bar says when the data stops being fresh.
The PostgreSQL tests skip without a server (``tests/conftest.py``)."""

from __future__ import annotations

import threading
import time

import pytest
from conftest import run, wait_until
from sqlalchemy import text
from test_ui_room import new_ticket, pg_windows, pg_world  # noqa: F401  (fixtures)

from console.services import triage
from tests.conftest import Room


class RowLocker:
    """Holds ``SELECT … FOR UPDATE`` on one ticket in its own transaction until ``release()`` (or 30 s)."""

    def __init__(self, room: Room, ticket_id: int):
        self.room, self.ticket_id = room, ticket_id
        self.locked, self.done = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._hold, daemon=True)

    def __enter__(self) -> RowLocker:
        self.thread.start()
        assert self.locked.wait(10)
        return self

    def _hold(self) -> None:
        with self.room.ctx.db.engine.connect() as connection:
            connection.execute(text("SELECT id FROM tickets WHERE id = :id FOR UPDATE"), {"id": self.ticket_id})
            self.locked.set()
            self.done.wait(30)
            connection.rollback()

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join(10)


@pytest.mark.postgres
def test_an_action_on_a_row_locked_by_a_long_transaction_is_refused_and_the_view_stays_live(
        pg_world: Room, pg_windows, loop) -> None:  # noqa: F811
    from ui.room.urls import with_room_options

    locked, other = new_ticket(pg_world, "被长事务锁住的工单"), new_ticket(pg_world, "另一张工单")
    window = pg_windows(pg_world.dispatcher, with_room_options(pg_world.ctx.db.url))
    wait_until(loop, lambda: window.queue._listener_up, timeout=5)
    with RowLocker(pg_world, locked):
        window.view.select_ticket(locked)
        started = time.monotonic()
        assert run(loop, window.triage.claim(), timeout=12) is False  # refused, not stuck behind the lock
        assert time.monotonic() - started < 10
        assert window.prompter.errors and "被其他会话锁定" in window.prompter.errors[-1]
        assert window.session.link.online and window.banner.isHidden() and not window.triage.sender_.unconfirmed
        triage.claim(pg_world.ctx, pg_world.dispatcher2, other)  # the room goes on; this window sees it
        wait_until(loop, lambda: window.model.get(other).claimed_by_name == "钱分拨", timeout=5)
        assert window.model.get(locked).claimed_by is None
    window.view.select_ticket(locked)
    assert run(loop, window.triage.claim()) is True  # the lock is gone: the same action works


@pytest.mark.postgres
def test_the_sweep_meeting_a_locked_claim_does_not_report_the_window_offline(
        pg_world: Room, pg_windows, loop) -> None:  # noqa: F811
    from ui.room.urls import with_room_options

    ticket = new_ticket(pg_world)
    crashed = pg_windows(pg_world.dispatcher2)  # claims, then "dies": its workstation stops beating
    crashed.view.select_ticket(ticket)
    assert run(loop, crashed.triage.claim()) is True
    crashed.workstation.stop()
    window = pg_windows(pg_world.dispatcher, with_room_options(pg_world.ctx.db.url))
    wait_until(loop, lambda: window.queue._listener_up, timeout=5)
    with pg_world.ctx.db.engine.begin() as connection:  # its last heartbeat was an hour ago
        connection.execute(text("UPDATE workstations SET heartbeat_at = heartbeat_at - interval '1 hour' "
                                "WHERE id = :id"), {"id": crashed.session.backend.ctx.workstation_id})
    with RowLocker(pg_world, ticket):
        assert run(loop, window.workstation.sweep(), timeout=12) is None  # skipped, not "offline"
        assert window.session.link.online and window.banner.isHidden()
    assert run(loop, window.workstation.sweep()).ticket_ids == (ticket,)  # lock gone: the claim is released
    wait_until(loop, lambda: window.model.get(ticket).claimed_by is None, timeout=5)


def test_status_bar_says_when_the_view_stops_being_fresh(qtbot) -> None:
    from ui.queue_columns import build_columns
    from ui.queue_model import QueueModel
    from ui.status_bar import STALE_AFTER_S, DispatchStatusBar

    bar = DispatchStatusBar(QueueModel(build_columns()))
    qtbot.addWidget(bar)
    now = time.time()
    bar.set_connection(True, "")
    bar.set_updated(now - 3)
    bar.check_stale(now)
    assert "已连接" in bar.connection.text()
    bar.check_stale(now + STALE_AFTER_S)  # the worker is held up: no read for a while
    assert "响应缓慢" in bar.connection.text() and "已连接" not in bar.connection.text()
    bar.set_updated(now + STALE_AFTER_S + 1)  # a read succeeded again
    assert "已连接" in bar.connection.text() and "响应缓慢" not in bar.connection.text()
    bar.set_connection(False, "断了")
    bar.check_stale(now + 100)  # offline says offline, not "slow"
    assert "中断" in bar.connection.text()
    bar.stop()
