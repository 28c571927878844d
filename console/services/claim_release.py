"""Releases of claims that the room makes itself (an idle claim, a workstation that stopped beating).

Contract of :func:`release_claims`: inside a unit of work, every claimed ticket matching ``condition``
loses its claim (version bumped) and gets a ``release`` event with ``reason`` that names whose claim it
was (``from``, as a manual release records it). The holders are read, with the rows locked, before the
update, because ``RETURNING`` gives the values after it. Nothing matching: nothing changed, no event.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, select, update

from console.db.schema import TicketRow
from console.domain.enums import TicketStatus
from console.domain.lifecycle import Action
from console.domain.ticket import DomainEvent
from console.services.changes import Changed
from console.services.runner import Work
from console.services.ticket_store import append_events


def release_claims(work: Work, condition: ColumnElement[bool], reason: str) -> Changed:
    """Release the claims on the tickets matching ``condition``; see the module contract."""
    held = {r.id: r.claimed_by_name for r in work.session.execute(
        select(TicketRow.id, TicketRow.claimed_by_name).where(condition).with_for_update())}
    if not held:
        return Changed(Action.RELEASE.value)
    rows = work.session.execute(
        update(TicketRow).where(TicketRow.id.in_(held), condition)
        .values(claimed_by=None, claimed_by_name="", claimed_at=None, claimed_workstation=None,
                updated_at=work.now, version=TicketRow.version + 1)
        .returning(TicketRow.id, TicketRow.number, TicketRow.status)
        .execution_options(synchronize_session=False)).all()
    for r in rows:
        status = TicketStatus(r.status)
        append_events(work.session, r.id, [DomainEvent(Action.RELEASE, status, status, reason,
                                                       {"from": held.get(r.id) or None})], work.actor, work.now)
    return Changed(Action.RELEASE.value, tuple(r.id for r in rows), tuple(r.number for r in rows))
