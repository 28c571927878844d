"""Connection options for a workstation on a room's PostgreSQL server, so a dead network is noticed in
seconds rather than after the kernel's two-hour TCP timeout: a connect timeout, TCP keepalives and a TCP
user timeout (libpq parameters in the URL's query; SQLAlchemy and psycopg pass them through); and a lock
timeout, so a row held by a long transaction elsewhere refuses an action after a few seconds instead of
stalling the window's single DB worker, and with it every live update (``console.queries.live.LockBusy``).
Pure string work (the UI never imports SQLAlchemy)."""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

LOCK_TIMEOUT_MS = 5000

ROOM_CONNECTION_OPTIONS = {
    "connect_timeout": "3",
    "keepalives": "1",
    "keepalives_idle": "5",
    "keepalives_interval": "1",
    "keepalives_count": "3",
    "tcp_user_timeout": "5000",
    "options": f"-c lock_timeout={LOCK_TIMEOUT_MS}",
}


def with_room_options(url: str | None) -> str | None:
    """``url`` with the room's connection options added (options already in the URL win); other
    databases (SQLite, None = the default file) unchanged."""
    if not url or not url.split(":", 1)[0].startswith(("postgresql", "postgres")):
        return url
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    merged = {**ROOM_CONNECTION_OPTIONS, **query}
    return urlunsplit(parts._replace(query=urlencode(merged, quote_via=quote)))


def without_query(url: str) -> str:
    """The URL for display (title bar): no connection options."""
    return url.split("?", 1)[0]
