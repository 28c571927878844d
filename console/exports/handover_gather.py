"""Gathering a handover: pure read queries over a shift window ``[start, end)`` read at ``as_of``.

Contract: no writes; one read-only session; deterministic for a given database state, window and
``as_of``. Lists that describe *state* (waiting, urgent, awaiting arbitration, pending extensions) show
the state at the time of reading; lists of *happenings* (received, dispatched, breaches, reassignments,
returns, rollbacks) are those inside the window. Personal data is masked unless ``mask=False``: names and
phones, and the phone and ID numbers written inside titles, reasons and notes (``masking.mask_text``).

Deadline breaches: a clock (dispatch, unit accept, unit reply, ticket close) is "本班超时" when its due
time falls in the window before ``as_of`` and it was not met by then; "前班遗留超时" when it fell due
before the window and is still running; "即将超时" when it is running and falls due within the next
``horizon`` (default: one shift length) after ``as_of``.

Query shape (the handover of a busy shift must gather in a fraction of a second): every list is one or a
few set-based SELECTs of only the columns it shows; each ticket's current lead unit comes with the ticket
row (a correlated sub-select on ``assignments``' ticket index), never from per-row or per-batch look-ups;
the three unit clocks (accept, reply, close) are read in one pass over ``assignments``; "open" is spelled as
the list of open statuses so the ``(status, urgency)`` index answers it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from console.db.schema import AssignmentRow, EventRow, StaffRow, TicketRow, UnitRow
from console.db.types import UTCDateTime
from console.domain.clock import ensure_utc
from console.domain.enums import TicketStatus
from console.domain.masking import mask_name, mask_phone, masker
from console.exports.handover_model import (
    ClockLine,
    ExtensionLine,
    Figures,
    HandoverData,
    ReassignLine,
    ReturnLine,
    RollbackLine,
    StaffLine,
    TicketLine,
)
from console.exports.lead import ENDED_STATES, current_lead

T = TicketRow.__table__
A = AssignmentRow.__table__
E = EventRow.__table__
CLOSED = ("closed", "merged")
# ``status IN OPEN`` is ``status NOT IN CLOSED`` for every status this build knows, and lets the database use
# the (status, urgency) index instead of walking all tickets
OPEN = tuple(s.value for s in TicketStatus if s.value not in CLOSED)
WAITING = ("received", "pending_review", "returned")
ROLE_ORDER = {"supervisor": 0, "dispatcher": 1, "operator": 2, "admin": 3, "unit_handler": 4}


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def _lead_unit() -> Any:
    """Correlated sub-select: the unit id of the ticket's current lead assignment (``exports.lead``), or
    NULL."""
    return (select(A.c.unit_id)
            .where(A.c.ticket_id == T.c.id, current_lead())
            .order_by(A.c.id.desc()).limit(1).correlate(T).scalar_subquery().label("lead_unit_id"))


# what a ticket line shows (not ``select(T)``: citizen text, addresses and audit columns are not listed)
TICKET_COLUMNS = (T.c.id, T.c.number, T.c.urgency, T.c.status, T.c.kind, T.c.title, T.c.received_at,
                  T.c.dispatch_due_at, T.c.dispatched_at, T.c.district, T.c.street, T.c.citizen_name,
                  T.c.citizen_phone, T.c.claimed_by_name, T.c.return_count)


class _Context:
    """Per-gathering state: the session, masking, and unit names by id and by code."""

    def __init__(self, session: Session, mask: bool):
        self.session = session
        self.mask = mask
        self.unit_names: dict[int, str] = {}
        self.unit_by_code: dict[str, str] = {}
        self.unit_ids: dict[str, int] = {}
        for uid, code, name in session.execute(select(UnitRow.id, UnitRow.code, UnitRow.name)):
            self.unit_names[uid] = name
            self.unit_by_code[code] = name
            self.unit_ids[code] = uid
        self._masked: dict[tuple[str, str], tuple[str, str]] = {}
        #: a title, reason or note as listed: phone and ID numbers inside it masked when masking
        self.text = masker(mask)[3]

    def unit_name(self, code: str | None) -> str:
        if not code:
            return ""
        return self.unit_by_code.get(code, code)

    def ticket_line(self, row: Any, **extra: Any) -> TicketLine:
        """A row of ``_tickets`` (``TICKET_COLUMNS`` and ``lead_unit_id``) as a list line, masked if asked."""
        name, phone = row.citizen_name or "", row.citizen_phone or ""
        if self.mask:
            masked = self._masked.get((name, phone))
            if masked is None:  # a ticket is often in several lists
                masked = self._masked[(name, phone)] = (mask_name(name), mask_phone(phone))
            name, phone = masked
        district, street = row.district, row.street
        return TicketLine(
            number=row.number, urgency=row.urgency, status=row.status, kind=row.kind, title=self.text(row.title),
            received_at=row.received_at, dispatch_due_at=row.dispatch_due_at, dispatched_at=row.dispatched_at,
            unit=self.unit_names.get(row.lead_unit_id, "") if row.lead_unit_id is not None else "",
            district=f"{district} {street}" if district and street else (district or street or ""),
            citizen_name=name, citizen_phone=phone, claimed_by=row.claimed_by_name or "", **extra)


def _tickets(session: Session, *where: Any, order: Any = None, extra: tuple[Any, ...] = (),
             join: Any = None) -> Sequence[Any]:
    """Ticket rows (``TICKET_COLUMNS``, ``lead_unit_id`` and ``extra``) matching ``where``, all fetched at once."""
    query = select(*TICKET_COLUMNS, _lead_unit(), *extra)
    if join is not None:
        query = query.select_from(join)
    return session.execute(query.where(*where).order_by(order if order is not None else T.c.received_at,
                                                        T.c.id)).all()


def received(cx: _Context, start: datetime, end: datetime) -> list[TicketLine]:
    return [cx.ticket_line(r) for r in _tickets(cx.session, T.c.received_at >= start, T.c.received_at < end)]


def dispatched(cx: _Context, start: datetime, end: datetime) -> list[TicketLine]:
    """Tickets dispatched in the window (first dispatches and re-dispatches), with on-time for first ones."""
    first_at = (select(E.c.ticket_id, func.min(E.c.at).label("at"))
                .where(E.c.action == "dispatch", E.c.at >= start, E.c.at < end).group_by(E.c.ticket_id)
                .subquery())
    rows = _tickets(cx.session, join=T.join(first_at, first_at.c.ticket_id == T.c.id), order=first_at.c.at)
    lines = []
    for r in rows:
        first = r.dispatched_at is not None and start <= r.dispatched_at < end
        on_time = (r.dispatched_at <= r.dispatch_due_at) if first else None
        late = _minutes(r.dispatched_at - r.dispatch_due_at) if first and not on_time else 0
        note = f"超时 {late} 分钟" if late > 0 else ""
        lines.append(cx.ticket_line(r, on_time=on_time, first_dispatch=first, note=note))
    return lines


def waiting(cx: _Context, as_of: datetime) -> list[TicketLine]:
    rows = _tickets(cx.session, T.c.status.in_(WAITING), T.c.received_at < as_of, order=T.c.dispatch_due_at)
    lines = []
    for r in rows:
        waited = _minutes(as_of - r.received_at)
        lines.append(cx.ticket_line(r, note=f"已等待 {waited} 分钟"))
    return lines


def urgent(cx: _Context, start: datetime, end: datetime, as_of: datetime) -> list[TicketLine]:
    """Urgent tickets received in the window or still open at ``as_of``."""
    rows = _tickets(cx.session, T.c.urgency == "urgent", T.c.received_at < max(end, as_of),
                    or_(and_(T.c.received_at >= start, T.c.received_at < end), T.c.status.in_(OPEN)))
    return [cx.ticket_line(r) for r in rows]


def _clock_branches(due: Any, done: Any, status: Any, start: datetime, cut: datetime, as_of: datetime,
                    horizon: timedelta, *, unit_clock: bool) -> Any:
    """SQL: the clock breached in the window, or is running and falls due within ``horizon`` after ``as_of``;
    the room's own dispatch clocks also when they were already overdue before the window (unit clocks
    overdue from earlier shifts are counted by ``unit_overdue_count``, not listed: they are the units'
    backlog, not this shift's). ``_clock_listed`` is the same test in Python."""
    running = and_(done.is_(None), status.notin_(CLOSED))
    branches = [
        and_(due >= start, due < cut, or_(done.is_(None), done > due), status != "merged"),
        and_(running, due >= as_of, due < as_of + horizon),
    ]
    if not unit_clock:
        branches.append(and_(due < start, running))
    return or_(*branches)


