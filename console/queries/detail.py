"""One ticket in full for the detail pane: fields (personal data masked by role), every unit with its
own clocks, the parcel-style timeline, and the routing hint for dispatch. Caller's thread (DB worker).

Masking happens here, once, for every widget that shows the detail: for a viewer outside
``UNMASKED_ROLES`` the citizen's name, phone and address are masked, and every free text that may carry a
phone or ID number (title, citizen text, rating comment, unit replies and returns, event reasons and
summaries) goes through ``mask_text``. ``reveal=True`` returns everything as stored; only call it after
``console.services.personal_data.reveal_personal_data`` recorded the reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy import text as text_sql
from sqlalchemy.orm import Session

from console.db.schema import AssignmentRow, EventRow, TicketRow, UnitRow
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
    label_of,
)
from console.domain.errors import DomainError, NotFound
from console.domain.lifecycle import Action
from console.domain.masking import mask_cut_text, masker, may_see_personal_data
from console.domain.sla import ClockKind
from console.queries.queue import item_directory
from console.queries.rows import AssignmentView, ClockView, EventView, RoutingHint, TicketDetail
from console.services.catalog_store import catalog_at
from console.services.context import ServiceContext
from console.services.personal_data import PersonalDataAction, reveal_summary
from console.services.unit_resolution import resolve_units


def ticket_detail(ctx: ServiceContext, ticket_id: int, viewer: Role, *, reveal: bool = False,
                  with_hint: bool = True, unit_id: int | None = None) -> TicketDetail:
    """The ticket ``ticket_id`` as ``viewer`` may see it. ``reveal`` unmasks personal data (the caller has
    recorded why). ``unit_id`` scopes a unit handler: a ticket never assigned to that unit is reported
    exactly like a missing one. ``NotFound`` when there is no such ticket (in scope)."""
    with ctx.db.reader() as s:
        t = s.get(TicketRow, ticket_id)
        if t is None or (unit_id is not None and all(a.unit_id != unit_id for a in t.assignments)):
            raise NotFound(f"工单 {ticket_id} 不存在")
        items = item_directory(s)
        unit_rows = {u.id: u for u in s.scalars(select(UnitRow).where(
            UnitRow.id.in_({a.unit_id for a in t.assignments})))} if t.assignments else {}
        events = s.scalars(select(EventRow).where(EventRow.ticket_id == t.id).order_by(EventRow.id)).all()
        unit_names = _unit_names(s, events)
        masked = not (reveal or may_see_personal_data(viewer))
        name, phone, address, text = masker(masked)
        citizen = _personal_data(ctx, s, t, reveal)
        merged_into = s.scalar(select(TicketRow.number).where(TicketRow.id == t.merged_into_id)) \
            if t.merged_into_id else ""
        hint = _hint(ctx, s, t, events, items) if with_hint and t.status in _DISPATCHABLE else None
        item_code = t.item_code or ""
        return TicketDetail(
            id=t.id, number=t.number, version=t.version,
            title=mask_cut_text(citizen.title) if masked else citizen.title, text=text(citizen.text), kind=t.kind,
            channel=t.channel, urgency=t.urgency, status=t.status,
            citizen_name=name(citizen.citizen_name), citizen_phone=phone(citizen.citizen_phone),
            personal_masked=masked, district=t.district or "", street=t.street or "",
            address=address(citizen.address), item_code=item_code,
            item_name=items.get(item_code, ("", ""))[0], citizen_item_code=t.citizen_item_code or "",
            catalog_version=t.catalog_version or "", received_at=t.received_at, dispatch_due_at=t.dispatch_due_at,
            dispatched_at=t.dispatched_at, closed_at=t.closed_at, claimed_by=t.claimed_by,
            claimed_by_name=t.claimed_by_name, rating=Rating(t.rating).label if t.rating else "",
            rating_text=text(t.rating_text), return_count=t.return_count, rollback_count=t.rollback_count,
            reopen_count=t.reopen_count, merged_into=merged_into or "",
            dispatch_clock=ClockView("dispatch", ClockKind.DISPATCH.label, t.received_at, t.dispatch_due_at,
                                     t.dispatched_at),
            assignments=tuple(_assignment(a, unit_rows[a.unit_id], t, text) for a in t.assignments),
            events=tuple(_event(e, unit_names, text) for e in events), hint=hint,
        )


def _personal_data(ctx: ServiceContext, s: Session, t: TicketRow, reveal: bool) -> Any:
    """The ticket's personal fields as this session may read them. In a hardened PostgreSQL room the views
    mask them; after a recorded reveal the server hands them out unmasked for a while
    (``dc_api.revealed_personal_data``), without recording a second time."""
    if reveal and ctx.gate is not None:
        row = s.execute(text_sql("SELECT * FROM dc_api.revealed_personal_data(:t)"), {"t": t.id}).one_or_none()
        if row is not None and row.citizen_phone is not None:
            return row
    return t


_DISPATCHABLE = (TicketStatus.RECEIVED.value, TicketStatus.PENDING_REVIEW.value, TicketStatus.RETURNED.value)


def _assignment(a: AssignmentRow, unit: UnitRow, t: TicketRow, text: Callable[[str], str]) -> AssignmentView:
    state = AssignmentState(a.state)
    clocks: list[ClockView] = []
    if state is not AssignmentState.WITHDRAWN:
        stopped = a.returned_at if state is AssignmentState.RETURNED else None
        clocks.append(ClockView("accept", ClockKind.ACCEPT.label, a.dispatched_at, a.accept_due_at,
                                a.accepted_at or stopped))
        clocks.append(ClockView("reply", ClockKind.REPLY.label, a.dispatched_at, a.reply_due_at,
                                a.replied_at or stopped))
        if a.close_due_at is not None:
            clocks.append(ClockView("close", ClockKind.CLOSE.label, t.received_at, a.close_due_at,
                                    t.closed_at or stopped))
    role = AssignmentRole(a.role)
    return AssignmentView(
        unit_code=unit.code, unit_name=unit.name, role=role.value, role_label=role.label, state=state.value,
        state_label=state.label, dispatched_at=a.dispatched_at, clocks=tuple(clocks), reply_text=text(a.reply_text),
        return_reason=ReturnReason(a.return_reason).label if a.return_reason else "",
        return_text=text(a.return_text),
        extension_hours=a.extension_hours, pending_extension_hours=a.pending_extension_hours,
        pending_extension_reason=text(a.pending_extension_reason))


def _unit_names(s: Session, events: Any) -> dict[str, str]:
    codes: set[str] = set()
    for e in events:
        data = e.data or {}
        for key in ("lead", "unit", "from", "to"):
            value = data.get(key)
            if isinstance(value, str) and "/" in value:
                codes.add(value)
        codes.update(c for c in data.get("co", []) or [] if isinstance(c, str))
        codes.update(c for c in data.get("units", []) or [] if isinstance(c, str))
    if not codes:
        return {}
    return dict(s.execute(select(UnitRow.code, UnitRow.name).where(UnitRow.code.in_(codes))).all())


_OTHER_LABELS = {PersonalDataAction.REVEAL.value: PersonalDataAction.REVEAL.label}


def _event(e: EventRow, units: dict[str, str], text: Callable[[str], str]) -> EventView:
    try:
        label = Action(e.action).label
    except ValueError:
        label = _OTHER_LABELS.get(e.action, e.action)
    return EventView(id=e.id, at=e.at, actor_name=e.actor_name, actor_role=label_of(Role, e.actor_role),
                     action=e.action, action_label=label, from_status=label_of(TicketStatus, e.from_status),
                     to_status=label_of(TicketStatus, e.to_status), reason=text(e.reason),
                     summary=text(event_summary(e.action, e.data or {}, units)))


def event_summary(action: str, data: dict[str, Any], units: dict[str, str]) -> str:
    """A one-line Chinese summary of an event's structured data."""
    def unit(code: Any) -> str:
        return units.get(code, str(code)) if code else ""

    parts: list[str] = []
    if action in ("dispatch", "arbitrate"):
        parts.append(f"主办：{unit(data.get('lead'))}")
        if data.get("co"):
            parts.append("协办：" + "、".join(unit(c) for c in data["co"]))
        if data.get("item"):
            parts.append(f"事项：{data['item']}")
    elif action in ("claim", "release", "reassign_staff"):
        before, after = data.get("from"), data.get("to")
        parts.append(f"{before or '（无）'} → {after}" if after else f"原认领人：{before or '（无）'}")
        if data.get("next"):
            parts.append("领取下一单")
    elif action == "reassign_unit":
        parts.append(f"{unit(data.get('from')) or '（无）'} → {unit(data.get('to'))}")
    elif action == "change_urgency":
        parts.append(f"{label_of(Urgency, data.get('from'))} → {label_of(Urgency, data.get('to'))}")
    elif action == "return":
        parts.append(f"{unit(data.get('unit'))}：{label_of(ReturnReason, data.get('code'))}")
    elif action in ("request_extension", "approve_extension", "refuse_extension"):
        parts.append(f"{unit(data.get('unit'))} {data.get('hours', '')} 小时")
    elif action == "rate":
        parts.append(label_of(Rating, data.get("rating")))
    elif action == "reply":
        who = unit(data.get("unit")) + ("（协办）" if data.get("role") == "co" else "")
        parts.append(f"{who}：{data['text']}" if data.get("text") else who)
    elif action in ("accept", "start_handling", "rollback", "reopen"):
        if data.get("unit"):
            parts.append(unit(data.get("unit")) + ("（协办）" if data.get("role") == "co" else ""))
    elif action in ("remind", "supervise"):
        parts.append("、".join(unit(c) for c in data.get("units", [])))
    elif action == "merge":
        parts.append(f"并入 {data.get('into', '')}")
    elif action == PersonalDataAction.REVEAL.value:
        parts.append(reveal_summary(data))
    elif action == "submit_review" and data.get("suggested_item"):
        parts.append(f"建议事项 {data['suggested_item']}（置信度 {float(data.get('confidence') or 0):.2f}）")
    elif action == "receive":
        parts.append("、".join(x for x in (label_of(Channel, data.get("channel")), label_of(Kind, data.get("kind")),
                                          label_of(Urgency, data.get("urgency"))) if x))
    return "；".join(p for p in parts if p)


