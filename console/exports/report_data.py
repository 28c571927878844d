"""Report figures: per-group accumulators over a stream of tickets received in a period.

Definitions (also printed in the workbook):
- 受理量: tickets received in the period (room-time days, inclusive).
- 分拨按时率: first dispatch at or before the dispatch deadline, over dispatched tickets.
- 办结按时率: closed at or before the lead unit's close deadline, over closed tickets.
- 平均办理时长: mean hours from receipt to closing, over closed tickets.
- 满意率: 满意 + 基本满意 over rated tickets (the current rating).
- 不满意回退率: tickets rolled back at least once after an unsatisfied rating, over tickets rated at least once.
- 退单率: by unit — lead assignments the unit returned over lead assignments it received; otherwise tickets
  returned at least once over dispatched tickets.
- 重启率 (回潮): tickets reopened at least once over tickets closed at least once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from console.db.schema import AssignmentRow, CatalogNodeRow, TicketRow, UnitRow
from console.domain.clock import ROOM_TZ, ensure_utc, to_room_time
from console.exports.lead import current_lead_id

T = TicketRow.__table__
A = AssignmentRow.__table__
SATISFIED = ("satisfied", "basically_satisfied")
NO_UNIT = "（未分拨）"
NO_CATEGORY = "（未归类）"


def day_window(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """UTC ``[start, end)`` covering the room-time days ``first_day``..``last_day``."""
    if last_day < first_day:
        raise ValueError(f"结束日期 {last_day} 早于开始日期 {first_day}")
    start = datetime.combine(first_day, time(0), ROOM_TZ).astimezone(UTC)
    end = datetime.combine(last_day + timedelta(days=1), time(0), ROOM_TZ).astimezone(UTC)
    return start, end


def period_of(kind: str, anchor: date) -> tuple[date, date]:
    """The day, ISO week (Mon–Sun) or calendar month containing ``anchor``."""
    if kind == "day":
        return anchor, anchor
    if kind == "week":
        monday = anchor - timedelta(days=anchor.weekday())
        return monday, monday + timedelta(days=6)
    if kind == "month":
        first = anchor.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    raise ValueError(f"未知的报表周期：{kind}（可选 day、week、month）")


def last_complete(kind: str, today: date) -> tuple[date, date]:
    """The last complete day / week / month before ``today``."""
    if kind == "day":
        return period_of("day", today - timedelta(days=1))
    if kind == "week":
        return period_of("week", today - timedelta(days=today.weekday() + 1))
    return period_of("month", today.replace(day=1) - timedelta(days=1))


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Stats:
    """Counters for one group; ``add`` one ticket row at a time (constant memory)."""

    received: int = 0
    dispatched: int = 0
    dispatched_on_time: int = 0
    closed: int = 0
    closed_on_time: int = 0
    handling_hours: float = 0.0
    rated: int = 0
    satisfied: int = 0
    rated_ever: int = 0
    rolled_back: int = 0
    returned: int = 0
    closed_ever: int = 0
    reopened: int = 0
    lead_assignments: int = 0
    lead_returned: int = 0

    def add(self, t: Any) -> None:
        self.received += 1
        if t.dispatched_at is not None:
            self.dispatched += 1
            self.dispatched_on_time += t.dispatched_at <= t.dispatch_due_at
        if t.closed_at is not None:
            self.closed += 1
            self.handling_hours += (t.closed_at - t.received_at).total_seconds() / 3600
            if t.close_due_at is not None and t.closed_at <= t.close_due_at:
                self.closed_on_time += 1
        if t.rating is not None:
            self.rated += 1
            self.satisfied += t.rating in SATISFIED
        if t.rating is not None or t.rollback_count:
            self.rated_ever += 1
            self.rolled_back += t.rollback_count > 0
        self.returned += t.return_count > 0
        if t.closed_at is not None or t.reopen_count:
            self.closed_ever += 1
            self.reopened += t.reopen_count > 0

    @property
    def dispatch_rate(self) -> float | None:
        return _ratio(self.dispatched_on_time, self.dispatched)

    @property
    def close_rate(self) -> float | None:
        return _ratio(self.closed_on_time, self.closed)

    @property
    def avg_hours(self) -> float | None:
        return self.handling_hours / self.closed if self.closed else None

    @property
    def satisfaction(self) -> float | None:
        return _ratio(self.satisfied, self.rated)

    @property
    def rollback_rate(self) -> float | None:
        return _ratio(self.rolled_back, self.rated_ever)

    @property
    def return_rate(self) -> float | None:
        if self.lead_assignments:
            return _ratio(self.lead_returned, self.lead_assignments)
        return _ratio(self.returned, self.dispatched)

    @property
    def reopen_rate(self) -> float | None:
        return _ratio(self.reopened, self.closed_ever)

    def score(self) -> float | None:
        """Ranking score: 40% closed on time, 40% satisfaction, 20% not returned (renormalised over the
        parts that exist); None when none exists."""
        parts = [(0.4, self.close_rate), (0.4, self.satisfaction),
                 (0.2, None if self.return_rate is None else 1 - self.return_rate)]
        present = [(w, v) for w, v in parts if v is not None]
        if not present:
            return None
        return sum(w * v for w, v in present) / sum(w for w, _ in present)


def count_tickets(session: Session, start: datetime, end: datetime) -> int:
    return int(session.scalar(select(func.count()).select_from(T)
                              .where(T.c.received_at >= start, T.c.received_at < end)) or 0)


def stream_tickets(session: Session, start: datetime, end: datetime, batch: int = 2000) -> Iterator[Any]:
    """Tickets received in ``[start, end)`` with their current lead unit (``exports.lead``) and its close
    deadline, in receipt order, fetched ``batch`` rows at a time (the result is never held whole)."""
    latest = current_lead_id(T)
    lead = A.alias("lead")
    query = (select(T.c.id, T.c.number, T.c.received_at, T.c.urgency, T.c.kind, T.c.channel, T.c.item_code,
                    T.c.title, T.c.district, T.c.street, T.c.status, T.c.dispatch_due_at, T.c.dispatched_at,
                    T.c.closed_at, T.c.rating, T.c.return_count, T.c.rollback_count, T.c.reopen_count,
                    T.c.citizen_name, T.c.citizen_phone, lead.c.unit_id, lead.c.close_due_at)
             .select_from(T.outerjoin(lead, lead.c.id == latest))
             .where(T.c.received_at >= start, T.c.received_at < end).order_by(T.c.received_at, T.c.id))
    result = session.execute(query.execution_options(yield_per=batch, stream_results=True))
    for partition in result.partitions():
        yield from partition


def unit_returns(session: Session, start: datetime, end: datetime) -> dict[int, tuple[int, int]]:
    """Per unit: (lead assignments received, of which returned) for tickets received in the window."""
    rows = session.execute(
        select(A.c.unit_id, func.count(), func.sum(case((A.c.state == "returned", 1), else_=0)))
        .select_from(A.join(T, T.c.id == A.c.ticket_id))
        .where(A.c.role == "lead", T.c.received_at >= start, T.c.received_at < end).group_by(A.c.unit_id))
    return {unit_id: (int(n), int(r or 0)) for unit_id, n, r in rows}


def unit_names(session: Session) -> dict[int, str]:
    return {uid: name for uid, name in session.execute(select(UnitRow.id, UnitRow.name))}


def category_names(session: Session) -> dict[str, str]:
    """Level-1 category code → name (the newest catalogue version's name wins)."""
    names: dict[str, str] = {}
    for code, name in session.execute(select(CatalogNodeRow.code, CatalogNodeRow.name)
                                      .where(CatalogNodeRow.depth == 1).order_by(CatalogNodeRow.version_id)):
        names[code] = name
    return names


def trend_key(received_at: datetime, span_days: int) -> str:
    """Bucket label for the trend sheet: day (≤ 62 days), ISO week (≤ 366 days) or month."""
    local = to_room_time(ensure_utc(received_at)).date()
    if span_days <= 62:
        return local.isoformat()
    if span_days <= 366:
        year, week, _ = local.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{local:%Y-%m}"
