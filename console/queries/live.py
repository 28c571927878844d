"""Live refresh of the queue from the change feed: one call per poll, on the DB worker thread.

Database failures are reported as ``ConnectionLost`` (so the window can show the state without knowing
the database driver); the feed's cursor is kept, so the next successful poll catches up.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError, OperationalError

from console.db.engine import Database
from console.feed import ChangeFeed, FeedEvent
from console.queries.queue import QueueScope, RowRefresh, load_queue, load_rows
from console.queries.rows import QueueRow


class ConnectionLost(Exception):
    """The database could not be reached; the message is for the status bar."""


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


def _describe(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
    return f"数据库连接失败：{text[0] if text else type(exc).__name__}"
