"""Fast bulk insertion through the raw driver: ``executemany`` on SQLite, ``COPY`` on PostgreSQL.

Used only by the demo generator, where ORM and Core per-row processing would be 10-50× too slow.
Values must already be in the column's storage form: times via ``TimeFormatter``, JSON as text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class TimeFormatter:
    """Epoch seconds → the text each database stores for ``UTCDateTime`` (cached per day and second)."""

    def __init__(self, dialect: str):
        suffix = ".000000" if dialect == "sqlite" else "+00"
        self._tod = [f" {s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}{suffix}" for s in range(86_400)]
        self._days: dict[int, str] = {}

    def __call__(self, epoch: int | None) -> str | None:
        if epoch is None:
            return None
        day, second = divmod(int(epoch), 86_400)
        text = self._days.get(day)
        if text is None:
            text = self._days[day] = (EPOCH + timedelta(days=day)).strftime("%Y-%m-%d")
        return text + self._tod[second]


def insert_rows(connection: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert ``rows`` into ``table`` in the connection's open transaction."""
    if not rows:
        return
    raw = connection.connection.driver_connection
    if connection.dialect.name == "sqlite":
        placeholders = ", ".join("?" * len(columns))
        raw.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", rows)  # type: ignore[union-attr]
        return
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_copy_value(v) for v in row))
        buffer.write("\n")
    with raw.cursor() as cursor, cursor.copy(  # type: ignore[union-attr]
            f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        copy.write(buffer.getvalue())


def _copy_value(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text