def _hint(ctx: ServiceContext, s: Session, t: TicketRow, events: Any,
          items: dict[str, tuple[str, str]]) -> RoutingHint | None:
    code, source, confidence = None, "", None
    if t.item_code:
        code, source = t.item_code, "current"
    elif t.citizen_item_code:
        code, source = t.citizen_item_code, "citizen"
    else:
        for e in reversed(events):
            data = e.data or {}
            if e.action == "submit_review" and data.get("suggested_item"):
                code, source, confidence = data["suggested_item"], "review", float(data.get("confidence") or 0)
                break
    if code is None and ctx.router is not None:
        try:
            suggestion = ctx.router.suggest(t.text, t.district, None, catalog_at(s, t.received_at))
        except Exception:  # the router is optional; a failure must not hide the ticket
            suggestion = None
        if suggestion is not None and suggestion.item_code:
            code, source, confidence = suggestion.item_code, "router", suggestion.confidence
    if code is None:
        return None
    return resolve_hint(s, t, code, source, confidence, items)


def resolve_hint(s: Session, t: TicketRow, code: str, source: str, confidence: float | None,
                 items: dict[str, tuple[str, str]]) -> RoutingHint:
    """The lead and co-units the item would go to at the ticket's place (or why none can be found)."""
    name = items.get(code, ("", ""))[0]
    try:
        item = catalog_at(s, t.received_at).get(code)
        if item is None:
            return RoutingHint(code, name, source, confidence, problem=f"职责事项 {code} 不存在")
        lead, co = resolve_units(s, item, t.district, t.street)
    except DomainError as why:
        return RoutingHint(code, name, source, confidence, problem=str(why))
    return RoutingHint(code, name or item.name, source, confidence, lead.code, lead.name, tuple(u.name for u in co))


def preview_item(ctx: ServiceContext, ticket_id: int, code: str) -> RoutingHint:
    """Where dispatching ``ticket_id`` to item ``code`` would send it (for the dispatch dialog)."""
    with ctx.db.reader() as s:
        t = s.get(TicketRow, ticket_id)
        if t is None:
            raise NotFound(f"工单 {ticket_id} 不存在")
        return resolve_hint(s, t, code, "manual", None, item_directory(s))
