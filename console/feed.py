"""The change feed: every committed event, read once, in order, by every open console.

Cursor rule (RELIABILITY.md): a plain ``id > last_seen`` cursor skips a transaction that drew a lower
id but committed later. On PostgreSQL each event row carries its transaction id, and the cursor is a
snapshot boundary: ``xmax`` of the last poll's snapshot plus the transactions that were still in progress
then (``pending``). A poll takes a new snapshot and reads the events of transactions that were not yet
visible last time — ``xid ≥ last xmax`` or ``xid ∈ pending`` — and are visible now (below the new ``xmax``
and not in progress). Every transaction is therefore delivered exactly once, as soon as it commits, and a
long-running transaction elsewhere delays only its own events. On SQLite writers are serialised
(``BEGIN IMMEDIATE``), ids are committed in order, and the cursor is the last id read.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, text

from console.db.engine import Database
from console.db.schema import EventRow


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """An event as the feed delivers it: enough to decide which rows to refresh."""

    id: int
    ticket_id: int | None
    action: str
    at: datetime
    actor_name: str


@dataclass(frozen=True)
class Cursor:
    """Where a feed stands: SQLite uses ``last_id``; PostgreSQL ``xmax`` and ``pending`` xids."""

    last_id: int = 0
    xmax: int = 0
    pending: frozenset[int] = field(default_factory=frozenset)


_SNAPSHOT = text("SELECT pg_snapshot_xmax(s)::text::bigint, "
                 "ARRAY(SELECT x::text::bigint FROM pg_snapshot_xip(s) AS x) "
                 "FROM pg_current_snapshot() AS s")


class ChangeFeed:
    """A cursor over the event table. ``start()`` once (before the initial snapshot), then ``poll()``.

    Not thread-safe: one feed per consumer thread.
    """

    def __init__(self, db: Database):
        self.db = db
        self.cursor: Cursor | None = None

    def start(self) -> Cursor:
        """Place the cursor at "now": later polls return only events committed after this call."""
        with self.db.reader() as session:
            if self.db.is_postgres:
                xmax, in_progress = session.execute(_SNAPSHOT).one()
                self.cursor = Cursor(xmax=int(xmax), pending=frozenset(int(x) for x in in_progress))
            else:
                self.cursor = Cursor(last_id=int(session.scalar(select(func.coalesce(func.max(EventRow.id), 0)))
                                                 or 0))
        return self.cursor

    def poll(self, limit: int = 10_000) -> list[FeedEvent]:
        """Events committed since the last poll, oldest first (at most ``limit`` per call on SQLite)."""
        if self.cursor is None:
            self.start()
            return []
        cursor = self.cursor
        columns = (EventRow.id, EventRow.ticket_id, EventRow.action, EventRow.at, EventRow.actor_name)
        with self.db.reader() as session:
            if self.db.is_postgres:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
                xmax, in_progress = session.execute(_SNAPSHOT).one()
                running = frozenset(int(x) for x in in_progress)
                unseen = or_(EventRow.xid >= cursor.xmax, EventRow.xid.in_(cursor.pending)) if cursor.pending \
                    else EventRow.xid >= cursor.xmax
                query = select(*columns).where(unseen, EventRow.xid < int(xmax))
                if running:
                    query = query.where(EventRow.xid.not_in(running))
                rows = session.execute(query.order_by(EventRow.id)).all()
                still = frozenset(x for x in running if x >= cursor.xmax or x in cursor.pending)
                self.cursor = Cursor(xmax=int(xmax), pending=still)
            else:
                rows = session.execute(select(*columns).where(EventRow.id > cursor.last_id)
                                       .order_by(EventRow.id).limit(limit)).all()
                if rows:
                    self.cursor = Cursor(last_id=rows[-1].id)
        return [FeedEvent(r.id, r.ticket_id, r.action, r.at, r.actor_name) for r in rows]


CHANNEL = "dispatch_events"


class Wakeup:
    """Blocks until another process commits events, or a timeout passes.

    PostgreSQL: a dedicated autocommit connection LISTENs on ``dispatch_events`` (start it *before* the
    initial snapshot, so nothing committed in between is missed); a lost connection is reopened on the
    next wait and reported as a wake-up so the caller catches up. SQLite: no notifications — ``wait``
    simply sleeps for the timeout (the caller polls).
    """

    def __init__(self, db: Database):
        self.db = db
        self._connection: Any = None

    def start(self) -> None:
        if self.db.is_postgres:
            self._connect()

    def _connect(self) -> None:
        import psycopg
        from psycopg.conninfo import make_conninfo
        from sqlalchemy.engine import make_url

        url = make_url(self.db.url)
        # keyword parameters, not a rendered URL: a rendered query encodes spaces as "+", which libpq does
        # not decode (``options=-c lock_timeout=…`` would reach the server as "+lock_timeout")
        params = {**url.translate_connect_args(username="user", database="dbname"),
                  **{k: v for k, v in url.query.items() if isinstance(v, str)}, "connect_timeout": 5}
        self._connection = psycopg.connect(make_conninfo("", **params), autocommit=True)
        self._connection.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> list[int] | None:
        """Ticket ids named by notifications (possibly empty), or None when the timeout passed quietly."""
        if not self.db.is_postgres:
            time.sleep(timeout)
            return None
        try:
            if self._connection is None or self._connection.closed:
                self._connect()
                return []  # (re)connected: the caller must catch up
            ids: list[int] = []
            woke = False
            for notify in self._connection.notifies(timeout=timeout, stop_after=1):
                woke = True
                ids.extend(int(x) for x in notify.payload.split(",") if x)
            if woke:  # drain whatever else is already queued
                for notify in self._connection.notifies(timeout=0.001):
                    ids.extend(int(x) for x in notify.payload.split(",") if x)
            return ids if woke else None
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None
