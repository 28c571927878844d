"""Return counts per unit for a period (退单统计). Caller's thread (DB worker)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from sqlalchemy import func, select

from console.db.engine import Database
from console.db.schema import AssignmentRow, EventRow, UnitRow
from console.domain.enums import ReturnReason
from console.supervision_queries.rows import UnitReturnCount


def return_counts(db: Database, start: datetime, end: datetime) -> list[UnitReturnCount]:
    """For every unit that returned a ticket in ``[start, end)``: the returns (from the ``return`` events,
    so a ticket returned twice by a unit counts twice), their reason codes, and how many assignments the
    unit received in the same period. Most returns first."""
    with db.reader() as s:
        returned: dict[str, Counter[str]] = defaultdict(Counter)
        for data in s.scalars(select(EventRow.data).where(EventRow.action == "return", EventRow.at >= start,
                                                          EventRow.at < end)):
            data = data or {}
            returned[str(data.get("unit", ""))][str(data.get("code", ""))] += 1
        if not returned:
            return []
        units = dict(s.execute(select(UnitRow.code, UnitRow.id).where(UnitRow.code.in_(returned))).all())
        names = dict(s.execute(select(UnitRow.code, UnitRow.name).where(UnitRow.code.in_(returned))).all())
        received = dict(s.execute(
            select(AssignmentRow.unit_id, func.count()).where(AssignmentRow.unit_id.in_(units.values()),
                                                              AssignmentRow.dispatched_at >= start,
                                                              AssignmentRow.dispatched_at < end)
            .group_by(AssignmentRow.unit_id)).all())
    order = [r.value for r in ReturnReason]
    found = [UnitReturnCount(code, names.get(code, code), int(received.get(units.get(code, -1), 0)),
                             sum(reasons.values()),
                             tuple((reason, reasons[reason]) for reason in order if reasons.get(reason)))
             for code, reasons in returned.items()]
    return sorted(found, key=lambda r: (-r.returns, r.unit_code))
