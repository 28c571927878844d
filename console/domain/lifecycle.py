"""The ticket lifecycle as one table: for each action, the statuses it may start from, the status it
leads to, and the roles allowed to take it.

``check`` is the single gate every state change passes; services never compare statuses themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from console.domain.enums import Role, TicketStatus
from console.domain.errors import PermissionDenied, TransitionNotAllowed

S = TicketStatus
R = Role


class Action(StrEnum):
    """Everything that can happen to a ticket; stored as the event's ``action``."""

    RECEIVE = "receive"
    SUBMIT_REVIEW = "submit_review"
    DISPATCH = "dispatch"
    ACCEPT = "accept"
    START_HANDLING = "start_handling"
    RETURN = "return"
    ESCALATE_RETURN = "escalate_return"
    ARBITRATE = "arbitrate"
    REQUEST_EXTENSION = "request_extension"
    APPROVE_EXTENSION = "approve_extension"
    REFUSE_EXTENSION = "refuse_extension"
    REMIND = "remind"
    SUPERVISE = "supervise"
    REPLY = "reply"
    CLOSE = "close"
    RATE = "rate"
    ROLLBACK = "rollback"
    REOPEN = "reopen"
    MERGE = "merge"
    UNMERGE = "unmerge"
    CLAIM = "claim"
    RELEASE = "release"
    REASSIGN_STAFF = "reassign_staff"
    REASSIGN_UNIT = "reassign_unit"
    CHANGE_URGENCY = "change_urgency"
    NOTE = "note"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[Action, str] = {
    Action.RECEIVE: "受理",
    Action.SUBMIT_REVIEW: "转人工复核",
    Action.DISPATCH: "分拨",
    Action.ACCEPT: "签收",
    Action.START_HANDLING: "开始处置",
    Action.RETURN: "退单",
    Action.ESCALATE_RETURN: "退单转值班长仲裁",
    Action.ARBITRATE: "退单仲裁",
    Action.REQUEST_EXTENSION: "申请延期",
    Action.APPROVE_EXTENSION: "批准延期",
    Action.REFUSE_EXTENSION: "驳回延期",
    Action.REMIND: "催办",
    Action.SUPERVISE: "督办",
    Action.REPLY: "反馈",
    Action.CLOSE: "办结",
    Action.RATE: "评价",
    Action.ROLLBACK: "不满意回退",
    Action.REOPEN: "回潮重启",
    Action.MERGE: "并案",
    Action.UNMERGE: "撤销并案",
    Action.CLAIM: "认领",
    Action.RELEASE: "释放",
    Action.REASSIGN_STAFF: "改派人员",
    Action.REASSIGN_UNIT: "改派单位",
    Action.CHANGE_URGENCY: "调整紧急程度",
    Action.NOTE: "备注",
}


@dataclass(frozen=True, slots=True)
class Transition:
    """One row of the table. ``to`` is None when the action leaves the status unchanged."""

    action: Action
    sources: frozenset[TicketStatus]
    to: TicketStatus | None
    roles: frozenset[Role]


OPEN = frozenset(s for s in TicketStatus if s.is_open)
BEFORE_DISPATCH = frozenset({S.RECEIVED, S.PENDING_REVIEW, S.RETURNED, S.ARBITRATION})
AT_UNIT = frozenset({S.DISPATCHED, S.ACCEPTED, S.HANDLING})
ROOM = frozenset({R.DISPATCHER, R.SUPERVISOR})
ROOM_AND_SYSTEM = ROOM | {R.SYSTEM}
STAFF = frozenset({R.OPERATOR, R.DISPATCHER, R.SUPERVISOR, R.UNIT_HANDLER, R.ADMIN})


def _t(action: Action, sources: frozenset[TicketStatus] | set[TicketStatus], to: TicketStatus | None,
       roles: frozenset[Role] | set[Role]) -> Transition:
    return Transition(action, frozenset(sources), to, frozenset(roles))


