"""The change feed: every committed event, read once, in order, by every open console.

Cursor rule (RELIABILITY.md): a plain ``id > last_seen`` cursor skips a transaction that drew a lower
id but committed later. On PostgreSQL the cursor is therefore a transaction-id horizon: each poll reads
the events of transactions with ``cursor ≤ xid < xmin(current snapshot)`` — transactions below ``xmin``
have all ended, so every event in that window is visible now and each transaction falls into exactly one
window. On SQLite writers are serialised (``BEGIN IMMEDIATE``), ids are committed in order, and the
cursor is the last id read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text

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


class ChangeFeed:
    """A cursor over the event table. ``start()`` once (before the initial snapshot), then ``poll()``.

    Not thread-safe: one feed per consumer thread.
    """

    def __init__(self, db: Database):
        self.db = db
        self.cursor: int | None = None

    def start(self) -> int:
        """Place the cursor at "now": later polls return only events committed after this call."""
        with self.db.reader() as session:
            if self.db.is_postgres:
                self.cursor = int(session.execute(text(_XMIN)).scalar_one())
            else:
                self.cursor = int(session.scalar(select(func.coalesce(func.max(EventRow.id), 0))) or 0)
        return self.cursor

    def poll(self, limit: int = 10_000) -> list[FeedEvent]:
        """Events committed since the last poll, oldest first (at most ``limit`` on SQLite per call)."""
        if self.cursor is None:
            self.start()
            return []
        assert self.cursor is not None
        columns = (EventRow.id, EventRow.ticket_id, EventRow.action, EventRow.at, EventRow.actor_name)
        with self.db.reader() as session:
            if self.db.is_postgres:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
                horizon = int(session.execute(text(_XMIN)).scalar_one())
                rows = session.execute(select(*columns).where(EventRow.xid >= self.cursor, EventRow.xid < horizon)
                                       .order_by(EventRow.id)).all()
                self.cursor = horizon
            else:
                rows = session.execute(select(*columns).where(EventRow.id > self.cursor)
                                       .order_by(EventRow.id).limit(limit)).all()
                if rows:
                    self.cursor = rows[-1].id
        return [FeedEvent(r.id, r.ticket_id, r.action, r.at, r.actor_name) for r in rows]


_XMIN = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
