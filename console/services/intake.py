"""Intake (受理): validate a new request, number it, and route it — by the citizen's item, by a confident
suggestion of the router, or to manual review (人工复核)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import datetime

from console.db.schema import TicketRow
from console.domain.enums import Channel, Kind, Urgency
from console.domain.errors import ValidationError
from console.domain.lifecycle import Action
from console.domain.sla import dispatch_due
from console.domain.ticket import Actor, Citizen, DomainEvent, Location, Ticket
from console.duplicates import probable_duplicates
from console.reference.territories import validate_location
from console.services.catalog_store import catalog_at
from console.services.changes import Changed
from console.services.context import ServiceContext
from console.services.counters import next_number
from console.services.routing_port import RoutingSuggestion
from console.services.runner import Work, execute
from console.services.ticket_store import append_events, new_row
from console.services.unit_resolution import resolve_units

_PHONE = re.compile(r"^\+?[\d\- ]{5,20}$")


@dataclass(frozen=True)
class NewTicket:
    """A request as it arrives. ``urgency`` None means: the item's default or the router's proposal."""

    text: str
    kind: Kind = Kind.COMPLAINT
    channel: Channel = Channel.HOTLINE
    title: str = ""
    citizen_name: str = ""
    citizen_phone: str = ""
    district: str | None = None
    street: str | None = None
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    citizen_item_code: str | None = None
    urgency: Urgency | None = None
    received_at: datetime | None = None

    def problems(self) -> list[str]:
        """Every field problem, each naming the field; empty when the request can be taken."""
        found = []
        if not self.text.strip():
            found.append("text：诉求内容不能为空")
        if len(self.text) > 20_000:
            found.append("text：诉求内容超过 20000 字")
        if self.citizen_phone and not _PHONE.match(self.citizen_phone.strip()):
            found.append(f"citizen_phone：「{self.citizen_phone}」不是电话号码")
        location = validate_location(self.district, self.street)
        if location:
            found.append(f"district/street：{location}")
        if (self.lat is None) != (self.lon is None):
            found.append("lat/lon：坐标须同时给出纬度和经度")
        if self.received_at is not None and self.received_at.tzinfo is None:
            found.append("received_at：时间必须带时区")
        return found


def intake(ctx: ServiceContext, actor: Actor, request: NewTicket, request_id: str | None = None) -> Changed:
    """Create the ticket and route it in one transaction. Raises ``ValidationError`` listing every bad field."""
    problems = request.problems()
    if problems:
        raise ValidationError("；".join(problems))

    def body(work: Work) -> Changed:
        ticket, row, events = receive(work, request)
        return Changed(Action.RECEIVE.value, (row.id,), (ticket.number,), detail=events[-1].action.value)

    return execute(ctx, actor, Action.RECEIVE.value, body, request_id)


def receive(work: Work, request: NewTicket) -> tuple[Ticket, TicketRow, list[DomainEvent]]:
    """Inside a unit of work: number, create, route, persist, append events. Returns the last state."""
    session, now = work.session, work.now
    received_at = request.received_at or now
    catalog = catalog_at(session, received_at)
    item = catalog.get(request.citizen_item_code)
    if request.citizen_item_code and item is None:
        raise ValidationError(f"citizen_item_code：职责事项 {request.citizen_item_code} 不存在")
    street = request.street.removesuffix("街道") if request.street else None
    ticket, first = Ticket.receive(
        number=next_number(session, received_at), channel=request.channel, kind=request.kind, title=request.title,
        text=request.text, citizen=Citizen(request.citizen_name.strip(), request.citizen_phone.strip()),
        location=Location(request.district, street, request.address.strip(), request.lat, request.lon),
        urgency=request.urgency or (item.default_urgency if item else Urgency.NORMAL), received_at=received_at,
        actor=work.actor, citizen_item_code=request.citizen_item_code)
    events = [first]
    system = Actor.system("自动分拨")
    suggestion = None
    if item is None and work.ctx.router is not None:
        suggestion = work.ctx.router.suggest(ticket.text, ticket.location.district, None, catalog)
        if suggestion.district and not ticket.location.district:
            ticket.location = dataclasses.replace(ticket.location, district=suggestion.district,
                                                  street=suggestion.street)
        if request.urgency is None and suggestion.urgency is not None:
            ticket.urgency = suggestion.urgency
        if suggestion.item_code and suggestion.confidence >= work.ctx.settings.auto_dispatch_threshold:
            item = catalog.get(suggestion.item_code)
    routed = False
    if item is not None:
        try:
            lead, co = resolve_units(session, item, ticket.location.district, ticket.location.street)
        except ValidationError as why:
            events += _by(system, ticket.submit_for_review(system, str(why)))
        else:
            reason = "按市民选择的事项分拨" if request.citizen_item_code else (
                f"自动分拨（置信度 {suggestion.confidence:.2f}）" if suggestion else "")
            events += _by(system, ticket.dispatch(system, lead=lead, co_units=co, item_code=item.code,
                                                  limits=item.limits, now=now, reason=reason))
            if suggestion is not None:
                events[-1].data.update(_suggestion_data(suggestion))
            routed = True
    if not routed and ticket.status.value == "received":
        reason = "无市民选择事项，待人工复核"
        if suggestion is not None:
            reason = f"自动分拨置信度不足（{suggestion.confidence:.2f}），待人工复核"
        events += _by(system, ticket.submit_for_review(system, reason))
        if suggestion is not None:
            events[-1].data.update(_suggestion_data(suggestion))
    duplicates = probable_duplicates(session, text=ticket.text, district=ticket.location.district,
                                     street=ticket.location.street, item_code=ticket.item_code,
                                     received_at=received_at, limit=3)
    if duplicates:
        events[0].data["possible_duplicates"] = [{"id": d.ticket_id, "number": d.number, "score": d.score}
                                                 for d in duplicates]
    row = new_row(ticket, dispatch_due(received_at, ticket.urgency, work.ctx.policy), catalog.version)
    session.add(row)
    session.flush()
    append_events(session, row.id, events, work.actor, now, work.request_id)
    return ticket, row, events


def _suggestion_data(suggestion: RoutingSuggestion) -> dict[str, object]:
    return {"suggested_item": suggestion.item_code, "confidence": suggestion.confidence,
            "model_version": suggestion.model_version, "suggested_urgency": suggestion.urgency,
            "explanation": suggestion.explanation}


def _by(actor: Actor, events: list[DomainEvent]) -> list[DomainEvent]:
    return [dataclasses.replace(e, actor_override=actor) for e in events]
