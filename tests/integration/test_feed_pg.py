"""PostgreSQL change feed: NOTIFY wakes a listener with ticket ids; the snapshot cursor never skips a
transaction that drew a lower event id but committed later, and is not held back by it."""

from __future__ import annotations

import threading

import pytest

from console.db.uow import UnitOfWork
from console.domain.lifecycle import Action
from console.domain.ticket import Actor, DomainEvent
from console.feed import ChangeFeed, Wakeup
from console.services.intake import NewTicket, intake
from console.services.ticket_store import append_events
from tests.conftest import Room

pytestmark = pytest.mark.postgres


def test_notify_wakes_with_ticket_ids(pg_room: Room) -> None:
    wakeup = Wakeup(pg_room.ctx.db)
    wakeup.start()
    try:
        assert wakeup.wait(0.1) is None
        threading.Timer(0.2, lambda: intake(pg_room.ctx, pg_room.operator, NewTicket(text="通知测试"))).start()
        ids = wakeup.wait(10)
        assert ids is not None and len(ids) == 1
    finally:
        wakeup.close()


def test_late_committing_transaction_is_not_skipped(pg_room: Room) -> None:
    """An older transaction (lower xid) that commits its events after a younger one is delivered, not
    skipped, and while it is open it does not hold the younger one's events back. (Event ids can no longer
    commit out of order: the audit chain serialises event writers, so the older transaction takes its xid
    with another write first and appends its event just before committing.)"""
    from sqlalchemy import text

    ctx = pg_room.ctx
    first = intake(ctx, pg_room.operator, NewTicket(text="甲")).ticket_ids[0]
    feed = ChangeFeed(ctx.db)
    feed.start()
    slow = UnitOfWork(ctx.db).__enter__()
    slow.session.execute(text("UPDATE tickets SET updated_at = updated_at WHERE id = :i"), {"i": first})
    slow_xid = slow.session.execute(text("SELECT pg_current_xact_id()::text::bigint")).scalar()
    intake(ctx, pg_room.operator, NewTicket(text="乙"))                         # younger, committed first
    first_poll = feed.poll()
    assert [e.action for e in first_poll] == ["receive", "submit_review"]  # 乙 at once, not held back
    note = DomainEvent(Action.NOTE, None, None, "慢事务")
    append_events(slow.session, first, [note], Actor.system(), ctx.clock.now())
    slow.commit()
    slow.__exit__(None, None, None)
    second_poll = feed.poll()
    assert [e.action for e in second_poll] == ["note"]  # the older transaction committed late: delivered
    with ctx.db.reader() as session:
        xids = dict(session.execute(text("SELECT action, xid FROM events WHERE id IN (:a, :b)"),
                                    {"a": second_poll[0].id, "b": first_poll[0].id}).all())
    assert xids["note"] == slow_xid < xids["receive"]
    assert feed.poll() == []  # nothing repeated


def test_wakeup_connects_with_libpq_options_containing_spaces(pg_room: Room) -> None:
    """A workstation's URL carries ``options=-c lock_timeout=…`` (``ui.room.urls``): the listening
    connection must pass it to the server intact (a rendered URL turned the space into "+")."""
    from urllib.parse import quote

    from console.db.engine import Database

    url = pg_room.ctx.db.url + ("&" if "?" in pg_room.ctx.db.url else "?") + "options=" + quote("-c lock_timeout=4321")
    db = Database(url)
    wakeup = Wakeup(db)
    try:
        wakeup.start()
        assert wakeup._connection.execute("SHOW lock_timeout").fetchone()[0] == "4321ms"
        assert wakeup.wait(0.05) is None
    finally:
        wakeup.close()
        db.dispose()
