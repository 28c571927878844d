"""The shift calendar: six 4-hour shifts from 00:00 room time by default, configurable starts."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from console.domain.clock import ROOM_TZ
from console.domain.shifts import ShiftCalendar, calendar_for, parse_room_time


def at(hour: int, minute: int = 0, day: int = 24) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ROOM_TZ)


def test_default_calendar_has_six_four_hour_shifts() -> None:
    calendar = ShiftCalendar()
    shift = calendar.current(at(9, 15))
    assert (shift.slot, shift.start, shift.end) == (2, at(8), at(12))
    assert shift.label == "2026-11-24 第三班（08:00–12:00）"
    assert calendar.slots == 6


def test_last_finished_and_midnight_wrap() -> None:
    calendar = ShiftCalendar()
    assert calendar.last_finished(at(9, 15)).start == at(4)
    assert calendar.last_finished(at(0, 5)).start == at(20, 0, day=23)
    assert calendar.current(at(23, 59)).end == at(0, 0, day=25)
    assert calendar.following(calendar.current(at(22))).slot == 0


def test_configurable_starts_wrap_past_midnight() -> None:
    calendar = ShiftCalendar.parse("07:30, 19:30")
    night = calendar.current(at(3))
    assert (night.slot, night.start, night.end) == (1, at(19, 30, day=23), at(7, 30))
    assert calendar.current(at(12)).duration.total_seconds() == 12 * 3600


def test_settings_or_environment_configure_the_calendar(monkeypatch: pytest.MonkeyPatch) -> None:
    class Settings:
        shift_starts = (time(8), time(20))

    assert calendar_for(Settings()).slots == 2
    monkeypatch.setenv("DISPATCH_SHIFT_STARTS", "00:00,08:00,16:00")
    assert calendar_for(object()).slots == 3


def test_starting_at_accepts_only_boundaries() -> None:
    calendar = ShiftCalendar()
    assert calendar.starting_at(parse_room_time("2026-11-24T08:00")).slot == 2
    with pytest.raises(ValueError, match="不是班次起点"):
        calendar.starting_at(parse_room_time("2026-11-24T08:30"))


def test_parse_room_time_reads_beijing_time() -> None:
    assert parse_room_time("2026-11-24T08:00") == datetime(2026, 11, 24, 0, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="时间格式"):
        parse_room_time("24/11/2026")


def test_bad_calendars_are_refused() -> None:
    with pytest.raises(ValueError):
        ShiftCalendar([])
    with pytest.raises(ValueError):
        ShiftCalendar([time(8), time(8)])
    with pytest.raises(ValueError, match="HH:MM"):
        ShiftCalendar.parse("8点")
