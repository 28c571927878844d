"""The live queue's columns, declared once: key, header, sort key, and how a row is shown.

Display functions are pure (row, now) -> text and run on the GUI thread for visible cells only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.domain.clock import ROOM_TZ
from console.domain.enums import Channel, Kind, TicketStatus, Urgency
from console.queries.rows import QueueRow
from ui.countdown import DUE_KIND_LABELS, format_remaining
from ui.i18n import t


@dataclass(frozen=True)
class Column:
    """``width`` is the default width; ``samples`` are the longest texts the column shows in the current
    language (its translated labels), which the view measures once so that none of them is cut."""

    key: str
    header: str
    width: int
    sort_attrs: tuple[str, ...]
    display: Callable[[QueueRow, float], str]
    samples: tuple[str, ...] = ()


def _labels(enum: Any) -> dict[str, str]:
    return {member.value: member.label for member in enum}


class Labels:
    """Translated enum labels, built once per process after the language is installed."""

    kind: dict[str, str] = {}
    channel: dict[str, str] = {}
    urgency: dict[str, str] = {}
    status: dict[str, str] = {}
    due: dict[str, str] = {}
    units: tuple[str, str, str] = ("", "d", "h")  # replaced by load()

    @classmethod
    def load(cls) -> None:
        cls.kind = {k: t(v) for k, v in _labels(Kind).items()}
        cls.channel = {k: t(v) for k, v in _labels(Channel).items()}
        cls.urgency = {k: t(v) for k, v in _labels(Urgency).items()}
        cls.status = {k: t(v) for k, v in _labels(TicketStatus).items()}
        cls.due = {k: t(v) for k, v in DUE_KIND_LABELS.items()}
        cls.units = (t("超") + " ", t("天"), t("时"))


def _received(row: QueueRow, _now: float) -> str:
    return datetime.fromtimestamp(row.received_ts, ROOM_TZ).strftime("%m-%d %H:%M")


def _countdown(row: QueueRow, now: float) -> str:
    if not row.has_deadline:
        return "—"
    return f"{Labels.due.get(row.due_kind, row.due_kind)} {format_remaining(row.due_ts - now, *Labels.units)}"


def _place(row: QueueRow, _now: float) -> str:
    return f"{row.district}{(' · ' + row.street) if row.street else ''}"


def _item(row: QueueRow, _now: float) -> str:
    return f"{row.item_code} {row.item_name}".strip()


def _status(row: QueueRow, _now: float) -> str:
    text = Labels.status.get(row.status, row.status)
    if row.rollback_count:
        text += t("（回退）")
    if row.pending_extension:
        text += t("（申请延期）")
    return text


def _countdown_samples() -> tuple[str, ...]:
    """The widest countdowns: every deadline kind, late, with hours or days."""
    late, day, hour = Labels.units
    return tuple(f"{label} {late}{clock}" for label in Labels.due.values()
                 for clock in ("88:88:88", f"88{day}88{hour}"))


def _status_samples() -> tuple[str, ...]:
    """Every status label, with 回退 marked, and the handling statuses with 申请延期 marked."""
    rolled_back, extension = t("（回退）"), t("（申请延期）")
    handling = (TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, TicketStatus.HANDLING)
    labels = list(Labels.status.values())
    return (*labels, *(label + rolled_back for label in labels),
            *(Labels.status.get(s.value, s.value) + extension for s in handling))


def build_columns() -> list[Column]:
    """The columns in default order. Call after ``Labels.load()``. ``sort_attrs`` name the row fields that
    order the column; the ticket id always breaks ties (so every row has a unique place)."""
    return [
        Column("countdown", t("倒计时"), 120, ("due_ts",), _countdown, _countdown_samples()),
        Column("urgency", t("紧急程度"), 80, ("urgency_rank", "due_ts"),
               lambda r, _n: Labels.urgency.get(r.urgency, r.urgency), tuple(Labels.urgency.values())),
        Column("number", t("工单编号"), 150, ("number",), lambda r, _n: r.number, ("MY20268888888888",)),
        Column("received", t("受理时间"), 95, ("received_ts",), _received, ("88-88 88:88",)),
        Column("kind", t("类型"), 50, ("kind",), lambda r, _n: Labels.kind.get(r.kind, r.kind),
               tuple(Labels.kind.values())),
        Column("status", t("状态"), 80, ("status",), _status, _status_samples()),
        Column("title", t("诉求摘要"), 260, ("title",), lambda r, _n: r.title),
        Column("place", t("区 / 街道"), 120, ("district", "street"), _place),
        Column("item", t("职责事项"), 160, ("item_code",), _item),
        Column("lead", t("主办单位"), 170, ("lead_unit",), lambda r, _n: r.lead_unit),
        Column("claimed", t("处理人"), 70, ("claimed_by_name",), lambda r, _n: r.claimed_by_name),
    ]


TRIAGE_ORDER = ("urgency_rank", "due_ts")
