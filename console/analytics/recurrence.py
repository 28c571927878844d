"""Recurrence after closing (回潮), per lead unit and duty item.

Two signals over a period [``since``, ``until``):
- reopened: ``reopen`` events in the period (a closed ticket sent back because the problem came back);
- came back: tickets closed in the period after which a new ticket on the same item at the same district and
  street arrived within ``days`` days of the close.
A ticket counts for the unit that led it last. Reading only; a few set-based queries, then grouping in memory.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.schema import AssignmentRow, EventRow, TicketRow, UnitRow
from console.domain.catalog import Catalog
from console.domain.clock import ensure_utc
from console.services.catalog_store import catalog_at


@dataclass(frozen=True, slots=True)
class RecurrenceRow:
    unit: str
    unit_name: str
    item_code: str
    item_name: str
    closed: int
    came_back: int
    follow_ups: int
    reopened: int
    examples: tuple[str, ...]

    @property
    def rate(self) -> float:
        """Share of closed tickets that came back or were reopened."""
        return (self.came_back + self.reopened) / self.closed if self.closed else 0.0


@dataclass(frozen=True, slots=True)
class UnitRecurrence:
    unit: str
    unit_name: str
    closed: int
    came_back: int
    reopened: int

    @property
    def rate(self) -> float:
        return (self.came_back + self.reopened) / self.closed if self.closed else 0.0


@dataclass(frozen=True, slots=True)
class RecurrenceReport:
    since: datetime
    until: datetime
    days: int
    rows: tuple[RecurrenceRow, ...]
    units: tuple[UnitRecurrence, ...]

    @property
    def total_reopened(self) -> int:
        return sum(r.reopened for r in self.rows)

    @property
    def total_came_back(self) -> int:
        return sum(r.came_back for r in self.rows)


def recurrence(session: Session, since: datetime, until: datetime, *, days: int = 7,
               examples: int = 3) -> RecurrenceReport:
    """Recurrence per (lead unit, item) for tickets closed or reopened in [``since``, ``until``)."""
    window = timedelta(days=days)
    closed = session.execute(
        select(TicketRow.id, TicketRow.number, TicketRow.item_code, TicketRow.district, TicketRow.street,
               TicketRow.closed_at)
        .where(TicketRow.closed_at >= since, TicketRow.closed_at < until, TicketRow.item_code.is_not(None))).all()
    later = session.execute(
        select(TicketRow.id, TicketRow.item_code, TicketRow.district, TicketRow.street, TicketRow.received_at)
        .where(TicketRow.received_at >= since, TicketRow.received_at < until + window,
               TicketRow.item_code.is_not(None))).all()
    arrivals: dict[tuple[str, str | None, str | None], list[tuple[datetime, int]]] = defaultdict(list)
    for r in later:
        arrivals[(r.item_code, r.district, r.street)].append((ensure_utc(r.received_at), r.id))
    for values in arrivals.values():
        values.sort()
    reopened = session.execute(
        select(EventRow.ticket_id, TicketRow.number, TicketRow.item_code)
        .join(TicketRow, TicketRow.id == EventRow.ticket_id)
        .where(TicketRow.reopen_count > 0, EventRow.action == "reopen", EventRow.at >= since, EventRow.at < until)
    ).all()
    leads = _last_leads(session, since, until)
    units = dict(session.execute(select(UnitRow.id, UnitRow.code)).all())
    names = dict(session.execute(select(UnitRow.code, UnitRow.name)).all())
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    sample: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t in closed:
        key = (units.get(leads.get(t.id, -1), "（无主办）"), t.item_code)
        counts = tally[key]
        counts[0] += 1
        at = ensure_utc(t.closed_at)
        times = arrivals.get((t.item_code, t.district, t.street), [])
        lo, hi = bisect_right(times, (at, 1 << 62)), bisect_left(times, (at + window, 1 << 62))
        follow = [i for _, i in times[lo:hi] if i != t.id]
        if follow:
            counts[1] += 1
            counts[2] += len(follow)
            if len(sample[key]) < examples:
                sample[key].append(t.number)
    for e in reopened:
        if e.item_code is None:
            continue
        key = (units.get(leads.get(e.ticket_id, -1), "（无主办）"), e.item_code)
        tally[key][3] += 1
        if len(sample[key]) < examples and e.number not in sample[key]:
            sample[key].append(e.number)
    catalog = catalog_at(session, until)
    rows = tuple(sorted(
        (RecurrenceRow(unit, names.get(unit, unit), code, _item_name(catalog, code), c[0], c[1], c[2], c[3],
                       tuple(sample[(unit, code)])) for (unit, code), c in tally.items() if c[1] or c[3]),
        key=lambda r: (-(r.came_back + r.reopened), -r.rate, r.unit, r.item_code)))
    per_unit: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for (unit, _), c in tally.items():
        per_unit[unit][0] += c[0]
        per_unit[unit][1] += c[1]
        per_unit[unit][2] += c[3]
    unit_rows = tuple(sorted((UnitRecurrence(u, names.get(u, u), *c) for u, c in per_unit.items() if c[1] or c[2]),
                             key=lambda u: (-(u.came_back + u.reopened), u.unit)))
    return RecurrenceReport(since, until, days, rows, unit_rows)


def _last_leads(session: Session, since: datetime, until: datetime) -> dict[int, int]:
    """Ticket id → unit id of its last lead assignment, for tickets closed or reopened in the period."""
    out: dict[int, tuple[int, int]] = {}
    queries = [
        select(AssignmentRow.ticket_id, AssignmentRow.id, AssignmentRow.unit_id)
        .join(TicketRow, TicketRow.id == AssignmentRow.ticket_id)
        .where(AssignmentRow.role == "lead", TicketRow.closed_at >= since, TicketRow.closed_at < until),
        select(AssignmentRow.ticket_id, AssignmentRow.id, AssignmentRow.unit_id)
        .join(TicketRow, TicketRow.id == AssignmentRow.ticket_id)
        .where(AssignmentRow.role == "lead", TicketRow.reopen_count > 0),
    ]
    for query in queries:
        for ticket_id, assignment_id, unit_id in session.execute(query):
            if ticket_id not in out or out[ticket_id][0] < assignment_id:
                out[ticket_id] = (assignment_id, unit_id)
    return {t: u for t, (_, u) in out.items()}


def _item_name(catalog: Catalog, code: str) -> str:
    item = catalog.get(code)
    return item.name if item else code
