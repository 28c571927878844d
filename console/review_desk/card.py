"""The review card: everything a reviewer needs to decide one pending ticket, read in one session.

The router's suggestion and its evidence come from the ticket's latest ``submit_review`` event (what the
router said at intake, with its model version); a ticket sent to review without one is routed now by the
context's router, when there is one. Spans index the card's ``text``. Caller's thread (DB worker).

Personal data is masked here for viewers outside ``UNMASKED_ROLES`` (name, phone, address; phone and ID
numbers inside the title, the text and the duplicates' titles); spans are moved onto the masked text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.schema import EventRow, TicketRow
from console.domain.catalog import Catalog
from console.domain.enums import Role
from console.domain.errors import NotFound
from console.domain.masking import mask_cut_text, masker, may_see_personal_data
from console.duplicates import DuplicateCandidate, duplicates_of
from console.queries.queue import item_directory
from console.review_desk.escalation import ESCALATION_MARKER, is_escalation
from console.review_desk.units import UnitPlan, plan_for
from console.services.catalog_store import catalog_at
from console.services.context import ServiceContext


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the citizen's text: ``text == original[start:end]``."""

    text: str
    start: int
    end: int
    kind: str  # "phrase" or "place"
    note: str = ""  # for places: the district/street it names


@dataclass(frozen=True, slots=True)
class Candidate:
    """One of the router's top items."""

    code: str
    name: str
    path: tuple[str, ...]
    confidence: float
    lead_line: str


@dataclass(frozen=True, slots=True)
class Escalation:
    at: datetime
    actor_name: str
    question: str


@dataclass(frozen=True)
class ReviewCard:
    """One pending review. ``source`` is ``intake`` (stored suggestion), ``live`` (routed now) or ``none``."""

    id: int
    number: str
    version: int
    status: str
    title: str
    text: str
    citizen_name: str
    citizen_phone: str
    district: str
    street: str
    address: str
    urgency: str
    received_at: datetime
    dispatch_due_at: datetime
    claimed_by: int | None
    claimed_by_name: str
    submit_reason: str
    source: str
    confidence: float | None
    model_version: str
    candidates: tuple[Candidate, ...]
    spans: tuple[Span, ...]
    location_source: str
    suggested_urgency: str
    urgency_reason: str
    lead_line: str
    co_lines: tuple[str, ...]
    plan: UnitPlan | None
    duplicates: tuple[DuplicateCandidate, ...]
    escalations: tuple[Escalation, ...] = field(default=())

    @property
    def top(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def suggested_item(self) -> str | None:
        return self.candidates[0].code if self.candidates else None

    @property
    def phrases(self) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.kind == "phrase")

    @property
    def places(self) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.kind == "place")

    @property
    def escalated(self) -> bool:
        return bool(self.escalations)


