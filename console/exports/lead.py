"""A ticket's current lead assignment, as every export counts it: its latest lead assignment that is neither
withdrawn nor returned (a ticket has none while a return awaits re-dispatch)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause, and_, func, select

from console.db.schema import AssignmentRow

A = AssignmentRow.__table__
ENDED_STATES = ("withdrawn", "returned")


def current_lead() -> ColumnElement[bool]:
    """SQL: this assignment row is a lead that has not ended."""
    return and_(A.c.role == "lead", A.c.state.notin_(ENDED_STATES))


def current_lead_id(tickets: FromClause) -> Any:
    """Correlated sub-select: the id of the ticket's current lead assignment (or NULL), found per ticket on
    ``assignments``' ticket index, so its cost stays linear whatever plan statistics say."""
    return (select(func.max(A.c.id)).where(A.c.ticket_id == tickets.c.id, current_lead())
            .correlate(tickets).scalar_subquery())
