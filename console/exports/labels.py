"""Chinese labels for stored values, tolerant of values this build does not know (shown as is)."""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from console.domain.enums import ReturnReason, Role, TicketStatus, Urgency, label_of
from console.domain.lifecycle import Action
from console.domain.sla import ClockKind

CLOCK_CATEGORY = {"breached": "本班超时", "overdue": "前班遗留超时", "warning": "即将超时"}
EXTENSION_OUTCOME = {"pending": "待审批", "approved": "已批准", "refused": "已驳回"}


@lru_cache(maxsize=256)  # a handful of stored values, looked up once per row
def urgency_label(value: str | None) -> str:
    return label_of(Urgency, value)


@lru_cache(maxsize=256)  # a handful of stored values, looked up once per row
def status_label(value: str | None) -> str:
    return label_of(TicketStatus, value)


@lru_cache(maxsize=256)  # a handful of stored values, looked up once per row
def action_label(value: str | None) -> str:
    return label_of(Action, value)


@lru_cache(maxsize=256)  # a handful of stored values, looked up once per row
def clock_label(value: str | None) -> str:
    return label_of(ClockKind, value)


@lru_cache(maxsize=256)  # a handful of stored values, looked up once per row
def return_reason_label(value: str | None) -> str:
    return label_of(ReturnReason, value)


@lru_cache(maxsize=256)  # a handful of stored values, looked up once per row
def role_label(value: str | None) -> str:
    return label_of(Role, value)


def duration_text(minutes: int) -> str:
    """``95`` → ``1小时35分``; ``3000`` → ``2天2小时``."""
    minutes = max(0, int(minutes))
    delta = timedelta(minutes=minutes)
    days, hours, mins = delta.days, delta.seconds // 3600, (delta.seconds % 3600) // 60
    if days:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    if hours:
        return f"{hours}小时{mins}分" if mins else f"{hours}小时"
    return f"{mins}分"
