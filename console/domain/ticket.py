"""The ticket aggregate: a citizen's request, its unit assignments and the rules of every change.

Methods check the lifecycle table (role and status), then mutate the ticket and return the
``DomainEvent`` records the service appends in the same transaction. No database, no clock: the
caller passes ``now``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

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
from console.domain.errors import DomainError, PermissionDenied, ValidationError
from console.domain.lifecycle import TABLE, Action, check
from console.domain.sla import lead_of, unit_deadlines


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a staff member (or the system) with a role and, for unit handlers, a unit."""

    staff_id: int | None
    name: str
    role: Role
    unit_id: int | None = None

    @staticmethod
    def system(name: str = "系统") -> Actor:
        return Actor(None, name, Role.SYSTEM)


@dataclass(frozen=True, slots=True)
class UnitRef:
    """A unit as the domain needs it: id, code and display name."""

    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Citizen:
    """Personal data: shown masked to roles that do not need it."""

    name: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Location:
    district: str | None = None
    street: str | None = None
    address: str = ""
    lat: float | None = None
    lon: float | None = None

    def __post_init__(self) -> None:
        if (self.lat is None) != (self.lon is None):
            raise ValidationError("坐标须同时给出纬度和经度")
        if self.lat is not None and not (-90 <= self.lat <= 90 and -180 <= float(self.lon or 0) <= 180):
            raise ValidationError(f"坐标超出范围：{self.lat}, {self.lon}")


@dataclass(slots=True)
class Assignment:
    """One unit's part in a ticket (lead or co), with its own state and clocks."""

    unit: UnitRef
    role: AssignmentRole
    dispatched_at: datetime
    accept_due_at: datetime
    reply_due_at: datetime
    close_due_at: datetime | None
    state: AssignmentState = AssignmentState.DISPATCHED
    id: int | None = None
    accepted_at: datetime | None = None
    replied_at: datetime | None = None
    reply_text: str = ""
    returned_at: datetime | None = None
    return_reason: ReturnReason | None = None
    return_text: str = ""
    extension_hours: float = 0.0
    pending_extension_hours: float | None = None
    pending_extension_reason: str = ""
    limits: TimeLimits = field(default_factory=TimeLimits)

    @property
    def unit_id(self) -> int:
        return self.unit.id


@dataclass(frozen=True, slots=True)
class DomainEvent:
    """What happened, for the event table: action, status change, reason and structured data."""

    action: Action
    from_status: TicketStatus | None
    to_status: TicketStatus | None
    reason: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    actor_override: Actor | None = None


class ClaimedByOther(DomainError):
    """Someone else is working on the ticket; taking over must be confirmed."""

    def __init__(self, ticket_number: str, holder: str):
        self.holder = holder
        super().__init__(f"工单 {ticket_number} 正由 {holder} 处理。确认接手后才能继续。")


