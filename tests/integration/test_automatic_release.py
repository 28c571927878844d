"""Claims released by the room itself — a workstation that stopped beating, a claim idle too long — are
recorded like a manual release: the timeline names whose claim was released. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from console.db.schema import EventRow
from console.queries.detail import event_summary
from console.services import triage
from console.services.intake import NewTicket, intake
from console.services.workstations import open_workstation, release_dead_workstations
from tests.conftest import Room


def new(room: Room) -> int:
    return intake(room.ctx, room.operator, NewTicket(text="小区门口路灯不亮", citizen_item_code="020101",
                                                     district="福田区", street="园岭")).ticket_ids[0]


def release_event(room: Room, ticket: int) -> EventRow:
    with room.ctx.db.reader() as s:
        row = s.scalars(select(EventRow).where(EventRow.ticket_id == ticket, EventRow.action == "release")
                        .order_by(EventRow.id.desc())).first()
        assert row is not None
        s.expunge(row)
        return row


def test_a_dead_workstations_released_claims_name_the_holder(room: Room) -> None:
    ticket, other = new(room), new(room)
    open_workstation(room.ctx, room.dispatcher)
    triage.claim(room.ctx, room.dispatcher, ticket)
    room.ctx.workstation_id = None  # the console crashed; another one claims from no workstation
    triage.claim(room.ctx, room.dispatcher2, other)
    room.clock.advance(timedelta(minutes=5))
    assert release_dead_workstations(room.ctx).ticket_ids == (ticket,)
    event = release_event(room, ticket)
    assert event.data.get("from") == "王分拨"
    assert "王分拨" in event_summary("release", event.data, {})


def test_idle_claims_released_name_the_holder(room: Room) -> None:
    ticket = new(room)
    triage.claim(room.ctx, room.dispatcher2, ticket)
    room.clock.advance(timedelta(minutes=31))
    assert triage.release_idle_claims(room.ctx).ticket_ids == (ticket,)
    assert release_event(room, ticket).data.get("from") == "钱分拨"
    assert triage.release_idle_claims(room.ctx).nothing  # nothing held: nothing released, no error
