"""Closed vocabularies of the dispatch room, with their Chinese labels.

Values are stable strings stored in the database; labels are for display.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What the citizen wants."""

    CONSULTATION = "consultation"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    HELP = "help"

    @property
    def label(self) -> str:
        return _KIND_ZH[self]


_KIND_ZH = {Kind.CONSULTATION: "咨询", Kind.COMPLAINT: "投诉", Kind.SUGGESTION: "建议", Kind.HELP: "求助"}


class Channel(StrEnum):
    """Where the ticket came in."""

    HOTLINE = "hotline"
    APP = "app"
    WEB = "web"
    WECHAT = "wechat"
    LETTER = "letter"
    EMAIL = "email"

    @property
    def label(self) -> str:
        return _CHANNEL_ZH[self]


_CHANNEL_ZH = {
    Channel.HOTLINE: "热线",
    Channel.APP: "APP",
    Channel.WEB: "网站",
    Channel.WECHAT: "微信",
    Channel.LETTER: "信件",
    Channel.EMAIL: "邮件",
}


class Urgency(StrEnum):
    """Urgency class; fixes the dispatch deadline counted from receipt."""

    URGENT = "urgent"
    FAST = "fast"
    NORMAL = "normal"

    @property
    def label(self) -> str:
        return _URGENCY_ZH[self]

    @property
    def rank(self) -> int:
        """0 for the most urgent; sorts urgent < fast < normal."""
        return _URGENCY_RANK[self]


_URGENCY_ZH = {Urgency.URGENT: "紧急", Urgency.FAST: "快速", Urgency.NORMAL: "常态"}
_URGENCY_RANK = {Urgency.URGENT: 0, Urgency.FAST: 1, Urgency.NORMAL: 2}


class Level(StrEnum):
    """Handling level of a duty item or a unit."""

    CITY = "city"
    DISTRICT = "district"
    STREET = "street"

    @property
    def label(self) -> str:
        return {Level.CITY: "市级", Level.DISTRICT: "区级", Level.STREET: "街道级"}[self]


class Territorial(StrEnum):
    """Territorial rule of a duty item (属地统筹).

    NONE: the lead line's own unit at the item's level leads.
    DISTRICT_LEAD: the district government of the location leads; the item's lines co-handle.
    STREET_LEAD: the street office of the location leads; the item's lines co-handle.
    """

    NONE = "none"
    DISTRICT_LEAD = "district_lead"
    STREET_LEAD = "street_lead"


class Role(StrEnum):
    """Staff roles."""

    OPERATOR = "operator"
    DISPATCHER = "dispatcher"
    SUPERVISOR = "supervisor"
    UNIT_HANDLER = "unit_handler"
    ADMIN = "admin"
    SYSTEM = "system"

    @property
    def label(self) -> str:
        return _ROLE_ZH[self]


_ROLE_ZH = {
    Role.OPERATOR: "受理员",
    Role.DISPATCHER: "分拨员",
    Role.SUPERVISOR: "值班长",
    Role.UNIT_HANDLER: "承办人",
    Role.ADMIN: "管理员",
    Role.SYSTEM: "系统",
}


class TicketStatus(StrEnum):
    """Where a ticket is in its life."""

    RECEIVED = "received"
    PENDING_REVIEW = "pending_review"
    DISPATCHED = "dispatched"
    ACCEPTED = "accepted"
    HANDLING = "handling"
    REPLIED = "replied"
    CLOSED = "closed"
    RETURNED = "returned"
    ARBITRATION = "arbitration"
    MERGED = "merged"

    @property
    def label(self) -> str:
        return _STATUS_ZH[self]

    @property
    def is_open(self) -> bool:
        return self not in (TicketStatus.CLOSED, TicketStatus.MERGED)


_STATUS_ZH = {
    TicketStatus.RECEIVED: "已受理",
    TicketStatus.PENDING_REVIEW: "待复核",
    TicketStatus.DISPATCHED: "已分拨",
    TicketStatus.ACCEPTED: "已签收",
    TicketStatus.HANDLING: "处置中",
    TicketStatus.REPLIED: "已反馈",
    TicketStatus.CLOSED: "已办结",
    TicketStatus.RETURNED: "已退单",
    TicketStatus.ARBITRATION: "待仲裁",
    TicketStatus.MERGED: "已并案",
}


class AssignmentRole(StrEnum):
    """A unit's part in a ticket."""

    LEAD = "lead"
    CO = "co"

    @property
    def label(self) -> str:
        return "主办" if self is AssignmentRole.LEAD else "协办"


class AssignmentState(StrEnum):
    """A unit assignment's own state."""

    DISPATCHED = "dispatched"
    ACCEPTED = "accepted"
    REPLIED = "replied"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _ASSIGNMENT_ZH[self]

    @property
    def is_active(self) -> bool:
        return self in (AssignmentState.DISPATCHED, AssignmentState.ACCEPTED)


_ASSIGNMENT_ZH = {
    AssignmentState.DISPATCHED: "待签收",
    AssignmentState.ACCEPTED: "办理中",
    AssignmentState.REPLIED: "已反馈",
    AssignmentState.RETURNED: "已退回",
    AssignmentState.WITHDRAWN: "已撤回",
}


class ReturnReason(StrEnum):
    """Why a unit returns a ticket (退单)."""

    NOT_OUR_FUNCTION = "not_our_function"
    NOT_OUR_TERRITORY = "not_our_territory"
    UNCLEAR_OWNERSHIP = "unclear_ownership"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _RETURN_ZH[self]


_RETURN_ZH = {
    ReturnReason.NOT_OUR_FUNCTION: "职能不符",
    ReturnReason.NOT_OUR_TERRITORY: "属地不符",
    ReturnReason.UNCLEAR_OWNERSHIP: "权属不清",
    ReturnReason.OTHER: "其他",
}


class Rating(StrEnum):
    """The citizen's rating of the handling (好差评)."""

    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    UNSATISFIED = "unsatisfied"

    @property
    def label(self) -> str:
        return {
            Rating.SATISFIED: "满意",
            Rating.BASICALLY_SATISFIED: "基本满意",
            Rating.UNSATISFIED: "不满意",
        }[self]


def label_of(enum: type, value: str | None) -> str:
    """The Chinese label of ``value`` in ``enum``; empty for no value, the value itself if it is unknown
    (e.g. written by a newer version)."""
    if not value:
        return ""
    try:
        return str(enum(value).label)
    except ValueError:
        return value
