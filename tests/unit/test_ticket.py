"""The ticket aggregate through every lifecycle path, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.catalog import TimeLimits
from console.domain.enums import (
    AssignmentRole,
    AssignmentState,
    Channel,
    Kind,
    Rating,
    ReturnReason,
    Role,
    TicketStatus,
    Urgency,
)
from console.domain.errors import PermissionDenied, TransitionNotAllowed, ValidationError
from console.domain.lifecycle import Action
from console.domain.ticket import Actor, Citizen, ClaimedByOther, Location, Ticket, UnitRef

T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
LIMITS = TimeLimits(accept_hours=2, reply_hours=24, close_hours=72)
ECOLOGY = UnitRef(1, "福田区/ecology", "市生态环境局福田管理局")
HOUSING = UnitRef(2, "福田区/housing", "福田区住房和建设局")
GOV = UnitRef(3, "福田区/district_gov", "福田区人民政府")
DISPATCHER = Actor(10, "王分拨", Role.DISPATCHER)
DISPATCHER2 = Actor(11, "钱分拨", Role.DISPATCHER)
SUPERVISOR = Actor(20, "孙值班长", Role.SUPERVISOR)
ECO_HANDLER = Actor(30, "生态承办", Role.UNIT_HANDLER, ECOLOGY.id)
HOUSING_HANDLER = Actor(31, "住建承办", Role.UNIT_HANDLER, HOUSING.id)
GOV_HANDLER = Actor(32, "区府承办", Role.UNIT_HANDLER, GOV.id)


def new_ticket() -> Ticket:
    ticket, event = Ticket.receive(number="MY20261124000001", channel=Channel.HOTLINE, kind=Kind.COMPLAINT,
                                   title="", text="  工地夜间施工噪声扰民  ", citizen=Citizen("张三", "13812345678"),
                                   location=Location("福田区", "园岭"), urgency=Urgency.NORMAL, received_at=T0,
                                   actor=Actor(1, "赵受理", Role.OPERATOR))
    assert event.action is Action.RECEIVE
    return ticket


def dispatched(co: bool = True) -> Ticket:
    ticket = new_ticket()
    ticket.submit_for_review(Actor.system())
    ticket.dispatch(DISPATCHER, lead=ECOLOGY, co_units=[HOUSING] if co else [], item_code="030102", limits=LIMITS,
                    now=T0 + timedelta(minutes=20))
    return ticket


def test_receive_trims_text_and_derives_title() -> None:
    ticket = new_ticket()
    assert ticket.text == "工地夜间施工噪声扰民" and ticket.title == "工地夜间施工噪声扰民"
    assert ticket.status is TicketStatus.RECEIVED


def test_receive_refuses_empty_text_and_unit_handlers() -> None:
    with pytest.raises(ValidationError, match="不能为空"):
        Ticket.receive(number="MY1", channel=Channel.APP, kind=Kind.HELP, title="", text="  ", citizen=Citizen(),
                       location=Location(), urgency=Urgency.NORMAL, received_at=T0, actor=DISPATCHER)
    with pytest.raises(PermissionDenied):
        Ticket.receive(number="MY1", channel=Channel.APP, kind=Kind.HELP, title="", text="x", citizen=Citizen(),
                       location=Location(), urgency=Urgency.NORMAL, received_at=T0, actor=ECO_HANDLER)


def test_dispatch_creates_lead_and_co_assignments_with_their_own_clocks() -> None:
    ticket = dispatched()
    assert ticket.status is TicketStatus.DISPATCHED
    lead, co = ticket.assignments
    assert (lead.role, co.role) == (AssignmentRole.LEAD, AssignmentRole.CO)
    assert lead.accept_due_at == T0 + timedelta(minutes=20, hours=2)
    assert lead.reply_due_at == T0 + timedelta(minutes=20, hours=24)
    assert lead.close_due_at == T0 + timedelta(hours=72) and co.close_due_at is None
    assert ticket.dispatched_at == T0 + timedelta(minutes=20)


def test_lead_cannot_also_be_co_unit() -> None:
    ticket = new_ticket()
    with pytest.raises(ValidationError, match="不能同时"):
        ticket.dispatch(DISPATCHER, lead=ECOLOGY, co_units=[ECOLOGY], item_code=None, limits=LIMITS, now=T0)


def test_full_happy_path_with_co_unit() -> None:
    ticket = dispatched()
    ticket.accept(HOUSING_HANDLER, T0 + timedelta(hours=1))
    assert ticket.status is TicketStatus.DISPATCHED  # a co-unit's signature does not move the ticket
    ticket.accept(ECO_HANDLER, T0 + timedelta(hours=1))
    assert ticket.status is TicketStatus.ACCEPTED
    ticket.start_handling(ECO_HANDLER)
    ticket.reply(HOUSING_HANDLER, "协办意见", T0 + timedelta(hours=3))
    assert ticket.status is TicketStatus.HANDLING
    ticket.reply(ECO_HANDLER, "已责令停工", T0 + timedelta(hours=5))
    assert ticket.status is TicketStatus.REPLIED
    ticket.rate(Actor.system(), Rating.SATISFIED, "", T0 + timedelta(hours=6))
    ticket.close(Actor.system(), T0 + timedelta(hours=6))
    assert ticket.status is TicketStatus.CLOSED and ticket.closed_at == T0 + timedelta(hours=6)


def test_unit_handler_of_another_unit_is_refused() -> None:
    ticket = dispatched(co=False)
    with pytest.raises(PermissionDenied, match="未分派给您的单位"):
        ticket.accept(HOUSING_HANDLER, T0)


def test_reply_needs_acceptance_and_text() -> None:
    ticket = dispatched()
    with pytest.raises(ValidationError):
        ticket.reply(ECO_HANDLER, "已处理", T0)
    ticket.accept(ECO_HANDLER, T0)
    with pytest.raises(ValidationError, match="不能为空"):
        ticket.reply(ECO_HANDLER, " ", T0)


def test_returns_go_to_arbitration_after_the_limit() -> None:
    ticket = dispatched()
    events = ticket.return_to_room(ECO_HANDLER, reason=ReturnReason.NOT_OUR_FUNCTION, text="", now=T0,
                                   arbitration_after=2)
    assert [e.action for e in events] == [Action.RETURN]
    assert ticket.status is TicketStatus.RETURNED and ticket.return_count == 1
    assert all(not a.state.is_active for a in ticket.assignments)  # co-units withdrawn too
    ticket.dispatch(DISPATCHER, lead=HOUSING, co_units=[], item_code=None, limits=LIMITS, now=T0)
    events = ticket.return_to_room(HOUSING_HANDLER, reason=ReturnReason.UNCLEAR_OWNERSHIP, text="", now=T0,
                                   arbitration_after=2)
    assert [e.action for e in events] == [Action.RETURN, Action.ESCALATE_RETURN]
    assert ticket.status is TicketStatus.ARBITRATION
    with pytest.raises(PermissionDenied):  # dispatchers cannot re-dispatch; only a supervisor rules
        ticket.arbitrate(DISPATCHER, lead=GOV, co_units=[], limits=LIMITS, now=T0, ruling="属地牵头")
    with pytest.raises(TransitionNotAllowed):
        ticket.dispatch(DISPATCHER, lead=GOV, co_units=[], item_code=None, limits=LIMITS, now=T0)
    ticket.arbitrate(SUPERVISOR, lead=GOV, co_units=[ECOLOGY], limits=LIMITS, now=T0, ruling="属地牵头")
    assert ticket.status is TicketStatus.DISPATCHED and ticket.lead is not None and ticket.lead.unit == GOV


def test_return_other_needs_text_and_co_units_cannot_return() -> None:
    ticket = dispatched()
    with pytest.raises(ValidationError, match="其他"):
        ticket.return_to_room(ECO_HANDLER, reason=ReturnReason.OTHER, text="", now=T0)
    with pytest.raises(PermissionDenied, match="协办"):
        ticket.return_to_room(HOUSING_HANDLER, reason=ReturnReason.NOT_OUR_FUNCTION, text="", now=T0)


def test_extension_approved_shifts_reply_and_close_deadlines() -> None:
    ticket = dispatched()
    ticket.accept(ECO_HANDLER, T0)
    lead = ticket.lead
    assert lead is not None
    reply_due, close_due = lead.reply_due_at, lead.close_due_at
    ticket.request_extension(ECO_HANDLER, 48, "需要协调多个部门")
    with pytest.raises(ValidationError, match="待审批"):
        ticket.request_extension(ECO_HANDLER, 24, "再延")
    with pytest.raises(PermissionDenied):
        ticket.decide_extension(DISPATCHER, unit_id=ECOLOGY.id, approve=True)
    ticket.decide_extension(SUPERVISOR, unit_id=ECOLOGY.id, approve=True)
    assert lead.reply_due_at == reply_due + timedelta(hours=48)
    assert close_due is not None and lead.close_due_at == close_due + timedelta(hours=48)
    assert lead.extension_hours == 48 and lead.pending_extension_hours is None


def test_extension_refusal_needs_a_reason_and_keeps_deadlines() -> None:
    ticket = dispatched()
    ticket.accept(ECO_HANDLER, T0)
    assert ticket.lead is not None
    due = ticket.lead.reply_due_at
    ticket.request_extension(ECO_HANDLER, 24, "等待材料")
    with pytest.raises(ValidationError):
        ticket.decide_extension(SUPERVISOR, unit_id=ECOLOGY.id, approve=False)
    ticket.decide_extension(SUPERVISOR, unit_id=ECOLOGY.id, approve=False, reason="时限内可以完成")
    assert ticket.lead.reply_due_at == due


def replied() -> Ticket:
    ticket = dispatched(co=False)
    ticket.accept(ECO_HANDLER, T0)
    ticket.reply(ECO_HANDLER, "已处理", T0 + timedelta(hours=3))
    return ticket


def test_unsatisfied_rating_rolls_back_to_lead_with_fresh_deadline() -> None:
    ticket = replied()
    later = T0 + timedelta(hours=10)
    events = ticket.rate(Actor.system("市民评价"), Rating.UNSATISFIED, "噪声还在", later)
    assert [e.action for e in events] == [Action.RATE, Action.ROLLBACK]
    assert events[1].actor_override is not None and events[1].actor_override.role is Role.SYSTEM
    assert ticket.status is TicketStatus.HANDLING and ticket.rollback_count == 1
    assert ticket.lead is not None and ticket.lead.state is AssignmentState.ACCEPTED
    assert ticket.lead.reply_due_at == later + timedelta(hours=24)
    ticket.reply(ECO_HANDLER, "再次处理", later + timedelta(hours=2))
    assert ticket.status is TicketStatus.REPLIED


def test_reopen_links_a_new_lead_assignment_and_counts() -> None:
    ticket = replied()
    ticket.close(Actor.system(), T0 + timedelta(hours=5))
    with pytest.raises(ValidationError, match="原因"):
        ticket.reopen(DISPATCHER, reason=" ", now=T0)
    ticket.reopen(DISPATCHER, reason="噪声又出现了", now=T0 + timedelta(days=3))
    assert ticket.status is TicketStatus.DISPATCHED and ticket.reopen_count == 1 and ticket.closed_at is None
    assert [a.state for a in ticket.assignments] == [AssignmentState.WITHDRAWN, AssignmentState.DISPATCHED]


def test_merge_and_unmerge() -> None:
    primary, duplicate = dispatched(), new_ticket()
    primary.id, duplicate.id, duplicate.number = 1, 2, "MY20261124000002"
    with pytest.raises(ValidationError, match="自身"):
        primary.merge_into(DISPATCHER, primary)
    duplicate.merge_into(DISPATCHER, primary, "同一工地")
    assert duplicate.status is TicketStatus.MERGED and duplicate.merged_into_id == 1
    assert duplicate.citizen.phone == "13812345678"  # contact kept
    with pytest.raises(PermissionDenied):
        duplicate.unmerge(DISPATCHER, "误并")
    duplicate.unmerge(SUPERVISOR, "误并")
    assert duplicate.status is TicketStatus.PENDING_REVIEW and duplicate.merged_into_id is None


def test_claims_ask_before_taking_over() -> None:
    ticket = new_ticket()
    ticket.claim(DISPATCHER, T0)
    assert ticket.claim(DISPATCHER, T0) == []  # idempotent for the holder
    with pytest.raises(ClaimedByOther, match="王分拨"):
        ticket.claim(DISPATCHER2, T0)
    with pytest.raises(PermissionDenied, match="王分拨"):
        ticket.release(DISPATCHER2)
    ticket.claim(DISPATCHER2, T0, take_over=True)
    assert ticket.claimed_by == DISPATCHER2.staff_id


def test_reassign_unit_withdraws_old_lead() -> None:
    ticket = dispatched(co=False)
    with pytest.raises(ValidationError):
        ticket.reassign_unit(SUPERVISOR, lead=GOV, limits=LIMITS, now=T0, reason="")
    ticket.reassign_unit(SUPERVISOR, lead=GOV, limits=LIMITS, now=T0, reason="属地牵头")
    assert ticket.lead is not None and ticket.lead.unit == GOV
    assert ticket.assignments[0].state is AssignmentState.WITHDRAWN


def test_change_urgency_records_from_and_to() -> None:
    ticket = new_ticket()
    (event,) = ticket.change_urgency(DISPATCHER, Urgency.URGENT, "涉及人身安全")
    assert event.data == {"from": "normal", "to": "urgent"} and ticket.urgency is Urgency.URGENT
    assert ticket.change_urgency(DISPATCHER, Urgency.URGENT, "再次") == []


def test_notes_and_reminders() -> None:
    ticket = dispatched()
    (note,) = ticket.add_note(ECO_HANDLER, "已电话联系市民")
    assert note.reason == "已电话联系市民"
    (remind,) = ticket.remind(DISPATCHER, "请尽快签收")
    assert remind.data["units"] == [ECOLOGY.code, HOUSING.code]
    with pytest.raises(PermissionDenied):
        ticket.remind(DISPATCHER, "督办", supervise=True)


def test_written_text_over_the_limit_is_refused_with_its_length_and_changes_nothing() -> None:
    from console.domain.ticket import MAX_WRITTEN_TEXT

    ticket = dispatched(co=False)
    with pytest.raises(ValidationError, match=f"不能超过 {MAX_WRITTEN_TEXT} 字（现 5000 字）"):
        ticket.add_note(DISPATCHER, "长" * 5000)
    ticket.accept(ECO_HANDLER, T0 + timedelta(hours=1))
    with pytest.raises(ValidationError, match="反馈内容不能超过"):
        ticket.reply(ECO_HANDLER, "已处理" * 1000, T0 + timedelta(hours=2))
    assert ticket.status is TicketStatus.ACCEPTED
    with pytest.raises(ValidationError, match="说明不能超过"):
        ticket.change_urgency(DISPATCHER, Urgency.URGENT, "原因" * 1001)
    assert ticket.urgency is Urgency.NORMAL
    (note,) = ticket.add_note(DISPATCHER, "长" * MAX_WRITTEN_TEXT)  # the limit itself is fine
    assert len(note.reason) == MAX_WRITTEN_TEXT