def _clock_listed(due: datetime | None, done: datetime | None, status: str, start: datetime, cut: datetime,
                  as_of: datetime, horizon: timedelta) -> bool:
    """``_clock_branches`` for a unit clock, evaluated on one row's values (SQL NULL → ``None`` is false)."""
    if due is None:
        return False
    if start <= due < cut and (done is None or done > due) and status != "merged":
        return True
    return done is None and status not in CLOSED and as_of <= due < as_of + horizon


def _clock_line(r: Any, title: str, kind: str, unit: str, due_at: datetime, done_at: datetime | None,
                start: datetime, cut: datetime, as_of: datetime) -> ClockLine:
    """A listed clock: breached (in the window, late or not met), overdue from before the window, or a warning."""
    if start <= due_at < cut and (done_at is None or done_at > due_at):
        category = "breached"
    elif due_at < start:
        category = "overdue"
    else:
        category = "warning"
    overdue = _minutes((done_at or as_of) - due_at) if category != "warning" else 0
    remaining = _minutes(due_at - as_of) if category == "warning" else 0
    return ClockLine(r.number, r.urgency, r.status, title, kind, unit, due_at, done_at, category, overdue,
                     remaining)


def _dispatch_clocks(cx: _Context, start: datetime, cut: datetime, as_of: datetime,
                     horizon: timedelta) -> list[ClockLine]:
    """The room's dispatch clocks (one pass over ``tickets``)."""
    due, done = T.c.dispatch_due_at, T.c.dispatched_at
    query = (select(T.c.number, T.c.urgency, T.c.status, T.c.title, due.label("due"), done.label("done"))
             .where(_clock_branches(due, done, T.c.status, start, cut, as_of, horizon, unit_clock=False)))
    return [_clock_line(r, cx.text(r.title), "dispatch", "", ensure_utc(r.due), ensure_utc(r.done) if r.done else None,
                        start, cut, as_of) for r in cx.session.execute(query).all()]


