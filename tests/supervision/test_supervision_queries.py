"""The unit desk's and supervisor's read side on SQLite and PostgreSQL: pending extensions (with the
deadline approval gives), the arbitration queue, shift workload, return counts per unit, unit-scoped
views, look-up of closed and merged tickets, duplicates."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.domain.enums import Rating, ReturnReason
from console.domain.errors import NotFound, PermissionDenied
from console.queries.detail import ticket_detail
from console.services import citizen_loop, supervision, triage, unit_desk
from console.services.intake import NewTicket, intake
from console.supervision_queries.arbitration import arbitration_queue
from console.supervision_queries.extensions import pending_extensions
from console.supervision_queries.lookup import duplicates_for, find_ticket, recent_merges
from console.supervision_queries.reference import room_staff, unit_choices
from console.supervision_queries.returns import return_counts
from console.supervision_queries.unit_view import holding_up, reply_context
from console.supervision_queries.workload import open_claims_of, shift_workload
from tests.conftest import Room

ECO, HOUSING, STREET = "福田区/ecology", "福田区/housing", "福田区/园岭/street_office"


def new(room: Room, text: str = "园岭街道工地半夜施工，吵得睡不着", **fields: object) -> int:
    request = NewTicket(**{"text": text, "district": "福田区", "street": "园岭", "citizen_phone": "13812345678",
                           "citizen_name": "张三", **fields})  # type: ignore[arg-type]
    return intake(room.ctx, room.operator, request).ticket_ids[0]


def dispatched(room: Room, lead: str = ECO, co: tuple[str, ...] = (HOUSING,)) -> int:
    ticket_id = new(room)
    triage.dispatch(room.ctx, room.dispatcher, ticket_id, lead_unit=lead, co_units=list(co))
    return ticket_id


def test_pending_extension_predicts_the_deadline_approval_gives(room: Room) -> None:
    ticket_id = dispatched(room)
    eco = room.handler(ECO)
    unit_desk.accept(room.ctx, eco, ticket_id)
    room.clock.advance(timedelta(minutes=10))
    unit_desk.request_extension(room.ctx, eco, ticket_id, 36, "需夜间蹲点取证")
    [pending] = pending_extensions(room.ctx.db)
    assert (pending.number, pending.unit_code, pending.hours, pending.reason) == (
        pending.number, ECO, 36, "需夜间蹲点取证")
    assert pending.requested_at == room.clock.now() and pending.requested_by == eco.name
    assert pending.new_reply_due == pending.reply_due + timedelta(hours=36)
    supervision.decide_extension(room.ctx, room.supervisor, ticket_id, unit_code=ECO, approve=True)
    assert reply_context(room.ctx.db, ticket_id, eco.unit_id).mine.reply_due == pending.new_reply_due
    assert pending_extensions(room.ctx.db) == []


def test_arbitration_queue_lists_every_return_with_its_reason(room: Room) -> None:
    ticket_id = dispatched(room)
    eco, housing = room.handler(ECO), room.handler(HOUSING)
    unit_desk.return_ticket(room.ctx, eco, ticket_id, ReturnReason.NOT_OUR_FUNCTION, "属于装修噪声")
    triage.dispatch(room.ctx, room.dispatcher, ticket_id, lead_unit=HOUSING)
    room.clock.advance(timedelta(hours=1))
    unit_desk.return_ticket(room.ctx, housing, ticket_id, ReturnReason.OTHER, "工地在市级管理片区")
    [case] = arbitration_queue(room.ctx.db)
    assert case.ticket_id == ticket_id and case.escalated_at == room.clock.now()
    assert [(r.unit_code, r.reason_label, r.text) for r in case.returns] == [
        (ECO, "职能不符", "属于装修噪声"), (HOUSING, "其他", "工地在市级管理片区")]
    supervision.arbitrate(room.ctx, room.supervisor, ticket_id, lead_unit=ECO, co_units=[STREET], ruling="生态牵头")
    assert arbitration_queue(room.ctx.db) == []


def test_workload_counts_open_claims_per_person_including_someone_off_shift(room: Room) -> None:
    a, b, c = new(room), new(room, "市民咨询公积金"), new(room, "市民咨询社保")
    new(room, "市民咨询户籍")  # nobody holds it
    triage.claim(room.ctx, room.dispatcher2, a)
    triage.claim(room.ctx, room.dispatcher2, b)
    triage.claim(room.ctx, room.dispatcher, c)
    triage.dispatch(room.ctx, room.dispatcher, c, lead_unit=ECO)
    load = shift_workload(room.ctx)
    people = {r.username: r for r in load.rows}
    assert people["disp02"].open_claimed == 2 and people["disp01"].dispatched_this_shift == 1
    assert load.rows[0].username == "disp02" and people["disp02"].on_shift
    assert load.unclaimed_open == 1
    assert sorted(open_claims_of(room.ctx.db, room.dispatcher2.staff_id)) == sorted([a, b])
    room.clock.advance(timedelta(hours=4))  # next shift: disp02 is off shift but still holds two tickets
    later = {r.username: r for r in shift_workload(room.ctx).rows}
    assert later["disp02"].open_claimed == 2 and not later["disp02"].on_shift
    assert later["disp01"].dispatched_this_shift == 0


def test_return_counts_per_unit_for_a_period(room: Room) -> None:
    start = room.clock.now()
    first, second = dispatched(room, co=()), dispatched(room, co=())
    eco = room.handler(ECO)
    unit_desk.return_ticket(room.ctx, eco, first, ReturnReason.NOT_OUR_TERRITORY, "不在辖区")
    unit_desk.return_ticket(room.ctx, eco, second, ReturnReason.NOT_OUR_FUNCTION, "")
    triage.dispatch(room.ctx, room.dispatcher, first, lead_unit=HOUSING)
    unit_desk.return_ticket(room.ctx, room.handler(HOUSING), first, ReturnReason.UNCLEAR_OWNERSHIP, "")
    room.clock.advance(timedelta(minutes=1))
    counts = {c.unit_code: c for c in return_counts(room.ctx.db, start, room.clock.now())}
    assert counts[ECO].returns == 2 and counts[ECO].received == 2 and counts[ECO].rate == 1.0
    assert dict(counts[ECO].by_reason) == {"not_our_function": 1, "not_our_territory": 1}
    assert counts[HOUSING].returns == 1 and dict(counts[HOUSING].by_reason) == {"unclear_ownership": 1}
    assert return_counts(room.ctx.db, room.clock.now(), room.clock.now() + timedelta(hours=1)) == []


def test_reply_context_gives_the_lead_its_co_units_and_refuses_strangers(room: Room) -> None:
    ticket_id = dispatched(room, co=(HOUSING, STREET))
    eco, housing, street = room.handler(ECO), room.handler(HOUSING), room.handler(STREET)
    unit_desk.accept(room.ctx, housing, ticket_id)
    unit_desk.reply(room.ctx, housing, ticket_id, "已核查施工许可")
    context = reply_context(room.ctx.db, ticket_id, eco.unit_id)
    assert context.mine.role == "lead" and context.mine.state == "dispatched"
    assert {(p.unit_code, p.state, p.reply_text) for p in context.co_units} == {
        (HOUSING, "replied", "已核查施工许可"), (STREET, "dispatched", "")}
    co_view = reply_context(room.ctx.db, ticket_id, street.unit_id)
    assert co_view.mine.role == "co" and co_view.lead is not None and co_view.lead.unit_code == ECO
    stranger = room.handler("罗湖区/ecology")
    with pytest.raises(PermissionDenied):
        reply_context(room.ctx.db, ticket_id, stranger.unit_id)
    with pytest.raises(NotFound):
        find_ticket(room.ctx.db, ticket_id, stranger.unit_id)
    detail = ticket_detail(room.ctx, ticket_id, room.supervisor.role)
    waits = holding_up(detail.assignments, room.clock.now())
    assert waits[0].unit_code == ECO and {w.waiting_for for w in waits} == {"accept"}
    assert {w.unit_code for w in waits} == {ECO, STREET}
    room.clock.advance(timedelta(days=10))
    assert all(w.overdue for w in holding_up(detail.assignments, room.clock.now()))


def test_co_units_of_an_earlier_round_are_not_consolidated_again(room: Room) -> None:
    ticket_id = dispatched(room, lead=HOUSING, co=(ECO,))
    eco = room.handler(ECO)
    unit_desk.accept(room.ctx, eco, ticket_id)
    unit_desk.reply(room.ctx, eco, ticket_id, "第一轮协办意见")
    unit_desk.return_ticket(room.ctx, room.handler(HOUSING), ticket_id, ReturnReason.NOT_OUR_FUNCTION, "")
    room.clock.advance(timedelta(minutes=5))
    triage.dispatch(room.ctx, room.dispatcher, ticket_id, lead_unit=STREET, co_units=[HOUSING])
    context = reply_context(room.ctx.db, ticket_id, room.handler(STREET).unit_id)
    assert [p.unit_code for p in context.co_units] == [HOUSING]


def test_closed_and_merged_tickets_are_found_by_number(room: Room) -> None:
    ticket_id = dispatched(room, co=())
    eco = room.handler(ECO)
    unit_desk.accept(room.ctx, eco, ticket_id)
    unit_desk.reply(room.ctx, eco, ticket_id, "已处理")
    citizen_loop.rate(room.ctx, room.operator, ticket_id, Rating.SATISFIED)
    citizen_loop.close(room.ctx, room.dispatcher, ticket_id)
    brief = find_ticket(room.ctx.db, find_ticket(room.ctx.db, ticket_id).number.lower())
    assert brief.status == "closed" and brief.rating == "满意" and brief.lead_unit
    assert find_ticket(room.ctx.db, ticket_id, eco.unit_id).id == ticket_id
    primary = new(room, "园岭街道华富路工地半夜施工电钻声很吵")
    duplicate = new(room, "园岭街道华富路工地半夜施工电钻声很吵影响睡觉", citizen_phone="13900001111")
    found = duplicates_for(room.ctx.db, duplicate)
    assert found[0].ticket_id == primary and found[0].citizen_phone == "138****5678"
    assert duplicates_for(room.ctx.db, duplicate, room.handler("罗湖区/ecology").unit_id) == []
    citizen_loop.merge(room.ctx, room.dispatcher, duplicate, primary, "同一工地")
    [merged] = recent_merges(room.ctx.db, room.clock.now() - timedelta(days=1))
    assert merged.id == duplicate and merged.merged_into == find_ticket(room.ctx.db, primary).number
    with pytest.raises(NotFound):
        find_ticket(room.ctx.db, "MY19990101000001")


def test_pickers_list_units_and_room_staff(room: Room) -> None:
    units = unit_choices(room.ctx.db)
    assert any(u.code == ECO for u in units) and len(units) > 100
    staff = {s.username: s.role for s in room_staff(room.ctx.db)}
    assert staff == {"op01": "operator", "disp01": "dispatcher", "disp02": "dispatcher", "sup01": "supervisor"}
