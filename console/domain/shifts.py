"""The room's shift calendar: by default six 4-hour shifts a day starting 00:00 Asia/Shanghai.

Shift ``slot`` k (0-based) starts at ``starts[k]`` room time and ends at the next start (the last slot
ends at the first start of the next day). ``staff.shift_slot`` names the slot a staff member works.
All instants passed in and out are aware datetimes; returned ones are UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from console.domain.clock import ROOM_TZ, ensure_utc, to_room_time

DEFAULT_STARTS: tuple[time, ...] = tuple(time(h) for h in range(0, 24, 4))
SLOT_NAMES = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


@dataclass(frozen=True, slots=True)
class Shift:
    """One concrete shift: its slot in the day's calendar and its UTC window ``[start, end)``."""

    slot: int
    start: datetime
    end: datetime

    @property
    def label(self) -> str:
        """E.g. ``2026-11-24 第三班（08:00–12:00）`` in room time."""
        start, end = to_room_time(self.start), to_room_time(self.end)
        return f"{start:%Y-%m-%d} 第{SLOT_NAMES[self.slot]}班（{start:%H:%M}–{end:%H:%M}）"

    @property
    def short_label(self) -> str:
        """E.g. ``第三班 08:00–12:00`` (for the window title and status bar)."""
        start, end = to_room_time(self.start), to_room_time(self.end)
        return f"第{SLOT_NAMES[self.slot]}班 {start:%H:%M}–{end:%H:%M}"

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def contains(self, instant: datetime) -> bool:
        return self.start <= ensure_utc(instant) < self.end


class ShiftCalendar:
    """Shift boundaries of the room. ``starts`` are distinct room-time times of day (sorted here)."""

    def __init__(self, starts: tuple[time, ...] | list[time] = DEFAULT_STARTS):
        ordered = tuple(sorted(starts))
        if not ordered:
            raise ValueError("a shift calendar needs at least one start time")
        if len(set(ordered)) != len(ordered):
            raise ValueError(f"duplicate shift start times: {ordered}")
        if len(ordered) > len(SLOT_NAMES):
            raise ValueError(f"at most {len(SLOT_NAMES)} shifts a day")
        self.starts = ordered

    @classmethod
    def parse(cls, text: str) -> ShiftCalendar:
        """``"00:00,04:00,08:00"`` → calendar; raises ``ValueError`` naming the bad part."""
        parts = [p.strip() for p in text.split(",") if p.strip()]
        try:
            return cls([time.fromisoformat(p) for p in parts])
        except ValueError as exc:
            raise ValueError(f"班次起始时间格式应为 HH:MM，用逗号分隔：{text!r}（{exc}）") from None

    @property
    def slots(self) -> int:
        return len(self.starts)

    def _shift_from(self, day: date, slot: int) -> Shift:
        start_local = datetime.combine(day, self.starts[slot], ROOM_TZ)
        if slot + 1 < self.slots:
            end_local = datetime.combine(day, self.starts[slot + 1], ROOM_TZ)
        else:
            end_local = datetime.combine(day + timedelta(days=1), self.starts[0], ROOM_TZ)
        return Shift(slot, start_local.astimezone(UTC), end_local.astimezone(UTC))

    def shift_at(self, instant: datetime) -> Shift:
        """The shift that contains ``instant``."""
        local = to_room_time(instant)
        day, clock = local.date(), local.time().replace(tzinfo=None)
        slot = -1
        for index, start in enumerate(self.starts):
            if clock >= start:
                slot = index
        if slot == -1:  # before the first start: the previous day's last shift
            return self._shift_from(day - timedelta(days=1), self.slots - 1)
        return self._shift_from(day, slot)

    def current(self, now: datetime) -> Shift:
        return self.shift_at(now)

    def previous(self, shift: Shift) -> Shift:
        return self.shift_at(shift.start - timedelta(seconds=1))

    def following(self, shift: Shift) -> Shift:
        return self.shift_at(shift.end)

    def last_finished(self, now: datetime) -> Shift:
        """The most recent shift whose end is at or before ``now``."""
        return self.previous(self.current(now))

    def starting_at(self, start: datetime) -> Shift:
        """The shift that starts exactly at ``start``; ``ValueError`` if ``start`` is not a shift boundary."""
        shift = self.shift_at(start)
        if shift.start != ensure_utc(start):
            local = to_room_time(start)
            allowed = "、".join(f"{t:%H:%M}" for t in self.starts)
            raise ValueError(f"{local:%Y-%m-%d %H:%M} 不是班次起点（班次起始时间：{allowed}）")
        return shift

    def recent(self, now: datetime, count: int) -> list[Shift]:
        """The current shift and the ``count - 1`` before it, newest first."""
        shifts = [self.current(now)]
        while len(shifts) < count:
            shifts.append(self.previous(shifts[-1]))
        return shifts


def parse_room_time(text: str) -> datetime:
    """``2026-11-24T08:00`` (or with a space) read as Asia/Shanghai, returned as UTC.

    An explicit offset in the text is honoured. Raises ``ValueError`` with a Chinese message.
    """
    try:
        value = datetime.fromisoformat(text.strip().replace(" ", "T"))
    except ValueError:
        raise ValueError(f"时间格式应为 YYYY-MM-DDTHH:MM（北京时间），收到 {text!r}") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ROOM_TZ)
    return value.astimezone(UTC)


def calendar_for(settings: object) -> ShiftCalendar:
    """The calendar configured for the room: ``settings.shift_starts`` (a tuple of ``time`` or a
    ``"HH:MM,…"`` string) when the settings carry one, else the environment variable
    ``DISPATCH_SHIFT_STARTS``, else six 4-hour shifts from 00:00."""
    import os

    configured = getattr(settings, "shift_starts", None) or os.environ.get("DISPATCH_SHIFT_STARTS")
    if not configured:
        return ShiftCalendar()
    if isinstance(configured, str):
        return ShiftCalendar.parse(configured)
    return ShiftCalendar(tuple(configured))