def _unit_clocks(cx: _Context, start: datetime, cut: datetime, as_of: datetime,
                 horizon: timedelta) -> list[ClockLine]:
    """The units' accept, reply and close clocks, read in one pass over ``assignments`` joined to ``tickets``.

    Accept and reply clocks of every assignment not withdrawn (met by accepting / replying, or ended by a
    return); the close clock of the current lead (not withdrawn or returned), met when the ticket closes.
    """
    dt = UTCDateTime()
    accept_done = func.coalesce(A.c.accepted_at, A.c.returned_at, type_=dt)
    reply_done = func.coalesce(A.c.replied_at, A.c.returned_at, type_=dt)
    branches = (start, cut, as_of, horizon)
    not_withdrawn = A.c.state != "withdrawn"
    is_lead = and_(current_lead(), A.c.close_due_at.is_not(None))
    listed = or_(
        and_(not_withdrawn, _clock_branches(A.c.accept_due_at, accept_done, T.c.status, *branches, unit_clock=True)),
        and_(not_withdrawn, _clock_branches(A.c.reply_due_at, reply_done, T.c.status, *branches, unit_clock=True)),
        and_(is_lead, _clock_branches(A.c.close_due_at, T.c.closed_at, T.c.status, *branches, unit_clock=True)))
    # implied by ``listed`` but on assignment columns alone, so the database filters before joining tickets
    near = or_(*(or_(and_(due >= start, due < cut), and_(due >= as_of, due < as_of + horizon))
                 for due in (A.c.accept_due_at, A.c.reply_due_at, A.c.close_due_at)))
    query = (select(T.c.number, T.c.urgency, T.c.status, T.c.title, T.c.closed_at, A.c.unit_id, A.c.role,
                    A.c.state, A.c.accept_due_at, accept_done.label("accept_done"), A.c.reply_due_at,
                    reply_done.label("reply_done"), A.c.close_due_at)
             .select_from(A.join(T, T.c.id == A.c.ticket_id)).where(near, listed))
    by_kind: dict[str, list[ClockLine]] = {"accept": [], "reply": [], "close": []}
    for r in cx.session.execute(query).all():
        unit = cx.unit_names.get(r.unit_id, "")
        clocks: list[tuple[str, datetime | None, datetime | None]] = []
        if r.state != "withdrawn":
            clocks.append(("accept", r.accept_due_at, r.accept_done))
            clocks.append(("reply", r.reply_due_at, r.reply_done))
        if r.role == "lead" and r.state not in ENDED_STATES:
            clocks.append(("close", r.close_due_at, r.closed_at))
        for kind, due, done in clocks:
            due_at = ensure_utc(due) if due is not None else None
            done_at = ensure_utc(done) if done is not None else None
            if due_at is not None and _clock_listed(due_at, done_at, r.status, start, cut, as_of, horizon):
                by_kind[kind].append(_clock_line(r, cx.text(r.title), kind, unit, due_at, done_at, start, cut, as_of))
    return by_kind["accept"] + by_kind["reply"] + by_kind["close"]