@dataclass(slots=True)
class Ticket:
    """A citizen request (诉求单). ``version`` is maintained by persistence, never by the domain."""

    number: str
    channel: Channel
    kind: Kind
    title: str
    text: str
    citizen: Citizen
    location: Location
    urgency: Urgency
    received_at: datetime
    status: TicketStatus = TicketStatus.RECEIVED
    id: int | None = None
    citizen_item_code: str | None = None
    item_code: str | None = None
    assignments: list[Assignment] = field(default_factory=list)
    dispatched_at: datetime | None = None
    closed_at: datetime | None = None
    claimed_by: int | None = None
    claimed_by_name: str = ""
    claimed_at: datetime | None = None
    version: int = 1
    rating: Rating | None = None
    rating_text: str = ""
    return_count: int = 0
    reopen_count: int = 0
    rollback_count: int = 0
    merged_into_id: int | None = None
    status_before_merge: TicketStatus | None = None

    # ----------------------------------------------------------------- intake
    @classmethod
    def receive(cls, *, number: str, channel: Channel, kind: Kind, title: str, text: str, citizen: Citizen,
                location: Location, urgency: Urgency, received_at: datetime, actor: Actor,
                citizen_item_code: str | None = None) -> tuple[Ticket, DomainEvent]:
        """A new ticket in status RECEIVED and its ``receive`` event. Text and title must not be empty."""
        if actor.role not in TABLE[Action.RECEIVE].roles:
            raise PermissionDenied(f"「{actor.role.label}」无权受理工单")
        if not text.strip():
            raise ValidationError("诉求内容不能为空")
        ticket = cls(number=number, channel=channel, kind=kind, title=(title.strip() or text.strip()[:30]),
                     text=text.strip(), citizen=citizen, location=location, urgency=urgency,
                     received_at=received_at, citizen_item_code=citizen_item_code or None)
        return ticket, DomainEvent(Action.RECEIVE, None, TicketStatus.RECEIVED,
                                   data={"channel": channel.value, "kind": kind.value, "urgency": urgency.value})

    # ----------------------------------------------------------------- helpers
    @property
    def lead(self) -> Assignment | None:
        return lead_of(self.assignments)

    def active_assignments(self) -> list[Assignment]:
        return [a for a in self.assignments if a.state.is_active]

    def _move(self, action: Action, actor: Actor, reason: str = "", **data: Any) -> DomainEvent:
        _require_length(reason, "说明")
        transition = check(action, self.status, actor.role, self.number)
        before = self.status
        if transition.to is not None:
            self.status = transition.to
        override = actor if actor.role is Role.SYSTEM else None
        return DomainEvent(action, before, self.status, reason, data, actor_override=override)

    def _assignment_of(self, actor: Actor) -> Assignment:
        """The actor's unit's active assignment; unit handlers may act only on their own unit's part."""
        for assignment in reversed(self.assignments):
            if assignment.unit.id == actor.unit_id and assignment.state in (
                AssignmentState.DISPATCHED, AssignmentState.ACCEPTED, AssignmentState.REPLIED
            ):
                return assignment
        raise PermissionDenied(f"工单 {self.number} 未分派给您的单位")

    def _new_assignment(self, unit: UnitRef, role: AssignmentRole, now: datetime,
                        limits: TimeLimits) -> Assignment:
        dues = unit_deadlines(now, self.received_at, limits)
        return Assignment(unit=unit, role=role, dispatched_at=now, accept_due_at=dues.accept_due,
                          reply_due_at=dues.reply_due, close_due_at=dues.close_due if role is AssignmentRole.LEAD
                          else None, limits=limits)

    # ----------------------------------------------------------------- room actions
    def submit_for_review(self, actor: Actor, reason: str = "") -> list[DomainEvent]:
        return [self._move(Action.SUBMIT_REVIEW, actor, reason)]

    def dispatch(self, actor: Actor, *, lead: UnitRef, co_units: list[UnitRef], item_code: str | None,
                 limits: TimeLimits, now: datetime, reason: str = "") -> list[DomainEvent]:
        """Assign the lead and co-units (each with its own clocks) and move to DISPATCHED."""
        if any(u.id == lead.id for u in co_units):
            raise ValidationError(f"主办单位「{lead.name}」不能同时作为协办单位")
        if len({u.id for u in co_units}) != len(co_units):
            raise ValidationError("协办单位重复")
        event = self._move(Action.DISPATCH, actor, reason, lead=lead.code, co=[u.code for u in co_units],
                           item=item_code)
        for assignment in self.active_assignments():
            assignment.state = AssignmentState.WITHDRAWN
        self.assignments.append(self._new_assignment(lead, AssignmentRole.LEAD, now, limits))
        self.assignments.extend(self._new_assignment(u, AssignmentRole.CO, now, limits) for u in co_units)
        self.item_code = item_code or self.item_code
        if self.dispatched_at is None:
            self.dispatched_at = now
        return [event]

    def claim(self, actor: Actor, now: datetime, take_over: bool = False) -> list[DomainEvent]:
        """Mark ``actor`` as working on the ticket. Taking it from someone else needs ``take_over``."""
        check(Action.CLAIM, self.status, actor.role, self.number)
        if self.claimed_by == actor.staff_id:
            return []
        previous = self.claimed_by_name
        if self.claimed_by is not None and not take_over:
            raise ClaimedByOther(self.number, self.claimed_by_name)
        self.claimed_by, self.claimed_by_name, self.claimed_at = actor.staff_id, actor.name, now
        return [DomainEvent(Action.CLAIM, self.status, self.status,
                            data={"from": previous or None, "to": actor.name})]

    def release(self, actor: Actor, reason: str = "") -> list[DomainEvent]:
        check(Action.RELEASE, self.status, actor.role, self.number)
        if self.claimed_by is None:
            return []
        if actor.role is not Role.SYSTEM and self.claimed_by != actor.staff_id and actor.role is not Role.SUPERVISOR:
            raise PermissionDenied(f"工单 {self.number} 由 {self.claimed_by_name} 认领，只有本人或值班长可以释放")
        previous = self.claimed_by_name
        self.claimed_by, self.claimed_by_name, self.claimed_at = None, "", None
        return [DomainEvent(Action.RELEASE, self.status, self.status, reason, {"from": previous})]

    def reassign_staff(self, actor: Actor, *, to_staff_id: int, to_name: str, now: datetime,
                       reason: str) -> list[DomainEvent]:
        _require_reason(reason, Action.REASSIGN_STAFF)
        event = self._move(Action.REASSIGN_STAFF, actor, reason, **{"from": self.claimed_by_name or None,
                                                                    "to": to_name})
        self.claimed_by, self.claimed_by_name, self.claimed_at = to_staff_id, to_name, now
        return [event]

    def reassign_unit(self, actor: Actor, *, lead: UnitRef, limits: TimeLimits, now: datetime,
                      reason: str) -> list[DomainEvent]:
        """Withdraw the current lead and give the ticket to ``lead`` (co-units stay)."""
        _require_reason(reason, Action.REASSIGN_UNIT)
        old = self.lead
        event = self._move(Action.REASSIGN_UNIT, actor, reason, **{"from": old.unit.code if old else None,
                                                                   "to": lead.code})
        if old is not None:
            old.state = AssignmentState.WITHDRAWN
        self.assignments.append(self._new_assignment(lead, AssignmentRole.LEAD, now, limits))
        return [event]

    def change_urgency(self, actor: Actor, urgency: Urgency, reason: str) -> list[DomainEvent]:
        _require_reason(reason, Action.CHANGE_URGENCY)
        if urgency is self.urgency:
            return []
        event = self._move(Action.CHANGE_URGENCY, actor, reason, **{"from": self.urgency.value, "to": urgency.value})
        self.urgency = urgency
        return [event]

    def add_note(self, actor: Actor, text: str) -> list[DomainEvent]:
        if not text.strip():
            raise ValidationError("备注内容不能为空")
        return [self._move(Action.NOTE, actor, text.strip())]

    def remind(self, actor: Actor, text: str, supervise: bool = False) -> list[DomainEvent]:
        """催办 (or 督办 with ``supervise``) addressed to the units still holding the ticket."""
        action = Action.SUPERVISE if supervise else Action.REMIND
        holders = [a.unit.code for a in self.active_assignments()]
        return [self._move(action, actor, text, units=holders)]

    # ----------------------------------------------------------------- unit actions
    def accept(self, actor: Actor, now: datetime) -> list[DomainEvent]:
        """The actor's unit signs for its part; the lead's signature moves the ticket to ACCEPTED."""
        assignment = self._assignment_of(actor)
        if assignment.state is not AssignmentState.DISPATCHED:
            raise ValidationError(f"工单 {self.number} 已由本单位签收")
        if assignment.role is AssignmentRole.LEAD:
            event = self._move(Action.ACCEPT, actor, unit=assignment.unit.code)
        else:
            check(Action.ACCEPT, TicketStatus.DISPATCHED, actor.role, self.number)
            event = DomainEvent(Action.ACCEPT, self.status, self.status, data={"unit": assignment.unit.code,
                                                                                "role": "co"})
        assignment.state, assignment.accepted_at = AssignmentState.ACCEPTED, now
        return [event]

    def start_handling(self, actor: Actor) -> list[DomainEvent]:
        assignment = self._assignment_of(actor)
        if assignment.role is not AssignmentRole.LEAD:
            raise PermissionDenied("只有主办单位可以推进工单状态")
        return [self._move(Action.START_HANDLING, actor, unit=assignment.unit.code)]

    def return_to_room(self, actor: Actor, *, reason: ReturnReason, text: str, now: datetime,
                       arbitration_after: int = 2) -> list[DomainEvent]:
        """退单 by the lead unit. After ``arbitration_after`` returns the ticket goes to a supervisor."""
        if reason is ReturnReason.OTHER and not text.strip():
            raise ValidationError("退单原因为「其他」时必须填写说明")
        assignment = self._assignment_of(actor)
        if assignment.role is not AssignmentRole.LEAD:
            raise PermissionDenied("协办单位不能退单，请联系主办单位或分拨员")
        event = self._move(Action.RETURN, actor, text.strip(), unit=assignment.unit.code, code=reason.value)
        assignment.state, assignment.returned_at = AssignmentState.RETURNED, now
        assignment.return_reason, assignment.return_text = reason, text.strip()
        for co in self.active_assignments():
            co.state = AssignmentState.WITHDRAWN
        self.return_count += 1
        events = [event]
        if self.return_count >= arbitration_after:
            events.append(self._move(Action.ESCALATE_RETURN, Actor.system(),
                                     f"已退单 {self.return_count} 次，转值班长仲裁", returns=self.return_count))
        return events

    def arbitrate(self, actor: Actor, *, lead: UnitRef, co_units: list[UnitRef], limits: TimeLimits,
                  now: datetime, ruling: str) -> list[DomainEvent]:
        """A supervisor's final ruling names the lead; the ticket is dispatched again."""
        _require_reason(ruling, Action.ARBITRATE)
        event = self._move(Action.ARBITRATE, actor, ruling, lead=lead.code, co=[u.code for u in co_units])
        self.assignments.append(self._new_assignment(lead, AssignmentRole.LEAD, now, limits))
        self.assignments.extend(self._new_assignment(u, AssignmentRole.CO, now, limits) for u in co_units)
        return [event]

    def request_extension(self, actor: Actor, hours: float, reason: str) -> list[DomainEvent]:
        _require_reason(reason, Action.REQUEST_EXTENSION)
        if not 0 < hours <= 24 * 60:
            raise ValidationError(f"延期时长须在 0 到 1440 小时之间，收到 {hours}")
        assignment = self._assignment_of(actor)
        if assignment.pending_extension_hours is not None:
            raise ValidationError(f"工单 {self.number} 已有待审批的延期申请")
        event = self._move(Action.REQUEST_EXTENSION, actor, reason, unit=assignment.unit.code, hours=hours)
        assignment.pending_extension_hours, assignment.pending_extension_reason = hours, reason
        return [event]

    def decide_extension(self, actor: Actor, *, unit_id: int, approve: bool, reason: str = "") -> list[DomainEvent]:
        """Approve (deadlines shift by the requested hours) or refuse a pending extension."""
        assignment = next((a for a in self.assignments if a.unit.id == unit_id
                           and a.pending_extension_hours is not None), None)
        if assignment is None:
            raise ValidationError(f"工单 {self.number} 没有该单位待审批的延期申请")
        hours = assignment.pending_extension_hours or 0.0
        action = Action.APPROVE_EXTENSION if approve else Action.REFUSE_EXTENSION
        if not approve:
            _require_reason(reason, action)
        event = self._move(action, actor, reason, unit=assignment.unit.code, hours=hours)
        if approve:
            assignment.extension_hours += hours
            dues = unit_deadlines(assignment.dispatched_at, self.received_at, assignment.limits,
                                  assignment.extension_hours)
            assignment.reply_due_at = dues.reply_due
            if assignment.close_due_at is not None:
                assignment.close_due_at = dues.close_due
        assignment.pending_extension_hours, assignment.pending_extension_reason = None, ""
        return [event]

    def reply(self, actor: Actor, text: str, now: datetime) -> list[DomainEvent]:
        """A unit's answer. A co-unit's reply closes its own part; the lead's reply moves the ticket to REPLIED."""
        if not text.strip():
            raise ValidationError("反馈内容不能为空")
        _require_length(text.strip(), "反馈内容")
        assignment = self._assignment_of(actor)
        if assignment.state is not AssignmentState.ACCEPTED:
            raise ValidationError(f"请先签收工单 {self.number} 再反馈")
        if assignment.role is AssignmentRole.LEAD:
            event = self._move(Action.REPLY, actor, unit=assignment.unit.code, text=text.strip())
        else:
            check(Action.REPLY, TicketStatus.ACCEPTED, actor.role, self.number)
            event = DomainEvent(Action.REPLY, self.status, self.status,
                                data={"unit": assignment.unit.code, "role": "co", "text": text.strip()})
        assignment.state, assignment.replied_at, assignment.reply_text = AssignmentState.REPLIED, now, text.strip()
        return [event]

    def close(self, actor: Actor, now: datetime, reason: str = "") -> list[DomainEvent]:
        event = self._move(Action.CLOSE, actor, reason)
        self.closed_at = now
        return [event]

    # ----------------------------------------------------------------- citizen loop
    def rate(self, actor: Actor, rating: Rating, text: str, now: datetime) -> list[DomainEvent]:
        """Record the citizen's rating; an unsatisfied rating rolls the ticket back to its lead unit."""
        events = [self._move(Action.RATE, actor, text.strip(), rating=rating.value)]
        self.rating, self.rating_text = rating, text.strip()
        if rating is Rating.UNSATISFIED:
            events += self.roll_back(Actor.system(), reason=f"市民评价不满意：{text.strip()}".rstrip("："), now=now)
        return events

    def roll_back(self, actor: Actor, *, reason: str, now: datetime) -> list[DomainEvent]:
        """不满意回退: back to the lead unit, with a fresh reply deadline of its own."""
        lead = self.lead
        if lead is None:
            raise ValidationError(f"工单 {self.number} 没有主办单位，无法回退")
        event = self._move(Action.ROLLBACK, actor, reason, unit=lead.unit.code)
        dues = unit_deadlines(now, now, lead.limits)
        lead.state, lead.replied_at, lead.reply_due_at = AssignmentState.ACCEPTED, None, dues.reply_due
        lead.close_due_at = dues.close_due
        self.closed_at = None
        self.rollback_count += 1
        return [event]

    def reopen(self, actor: Actor, *, reason: str, now: datetime) -> list[DomainEvent]:
        """回潮: a closed ticket whose problem came back goes to its lead unit again."""
        _require_reason(reason, Action.REOPEN)
        lead = self.lead
        if lead is None:
            raise ValidationError(f"工单 {self.number} 没有主办单位，无法重启")
        event = self._move(Action.REOPEN, actor, reason, unit=lead.unit.code)
        lead.state = AssignmentState.WITHDRAWN
        self.assignments.append(self._new_assignment(lead.unit, AssignmentRole.LEAD, now, lead.limits))
        self.closed_at, self.rating, self.rating_text = None, None, ""
        self.reopen_count += 1
        return [event]

    def merge_into(self, actor: Actor, primary: Ticket, reason: str = "") -> list[DomainEvent]:
        """并案: this ticket becomes part of ``primary``; its citizen contact and timeline are kept."""
        if primary.id == self.id or primary.number == self.number:
            raise ValidationError("不能将工单与自身并案")
        if not primary.status.is_open:
            raise ValidationError(f"主工单 {primary.number} 已{primary.status.label}，不能并入")
        before = self.status
        event = self._move(Action.MERGE, actor, reason, into=primary.number)
        self.status_before_merge, self.merged_into_id = before, primary.id
        for assignment in self.active_assignments():
            assignment.state = AssignmentState.WITHDRAWN
        return [event]

    def unmerge(self, actor: Actor, reason: str) -> list[DomainEvent]:
        """Undo a wrong merge: the ticket returns to review with its own timeline intact."""
        _require_reason(reason, Action.UNMERGE)
        event = self._move(Action.UNMERGE, actor, reason)
        self.status = TicketStatus.PENDING_REVIEW
        self.merged_into_id, self.status_before_merge = None, None
        return [DomainEvent(event.action, event.from_status, self.status, reason, event.data)]


MAX_WRITTEN_TEXT = 2_000
"""Characters of a reason, note or reply a person writes into a ticket's record (a citizen's own text may be
longer: intake takes up to 20,000)."""


def _require_length(text: str, what: str) -> None:
    if len(text) > MAX_WRITTEN_TEXT:
        raise ValidationError(f"{what}不能超过 {MAX_WRITTEN_TEXT} 字（现 {len(text)} 字），请精简后再提交")


def _require_reason(reason: str, action: Action) -> None:
    if not reason.strip():
        raise ValidationError(f"「{action.label}」必须填写原因")
