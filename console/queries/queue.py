"""The live queue's snapshot and its incremental refresh: open tickets as ``QueueRow`` objects.

``load_queue`` reads every open ticket in the caller's scope in three statements (tickets, their
assignments, item names); ``load_rows`` reads the same shape for a few ticket ids after a change and
also says which of them left the queue (closed, merged, out of scope). The next deadline follows
``console.domain.sla.next_deadline`` exactly (tested against it), from stored due times only.
Runs on the caller's thread (the window's DB worker).

Personal data: a scope that ``masks`` (every role outside ``UNMASKED_ROLES``; ``QueueScope.for_actor``)
gets titles with embedded phone/ID numbers masked (``mask_text``), and a search text without the raw phone,
address digits or unmasked citizen text. Searching by phone still works the way the room needs it: each row's
search text carries ``phone_search_key`` of the stored phone (a keyed hash, never shown), and a search word
that is a complete phone number is turned into that key (``console.queries.views.search_needles``). So a
dispatcher who types a citizen's full number finds the ticket and sees it masked, while partial digits
(``1381234``) find nothing they could not already see — no guessing the hidden middle digits by search.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    DateTime,
    and_,
    bindparam,
    exists,
    func,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import BindParameter

from console.db.engine import Database
from console.db.schema import AssignmentRow, CatalogVersionRow, DutyItemRow, TicketRow, UnitRow
from console.db.types import UTCDateTime
from console.domain.enums import Role, TicketStatus, Urgency
from console.domain.masking import mask_address, mask_cut_text, mask_phone, may_see_personal_data, phone_digits
from console.queries.rows import NO_DEADLINE, QueueRow

CLOSED_STATUSES = (TicketStatus.CLOSED.value, TicketStatus.MERGED.value)
_NON_DIGIT = re.compile(r"\D")
_RANK = {u.value: u.rank for u in Urgency}
_NO_ITEM = ("", "")
_CHUNK = 500
_SEARCH_TEXT = 400  # characters of the ticket text kept for search
_RECHECK_S = 2.0
OPEN_STATUSES = tuple(s.value for s in TicketStatus if s.value not in CLOSED_STATUSES)


@dataclass(frozen=True, slots=True)
class QueueScope:
    """Which tickets a workstation's queue holds: all open tickets, or those of one unit (unit handlers);
    ``masked`` rows for viewers outside ``UNMASKED_ROLES`` (a unit's queue is always masked)."""

    unit_id: int | None = None
    masked: bool = False

    @property
    def masks(self) -> bool:
        """Whether rows carry personal data masked."""
        return self.masked or self.unit_id is not None

    @staticmethod
    def for_actor(role: Role, unit_id: int | None = None) -> QueueScope:
        """The scope of a signed-in role: a unit handler's unit, masked unless the role may see personal data."""
        return QueueScope(unit_id if role is Role.UNIT_HANDLER else None, not may_see_personal_data(role))


@dataclass(frozen=True, slots=True)
class RowRefresh:
    """Fresh rows for changed tickets, and the ids that are no longer in the queue."""

    rows: tuple[QueueRow, ...]
    gone: tuple[int, ...]


def load_queue(db: Database, scope: QueueScope = QueueScope()) -> list[QueueRow]:
    """Every open ticket in ``scope``, unsorted."""
    with db.reader() as session:
        where = open_in_scope(scope)
        return _build(session, where, scope.masks)


def load_rows(db: Database, ticket_ids: Iterable[int], scope: QueueScope = QueueScope()) -> RowRefresh:
    """Rows for ``ticket_ids`` that are open and in scope; the other ids are reported as ``gone``."""
    wanted = sorted(set(ticket_ids))
    rows: list[QueueRow] = []
    with db.reader() as session:
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            if scope.unit_id is None and len(chunk) <= _FEW:  # the live path: prebuilt statements
                rows.extend(_build_few(session, chunk, scope.masks))
            else:
                rows.extend(_build(session, and_(TicketRow.id.in_(chunk), open_in_scope(scope)), scope.masks))
    found = {r.id for r in rows}
    return RowRefresh(tuple(rows), tuple(i for i in wanted if i not in found))


def open_in_scope(scope: QueueScope) -> ColumnElement[bool]:
    """The SQL condition "open and in ``scope``" shared by the snapshot, refreshes and reconciliation."""
    # IN over the open statuses (not NOT IN over the closed ones) so the status index is used: open tickets
    # are a few per cent of a long history.
    where: ColumnElement[bool] = TicketRow.status.in_(OPEN_STATUSES)
    if scope.unit_id is not None:
        part = aliased(AssignmentRow)
        mine = exists().where(part.ticket_id == TicketRow.id, part.unit_id == scope.unit_id).correlate(TicketRow)
        where = and_(where, mine)
    return where


_TICKET_COLUMNS = (
    TicketRow.id, TicketRow.number, TicketRow.version, TicketRow.received_at, TicketRow.kind, TicketRow.channel,
    TicketRow.urgency, TicketRow.status, TicketRow.district, TicketRow.street, TicketRow.item_code,
    TicketRow.citizen_item_code, TicketRow.claimed_by, TicketRow.claimed_by_name, TicketRow.title,
    func.substr(TicketRow.text, 1, _SEARCH_TEXT).label("text"),
    TicketRow.citizen_phone, TicketRow.address, TicketRow.dispatch_due_at, TicketRow.dispatched_at,
    TicketRow.closed_at, TicketRow.return_count, TicketRow.rollback_count, TicketRow.reopen_count,
    TicketRow.updated_at,
)

_ASSIGNMENT_COLUMNS = (
    AssignmentRow.id, AssignmentRow.ticket_id, AssignmentRow.role, AssignmentRow.state, AssignmentRow.dispatched_at,
    AssignmentRow.accept_due_at, AssignmentRow.reply_due_at, AssignmentRow.close_due_at, AssignmentRow.accepted_at,
    AssignmentRow.replied_at, AssignmentRow.returned_at, AssignmentRow.pending_extension_hours, UnitRow.code,
    UnitRow.name, UnitRow.line,
)


def _aware(columns: tuple[Any, ...]) -> tuple[Any, ...]:
    """The columns with ``UTCDateTime`` read as plain aware datetimes: psycopg already returns aware values,
    so PostgreSQL needs no per-value conversion (about a fifth of a large snapshot's time)."""
    plain = DateTime(timezone=True)
    return tuple(type_coerce(c, plain).label(c.key) if isinstance(c.type, UTCDateTime) else c for c in columns)


_PG_TICKET_COLUMNS = _aware(_TICKET_COLUMNS)
_PG_ASSIGNMENT_COLUMNS = _aware(_ASSIGNMENT_COLUMNS)


def _build(session: Session, where: ColumnElement[bool], masked: bool = False) -> list[QueueRow]:
    """Tickets matching ``where``, then their assignments by ticket id (an index lookup, never a scan of the
    whole assignment history), then rows built in Python. Core execution: no ORM row processing."""
    postgres = session.get_bind().dialect.name == "postgresql"
    connection = session.connection()
    columns = _PG_TICKET_COLUMNS if postgres else _TICKET_COLUMNS
    tickets = connection.execute(select(*columns).where(where)).all()
    if not tickets:
        return []
    ids = [t.id for t in tickets]
    by_ticket: dict[int, list[Any]] = defaultdict(list)
    for a in _assignments(connection, ids, postgres):
        by_ticket[a.ticket_id].append(a)
    for parts in by_ticket.values():
        if len(parts) > 1:
            parts.sort(key=_ASSIGNMENT_ID)
    items = item_directory(session)
    return [_row(t, by_ticket.get(t.id, ()), items, masked) for t in tickets]


_ASSIGNMENT_ID = attrgetter("id")
_FEW = 50  # a live refresh usually names one to a few tickets


def _few_statements(postgres: bool) -> tuple[Any, Any]:
    """Prebuilt statements for the live refresh of a few open tickets (all scopes but a unit's): building a
    statement costs about as much CPU as running it, and twenty consoles run it for every commit."""
    ids: BindParameter[Any] = bindparam("ids", expanding=True)
    tickets = select(*(_PG_TICKET_COLUMNS if postgres else _TICKET_COLUMNS)).where(
        TicketRow.id.in_(ids), TicketRow.status.in_(OPEN_STATUSES))
    assignments = (select(*(_PG_ASSIGNMENT_COLUMNS if postgres else _ASSIGNMENT_COLUMNS))
                   .join(UnitRow, UnitRow.id == AssignmentRow.unit_id).where(AssignmentRow.ticket_id.in_(ids)))
    return tickets, assignments


_FEW_STATEMENTS = {True: _few_statements(True), False: _few_statements(False)}


def _build_few(session: Session, ids: list[int], masked: bool = False) -> list[QueueRow]:
    postgres = session.get_bind().dialect.name == "postgresql"
    tickets_query, assignments_query = _FEW_STATEMENTS[postgres]
    connection = session.connection()
    tickets = connection.execute(tickets_query, {"ids": ids}).all()
    if not tickets:
        return []
    by_ticket: dict[int, list[Any]] = defaultdict(list)
    for a in connection.execute(assignments_query, {"ids": [t.id for t in tickets]}).all():
        by_ticket[a.ticket_id].append(a)
    for parts in by_ticket.values():
        if len(parts) > 1:
            parts.sort(key=_ASSIGNMENT_ID)
    items = item_directory(session)
    return [_row(t, by_ticket.get(t.id, ()), items, masked) for t in tickets]


def _assignments(connection: Connection, ids: list[int], postgres: bool) -> list[Any]:
    if postgres and len(ids) > _CHUNK:  # one statement, the ids as one array (driver SQL: no per-id binds)
        connection.execute(text("SET LOCAL jit = off"))  # the ANY(array) estimate is poor and would turn JIT on
        return list(connection.exec_driver_sql(_PG_ASSIGNMENTS_SQL, {"ticket_ids": ids}).all())
    columns = _PG_ASSIGNMENT_COLUMNS if postgres else _ASSIGNMENT_COLUMNS
    query = select(*columns).join(UnitRow, UnitRow.id == AssignmentRow.unit_id)
    found: list[Any] = []
    for start in range(0, len(ids), _CHUNK):
        found.extend(connection.execute(query.where(AssignmentRow.ticket_id.in_(ids[start:start + _CHUNK]))).all())
    return found


# Assignments of an array of ticket ids: one index probe per ticket (a LATERAL subquery kept as such by
# ``OFFSET 0``). Left to itself the planner mis-estimates ``ticket_id = ANY(ids)`` or a join to ``unnest(ids)``
# and scans or merges the whole assignment history (0.25–1.5 s on 1.1M rows). Same columns, names and order
# as ``_ASSIGNMENT_COLUMNS``.
_PG_ASSIGNMENTS_SQL = (
    "SELECT a.id, a.ticket_id, a.role, a.state, a.dispatched_at, a.accept_due_at, a.reply_due_at, a.close_due_at, "
    "a.accepted_at, a.replied_at, a.returned_at, a.pending_extension_hours, u.code, u.name, u.line "
    "FROM unnest(CAST(%(ticket_ids)s AS BIGINT[])) AS wanted(ticket_id) "
    "CROSS JOIN LATERAL (SELECT * FROM assignments WHERE assignments.ticket_id = wanted.ticket_id OFFSET 0) AS a "
    "JOIN units AS u ON u.id = a.unit_id")


class _ItemCache:
    """Duty item code → (name, lead line), kept per catalogue state: a version's items never change, so the
    directory is re-read only when the set of versions changes, and that set is looked at no more than once
    every ``_RECHECK_S`` seconds per database (a newly published version shows its item names within that
    time). Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, tuple[Any, ...]], dict[str, tuple[str, str]]] = {}
        self._checked: dict[str, tuple[float, dict[str, tuple[str, str]]]] = {}

    def get(self, session: Session) -> dict[str, tuple[str, str]]:
        url = str(session.get_bind().engine.url)
        now = time.monotonic()
        with self._lock:
            recent = self._checked.get(url)
        if recent is not None and now - recent[0] < _RECHECK_S:
            return recent[1]
        key = (url, _catalogue_state(session))
        with self._lock:
            cached = self._entries.get(key)
        if cached is not None:
            with self._lock:
                self._checked[url] = (now, cached)
            return cached
        result = session.execute(select(DutyItemRow.code, DutyItemRow.name, DutyItemRow.lead_line)
                                 .order_by(DutyItemRow.version_id)).all()
        directory = {code: (name, line) for code, name, line in result}
        with self._lock:
            if len(self._entries) > 16:
                self._entries.clear()
                self._checked.clear()
            self._entries[key] = directory
            self._checked[url] = (now, directory)
        return directory


def _catalogue_state(session: Session) -> tuple[Any, ...]:
    # Items are only ever inserted together with a new catalogue version (never edited in place), so the
    # list of version ids identifies the directory: one tiny statement per refresh.
    return tuple(session.scalars(select(CatalogVersionRow.id).order_by(CatalogVersionRow.id)))


_ITEMS = _ItemCache()


def item_directory(session: Session) -> dict[str, tuple[str, str]]:
    """Duty item code → (name, lead line), newest catalogue version winning (cached per catalogue state;
    the caller must not modify the returned dict)."""
    return _ITEMS.get(session)


def _ts(value: datetime | None) -> float:
    return value.timestamp() if value is not None else NO_DEADLINE


def next_running_clock(status: str, received_at: datetime, dispatch_due_at: datetime, dispatched_at: datetime | None,
                       closed_at: datetime | None, assignments: Sequence[Any]) -> tuple[str, datetime, datetime] | None:
    """(kind, start, due) of the running clock that falls due first, as ``sla.next_deadline`` decides."""
    if status in CLOSED_STATUSES:
        return None
    running: list[tuple[str, datetime, datetime]] = []
    if dispatched_at is None:
        running.append(("dispatch", received_at, dispatch_due_at))
    lead = None
    for a in assignments:
        if a.state == "withdrawn":
            continue
        stopped = a.returned_at if a.state == "returned" else None
        if (a.accepted_at or stopped) is None:
            running.append(("accept", a.dispatched_at, a.accept_due_at))
        if (a.replied_at or stopped) is None:
            running.append(("reply", a.dispatched_at, a.reply_due_at))
        if a.role == "lead" and a.state != "returned":
            lead = a
    if lead is not None and lead.close_due_at is not None and closed_at is None:
        running.append(("close", received_at, lead.close_due_at))
    if status in (TicketStatus.RETURNED.value, TicketStatus.ARBITRATION.value):
        running = [c for c in running if c[0] in ("dispatch", "close")]
    return min(running, key=lambda c: c[2], default=None)


def _lead(assignments: Sequence[Any]) -> Any:
    for a in reversed(assignments):
        if a.role == "lead" and a.state not in ("withdrawn", "returned"):
            return a
    return None


_SEARCH_KEY = secrets.token_bytes(16)  # per process: keys are compared in memory only, never stored


def phone_search_key(phone: str) -> str:
    """A search token for a complete phone number (any written form), or "" when ``phone`` is not one."""
    digits = phone_digits(phone)
    if digits is None:
        return ""
    return "☎" + hmac.new(_SEARCH_KEY, digits.encode(), hashlib.sha256).hexdigest()[:16]


def _row(t: Any, assignments: Sequence[Any], items: dict[str, tuple[str, str]], masked: bool = False) -> QueueRow:
    (ticket_id, number, version, received_at, kind, channel, urgency, status, district, street, item_code,
     citizen_item_code, claimed_by, claimed_by_name, title, text_head, phone, address, dispatch_due_at,
     dispatched_at, closed_at, return_count, rollback_count, reopen_count, updated_at) = t
    clock = next_running_clock(status, received_at, dispatch_due_at, dispatched_at, closed_at, assignments) \
        if assignments or dispatched_at is not None else ("dispatch", received_at, dispatch_due_at)
    lead = _lead(assignments) if assignments else None
    item_code = item_code or citizen_item_code or ""
    item_name, item_line = items.get(item_code, _NO_ITEM)
    key = phone_search_key(phone) if phone else ""
    if masked:
        title, text_head = mask_cut_text(title or ""), mask_cut_text(text_head or "")
        address = mask_address(address or "")
        phone = mask_phone(phone) if phone else ""
    else:
        phone = _NON_DIGIT.sub("", phone) if phone else ""
    district, street = district or "", street or ""
    blob = " ".join((number, phone, key, title, text_head, address or "", district + street, item_name))
    return QueueRow(
        ticket_id, number, version, received_at.timestamp(), kind, channel, urgency, _RANK.get(urgency, 9), status,
        district, street, item_code, item_name, item_code[:2], lead.line if lead is not None else item_line,
        lead.name if lead is not None else "", lead.code if lead is not None else "", claimed_by,
        claimed_by_name or "", title, clock[0] if clock else "", clock[1].timestamp() if clock else NO_DEADLINE,
        _ts(clock[2] if clock else None), return_count, rollback_count, reopen_count,
        any(a.pending_extension_hours is not None for a in assignments) if assignments else False,
        updated_at.timestamp(), blob.lower(),
    )
