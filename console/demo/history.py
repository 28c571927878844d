"""A realistic history of tickets for demos and benchmarks, written in bulk.

Each ticket is played through the lifecycle on a private timeline (review, dispatch with lead and
co-units, accept, extension, return and arbitration, reply, rating, unsatisfied rollback, reopen, merge),
with delays drawn so that a few per cent breach their deadlines; whatever would happen after ``now`` is
cut off, so recent tickets are open in every state. Deterministic for a given seed and ``now``.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text

from console.db.schema import StaffRow, TicketCounterRow, TicketRow, UnitRow
from console.demo.bulk import TimeFormatter, insert_rows
from console.demo.sealing import SEAL_COLUMNS, event_tail, sealed
from console.demo.texts import citizen_name, citizen_phone, compose, random_place
from console.domain.catalog import DutyItem
from console.domain.enums import Channel, Kind, Rating, ReturnReason, Role, Urgency
from console.domain.numbering import day_key
from console.reference.units import item_unit_codes
from console.services.catalog_store import catalog_at
from console.services.context import ServiceContext

TICKET_COLUMNS = (
    "id", "number", "channel", "kind", "title", "text", "citizen_name", "citizen_phone", "district", "street",
    "address", "lat", "lon", "citizen_item_code", "item_code", "catalog_version", "urgency", "status", "received_at",
    "dispatch_due_at", "dispatched_at", "closed_at", "claimed_by", "claimed_by_name", "claimed_at", "rating",
    "rating_text", "return_count", "reopen_count", "rollback_count", "merged_into_id", "status_before_merge",
    "updated_at", "version")
ASSIGNMENT_COLUMNS = (
    "ticket_id", "unit_id", "role", "state", "dispatched_at", "accept_due_at", "reply_due_at", "close_due_at",
    "accepted_at", "replied_at", "reply_text", "returned_at", "return_reason", "return_text", "extension_hours",
    "pending_extension_hours", "pending_extension_reason", "accept_hours", "reply_hours", "close_hours")
EVENT_COLUMNS = ("ticket_id", "at", "actor_id", "actor_name", "actor_role", "action", "from_status", "to_status",
                 "reason", "data")

DISPATCH_SECONDS = {Urgency.URGENT: 1800, Urgency.FAST: 7200, Urgency.NORMAL: 28800}
KIND_WEIGHTS = ((Kind.COMPLAINT, 0.52), (Kind.CONSULTATION, 0.28), (Kind.HELP, 0.12), (Kind.SUGGESTION, 0.08))
CHANNEL_WEIGHTS = ((Channel.HOTLINE, 0.45), (Channel.APP, 0.3), (Channel.WECHAT, 0.15), (Channel.WEB, 0.08),
                   (Channel.LETTER, 0.02))
HOURLY = (0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.8, 1.3, 1.6, 1.6, 1.4, 1.1, 1.2, 1.5, 1.5, 1.4, 1.3, 1.2, 1.2,
          1.1, 0.9, 0.6, 0.4)
REPLIES = ("已到现场核查，问题已处理完毕，已与市民沟通。", "经核实情况属实，已责令整改并跟进落实。",
           "已联系市民解释相关政策，市民表示理解。", "已安排专人处理，后续将加强巡查。")
CO_REPLY = "协办意见已反馈主办单位"


@dataclass
class HistoryStats:
    tickets: int = 0
    assignments: int = 0
    events: int = 0
    open_tickets: int = 0
    by_status: dict[str, int] = field(default_factory=dict)


@dataclass
class _Unit:
    id: int
    code: str
    handler_id: int | None
    handler_name: str


class _Timeline:
    """One ticket being played: its state, assignment rows and events, stopped at ``now``."""

    def __init__(self, gen: HistoryGenerator, ticket_id: int, t0: int):
        self.g, self.id, self.t = gen, ticket_id, t0
        self.status = "received"
        self.events: list[tuple[Any, ...]] = []
        self.assignments: list[list[Any]] = []
        self.cut = False
        self.dispatched_at: int | None = None
        self.closed_at: int | None = None
        self.rating: str | None = None
        self.rating_text = ""
        self.returns = self.reopens = self.rollbacks = 0

    def at(self, delay: float) -> bool:
        """Advance the clock; False (and cut) when that moment is after now."""
        if self.cut:
            return False
        self.t += max(1, int(delay))
        if self.t > self.g.now:
            self.cut = True
        return not self.cut

    def event(self, actor: tuple[int | None, str, str], action: str, to: str | None = None, reason: str = "",
              data: dict[str, Any] | None = None) -> None:
        before = self.status
        if to:
            self.status = to
        self.events.append((self.id, self.t, actor[0], actor[1], actor[2], action, before,
                            self.status, reason, _json(data) if data else "{}"))


class HistoryGenerator:
    """Fills a database with ``tickets`` tickets received over the ``days`` before ``now``."""

    def __init__(self, ctx: ServiceContext, *, seed: int, now: datetime | None = None):
        self.ctx, self.seed, self.rng = ctx, seed, random.Random(seed)
        self.now_dt = now or ctx.clock.now()
        self.now = int(self.now_dt.timestamp())
        self.fmt = TimeFormatter(ctx.db.dialect)
        self._unit_cache: dict[tuple[str, str, str], tuple[_Unit, list[_Unit]] | None] = {}

    # ------------------------------------------------------------------ set-up
    def _load(self) -> None:
        with self.ctx.db.reader() as s:
            self.catalog = catalog_at(s, self.now_dt)
            units = s.execute(select(UnitRow.id, UnitRow.code)).all()
            handlers = {r.unit_id: (r.id, r.display_name) for r in s.execute(
                select(StaffRow.unit_id, StaffRow.id, StaffRow.display_name)
                .where(StaffRow.role == Role.UNIT_HANDLER.value))}
            self.units = {code: _Unit(uid, code, *handlers.get(uid, (None, "承办人"))) for uid, code in units}
            self.room = [(r.id, r.display_name, r.role) for r in s.execute(
                select(StaffRow.id, StaffRow.display_name, StaffRow.role)
                .where(StaffRow.role.in_([Role.DISPATCHER.value, Role.SUPERVISOR.value])))]
            self.next_id = int(s.scalar(select(func.coalesce(func.max(TicketRow.id), 0))) or 0) + 1
            self.counters = {r.day: r.last for r in s.execute(select(TicketCounterRow.day, TicketCounterRow.last))}
        self.dispatchers = [r for r in self.room if r[2] == Role.DISPATCHER.value] or [(None, "分拨员", "dispatcher")]
        self.supervisors = [r for r in self.room if r[2] == Role.SUPERVISOR.value] or [(None, "值班长", "supervisor")]
        items = [i for i in self.catalog.items if i.active]
        weights = [1.0 / math.sqrt(1 + (n * 7919) % len(items)) for n in range(len(items))]
        self.items, self.item_weights = items, _cumulative(weights)
        self.known = frozenset(self.units)
        self.system = (None, "自动分拨", Role.SYSTEM.value)
        # as in the live flow: the citizen's rating and the close it brings are recorded as 市民评价 (the
        # simulator's actor), the roll-back an unsatisfied rating triggers as 系统 (the domain's)
        self.citizen = (None, "市民评价", Role.SYSTEM.value)
        self.rollback_actor = (None, "系统", Role.SYSTEM.value)
        self.last_by_item: dict[str, tuple[int, int]] = {}

    def _resolve(self, item: DutyItem, district: str, street: str) -> tuple[_Unit, list[_Unit]] | None:
        key = (item.code, district, street)
        if key not in self._unit_cache:
            lead, co = item_unit_codes(item, district, street, self.known)
            self._unit_cache[key] = (self.units[lead], [self.units[c] for c in co]) if lead else None
        return self._unit_cache[key]

    # ------------------------------------------------------------------ generation
    def run(self, tickets: int, days: float, progress: Callable[[int, int], None] | None = None,
            batch: int = 10_000, workers: int | None = None) -> HistoryStats:
        """Generate and insert, one transaction per batch; returns counts.

        Receipt times, ids and numbers are drawn first for the whole history (so numbers follow time);
        batches are then played in worker processes (fork) while this process writes finished batches.
        """
        self._load()
        stats = HistoryStats()
        start = self.now - int(days * 86_400)
        hour_weights = _cumulative(HOURLY)
        moments = sorted(self._moment(start, hour_weights) for _ in range(tickets))
        numbers = self._numbers(moments)
        jobs = [(k, self.next_id + k, moments[k:k + batch], numbers[k:k + batch]) for k in range(0, tickets, batch)]
        self.next_id += tickets
        done = 0
        for rows, assignments, events, tails, by_status in self._played(jobs, workers):
            self._write(rows, assignments, events, tails)
            stats.tickets += len(rows)
            stats.assignments += len(assignments)
            stats.events += len(events)
            for status, n in by_status.items():
                stats.by_status[status] = stats.by_status.get(status, 0) + n
            done += len(rows)
            if progress:
                progress(done, tickets)
        stats.open_tickets = sum(n for s, n in stats.by_status.items() if s not in ("closed", "merged"))
        self._refresh_statistics()
        return stats

    def _refresh_statistics(self) -> None:
        """PostgreSQL: analyse the bulk-loaded tables now, so the first queries are not planned for the empty
        tables autovacuum last saw (a report cursor once rescanned every assignment per ticket that way).
        SQLite keeps no statistics unless asked, and the console's queries are shaped for that."""
        if self.ctx.db.engine.dialect.name != "postgresql":
            return
        with self.ctx.db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE tickets, assignments, events")

    def _numbers(self, moments: list[int]) -> list[str]:
        """Human numbers in time order, continuing each day's counter."""
        day_names: dict[int, str] = {}
        out = []
        for t in moments:
            index = (t + 8 * 3600) // 86_400
            day = day_names.get(index)
            if day is None:
                day = day_names[index] = day_key(datetime.fromtimestamp(index * 86_400 - 8 * 3600 + 1, UTC))
            seq = self.counters.get(day, 0) + 1
            self.counters[day] = seq
            out.append(f"MY{day}{seq:06d}")
        return out

    def _played(self, jobs: list[tuple[int, int, list[int], list[str]]], workers: int | None
                ) -> Iterator[tuple[list[Any], list[Any], list[Any], list[str], dict[str, int]]]:
        count = workers if workers is not None else min(2, os.cpu_count() or 1)
        if count <= 1 or len(jobs) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            yield from map(self._play_batch, jobs)
            return
        global _ACTIVE
        _ACTIVE = self
        try:
            with multiprocessing.get_context("fork").Pool(count) as pool:
                yield from pool.imap(_play_batch_in_worker, jobs)
        finally:
            _ACTIVE = None

    def _play_batch(self, job: tuple[int, int, list[int], list[str]]
                    ) -> tuple[list[Any], list[Any], list[Any], list[str], dict[str, int]]:
        """One batch's rows; on SQLite also the events' audit payload tails (sealed by the writer)."""
        index, first_id, moments, numbers = job
        self.rng = random.Random(f"{self.seed}/{index}")
        self.last_by_item = {}
        rows: list[Any] = []
        assignments: list[Any] = []
        events: list[Any] = []
        tails: list[str] = []
        by_status: dict[str, int] = {}
        fmt = self.fmt
        seal_here = self.ctx.db.is_sqlite
        for offset, (t0, number) in enumerate(zip(moments, numbers, strict=True)):
            ticket, line = self._ticket(first_id + offset, t0, number)
            rows.append(ticket)
            assignments.extend(tuple(a) for a in line.assignments)
            events.extend((e[0], fmt(e[1]), *e[2:]) for e in line.events)
            if seal_here:
                tails.extend(map(event_tail, line.events))
            by_status[line.status] = by_status.get(line.status, 0) + 1
        return rows, assignments, events, tails, by_status

    def _moment(self, start: int, hour_weights: list[float]) -> int:
        """A receipt time in [start, now) following the room's hourly pattern (hours in UTC+8)."""
        rng = self.rng
        base = (start + 8 * 3600) // 86_400 * 86_400 - 8 * 3600
        days = (self.now - base) // 86_400 + 1
        while True:
            t = base + rng.randrange(days) * 86_400 + _pick(hour_weights, rng.random()) * 3600 + rng.randrange(3600)
            if start <= t < self.now:
                return t

    def _ticket(self, ticket_id: int, t0: int, number: str) -> tuple[tuple[Any, ...], _Timeline]:
        rng, fmt = self.rng, self.fmt
        item = self.items[_pick(self.item_weights, rng.random())]
        kind = _weighted(KIND_WEIGHTS, rng.random())
        channel = _weighted(CHANNEL_WEIGHTS, rng.random())
        place = random_place(rng)
        title, body = compose(rng, item, kind, place)
        urgency = item.default_urgency
        if urgency is Urgency.NORMAL and rng.random() < 0.08:
            urgency = Urgency.FAST
        picked = channel is Channel.APP and rng.random() < 0.5
        line = _Timeline(self, ticket_id, t0)
        operator = self.dispatchers[ticket_id % len(self.dispatchers)]
        line.event((operator[0], operator[1], Role.OPERATOR.value), "receive", "received",
                   data={"channel": channel.value, "kind": kind.value, "urgency": urgency.value})
        merged_into = self._play(line, item, urgency, place.district, place.street, picked)
        claimed = None
        if line.status in ("pending_review", "returned", "arbitration") and rng.random() < 0.25:
            claimed = self.dispatchers[rng.randrange(len(self.dispatchers))]
        row = (
            ticket_id, number, channel.value, kind.value, title, body, citizen_name(rng), citizen_phone(rng),
            place.district, place.street, place.address, None, None, item.code if picked else None,
            item.code if line.dispatched_at else None, self.catalog.version, urgency.value, line.status, fmt(t0),
            fmt(t0 + DISPATCH_SECONDS[urgency]), fmt(line.dispatched_at), fmt(line.closed_at),
            claimed[0] if claimed else None, claimed[1] if claimed else "",
            fmt(min(line.t, self.now)) if claimed else None, line.rating, line.rating_text, line.returns,
            line.reopens, line.rollbacks, merged_into, "pending_review" if merged_into else None,
            fmt(min(line.t, self.now)), 1 + len(line.events))
        self.last_by_item[item.code + place.district] = (ticket_id, t0)
        return row, line

    def _delay(self, median: float, late_share: float, limit: float) -> float:
        """A delay around ``median`` seconds; with probability ``late_share`` beyond ``limit``."""
        if self.rng.random() < late_share:
            return limit * (1.05 + self.rng.random() * 0.8)
        return min(limit * 0.97, self.rng.lognormvariate(math.log(median), 0.6))

    def _play(self, line: _Timeline, item: DutyItem, urgency: Urgency, district: str, street: str,
              picked: bool) -> int | None:
        rng = self.rng
        units = self._resolve(item, district, street)
        previous = self.last_by_item.get(item.code + district)
        if previous and line.t - previous[1] < 6 * 3600 and rng.random() < 0.05:
            line.event(self.system, "submit_review", "pending_review", "待人工复核")
            if line.at(rng.uniform(300, 1800)):
                line.event(self.dispatchers[0], "merge", "merged", "同一事件重复反映", {"into": previous[0]})
                return previous[0]
            return None
        automatic = picked and units is not None
        if not automatic:
            line.event(self.system, "submit_review", "pending_review", "无市民选择事项，待人工复核")
        dispatcher = self.dispatchers[rng.randrange(len(self.dispatchers))]
        limit = DISPATCH_SECONDS[urgency]
        delay = rng.uniform(1, 20) if automatic else self._delay(limit * 0.25, 0.03, limit)
        if units is None or not line.at(delay):
            return None
        lead, co = units
        line.dispatched_at = line.t
        actor = self.system if automatic else dispatcher
        data: dict[str, Any] = {"lead": lead.code, "co": [u.code for u in co], "item": item.code}
        if not automatic:
            accepted = rng.random() < 0.85
            suggested = item.code if accepted else self.items[rng.randrange(len(self.items))].code
            data["review"] = {"decision": "accepted" if accepted else "corrected", "suggested_item": suggested,
                              "chosen_item": item.code, "reason": "" if accepted else "建议事项不符"}
        line.event(actor, "dispatch", "dispatched", "", data)
        self._handle(line, item, lead, co, first=True)
        return None

    def _assign(self, line: _Timeline, unit: _Unit, role: str, item: DutyItem) -> list[Any]:
        lim = item.limits
        t = line.t
        close_due = max(line.events[0][1] + int(lim.close_hours * 3600), t + int(lim.reply_hours * 3600))
        row = [line.id, unit.id, role, "dispatched", self.fmt(t), self.fmt(t + int(lim.accept_hours * 3600)),
               self.fmt(t + int(lim.reply_hours * 3600)), self.fmt(close_due) if role == "lead" else None,
               None, None, "", None, None, "", 0.0, None, "", lim.accept_hours, lim.reply_hours, lim.close_hours]
        line.assignments.append(row)
        return row

    def _handle(self, line: _Timeline, item: DutyItem, lead: _Unit, co: list[_Unit], first: bool) -> None:
        rng, fmt = self.rng, self.fmt
        lim = item.limits
        lead_row = self._assign(line, lead, "lead", item)
        co_rows = [self._assign(line, u, "co", item) for u in co]
        handler = (lead.handler_id, lead.handler_name, Role.UNIT_HANDLER.value)
        if not line.at(self._delay(lim.accept_hours * 900, 0.04, lim.accept_hours * 3600)):
            return
        if first and rng.random() < 0.06:   # 退单
            reason = rng.choice(list(ReturnReason))
            lead_row[3], lead_row[11], lead_row[12] = "returned", fmt(line.t), reason.value
            lead_row[13] = "该事项不属于本单位职责范围" if reason is not ReturnReason.OTHER else "地址不详，无法核实"
            for r in co_rows:
                r[3] = "withdrawn"
            line.returns += 1
            line.event(handler, "return", "returned", lead_row[13], {"unit": lead.code, "code": reason.value})
            twice = rng.random() < 0.2
            if twice:
                line.returns += 1
                line.event(self.system, "escalate_return", "arbitration", "已退单 2 次，转值班长仲裁")
            if not line.at(rng.uniform(900, 5400)):
                return
            alternative = self.units.get(f"{lead.code.split('/')[0]}/district_gov") or lead
            who = self.supervisors[rng.randrange(len(self.supervisors))] if twice else self.dispatchers[0]
            line.event(who, "arbitrate" if twice else "dispatch", "dispatched",
                       "仲裁：由属地区政府牵头处理" if twice else "改派", {"lead": alternative.code})
            self._handle(line, item, alternative, [], first=False)
            return
        lead_row[3], lead_row[8] = "accepted", fmt(line.t)
        line.event(handler, "accept", "accepted", "", {"unit": lead.code})
        for unit, r in zip(co, co_rows, strict=True):
            r[3], r[8] = "accepted", fmt(line.t)
            line.event((unit.handler_id, unit.handler_name, Role.UNIT_HANDLER.value), "accept", None, "",
                       {"unit": unit.code, "role": "co"})
        reply_limit = lim.reply_hours * 3600
        if rng.random() < 0.04:   # 延期
            if not line.at(reply_limit * 0.3):
                return
            hours = rng.choice((24.0, 48.0, 72.0))
            lead_row[15], lead_row[16] = hours, "需协调多个部门现场处置"
            line.event(handler, "request_extension", None, lead_row[16], {"unit": lead.code, "hours": hours})
            if not line.at(rng.uniform(600, 7200)):
                return
            lead_row[14], lead_row[15], lead_row[16] = hours, None, ""
            reply_limit += hours * 3600
            lead_row[6] = fmt(int(line.dispatched_at or line.t) + int(reply_limit))
            line.event(self.supervisors[0], "approve_extension", None, "同意延期", {"unit": lead.code, "hours": hours})
        if line.status == "accepted" and line.at(rng.uniform(60, 1800)):
            line.event(handler, "start_handling", "handling", "", {"unit": lead.code})
        for unit, r in zip(co, co_rows, strict=True):
            if line.t < self.now and rng.random() < 0.8:
                r[3], r[9], r[10] = "replied", fmt(line.t), CO_REPLY
                line.events.append((line.id, line.t, unit.handler_id, unit.handler_name, Role.UNIT_HANDLER.value,
                                    "reply", line.status, line.status, "",
                                    _json({"unit": unit.code, "role": "co", "text": CO_REPLY})))
        if not line.at(self._delay(reply_limit * 0.35, 0.05, reply_limit)):
            return
        text = rng.choice(REPLIES)
        lead_row[3], lead_row[9], lead_row[10] = "replied", fmt(line.t), text
        line.event(handler, "reply", "replied", "", {"unit": lead.code, "text": text})
        self._rate_and_close(line, item, lead, lead_row, handler)

    def _rate_and_close(self, line: _Timeline, item: DutyItem, lead: _Unit, lead_row: list[Any],
                        handler: tuple[int | None, str, str]) -> None:
        rng, fmt = self.rng, self.fmt
        if not line.at(rng.uniform(1800, 4 * 3600)):
            return
        roll = rng.random()
        rating = Rating.SATISFIED if roll < 0.93 else Rating.BASICALLY_SATISFIED if roll < 0.975 else Rating.UNSATISFIED
        line.rating = rating.value
        line.event(self.citizen, "rate", None, "问题没有解决" if rating is Rating.UNSATISFIED else "",
                   {"rating": rating.value})
        if rating is Rating.UNSATISFIED and line.rollbacks == 0:
            line.rating_text = "问题没有解决"
            line.rollbacks += 1
            line.event(self.rollback_actor, "rollback", "handling", "市民评价不满意：问题没有解决", {"unit": lead.code})
            lead_row[3], lead_row[9] = "accepted", None
            lead_row[6] = fmt(line.t + int(item.limits.reply_hours * 3600))
            if not line.at(self._delay(item.limits.reply_hours * 1200, 0.05, item.limits.reply_hours * 3600)):
                return
            lead_row[3], lead_row[9] = "replied", fmt(line.t)
            line.event(handler, "reply", "replied", "", {"unit": lead.code, "text": "已再次到现场处理"})
            self._rate_and_close(line, item, lead, lead_row, handler)
            return
        line.closed_at = line.t
        line.event(self.citizen, "close", "closed", "市民已评价")
        if line.reopens == 0 and rng.random() < 0.005 and line.at(rng.uniform(86_400, 4 * 86_400)):
            line.reopens += 1
            line.closed_at, line.rating = None, None
            line.event(self.dispatchers[0], "reopen", "dispatched", "问题再次出现（回潮）")
            lead_row[3] = "withdrawn"
            unit = next(u for u in self.units.values() if u.id == lead_row[1])
            self._handle(line, item, unit, [], first=False)

    # ------------------------------------------------------------------ writing
    def _write(self, tickets: list[tuple[Any, ...]], assignments: list[tuple[Any, ...]],
               events: list[tuple[Any, ...]], tails: list[str]) -> None:
        """One batch in one transaction; SQLite events are inserted sealed, PostgreSQL's trigger seals COPY."""
        with self.ctx.db.engine.begin() as connection:
            columns: tuple[str, ...] = EVENT_COLUMNS
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("PRAGMA cache_size=-262144")
                events, columns = sealed(connection, events, tails), EVENT_COLUMNS + SEAL_COLUMNS
            insert_rows(connection, "tickets", TICKET_COLUMNS, tickets)
            insert_rows(connection, "assignments", ASSIGNMENT_COLUMNS, assignments)
            insert_rows(connection, "events", columns, events)
            self._save_counters(connection)

    def _save_counters(self, connection: Any) -> None:
        dialect = connection.dialect.name
        rows = [{"day": d, "last": n} for d, n in self.counters.items()]
        upsert = ("INSERT INTO ticket_counters (day, last) VALUES (:day, :last) ON CONFLICT (day) DO UPDATE SET "
                  "last = CASE WHEN excluded.last > ticket_counters.last THEN excluded.last "
                  "ELSE ticket_counters.last END")
        connection.execute(text(upsert), rows)
        if dialect == "postgresql":
            connection.execute(text("SELECT setval(pg_get_serial_sequence('tickets', 'id'), "
                                    "(SELECT max(id) FROM tickets))"))


def _cumulative(weights: list[float] | tuple[float, ...]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return [x / total for x in out]


def _pick(cumulative: list[float], r: float) -> int:
    import bisect

    return min(bisect.bisect_left(cumulative, r), len(cumulative) - 1)


def _weighted(pairs: tuple[tuple[Any, float], ...], r: float) -> Any:
    acc = 0.0
    for value, weight in pairs:
        acc += weight
        if r < acc:
            return value
    return pairs[-1][0]


_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_ACTIVE: HistoryGenerator | None = None


def _play_batch_in_worker(job: tuple[int, int, list[int], list[str]]
                          ) -> tuple[list[Any], list[Any], list[Any], list[str], dict[str, int]]:
    """Runs in a forked worker: plays one batch with the parent's generator (no database access)."""
    assert _ACTIVE is not None
    return _ACTIVE._play_batch(job)