def unit_overdue_count(cx: _Context, start: datetime) -> int:
    """Unit reply clocks that fell due before the window and are still running (the units' backlog)."""
    dt = UTCDateTime()
    done = func.coalesce(A.c.replied_at, A.c.returned_at, type_=dt)
    return int(cx.session.scalar(
        select(func.count()).select_from(A.join(T, T.c.id == A.c.ticket_id))
        .where(A.c.state != "withdrawn", A.c.reply_due_at < start, done.is_(None), T.c.status.notin_(CLOSED))) or 0)


def clocks(cx: _Context, start: datetime, end: datetime, as_of: datetime, horizon: timedelta) -> list[ClockLine]:
    """Breached, still-overdue and about-to-breach clocks, breaches first, each group by due time."""
    cut = min(end, as_of)
    lines = _dispatch_clocks(cx, start, cut, as_of, horizon) + _unit_clocks(cx, start, cut, as_of, horizon)
    order = {"breached": 0, "overdue": 1, "warning": 2}
    return sorted(lines, key=lambda c: (order[c.category], c.due_at, c.number, c.clock))


def _events(cx: _Context, actions: tuple[str, ...], start: datetime, end: datetime) -> Sequence[Any]:
    return cx.session.execute(
        select(E.c.id, E.c.ticket_id, E.c.at, E.c.action, E.c.actor_name, E.c.reason, E.c.data,
               T.c.number, T.c.urgency, T.c.status, T.c.title, T.c.rollback_count, T.c.return_count)
        .join(T, T.c.id == E.c.ticket_id)
        .where(E.c.action.in_(actions), E.c.at >= start, E.c.at < end).order_by(E.c.at, E.c.id)).all()


def reassignments(cx: _Context, start: datetime, end: datetime) -> list[ReassignLine]:
    lines = []
    for e in _events(cx, ("reassign_staff", "reassign_unit"), start, end):
        data = e.data or {}
        source, target = data.get("from") or "", data.get("to") or ""
        if e.action == "reassign_unit":
            source, target = cx.unit_name(source), cx.unit_name(target)
        lines.append(ReassignLine(e.at, e.number, e.urgency, e.action, source or "（无）", target, e.actor_name,
                                  cx.text(e.reason)))
    return lines


