"""Immutable row objects that cross from the DB worker thread to the GUI thread.

``QueueRow`` is shaped for a 100,000-row table: every sortable field is a plain, never-None value
(``""`` for missing text, ``math.inf`` for "no deadline"), so sorting is one ``attrgetter`` call per row.
Times are POSIX seconds (floats) in the queue row and aware UTC datetimes elsewhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

NO_DEADLINE = math.inf


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One open ticket as the live queue shows it. ``due_*`` describe the next running deadline."""

    id: int
    number: str
    version: int
    received_ts: float
    kind: str
    channel: str
    urgency: str
    urgency_rank: int
    status: str
    district: str
    street: str
    item_code: str
    item_name: str
    category: str
    line: str
    lead_unit: str
    lead_unit_code: str
    claimed_by: int | None
    claimed_by_name: str
    title: str
    due_kind: str
    due_start_ts: float
    due_ts: float
    return_count: int = 0
    rollback_count: int = 0
    reopen_count: int = 0
    pending_extension: bool = False
    updated_ts: float = 0.0
    search_blob: str = field(default="", repr=False)

    @property
    def has_deadline(self) -> bool:
        return self.due_ts != NO_DEADLINE


@dataclass(frozen=True, slots=True)
class ClockView:
    """One SLA clock of a ticket or a unit assignment (state is computed by the reader from ``now``)."""

    kind: str
    label: str
    start: datetime
    due: datetime
    done_at: datetime | None


@dataclass(frozen=True, slots=True)
class AssignmentView:
    """A unit's part in a ticket, with its own state and clocks."""

    unit_code: str
    unit_name: str
    role: str
    role_label: str
    state: str
    state_label: str
    dispatched_at: datetime
    clocks: tuple[ClockView, ...]
    reply_text: str = ""
    return_reason: str = ""
    return_text: str = ""
    extension_hours: float = 0.0
    pending_extension_hours: float | None = None
    pending_extension_reason: str = ""


@dataclass(frozen=True, slots=True)
class EventView:
    """One entry of the ticket's timeline, labels already in Chinese."""

    id: int
    at: datetime
    actor_name: str
    actor_role: str
    action: str
    action_label: str
    from_status: str
    to_status: str
    reason: str
    summary: str


@dataclass(frozen=True, slots=True)
class RoutingHint:
    """What the room should dispatch to: the item, where the proposal came from, and its confidence."""

    item_code: str
    item_name: str
    source: str
    confidence: float | None
    lead_unit_code: str = ""
    lead_unit_name: str = ""
    co_unit_names: tuple[str, ...] = ()
    problem: str = ""

    @property
    def source_label(self) -> str:
        return {"citizen": "市民选择", "current": "当前事项", "review": "自动分拨建议",
                "router": "路由引擎建议"}.get(self.source, self.source)


@dataclass(frozen=True, slots=True)
class TicketDetail:
    """Everything about one ticket for the detail pane. Personal data is masked unless ``revealed``."""

    id: int
    number: str
    version: int
    title: str
    text: str
    kind: str
    channel: str
    urgency: str
    status: str
    citizen_name: str
    citizen_phone: str
    personal_masked: bool
    district: str
    street: str
    address: str
    item_code: str
    item_name: str
    citizen_item_code: str
    catalog_version: str
    received_at: datetime
    dispatch_due_at: datetime
    dispatched_at: datetime | None
    closed_at: datetime | None
    claimed_by: int | None
    claimed_by_name: str
    rating: str
    rating_text: str
    return_count: int
    rollback_count: int
    reopen_count: int
    merged_into: str
    dispatch_clock: ClockView
    assignments: tuple[AssignmentView, ...]
    events: tuple[EventView, ...]
    hint: RoutingHint | None
