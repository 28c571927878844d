"""Read-side queries: queue rows match the domain's clocks, refreshes report what left the queue,
detail masks personal data by role, views and searches select the right rows, saved views obey roles."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from datetime import time as dt_time

import pytest

from console.domain.enums import ReturnReason, Role, Urgency
from console.domain.errors import PermissionDenied
from console.domain.shifts import ShiftCalendar
from console.domain.sla import next_deadline
from console.domain.ticket import Actor
from console.queries.detail import ticket_detail
from console.queries.live import LiveQueue
from console.queries.queue import QueueScope, load_queue, load_rows
from console.queries.saved_views import delete_view, list_saved_views, save_view
from console.queries.views import ViewSpec, builtin_views, compile_search, compile_spec
from console.services import accounts, citizen_loop, triage, unit_desk
from console.services.accounts import NewStaff
from console.services.ticket_store import load_row, to_domain


def test_next_deadline_of_every_row_matches_the_domain(world) -> None:
    a = world.intake("工地夜间施工", item="010101")
    b = world.intake("燃气泄漏", item="020101")
    c = world.intake("邻居吵闹")
    handler_id = accounts.add_staff(world.ctx, NewStaff("eco01", "生态承办", Role.UNIT_HANDLER, "demo",
                                                        unit_code="福田区/ecology"))
    handler = Actor(handler_id, "生态承办", Role.UNIT_HANDLER, None)
    handler = accounts.authenticate(world.ctx, "eco01", "demo")
    world.clock.advance(timedelta(minutes=30))
    unit_desk.accept(world.ctx, handler, a)
    unit_desk.return_ticket(world.ctx, handler, a, ReturnReason.NOT_OUR_FUNCTION, "不属本单位")
    triage.dispatch(world.ctx, world.actors["disp01"], c, item_code="010102")
    rows = {r.id: r for r in load_queue(world.ctx.db)}
    assert set(rows) == {a, b, c}
    with world.ctx.db.reader() as s:
        for ticket_id, row in rows.items():
            ticket = to_domain(s, load_row(s, ticket_id, lock=False))
            expected = next_deadline(ticket, world.ctx.policy, world.clock.now())
            if expected is None:
                assert not row.has_deadline
            else:
                assert (row.due_kind, row.due_ts) == (expected.kind.value, expected.due.timestamp())
    assert rows[b].urgency == "urgent" and rows[b].lead_unit


def test_refresh_reports_closed_tickets_as_gone_and_scope_limits_units(world) -> None:
    a = world.intake("工地夜间施工", item="010101")
    b = world.intake("邻居吵闹")
    with world.ctx.db.reader() as s:
        unit_id = load_row(s, a, lock=False).assignments[0].unit_id
    citizen_loop.merge(world.ctx, world.actors["disp01"], b, a, "同一事件")
    refresh = load_rows(world.ctx.db, [a, b, 999])
    assert [r.id for r in refresh.rows] == [a] and set(refresh.gone) == {b, 999}
    assert [r.id for r in load_queue(world.ctx.db, QueueScope(unit_id))] == [a]


def test_live_queue_reports_changes_of_another_connection(world) -> None:
    live = LiveQueue(world.ctx.db, QueueScope())
    live.start()
    other = world.other_connection()
    try:
        ticket = world.intake("路灯不亮")
        triage.claim(other, world.actors["disp02"], ticket)
        batch = live.poll()
    finally:
        other.db.dispose()
    assert {e.ticket_id for e in batch.events} == {ticket}
    assert batch.refresh.rows[0].claimed_by_name == "王分拨"


def test_detail_masks_personal_data_unless_the_role_may_see_it(world) -> None:
    ticket = world.intake("电梯困人", urgency=Urgency.URGENT, name="欧阳娜娜", phone="13900001111")
    masked = ticket_detail(world.ctx, ticket, Role.DISPATCHER)
    assert (masked.citizen_name, masked.citizen_phone, masked.personal_masked) == ("欧阳**", "139****1111", True)
    assert ticket_detail(world.ctx, ticket, Role.SUPERVISOR).citizen_phone == "13900001111"
    revealed = ticket_detail(world.ctx, ticket, Role.DISPATCHER, reveal=True)
    assert revealed.citizen_name == "欧阳娜娜" and not revealed.personal_masked
    assert [e.action for e in masked.events] == ["receive", "submit_review"]


def test_routing_hint_from_the_review_event(world) -> None:
    ticket = world.intake("小区里有人违建加盖")
    with world.ctx.db.writer() as s:  # events are append-only: a later review submission carries the hint
        from console.domain.lifecycle import Action
        from console.domain.ticket import Actor, DomainEvent
        from console.services.ticket_store import append_events

        s.begin()
        append_events(s, ticket, [DomainEvent(Action.SUBMIT_REVIEW, None, None, "",
                                              {"suggested_item": "020201", "confidence": 0.61})],
                      Actor.system(), world.ctx.clock.now())
        s.commit()
    hint = ticket_detail(world.ctx, ticket, Role.DISPATCHER).hint
    assert hint is not None and hint.item_code == "020201" and hint.source == "review"
    assert hint.confidence == pytest.approx(0.61) and "街道" in hint.lead_unit_name


def test_views_and_search_select_rows(world) -> None:
    urgent = world.intake("燃气泄漏", item="020101")
    mine = world.intake("噪音", phone="0755-83451234")
    triage.claim(world.ctx, world.actors["disp01"], mine)
    rows = load_queue(world.ctx.db)
    now = time.time()

    def pick(predicate):
        return {r.id for r in rows if predicate is None or predicate(r)}

    assert pick(compile_spec(ViewSpec(urgencies=("urgent",)), None, now)) == {urgent}
    assert pick(compile_spec(ViewSpec(mine=True), world.actors["disp01"].staff_id, now)) == {mine}
    assert pick(compile_spec(ViewSpec(statuses=("pending_review",)), None, now)) == {mine}
    assert pick(compile_spec(ViewSpec(overdue=True), None, world.clock.now().timestamp() + 86400 * 30)) == {urgent,
                                                                                                           mine}
    assert pick(compile_search("0755 8345-1234")) == {mine}
    number = next(r.number for r in rows if r.id == urgent)
    assert pick(compile_search(number.lower())) == {urgent}
    assert [v.shortcut for v in builtin_views(Role.DISPATCHER)][:3] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]


def test_saved_views_shared_only_by_supervisors(world) -> None:
    now = world.clock.now()
    spec = ViewSpec(urgencies=("urgent",), districts=("福田区",))
    with pytest.raises(PermissionDenied):
        save_view(world.ctx.db, world.actors["disp01"], "紧急福田", spec, shared=True, now=now)
    mine = save_view(world.ctx.db, world.actors["disp01"], "我的紧急", spec, shared=False, now=now)
    save_view(world.ctx.db, world.actors["sup01"], "全室紧急", spec, shared=True, now=now)
    seen = {v.name: v for v in list_saved_views(world.ctx.db, world.actors["disp02"])}
    assert set(seen) == {"全室紧急"} and seen["全室紧急"].spec == spec
    assert {v.name for v in list_saved_views(world.ctx.db, world.actors["disp01"])} == {"我的紧急", "全室紧急"}
    with pytest.raises(PermissionDenied):
        delete_view(world.ctx.db, world.actors["disp02"], mine)
    delete_view(world.ctx.db, world.actors["disp01"], mine)


def test_shift_labels_for_the_window() -> None:
    calendar = ShiftCalendar()
    shift = calendar.current(datetime(2026, 11, 24, 1, 30, tzinfo=UTC))  # 09:30 Asia/Shanghai
    assert (shift.slot, shift.short_label) == (2, "第三班 08:00–12:00")
    assert calendar.current(datetime(2026, 11, 24, 15, 59, tzinfo=UTC)).short_label == "第六班 20:00–00:00"
    three = ShiftCalendar([dt_time(7), dt_time(15), dt_time(23)])
    assert three.current(datetime(2026, 11, 24, 1, 30, tzinfo=UTC)).short_label == "第一班 07:00–15:00"


def test_ticket_detail_is_scoped_to_the_unit_handlers_unit(world) -> None:  # type: ignore[no-untyped-def]
    from console.domain.errors import NotFound
    from console.services.unit_resolution import units_by_code

    ticket = world.intake("工地夜间施工", item="010101")
    with world.ctx.db.reader() as s:
        ecology, stranger = (u.id for u in units_by_code(s, ["福田区/ecology", "罗湖区/ecology"]))
    assert ticket_detail(world.ctx, ticket, Role.UNIT_HANDLER, unit_id=ecology).number
    with pytest.raises(NotFound):
        ticket_detail(world.ctx, ticket, Role.UNIT_HANDLER, unit_id=stranger)