def returns(cx: _Context, start: datetime, end: datetime, events: Sequence[Any] | None = None) -> list[ReturnLine]:
    """Returns (退单) made in the window, and every ticket awaiting a supervisor's arbitration. ``events``:
    the window's ``return`` events when the caller already has them (``_events(cx, ("return",), …)``)."""
    if events is None:
        events = _events(cx, ("return",), start, end)
    in_window = {e.ticket_id: e for e in events}
    arbitration = {r.id for r in cx.session.execute(select(T.c.id).where(T.c.status == "arbitration"))}
    ids = sorted(set(in_window) | arbitration)
    if not ids:
        return []
    last_return: dict[int, Any] = {}
    for returned in cx.session.execute(select(A).where(A.c.ticket_id.in_(ids), A.c.returned_at.is_not(None))
                                       .order_by(A.c.returned_at)):
        last_return[returned.ticket_id] = returned
    tickets = {r.id: r for r in _tickets(cx.session, T.c.id.in_(ids))}
    lines = []
    for ticket_id in ids:
        t, a = tickets[ticket_id], last_return.get(ticket_id)
        lines.append(ReturnLine(
            t.number, t.urgency, t.status, cx.text(t.title), cx.unit_names.get(a.unit_id, "") if a else "",
            ensure_utc(a.returned_at) if a else None, a.return_reason or "" if a else "",
            cx.text(a.return_text) if a else "", t.return_count))
    status_order = {"arbitration": 0}
    return sorted(lines, key=lambda x: (status_order.get(x.status, 1),
                                        x.returned_at.timestamp() if x.returned_at else 0.0, x.number))


def extensions(cx: _Context, start: datetime, end: datetime) -> list[ExtensionLine]:
    """Extension requests made in the window, and every request still pending, with their outcome."""
    requests = _events(cx, ("request_extension",), start, end)
    pending = list(cx.session.execute(
        select(A.c.ticket_id, A.c.unit_id, A.c.pending_extension_hours, A.c.pending_extension_reason)
        .where(A.c.pending_extension_hours.is_not(None))))
    ticket_ids = {e.ticket_id for e in requests} | {p.ticket_id for p in pending}
    decisions: dict[tuple[int, str], list[Any]] = {}
    request_at: dict[tuple[int, str], datetime] = {}
    if ticket_ids:
        for e in cx.session.execute(
                select(E.c.ticket_id, E.c.at, E.c.action, E.c.actor_name, E.c.data)
                .where(E.c.ticket_id.in_(ticket_ids),
                       E.c.action.in_(("approve_extension", "refuse_extension", "request_extension")))
                .order_by(E.c.at, E.c.id)):
            key = (e.ticket_id, (e.data or {}).get("unit", ""))
            if e.action == "request_extension":
                request_at[key] = e.at
            else:
                decisions.setdefault(key, []).append(e)
    lines: list[ExtensionLine] = []
    seen: set[tuple[int, str]] = set()
    for e in requests:
        data = e.data or {}
        key = (e.ticket_id, data.get("unit", ""))
        seen.add(key)
        decided = next((d for d in decisions.get(key, []) if d.at >= e.at), None)
        outcome = "pending" if decided is None else (
            "approved" if decided.action == "approve_extension" else "refused")
        lines.append(ExtensionLine(
            e.at, e.number, e.urgency, cx.unit_name(data.get("unit")), float(data.get("hours") or 0),
            cx.text(e.reason), outcome, decided.actor_name if decided else "", decided.at if decided else None))
    numbers = {r.id: r for r in _tickets(cx.session, T.c.id.in_({p.ticket_id for p in pending}))} if pending else {}
    id_to_code = {v: k for k, v in cx.unit_ids.items()}
    for p in pending:
        code = id_to_code.get(p.unit_id, "")
        if (p.ticket_id, code) in seen:
            continue
        t = numbers[p.ticket_id]
        lines.append(ExtensionLine(request_at.get((p.ticket_id, code)), t.number, t.urgency,
                                   cx.unit_names.get(p.unit_id, ""), float(p.pending_extension_hours),
                                   cx.text(p.pending_extension_reason), "pending"))
    return lines


