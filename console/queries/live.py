"""Live refresh of the queue from the change feed: one call per poll, on the DB worker thread.

Database failures are reported as ``ConnectionLost`` (so the window can show the state without knowing
the database driver); the feed's cursor is kept, so the next successful poll catches up.

Reconciliation (``LiveQueue.reconcile_read``) reads the open tickets' versions and then polls the feed, so
the caller can tell a real drift (a row that differs although no event explains it) from a change that
was merely in flight. ``request_outcome`` answers "did my unconfirmed action land?" after a reconnect.

Lock waits. A workstation's connections carry a ``lock_timeout`` (``ui.room.urls``), so a row held by a
long transaction elsewhere cannot stall the window's single DB worker (and with it every live update).
``refuse_when_locked`` turns that timeout into ``LockBusy``: the transaction was rolled back, nothing was
changed, and it is not a connection fault (it must not be retried or shown as "offline").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError

from console.db.engine import Database
from console.db.schema import RequestRow, TicketRow
from console.feed import ChangeFeed, FeedEvent
from console.queries.queue import QueueScope, RowRefresh, load_queue, load_rows, open_in_scope
from console.queries.rows import QueueRow
from console.services.changes import Changed

T = TypeVar("T")

LOCK_NOT_AVAILABLE = "55P03"  # SQLSTATE of lock_timeout (and NOWAIT)


class ConnectionLost(Exception):
    """The database could not be reached; the message is for the status bar."""


class LockBusy(Exception):
    """A row or table the call needed stayed locked by another transaction past the lock timeout; the
    call's transaction was rolled back and nothing was changed."""


def lock_timed_out(error: BaseException) -> bool:
    """True when ``error`` (a driver error, possibly wrapped by SQLAlchemy) is a lock-wait timeout."""
    orig = getattr(error, "orig", error)
    return getattr(orig, "sqlstate", None) == LOCK_NOT_AVAILABLE or getattr(orig, "pgcode", None) == LOCK_NOT_AVAILABLE


def refuse_when_locked(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` with a lock-wait timeout raised as ``LockBusy`` (worker thread)."""
    try:
        return fn(*args, **kwargs)
    except (OperationalError, DBAPIError) as exc:
        if lock_timed_out(exc):
            raise LockBusy(_describe(exc)) from exc
        raise


@dataclass(frozen=True, slots=True)
class LiveBatch:
    """Events committed since the last poll and fresh rows for the tickets they touched."""

    events: tuple[FeedEvent, ...]
    refresh: RowRefresh


class LiveQueue:
    """A change-feed cursor plus the queue's scope. ``start()`` before the snapshot, ``poll()`` after.

    Not thread-safe: use it from one thread only (the window's DB worker).
    """

    def __init__(self, db: Database, scope: QueueScope):
        self.db = db
        self.scope = scope
        self.feed = ChangeFeed(db)

    def start(self) -> None:
        try:
            self.feed.start()
        except (OperationalError, DBAPIError) as exc:
            raise ConnectionLost(_describe(exc)) from exc

    def snapshot(self) -> list[QueueRow]:
        """Place the cursor, then read every open ticket in scope (the order that loses no change)."""
        try:
            self.feed.start()
            return load_queue(self.db, self.scope)
        except (OperationalError, DBAPIError) as exc:
            raise ConnectionLost(_describe(exc)) from exc

    def poll(self) -> LiveBatch:
        try:
            events = self.feed.poll()
            ids = {e.ticket_id for e in events if e.ticket_id is not None}
            refresh = load_rows(self.db, ids, self.scope) if ids else RowRefresh((), ())
        except (OperationalError, DBAPIError) as exc:
            raise ConnectionLost(_describe(exc)) from exc
        return LiveBatch(tuple(events), refresh)

    def reconcile_read(self) -> tuple[dict[int, int], LiveBatch]:
        """The database's open tickets in scope as id → version, then a feed poll.

        Versions are read *before* the poll: any ticket whose version moved after the read is in the
        batch, so the caller compares its model (with the batch applied) against the versions and counts
        only the differences the batch does not name as drift."""
        try:
            versions = open_versions(self.db, self.scope)
        except (OperationalError, DBAPIError) as exc:
            raise ConnectionLost(_describe(exc)) from exc
        return versions, self.poll()

    def rows(self, ids: Iterable[int]) -> RowRefresh:
        """Fresh rows for ``ids`` (repairs after reconciliation, a ticket after a conflict)."""
        return fresh_rows(self.db, ids, self.scope)


def fresh_rows(db: Database, ids: Iterable[int], scope: QueueScope | None = None) -> RowRefresh:
    """``load_rows`` with driver errors reported as ``ConnectionLost``."""
    try:
        return load_rows(db, ids, scope or QueueScope())
    except (OperationalError, DBAPIError) as exc:
        raise ConnectionLost(_describe(exc)) from exc


def open_versions(db: Database, scope: QueueScope | None = None) -> dict[int, int]:
    """id → version of every open ticket in ``scope`` (one narrow index-backed statement)."""
    where = open_in_scope(scope or QueueScope())
    with db.reader() as session:
        rows = session.execute(select(TicketRow.id, TicketRow.version).where(where))
        return {ticket_id: version for ticket_id, version in rows}


def request_outcome(db: Database, request_id: str) -> Changed | None:
    """The stored result of the action sent with ``request_id``, or None when it never committed.

    Raises ``ConnectionLost`` while the database is unreachable (the answer is then still unknown)."""
    try:
        with db.reader() as session:
            stored = session.get(RequestRow, request_id)
            return Changed.from_json(stored.result) if stored is not None else None
    except (OperationalError, DBAPIError) as exc:
        raise ConnectionLost(_describe(exc)) from exc


def _describe(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
    if lock_timed_out(exc):
        return f"数据库锁等待超时（可能有长事务或维护操作占用）：{text[0] if text else type(exc).__name__}"
    return f"数据库连接失败：{text[0] if text else type(exc).__name__}"