def review_card(ctx: ServiceContext, ticket_id: int, viewer: Role) -> ReviewCard:
    """The card of ``ticket_id`` (any status; the desk shows pending reviews). ``NotFound`` if absent."""
    with ctx.db.reader() as s:
        t = s.get(TicketRow, ticket_id)
        if t is None:
            raise NotFound(f"工单 {ticket_id} 不存在")
        events = s.execute(select(EventRow.id, EventRow.action, EventRow.reason, EventRow.data, EventRow.at,
                                  EventRow.actor_name)
                           .where(EventRow.ticket_id == t.id).order_by(EventRow.id)).all()
        submit = next((e for e in reversed(events) if e.action in ("submit_review", "unmerge")), None)
        data: dict[str, Any] = dict(submit.data or {}) if submit is not None else {}
        source = "intake" if data.get("suggested_item") else "none"
        if source == "none" and ctx.router is not None:
            data, source = _route_now(ctx, t, catalog_at(s, t.received_at)), "live"
        explanation: dict[str, Any] = data.get("explanation") or {}
        names = item_directory(s)
        candidates = tuple(_candidate(c, names) for c in explanation.get("top_items", ()) if c.get("code"))
        suggested = data.get("suggested_item")
        if suggested and (not candidates or candidates[0].code != suggested):
            rest = tuple(c for c in candidates if c.code != suggested)
            first = next((c for c in candidates if c.code == suggested), None) or Candidate(
                suggested, names.get(suggested, ("", ""))[0], (), float(data.get("confidence") or 0), "")
            candidates = (first, *rest)
        masked = not may_see_personal_data(viewer)
        since = submit.id if submit is not None else 0
        escalations = tuple(Escalation(e.at, e.actor_name, e.reason[len(ESCALATION_MARKER):])
                            for e in events if e.action == "note" and e.id > since and is_escalation(e.reason))
        name, phone, address, text = masker(masked)
        shown = text(t.text)
        spans = _spans(t.text, explanation)
        return ReviewCard(
            id=t.id, number=t.number, version=t.version, status=t.status,
            title=mask_cut_text(t.title) if masked else t.title, text=shown,
            citizen_name=name(t.citizen_name), citizen_phone=phone(t.citizen_phone),
            district=t.district or "", street=t.street or "", address=address(t.address), urgency=t.urgency,
            received_at=t.received_at, dispatch_due_at=t.dispatch_due_at, claimed_by=t.claimed_by,
            claimed_by_name=t.claimed_by_name or "", submit_reason=submit.reason if submit is not None else "",
            source=source, confidence=float(data["confidence"]) if data.get("confidence") is not None else None,
            model_version=str(data.get("model_version") or ""), candidates=candidates[:3],
            spans=spans if shown == t.text else _moved(spans, shown),
            location_source=str(explanation.get("location_source") or ""),
            suggested_urgency=str(data.get("suggested_urgency") or ""),
            urgency_reason=str(explanation.get("urgency_reason") or ""),
            lead_line=str(explanation.get("lead_line") or ""), co_lines=tuple(explanation.get("co_lines") or ()),
            plan=plan_for(s, t, candidates[0].code) if candidates else None,
            duplicates=tuple(_duplicates(s, t.id, masked)), escalations=escalations)


def _route_now(ctx: ServiceContext, t: TicketRow, catalog: Catalog) -> dict[str, Any]:
    assert ctx.router is not None
    try:
        suggestion = ctx.router.suggest(t.text, t.district, None, catalog)
    except Exception:  # the router is optional; the card must still open
        return {}
    if not suggestion.item_code:
        return {}
    return {"suggested_item": suggestion.item_code, "confidence": suggestion.confidence,
            "model_version": suggestion.model_version,
            "suggested_urgency": suggestion.urgency.value if suggestion.urgency else "",
            "explanation": suggestion.explanation}


def _candidate(raw: dict[str, Any], names: dict[str, tuple[str, str]]) -> Candidate:
    code = str(raw["code"])
    path = tuple(str(p) for p in raw.get("path") or ())
    name = path[-1] if path else names.get(code, ("", ""))[0]
    return Candidate(code, name, path, float(raw.get("confidence") or 0.0), str(raw.get("lead_line") or ""))


def _spans(text: str, explanation: dict[str, Any]) -> tuple[Span, ...]:
    """Phrases and places whose offsets still match the text (a stale span is dropped, never misplaced)."""
    spans: list[Span] = []
    for kind, key in (("phrase", "phrases"), ("place", "places")):
        for raw in explanation.get(key) or ():
            start, end = int(raw.get("start", -1)), int(raw.get("end", -1))
            if 0 <= start < end <= len(text) and text[start:end] == raw.get("text"):
                note = " ".join(x for x in (raw.get("district"), raw.get("street")) if x) if kind == "place" else ""
                spans.append(Span(text[start:end], start, end, kind, note))
    return tuple(sorted(spans, key=lambda s: (s.start, s.end, s.kind)))


def _moved(spans: tuple[Span, ...], masked: str) -> tuple[Span, ...]:
    """The spans placed on the masked text: each at the occurrence of its text nearest to where it was (a
    span that overlapped a masked number is no longer found and is dropped, never misplaced onto stars)."""
    moved: list[Span] = []
    for span in spans:
        found, position = -1, masked.find(span.text)
        while position >= 0:
            if found < 0 or abs(position - span.start) < abs(found - span.start):
                found = position
            position = masked.find(span.text, position + 1)
        if found >= 0:
            moved.append(Span(span.text, found, found + len(span.text), span.kind, span.note))
    return tuple(moved)


def _duplicates(s: Session, ticket_id: int, masked: bool) -> list[DuplicateCandidate]:
    try:
        return duplicates_of(s, ticket_id, limit=5, masked=masked)
    except Exception:  # a similarity check must never hide the ticket
        return []
