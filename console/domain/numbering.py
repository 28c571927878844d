"""Human ticket numbers: ``MY`` + receipt date in Asia/Shanghai + a six-digit daily sequence.

The sequence itself is drawn atomically from the database (``console.db.counters``); this module
only formats and parses.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from console.domain.clock import to_room_time

PREFIX = "MY"
_PATTERN = re.compile(r"^MY(\d{8})(\d{6})$")


def day_key(received_at: datetime) -> str:
    """The counter key for a ticket received at ``received_at``: its room-time date as YYYYMMDD."""
    return to_room_time(received_at).strftime("%Y%m%d")


def format_number(day: str, sequence: int) -> str:
    """``MY20261124000123`` for day ``20261124`` and sequence 123."""
    if not 0 < sequence <= 999_999:
        raise ValueError(f"daily sequence {sequence} out of range 1..999999")
    return f"{PREFIX}{day}{sequence:06d}"


def parse_number(number: str) -> tuple[date, int]:
    """The receipt date and sequence of a ticket number; ``ValueError`` if it is not one."""
    match = _PATTERN.match(number.strip().upper())
    if not match:
        raise ValueError(f"「{number}」不是工单编号（格式 MY + 8 位日期 + 6 位序号）")
    return datetime.strptime(match.group(1), "%Y%m%d").date(), int(match.group(2))


def looks_like_number(text: str) -> bool:
    """True if ``text`` is a whole or partial ticket number (for search)."""
    return bool(re.fullmatch(r"(?i)MY\d{0,14}", text.strip()))
