"""Countdown text and SLA state from stored times (POSIX seconds): pure functions, no Qt, no database.

``sla_state`` matches ``console.domain.sla.clock_state`` for a running clock.
"""

from __future__ import annotations

import math

DUE_KIND_LABELS = {"dispatch": "分拨", "accept": "签收", "reply": "反馈", "close": "办结"}


def sla_state(start_ts: float, due_ts: float, now_ts: float, warning_fraction: float) -> str:
    """``none`` (no running clock), ``ok``, ``warning`` or ``breached``."""
    if math.isinf(due_ts):
        return "none"
    if now_ts >= due_ts:
        return "breached"
    span = due_ts - start_ts
    if span <= 0 or (now_ts - start_ts) / span >= warning_fraction:
        return "warning"
    return "ok"


def format_remaining(seconds: float, overdue: str = "超 ", day: str = "天", hour: str = "时") -> str:
    """``12:05`` / ``3:12:05`` / ``2天3时``; overdue values get the ``overdue`` prefix (default ``超``).
    The unit words are parameters so the window can pass translated ones."""
    prefix = overdue
    late = seconds < 0
    total = int(abs(seconds)) if not late else math.ceil(abs(seconds))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        text = f"{days}{day}{hours}{hour}"
    elif hours:
        text = f"{hours}:{minutes:02d}:{secs:02d}"
    else:
        text = f"{minutes:02d}:{secs:02d}"
    return (prefix + text) if late else text