def rollbacks(cx: _Context, start: datetime, end: datetime) -> list[RollbackLine]:
    events = _events(cx, ("rollback",), start, end)
    leads = {}
    if events:
        for a in cx.session.execute(select(A.c.ticket_id, A.c.unit_id, A.c.reply_due_at)
                                    .where(A.c.ticket_id.in_({e.ticket_id for e in events}), current_lead())
                                    .order_by(A.c.id)):
            leads[a.ticket_id] = a
    lines = []
    for e in events:
        lead = leads.get(e.ticket_id)
        unit = cx.unit_name((e.data or {}).get("unit")) or (cx.unit_names.get(lead.unit_id, "") if lead else "")
        lines.append(RollbackLine(e.at, e.number, e.urgency, e.status, cx.text(e.title), unit, cx.text(e.reason),
                                  e.rollback_count,
                                  ensure_utc(lead.reply_due_at) if lead else None))
    return lines


def staff_of_slot(session: Session, slot: int) -> list[StaffLine]:
    """Active room staff (not unit handlers) whose ``shift_slot`` is ``slot``, supervisors first."""
    rows = session.execute(select(StaffRow.display_name, StaffRow.role)
                           .where(StaffRow.shift_slot == slot, StaffRow.active.is_(True),
                                  StaffRow.role != "unit_handler"))
    return sorted((StaffLine(n, r) for n, r in rows), key=lambda s: (ROLE_ORDER.get(s.role, 9), s.name))


def gather(session: Session, *, slot: int, start: datetime, end: datetime, as_of: datetime,
           horizon: timedelta | None = None, mask: bool = True) -> HandoverData:
    """Everything a handover lists for the window ``[start, end)`` read at ``as_of`` (see module doc)."""
    start, end, as_of = ensure_utc(start), ensure_utc(end), ensure_utc(as_of)
    if end <= start:
        raise ValueError("交接时段的结束时间必须晚于开始时间")
    cx = _Context(session, mask)
    horizon = horizon or (end - start)
    got_received = received(cx, start, end)
    got_dispatched = dispatched(cx, start, end)
    got_waiting = waiting(cx, as_of)
    got_clocks = clocks(cx, start, end, as_of, horizon)
    got_urgent = urgent(cx, start, end, as_of)
    got_reassign = reassignments(cx, start, end)
    return_events = _events(cx, ("return",), start, end)
    got_returns = returns(cx, start, end, return_events)
    got_ext = extensions(cx, start, end)
    got_rollbacks = rollbacks(cx, start, end)
    first = [d for d in got_dispatched if d.first_dispatch]
    figures = Figures(
        received=len(got_received), dispatched=len(first), dispatched_on_time=sum(1 for d in first if d.on_time),
        breaches=sum(1 for c in got_clocks if c.category == "breached"),
        still_overdue=sum(1 for c in got_clocks if c.category == "overdue"),
        unit_backlog=unit_overdue_count(cx, start),
        about_to_breach=sum(1 for c in got_clocks if c.category == "warning"),
        waiting=len(got_waiting), open_urgent=sum(1 for u in got_urgent if u.status not in CLOSED),
        returns=len(return_events),
        awaiting_arbitration=sum(1 for r in got_returns if r.status == "arbitration"),
        extensions_pending=sum(1 for x in got_ext if x.outcome == "pending"),
        reassignments=len(got_reassign), rollbacks=len(got_rollbacks))
    return HandoverData(
        shift_slot=slot, start=start, end=end, as_of=as_of, received=tuple(got_received),
        dispatched=tuple(got_dispatched), waiting=tuple(got_waiting), clocks=tuple(got_clocks),
        urgent=tuple(got_urgent), reassignments=tuple(got_reassign), returns=tuple(got_returns),
        extensions=tuple(got_ext), rollbacks=tuple(got_rollbacks), staff=tuple(staff_of_slot(session, slot)),
        figures=figures, masked=mask)