TABLE: dict[Action, Transition] = {
    t.action: t
    for t in (
        _t(Action.RECEIVE, set(), S.RECEIVED, {R.OPERATOR, R.DISPATCHER, R.SUPERVISOR, R.SYSTEM}),
        _t(Action.SUBMIT_REVIEW, {S.RECEIVED}, S.PENDING_REVIEW, {R.OPERATOR, R.DISPATCHER, R.SUPERVISOR, R.SYSTEM}),
        _t(Action.DISPATCH, BEFORE_DISPATCH - {S.ARBITRATION}, S.DISPATCHED, ROOM_AND_SYSTEM),
        _t(Action.ACCEPT, {S.DISPATCHED}, S.ACCEPTED, {R.UNIT_HANDLER}),
        _t(Action.START_HANDLING, {S.ACCEPTED}, S.HANDLING, {R.UNIT_HANDLER}),
        _t(Action.RETURN, {S.DISPATCHED, S.ACCEPTED}, S.RETURNED, {R.UNIT_HANDLER}),
        _t(Action.ESCALATE_RETURN, {S.RETURNED}, S.ARBITRATION, ROOM_AND_SYSTEM),
        _t(Action.ARBITRATE, {S.ARBITRATION}, S.DISPATCHED, {R.SUPERVISOR}),
        _t(Action.REQUEST_EXTENSION, {S.ACCEPTED, S.HANDLING}, None, {R.UNIT_HANDLER}),
        _t(Action.APPROVE_EXTENSION, {S.ACCEPTED, S.HANDLING}, None, {R.SUPERVISOR}),
        _t(Action.REFUSE_EXTENSION, {S.ACCEPTED, S.HANDLING}, None, {R.SUPERVISOR}),
        _t(Action.REMIND, AT_UNIT, None, ROOM_AND_SYSTEM),
        _t(Action.SUPERVISE, AT_UNIT, None, {R.SUPERVISOR}),
        _t(Action.REPLY, {S.ACCEPTED, S.HANDLING}, S.REPLIED, {R.UNIT_HANDLER}),
        _t(Action.CLOSE, {S.REPLIED}, S.CLOSED, ROOM_AND_SYSTEM),
        _t(Action.RATE, {S.REPLIED, S.CLOSED}, None, {R.OPERATOR, R.DISPATCHER, R.SUPERVISOR, R.SYSTEM}),
        _t(Action.ROLLBACK, {S.REPLIED, S.CLOSED}, S.HANDLING, ROOM_AND_SYSTEM),
        _t(Action.REOPEN, {S.CLOSED}, S.DISPATCHED, {R.OPERATOR, R.DISPATCHER, R.SUPERVISOR}),
        _t(Action.MERGE, OPEN - {S.CLOSED}, S.MERGED, ROOM),
        _t(Action.UNMERGE, {S.MERGED}, None, {R.SUPERVISOR}),
        _t(Action.CLAIM, OPEN, None, {R.OPERATOR, R.DISPATCHER, R.SUPERVISOR}),
        _t(Action.RELEASE, OPEN, None, {R.OPERATOR, R.DISPATCHER, R.SUPERVISOR, R.SYSTEM}),
        _t(Action.REASSIGN_STAFF, OPEN, None, {R.SUPERVISOR}),
        _t(Action.REASSIGN_UNIT, AT_UNIT | {S.RETURNED}, S.DISPATCHED, {R.SUPERVISOR}),
        _t(Action.CHANGE_URGENCY, OPEN, None, ROOM),
        _t(Action.NOTE, OPEN | {S.CLOSED, S.MERGED}, None, STAFF),
    )
}


def check(action: Action, status: TicketStatus, role: Role, ticket_number: str = "") -> Transition:
    """The transition for ``action`` from ``status`` by ``role``.

    Raises ``PermissionDenied`` if the role may never take the action, ``TransitionNotAllowed`` if the
    status does not permit it. The role is checked first: a role that may never act need not learn
    about the ticket's status.
    """
    transition = TABLE[action]
    if role not in transition.roles:
        allowed = "、".join(r.label for r in sorted(transition.roles, key=list(Role).index))
        raise PermissionDenied(f"「{role.label}」无权执行「{action.label}」（允许的角色：{allowed}）")
    if status not in transition.sources:
        raise TransitionNotAllowed(
            ticket_number or "?",
            action.label,
            status.label,
            [s.label for s in TicketStatus if s in transition.sources],
        )
    return transition


def allowed_actions(status: TicketStatus, role: Role) -> list[Action]:
    """Actions ``role`` may take on a ticket in ``status``, in table order (for menus)."""
    return [a for a, t in TABLE.items() if status in t.sources and role in t.roles]
