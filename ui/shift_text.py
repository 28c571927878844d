"""A shift's name in the UI language (``Shift.label`` / ``Shift.short_label`` are the core's Chinese)."""

from __future__ import annotations

from console.domain.clock import format_room_time
from console.domain.shifts import SLOT_NAMES, Shift
from ui.i18n import t


def shift_text(shift: Shift) -> str:
    """``Shift.label`` in the UI language, e.g. ``2026-11-24 第三班（08:00–12:00）`` / ``2026-11-24 shift 3 …``."""
    start, end = format_room_time(shift.start), format_room_time(shift.end)
    return t("{date} 第{slot}班（{start}–{end}）").format(
        date=start[:10], slot=SLOT_NAMES[shift.slot], number=shift.slot + 1, start=start[-5:], end=end[-5:])


def shift_short_text(shift: Shift) -> str:
    """``Shift.short_label`` in the UI language, e.g. ``第三班 08:00–12:00`` / ``shift 3 08:00–12:00``."""
    start, end = format_room_time(shift.start), format_room_time(shift.end)
    return t("第{slot}班 {start}–{end}").format(slot=SLOT_NAMES[shift.slot], number=shift.slot + 1,
                                               start=start[-5:], end=end[-5:])
