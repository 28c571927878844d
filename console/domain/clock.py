"""Injectable clock. All stored times are timezone-aware UTC; the room's display zone is Asia/Shanghai."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

ROOM_TZ = ZoneInfo("Asia/Shanghai")


class Clock(Protocol):
    """Anything that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real wall clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock for tests and simulations: it only moves when told to."""

    def __init__(self, start: datetime):
        self._now = ensure_utc(start)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now

    def set(self, when: datetime) -> None:
        self._now = ensure_utc(when)


def ensure_utc(value: datetime) -> datetime:
    """``value`` as aware UTC; a naive value is taken to be UTC already (as SQLite returns it)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def to_room_time(value: datetime) -> datetime:
    """``value`` shown in the room's zone (Asia/Shanghai)."""
    return ensure_utc(value).astimezone(ROOM_TZ)


def format_room_time(value: datetime | None, with_seconds: bool = False) -> str:
    """``YYYY-MM-DD HH:MM`` in Asia/Shanghai; empty for None."""
    if value is None:
        return ""
    return to_room_time(value).strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M")
