"""Use cases against real databases (SQLite and PostgreSQL): every lifecycle path, conflicts, request ids,
role and unit scope, and the events each change appends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.db.schema import AssignmentRow, EventRow, TicketRow
from console.domain.enums import Rating, ReturnReason, TicketStatus, Urgency
from console.domain.errors import ConflictError, NotFound, PermissionDenied, TransitionNotAllowed, ValidationError
from console.domain.ticket import Actor, ClaimedByOther
from console.feed import ChangeFeed
from console.services import citizen_loop, supervision, triage, unit_desk
from console.services.intake import NewTicket, intake
from tests.conftest import Room

NOISE_ITEM = "030102"   # night construction noise → ecology, district level


def ticket_row(room: Room, ticket_id: int) -> TicketRow:
    with room.ctx.db.reader() as s:
        row = s.get(TicketRow, ticket_id)
        assert row is not None
        _ = row.assignments
        return row


def events(room: Room, ticket_id: int) -> list[tuple[str, str | None, str]]:
    with room.ctx.db.reader() as s:
        return [(e.action, e.to_status, e.actor_name) for e in
                s.scalars(select(EventRow).where(EventRow.ticket_id == ticket_id).order_by(EventRow.id))]


def new(room: Room, **fields: object) -> int:
    request = NewTicket(**{"text": "园岭街道工地半夜施工，吵得睡不着", "district": "福田区", "street": "园岭",
                           "citizen_phone": "13812345678", "citizen_name": "张三", **fields})  # type: ignore[arg-type]
    return intake(room.ctx, room.operator, request).ticket_ids[0]


def test_item_picked_by_citizen_dispatches_to_the_items_units(room: Room) -> None:
    ticket_id = new(room, citizen_item_code=NOISE_ITEM)
    row = ticket_row(room, ticket_id)
    assert row.status == "dispatched" and row.number.startswith("MY20261124")
    lead = row.assignments[0]
    assert lead.role == "lead" and lead.accept_due_at == room.clock.now() + timedelta(hours=2)
    assert [e[0] for e in events(room, ticket_id)] == ["receive", "dispatch"]
    assert events(room, ticket_id)[1][2] == "自动分拨"


def test_no_item_goes_to_review_then_dispatch_by_a_dispatcher(room: Room) -> None:
    ticket_id = new(room)
    assert ticket_row(room, ticket_id).status == "pending_review"
    triage.claim(room.ctx, room.dispatcher, ticket_id)
    triage.dispatch(room.ctx, room.dispatcher, ticket_id, item_code=NOISE_ITEM)
    row = ticket_row(room, ticket_id)
    assert row.status == "dispatched" and row.item_code == NOISE_ITEM and row.dispatched_at == room.clock.now()


def test_bad_intake_names_every_bad_field_and_stores_nothing(room: Room) -> None:
    with pytest.raises(ValidationError) as refused:
        intake(room.ctx, room.operator, NewTicket(text=" ", citizen_phone="abc", district="福田区", street="沙头角"))
    message = str(refused.value)
    assert "text" in message and "citizen_phone" in message and "沙头角" in message
    with pytest.raises(ValidationError, match="999999"):
        intake(room.ctx, room.operator, NewTicket(text="x", citizen_item_code="999999"))
    with room.ctx.db.reader() as s:
        assert s.scalars(select(TicketRow)).first() is None


def test_whole_life_with_co_unit_return_extension_rollback_and_reopen(room: Room) -> None:
    ctx, clock = room.ctx, room.clock
    ticket_id = new(room)
    triage.dispatch(ctx, room.dispatcher, ticket_id, lead_unit="福田区/ecology", co_units=["福田区/housing"])
    eco, housing = room.handler("福田区/ecology"), room.handler("福田区/housing")
    unit_desk.return_ticket(ctx, eco, ticket_id, ReturnReason.NOT_OUR_FUNCTION, "属于装修噪声")
    assert ticket_row(room, ticket_id).status == "returned"
    triage.dispatch(ctx, room.dispatcher, ticket_id, lead_unit="福田区/housing")
    unit_desk.return_ticket(ctx, housing, ticket_id, ReturnReason.UNCLEAR_OWNERSHIP)
    assert ticket_row(room, ticket_id).status == "arbitration"
    with pytest.raises(TransitionNotAllowed):
        triage.dispatch(ctx, room.dispatcher, ticket_id, lead_unit="福田区/ecology")
    supervision.arbitrate(ctx, room.supervisor, ticket_id, lead_unit="福田区/ecology",
                          co_units=["福田区/园岭/street_office"], ruling="夜间施工噪声由生态环境部门牵头")
    clock.advance(timedelta(minutes=30))
    unit_desk.accept(ctx, eco, ticket_id)
    unit_desk.request_extension(ctx, eco, ticket_id, 48, "需夜间蹲点取证")
    before = ticket_row(room, ticket_id).assignments[-2].reply_due_at
    supervision.decide_extension(ctx, room.supervisor, ticket_id, unit_code="福田区/ecology", approve=True)
    lead = next(a for a in ticket_row(room, ticket_id).assignments if a.role == "lead" and a.state == "accepted")
    assert lead.reply_due_at == before + timedelta(hours=48) and lead.extension_hours == 48
    unit_desk.reply(ctx, eco, ticket_id, "已责令工地停止夜间施工")
    citizen_loop.rate(ctx, Actor.system("市民评价"), ticket_id, Rating.UNSATISFIED, "晚上还在施工")
    row = ticket_row(room, ticket_id)
    assert row.status == "handling" and row.rollback_count == 1 and row.rating == "unsatisfied"
    unit_desk.reply(ctx, eco, ticket_id, "已查封设备")
    citizen_loop.rate(ctx, Actor.system("市民评价"), ticket_id, Rating.SATISFIED)
    citizen_loop.close(ctx, room.dispatcher, ticket_id)
    clock.advance(timedelta(days=5))
    citizen_loop.reopen(ctx, room.dispatcher, ticket_id, "施工噪声再次出现")
    row = ticket_row(room, ticket_id)
    assert row.status == "dispatched" and row.reopen_count == 1 and row.return_count == 2
    actions = [e[0] for e in events(room, ticket_id)]
    assert actions == ["receive", "submit_review", "dispatch", "return", "dispatch", "return", "escalate_return",
                       "arbitrate", "accept", "request_extension", "approve_extension", "reply", "rate", "rollback",
                       "reply", "rate", "close", "reopen"]


def test_co_unit_replies_do_not_close_the_lead(room: Room) -> None:
    ticket_id = new(room)
    triage.dispatch(room.ctx, room.dispatcher, ticket_id, lead_unit="福田区/ecology", co_units=["福田区/housing"])
    housing = room.handler("福田区/housing")
    unit_desk.accept(room.ctx, housing, ticket_id)
    unit_desk.reply(room.ctx, housing, ticket_id, "协办意见：已排查")
    row = ticket_row(room, ticket_id)
    assert row.status == "dispatched"
    assert {a.role: a.state for a in row.assignments} == {"lead": "dispatched", "co": "replied"}


def test_unit_handler_cannot_see_or_touch_another_units_ticket(room: Room) -> None:
    ticket_id = new(room, citizen_item_code=NOISE_ITEM)
    stranger = room.handler("罗湖区/ecology")
    with pytest.raises(PermissionDenied, match="不属于您的单位"):
        unit_desk.accept(room.ctx, stranger, ticket_id)
    with pytest.raises(PermissionDenied):
        triage.add_note(room.ctx, stranger, ticket_id, "看看")


def test_roles_are_read_from_the_database_not_from_the_caller(room: Room) -> None:
    ticket_id = new(room)
    forged = Actor(room.operator.staff_id, room.operator.name, room.supervisor.role)
    with pytest.raises(PermissionDenied):
        supervision.reassign_unit(room.ctx, forged, [ticket_id], unit_code="福田区/ecology", reason="冒充")
    with pytest.raises(NotFound):
        triage.add_note(room.ctx, Actor(99_999, "ghost", room.supervisor.role), ticket_id, "x")


def test_conflict_names_who_changed_the_ticket(room: Room) -> None:
    ticket_id = new(room)
    seen = ticket_row(room, ticket_id).version
    triage.change_urgency(room.ctx, room.dispatcher, ticket_id, Urgency.URGENT, "涉及安全", expected_version=seen)
    with pytest.raises(ConflictError) as conflict:
        triage.change_urgency(room.ctx, room.dispatcher2, ticket_id, Urgency.FAST, "改为快速", expected_version=seen)
    assert "王分拨" in str(conflict.value) and "调整紧急程度" in str(conflict.value)
    row = ticket_row(room, ticket_id)
    assert row.urgency == "urgent"
    assert row.dispatch_due_at == row.received_at + timedelta(minutes=30)


def test_request_id_makes_a_retry_safe(room: Room) -> None:
    ticket_id = new(room)
    first = triage.add_note(room.ctx, room.dispatcher, ticket_id, "已回电", request_id="req-1")
    again = triage.add_note(room.ctx, room.dispatcher, ticket_id, "已回电", request_id="req-1")
    assert not first.replayed and again.replayed and again.ticket_ids == first.ticket_ids
    assert [e[0] for e in events(room, ticket_id)].count("note") == 1
    created = intake(room.ctx, room.operator, NewTicket(text="路灯不亮"), request_id="call-7")
    retried = intake(room.ctx, room.operator, NewTicket(text="路灯不亮"), request_id="call-7")
    assert retried.replayed and retried.numbers == created.numbers


def test_claims_take_over_and_claim_next_order(room: Room) -> None:
    normal = new(room)
    urgent = new(room, urgency=Urgency.URGENT)
    first = triage.claim_next(room.ctx, room.dispatcher)
    assert first.ticket_ids == (urgent,)
    with pytest.raises(ClaimedByOther, match="王分拨"):
        triage.claim(room.ctx, room.dispatcher2, urgent)
    triage.claim(room.ctx, room.dispatcher2, urgent, take_over=True)
    assert ticket_row(room, urgent).claimed_by == room.dispatcher2.staff_id
    assert triage.claim_next(room.ctx, room.dispatcher).ticket_ids == (normal,)
    assert triage.claim_next(room.ctx, room.dispatcher).nothing
    room.clock.advance(timedelta(minutes=31))
    released = triage.release_idle_claims(room.ctx)
    assert set(released.ticket_ids) == {normal, urgent}
    assert ticket_row(room, normal).claimed_by is None


def test_bulk_reassignment_is_all_or_nothing(room: Room) -> None:
    a, b = new(room, citizen_item_code=NOISE_ITEM), new(room, citizen_item_code=NOISE_ITEM)
    closed = new(room, citizen_item_code=NOISE_ITEM)
    eco = room.handler("福田区/ecology")
    unit_desk.accept(room.ctx, eco, closed)
    unit_desk.reply(room.ctx, eco, closed, "done")
    citizen_loop.close(room.ctx, room.dispatcher, closed)
    with pytest.raises(TransitionNotAllowed):
        supervision.reassign_unit(room.ctx, room.supervisor, [a, b, closed], unit_code="福田区/district_gov",
                                  reason="统筹")
    assert ticket_row(room, a).assignments[-1].unit_id == ticket_row(room, b).assignments[-1].unit_id
    changed = supervision.reassign_unit(room.ctx, room.supervisor, [a, b], unit_code="福田区/district_gov",
                                        reason="属地统筹")
    assert set(changed.ticket_ids) == {a, b}
    changed = supervision.reassign_staff(room.ctx, room.supervisor, [a, b], to_username="disp02", reason="下班交接")
    assert ticket_row(room, a).claimed_by_name == "钱分拨"


def test_merge_keeps_both_citizens_and_unmerge_restores(room: Room) -> None:
    primary = new(room)
    duplicate = new(room, citizen_phone="13900001111", citizen_name="李四")
    citizen_loop.merge(room.ctx, room.dispatcher, duplicate, primary, "同一工地")
    row = ticket_row(room, duplicate)
    assert row.status == "merged" and row.merged_into_id == primary and row.citizen_phone == "13900001111"
    assert events(room, primary)[-1][0] == "note"
    citizen_loop.unmerge(room.ctx, room.supervisor, duplicate, "误并")
    assert ticket_row(room, duplicate).status == TicketStatus.PENDING_REVIEW.value


def test_numbers_are_sequential_per_room_day(room: Room) -> None:
    numbers = [intake(room.ctx, room.operator, NewTicket(text=f"咨询 {n}")).numbers[0] for n in range(3)]
    assert numbers == ["MY20261124000001", "MY20261124000002", "MY20261124000003"]
    room.clock.advance(timedelta(hours=15))  # 00:00 next day in Shenzhen
    assert intake(room.ctx, room.operator, NewTicket(text="次日")).numbers[0] == "MY20261125000001"


def test_change_feed_sees_every_commit_once(room: Room) -> None:
    feed = ChangeFeed(room.ctx.db)
    feed.start()
    ticket_id = new(room)
    triage.add_note(room.ctx, room.dispatcher, ticket_id, "备注")
    seen = feed.poll()
    assert [(e.ticket_id, e.action) for e in seen] == [(ticket_id, "receive"), (ticket_id, "submit_review"),
                                                       (ticket_id, "note")]
    assert feed.poll() == []


def test_assignment_rows_carry_snapshotted_limits(room: Room) -> None:
    ticket_id = new(room, citizen_item_code=NOISE_ITEM)
    with room.ctx.db.reader() as s:
        lead = s.scalars(select(AssignmentRow).where(AssignmentRow.ticket_id == ticket_id)).first()
        assert lead is not None and lead.accept_hours > 0 and lead.reply_hours >= lead.accept_hours


def test_review_decisions_are_recorded_with_the_dispatch(room: Room) -> None:
    from console.services.routing_port import RoutingSuggestion

    class FixedRouter:
        def suggest(self, text: str, district: str | None, citizen_item_code: str | None,
                catalog: object = None) -> RoutingSuggestion:
            return RoutingSuggestion(item_code=NOISE_ITEM, confidence=0.3, model_version="test-1")

    room.ctx.router = FixedRouter()
    accepted, corrected = new(room), new(room)
    triage.dispatch(room.ctx, room.dispatcher, accepted, item_code=NOISE_ITEM)
    triage.dispatch(room.ctx, room.dispatcher, corrected, item_code="030101", reason="白天施工")
    with room.ctx.db.reader() as s:
        reviews = {e.ticket_id: e.data["review"] for e in
                   s.scalars(select(EventRow).where(EventRow.action == "dispatch"))}
    assert reviews[accepted]["decision"] == "accepted" and reviews[accepted]["model_version"] == "test-1"
    assert reviews[corrected] == {"decision": "corrected", "suggested_item": NOISE_ITEM, "chosen_item": "030101",
                                  "confidence": 0.3, "model_version": "test-1", "units_overridden": False,
                                  "reason": "白天施工"}


def test_probable_duplicates_are_suggested_at_intake(room: Room) -> None:
    from console.duplicates import duplicates_of

    first = new(room, text="市民来电反映：园岭街道八卦岭工地每天半夜施工，电钻声很大，吵得睡不着")
    room.clock.advance(timedelta(hours=2))
    second = new(room, text="八卦岭那个工地半夜还在施工，电钻声吵得睡不着觉，请处理", citizen_phone="13900002222")
    other = new(room, text="园岭街道路灯不亮已经一周了", citizen_phone="13900003333")
    with room.ctx.db.reader() as s:
        receive = s.scalars(select(EventRow).where(EventRow.ticket_id == second, EventRow.action == "receive")).one()
        found = duplicates_of(s, second)
        assert [c.ticket_id for c in duplicates_of(s, other)] == []
    assert [d["id"] for d in receive.data["possible_duplicates"]] == [first]
    assert [c.ticket_id for c in found] == [first] and found[0].same_street


def test_a_workstation_that_stops_beating_has_its_claims_released(room: Room) -> None:
    from dataclasses import replace

    from console.services.workstations import (
        close_workstation,
        heartbeat,
        open_workstation,
        release_dead_workstations,
    )

    crashed_ctx, alive_ctx = replace(room.ctx), replace(room.ctx)
    open_workstation(crashed_ctx, room.dispatcher)
    open_workstation(alive_ctx, room.dispatcher2)
    a, b, c = new(room), new(room), new(room)
    triage.claim(crashed_ctx, room.dispatcher, a)
    triage.claim_next(crashed_ctx, room.dispatcher)            # claims b (oldest waiting after a)
    triage.claim(alive_ctx, room.dispatcher2, c)
    room.clock.advance(timedelta(seconds=60))
    assert heartbeat(alive_ctx)
    assert release_dead_workstations(room.ctx).nothing          # 60 s of silence is not yet death
    room.clock.advance(timedelta(seconds=40))
    released = release_dead_workstations(room.ctx)
    assert set(released.ticket_ids) == {a, b}
    assert ticket_row(room, c).claimed_by == room.dispatcher2.staff_id
    assert not heartbeat(crashed_ctx)                           # the crashed console learns it was declared dead
    assert events(room, a)[-1][:2] == ("release", "pending_review")
    assert set(close_workstation(alive_ctx).ticket_ids) == {c}


def test_review_quality_figures(room: Room) -> None:
    from console.review_quality import review_quality
    from console.services.routing_port import RoutingSuggestion

    class FixedRouter:
        def suggest(self, text: str, district: str | None, citizen_item_code: str | None,
                catalog: object = None) -> RoutingSuggestion:
            return RoutingSuggestion(item_code=NOISE_ITEM, confidence=0.3, model_version="test-1")

    new(room, citizen_item_code=NOISE_ITEM)                     # automatic (citizen picked the item)
    room.ctx.router = FixedRouter()
    reviewed = [new(room) for _ in range(4)]
    for n, ticket_id in enumerate(reviewed):
        triage.dispatch(room.ctx, room.dispatcher, ticket_id, item_code=NOISE_ITEM if n < 3 else "030101")
    with room.ctx.db.reader() as s:
        quality = review_quality(s, room.clock.now() - timedelta(days=1), room.clock.now() + timedelta(seconds=1))
    assert (quality.dispatched, quality.automatic, quality.reviewed) == (5, 1, 4)
    assert quality.automatic_share == 0.2 and quality.overall_precision == 0.75
    assert quality.items[0].item_code == NOISE_ITEM and quality.items[0].precision == 0.75
    assert quality.corrections == ((NOISE_ITEM, "030101", 1),)
    assert [i.item_code for i in quality.most_corrected()] == [NOISE_ITEM]
