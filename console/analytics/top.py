"""The week's top problems: the most frequent duty items per district, per category and per lead unit, with
the previous period for comparison. Three ``GROUP BY`` queries per period; reading only.

Tickets not yet routed to a duty item (intake still to be triaged) are not a problem: they never rank.
They stay in the totals (a district's volume is every ticket received there) and are counted apart as
``unrouted`` so the reader sees how much of the total is not yet classified; they form no category."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.db.schema import AssignmentRow, TicketRow, UnitRow
from console.domain.catalog import Catalog
from console.services.catalog_store import catalog_at

NO_ITEM = "（未定事项）"


@dataclass(frozen=True, slots=True)
class Problem:
    item_code: str | None
    item_name: str
    category: str
    count: int
    previous: int

    @property
    def change(self) -> int:
        return self.count - self.previous


@dataclass(frozen=True, slots=True)
class ProblemGroup:
    """One district, category or unit: its total and its top problems."""

    key: str
    label: str
    total: int
    previous_total: int
    problems: tuple[Problem, ...]
    unrouted: int = 0  # tickets of ``total`` without a duty item (not ranked)


@dataclass(frozen=True, slots=True)
class TopProblems:
    since: datetime
    until: datetime
    overall: tuple[Problem, ...]
    by_district: tuple[ProblemGroup, ...]
    by_category: tuple[ProblemGroup, ...]
    by_unit: tuple[ProblemGroup, ...]
    unrouted: int = 0  # tickets of the period without a duty item (not ranked)
    total: int = 0  # every ticket of the period (the city's volume), unrouted included
    previous_total: int = 0


def top_problems(session: Session, since: datetime, until: datetime, *, per_group: int = 5,
                 groups: int | None = None) -> TopProblems:
    """Top problems of [``since``, ``until``) compared with the period of the same length just before."""
    previous_since = since - (until - since)
    catalog = catalog_at(session, until)
    now_place, now_unit = _counts(session, since, until)
    old_place, old_unit = _counts(session, previous_since, since)
    units = dict(session.execute(select(UnitRow.id, UnitRow.name)).all())

    def category(code: str | None) -> str:
        return _category_name(catalog, code)

    overall_now: dict[str | None, int] = defaultdict(int)
    overall_old: dict[str | None, int] = defaultdict(int)
    district_now: dict[str, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    district_old: dict[str, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    category_now: dict[str, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    category_old: dict[str, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    for source, overall, by_district, by_category in ((now_place, overall_now, district_now, category_now),
                                                      (old_place, overall_old, district_old, category_old)):
        for (district, code), n in source.items():
            code = code or None
            overall[code] += n
            by_district[district or "（未知区）"][code] += n
            if code is not None:
                by_category[category(code)][code] += n
    unit_now: dict[str, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    unit_old: dict[str, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    for unit_source, target in ((now_unit, unit_now), (old_unit, unit_old)):
        for (unit_id, code), n in unit_source.items():
            target[str(unit_id)][code or None] += n

    def problems(now: dict[str | None, int], old: dict[str | None, int]) -> tuple[Problem, ...]:
        routed = [(code, n) for code, n in now.items() if code is not None]
        ranked = sorted(routed, key=lambda kv: (-kv[1], kv[0] or ""))[:per_group]
        return tuple(Problem(code, _item_name(catalog, code), category(code), n, old.get(code, 0))
                     for code, n in ranked)

    def grouped(now: dict[str, dict[str | None, int]], old: dict[str, dict[str | None, int]],
                label: Iterable[tuple[str, str]] | None = None) -> tuple[ProblemGroup, ...]:
        labels = dict(label or ())
        out = [ProblemGroup(key, labels.get(key, key), sum(now[key].values()), sum(old.get(key, {}).values()),
                            problems(now[key], old.get(key, {})), now[key].get(None, 0)) for key in now]
        out.sort(key=lambda g: (-g.total, g.key))
        return tuple(out[:groups] if groups else out)

    return TopProblems(since, until, problems(overall_now, overall_old), grouped(district_now, district_old),
                       grouped(category_now, category_old),
                       grouped(unit_now, unit_old, ((str(k), v) for k, v in units.items())),
                       overall_now.get(None, 0), sum(overall_now.values()), sum(overall_old.values()))


def week_of(until: datetime) -> tuple[datetime, datetime]:
    """The seven days ending at ``until``."""
    return until - timedelta(days=7), until


def _counts(session: Session, since: datetime, until: datetime
            ) -> tuple[dict[tuple[str | None, str | None], int], dict[tuple[int, str | None], int]]:
    in_period = (TicketRow.received_at >= since, TicketRow.received_at < until, TicketRow.status != "merged")
    place = {(d, c): n for d, c, n in session.execute(
        select(TicketRow.district, TicketRow.item_code, func.count()).where(*in_period)
        .group_by(TicketRow.district, TicketRow.item_code))}
    unit = {(u, c): n for u, c, n in session.execute(
        select(AssignmentRow.unit_id, TicketRow.item_code, func.count(func.distinct(TicketRow.id)))
        .join(TicketRow, TicketRow.id == AssignmentRow.ticket_id)
        .where(*in_period, AssignmentRow.role == "lead")
        .group_by(AssignmentRow.unit_id, TicketRow.item_code))}
    return place, unit


def _item_name(catalog: Catalog, code: str | None) -> str:
    item = catalog.get(code)
    return item.name if item else (code or NO_ITEM)


def _category_name(catalog: Catalog, code: str | None) -> str:
    if not code:
        return NO_ITEM
    for category in catalog.categories:
        if category.code == code[:2]:
            return category.name
    return code[:2]
