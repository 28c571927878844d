"""Escalating a pending review to the supervisor: a note event whose text starts with a fixed marker.

The ticket stays in review; the marker is stored data (never translated), so every workstation and the
supervisors' filter recognise it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.db.engine import Database
from console.db.schema import EventRow

ESCALATION_MARKER = "【转值班长】"
_REOPENING_ACTIONS = ("submit_review", "unmerge")


def escalation_text(question: str) -> str:
    """The note text recording an escalation with the reviewer's question."""
    return f"{ESCALATION_MARKER}{question.strip()}"


def is_escalation(note: str) -> bool:
    return note.startswith(ESCALATION_MARKER)


def escalated_ids(session: Session, ticket_ids: Iterable[int]) -> frozenset[int]:
    """Of ``ticket_ids``, those with an escalation note after they last entered review."""
    wanted = sorted(set(ticket_ids))
    if not wanted:
        return frozenset()
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        entered = dict(session.execute(
            select(EventRow.ticket_id, func.max(EventRow.id))
            .where(EventRow.ticket_id.in_(chunk), EventRow.action.in_(_REOPENING_ACTIONS))
            .group_by(EventRow.ticket_id)).all())
        notes = session.execute(
            select(EventRow.ticket_id, func.max(EventRow.id))
            .where(EventRow.ticket_id.in_(chunk), EventRow.action == "note",
                   EventRow.reason.like(f"{ESCALATION_MARKER}%"))
            .group_by(EventRow.ticket_id)).all()
        found.update(tid for tid, last in notes if tid is not None and last > entered.get(tid, 0))
    return frozenset(found)


def escalated_among(db: Database, ticket_ids: Iterable[int]) -> frozenset[int]:
    """``escalated_ids`` in its own read session."""
    with db.reader() as s:
        return escalated_ids(s, ticket_ids)
