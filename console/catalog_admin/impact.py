"""Impact preview: which tickets would be led by a different unit under a candidate version of the list.

For every ticket with an item, in two scopes — tickets still open, and tickets received in the last ``days``
days — the lead is computed with the item of the version the ticket was routed with, and again with the
candidate's item (following moves by ``code_map``). Tickets are grouped in SQL by (version, item, district,
street), so the cost is one aggregate query per scope plus one query for examples, whatever the number of
tickets. Reading only; the candidate need not be stored.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from console.catalog_admin.diff import diff_catalogs
from console.db.schema import TicketRow, UnitRow
from console.domain.catalog import Catalog
from console.reference.units import lead_unit_code
from console.services.catalog_store import catalog_at, load_version

CLOSED = ("closed", "merged")
REVIEW = "（待人工复核）"


@dataclass(frozen=True, slots=True)
class LeadShift:
    """Tickets whose lead would move from ``old_unit`` to ``new_unit`` (``None``: to manual review)."""

    old_unit: str | None
    old_name: str
    new_unit: str | None
    new_name: str
    open_count: int
    recent_count: int


@dataclass(frozen=True, slots=True)
class UnitImpact:
    """Per unit: tickets it would lose and gain, in each scope."""

    unit: str
    name: str
    open_lost: int
    open_gained: int
    recent_lost: int
    recent_gained: int


@dataclass(frozen=True, slots=True)
class ImpactExample:
    number: str
    received_at: datetime
    status: str
    item_code: str
    district: str | None
    street: str | None
    old_unit: str | None
    new_unit: str | None
    title: str


@dataclass(frozen=True, slots=True)
class ImpactPreview:
    """The preview of ``candidate_version`` at ``at``; counts are tickets (a ticket can be in both scopes)."""

    candidate_version: str
    at: datetime
    days: int
    open_with_item: int
    open_changed: int
    recent_with_item: int
    recent_changed: int
    open_without_item: int
    shifts: tuple[LeadShift, ...]
    units: tuple[UnitImpact, ...]
    examples: tuple[ImpactExample, ...]
    seconds: float

    def summary(self) -> str:
        return (f"版本 {self.candidate_version}：在办工单 {self.open_with_item} 张中 {self.open_changed} 张"
                "将改由其他单位主办；"
                f"近 {self.days} 天工单 {self.recent_with_item} 张中 {self.recent_changed} 张将改变主办单位"
                f"（另有 {self.open_without_item} 张在办工单未定事项，不计）")


def preview_impact(session: Session, candidate: Catalog, *, at: datetime, days: int = 30,
                   code_map: Mapping[str, str] | None = None, examples: int = 20) -> ImpactPreview:
    """The impact of ``candidate`` on tickets open at ``at`` and received in the ``days`` days before ``at``.

    ``code_map`` maps old item codes to candidate codes (moved items); by default it comes from the diff
    between the version in effect at ``at`` and the candidate.
    """
    started = time.perf_counter()
    if code_map is None:
        code_map = diff_catalogs(catalog_at(session, at), candidate).code_map()
    units = dict(session.execute(select(UnitRow.code, UnitRow.name).where(UnitRow.active)).all())
    known = frozenset(units)
    is_open = TicketRow.status.not_in(CLOSED)
    recent = TicketRow.received_at >= at - timedelta(days=days)
    open_groups, recent_groups, open_without = _groups(session, is_open, recent)
    fallback = catalog_at(session, at).version
    leads: dict[tuple[str, str, str | None, str | None], tuple[str | None, str | None]] = {}

    def shift(key: tuple[str, str, str | None, str | None]) -> tuple[str | None, str | None]:
        if key not in leads:
            version, code, district, street = key
            old = _version(session, version or fallback).get(code)
            new = candidate.get(code_map.get(code, code))
            leads[key] = (lead_unit_code(old, district, street, known), lead_unit_code(new, district, street, known))
        return leads[key]

    pairs: Counter[tuple[str | None, str | None]] = Counter()
    recent_pairs: Counter[tuple[str | None, str | None]] = Counter()
    for groups, counter in ((open_groups, pairs), (recent_groups, recent_pairs)):
        for key, count in groups.items():
            old, new = shift(key)
            if old != new:
                counter[(old, new)] += count
    def name(code: str | None) -> str:
        return units.get(code, code) if code else REVIEW

    shifts = tuple(sorted((LeadShift(o, name(o), n, name(n), pairs[(o, n)], recent_pairs[(o, n)])
                           for o, n in pairs.keys() | recent_pairs.keys()),
                          key=lambda s: (-s.open_count, -s.recent_count, s.old_unit or "", s.new_unit or "")))
    per_unit: dict[str, list[int]] = {}
    for s in shifts:
        for code, index_open, index_recent in ((s.old_unit, 0, 2), (s.new_unit, 1, 3)):
            if code is None:
                continue
            tally = per_unit.setdefault(code, [0, 0, 0, 0])
            tally[index_open] += s.open_count
            tally[index_recent] += s.recent_count
    unit_rows = tuple(sorted((UnitImpact(code, name(code), *t) for code, t in per_unit.items()),
                             key=lambda u: (-(u.open_lost + u.open_gained + u.recent_lost + u.recent_gained), u.unit)))
    changed_keys = [k for k, (o, n) in leads.items() if o != n]
    sample = _examples(session, changed_keys, leads, is_open, recent, examples)
    return ImpactPreview(candidate.version, at, days, sum(open_groups.values()), sum(pairs.values()),
                         sum(recent_groups.values()), sum(recent_pairs.values()), int(open_without), shifts,
                         unit_rows, sample, round(time.perf_counter() - started, 3))


def preview_version(session: Session, version: str, *, at: datetime, days: int = 30) -> ImpactPreview:
    """The impact of a stored (typically future) version, compared with what routes tickets at ``at``."""
    return preview_impact(session, load_version(session, version), at=at, days=days)


def _version(session: Session, version: str) -> Catalog:
    return load_version(session, version)


Groups = dict[tuple[str, str, str | None, str | None], int]


def _groups(session: Session, is_open: ColumnElement[bool], recent: ColumnElement[bool]
            ) -> tuple[Groups, Groups, int]:
    """Ticket counts per (version, item, district, street), open and recent, plus the open tickets without an
    item — in one scan of the table."""
    open_flag = case((is_open, 1), else_=0).label("open_flag")
    recent_flag = case((recent, 1), else_=0).label("recent_flag")
    query = (select(TicketRow.catalog_version, TicketRow.item_code, TicketRow.district, TicketRow.street,
                    func.sum(open_flag), func.sum(recent_flag))
             .where(or_(is_open, recent))
             .group_by(TicketRow.catalog_version, TicketRow.item_code, TicketRow.district, TicketRow.street))
    opened: Groups = {}
    received: Groups = {}
    without = 0
    for v, c, d, s, n_open, n_recent in session.execute(query):
        if c is None:
            without += int(n_open or 0)
            continue
        key = (v or "", c, d, s)
        if n_open:
            opened[key] = int(n_open)
        if n_recent:
            received[key] = int(n_recent)
    return opened, received, without


def _examples(session: Session, keys: list[tuple[str, str, str | None, str | None]],
              leads: Mapping[tuple[str, str, str | None, str | None], tuple[str | None, str | None]],
              is_open: ColumnElement[bool], recent: ColumnElement[bool], limit: int) -> tuple[ImpactExample, ...]:
    if not keys or limit <= 0:
        return ()
    codes = sorted({k[1] for k in keys})
    rows = session.execute(
        select(TicketRow.number, TicketRow.received_at, TicketRow.status, TicketRow.item_code, TicketRow.district,
               TicketRow.street, TicketRow.catalog_version, TicketRow.title)
        .where(TicketRow.item_code.in_(codes), or_(is_open, recent))
        .order_by(TicketRow.received_at.desc()).limit(limit * 50)).all()
    out: list[ImpactExample] = []
    per_pair: Counter[tuple[str | None, str | None]] = Counter()
    wanted = set(keys)
    for r in rows:
        key = (r.catalog_version or "", r.item_code, r.district, r.street)
        if key not in wanted:
            continue
        old, new = leads[key]
        if per_pair[(old, new)] >= max(1, limit // 4):
            continue
        per_pair[(old, new)] += 1
        out.append(ImpactExample(r.number, r.received_at, r.status, r.item_code, r.district, r.street, old, new,
                                 r.title))
        if len(out) >= limit:
            break
    return tuple(out)
