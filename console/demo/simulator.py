"""A live stream for demos: new tickets arrive (Poisson, ``rate_per_hour``), other dispatchers clear old
reviews, units accept, return, ask for extensions and reply, citizens rate. Everything goes through the
services, so every change is an ordinary event that every open console sees."""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import Row, select

from console.db.schema import AssignmentRow, EventRow, StaffRow, TicketRow
from console.demo.texts import citizen_name, citizen_phone, compose, random_place
from console.domain.enums import AssignmentState, Channel, Kind, Rating, ReturnReason, Role, TicketStatus
from console.domain.errors import DomainError
from console.domain.ticket import Actor
from console.services import citizen_loop, intake, triage, unit_desk
from console.services.catalog_store import catalog_at
from console.services.context import ServiceContext

KINDS = (Kind.COMPLAINT, Kind.COMPLAINT, Kind.CONSULTATION, Kind.HELP, Kind.SUGGESTION)


class Simulator:
    """Drives the services at a steady pace. ``step(seconds)`` is deterministic for a seed and a clock."""

    def __init__(self, ctx: ServiceContext, *, rate_per_hour: float, seed: int | None = None):
        self.ctx, self.rate = ctx, rate_per_hour
        self.rng = random.Random(seed)
        self.counts: Counter[str] = Counter()
        with ctx.db.reader() as s:
            self.catalog = catalog_at(s, ctx.clock.now())
            staff = s.execute(select(StaffRow.id, StaffRow.display_name, StaffRow.role, StaffRow.unit_id)
                              .where(StaffRow.active)).all()
        self.handlers = {r.unit_id: Actor(r.id, r.display_name, Role.UNIT_HANDLER, r.unit_id)
                         for r in staff if r.role == Role.UNIT_HANDLER.value}
        self.operators = [Actor(r.id, r.display_name, Role.OPERATOR) for r in staff if r.role == "operator"]
        self.dispatchers = [Actor(r.id, r.display_name, Role.DISPATCHER) for r in staff if r.role == "dispatcher"]
        if not self.operators or not self.dispatchers:
            raise DomainError("模拟需要受理员和分拨员账号：请先运行 dispatch-console demo")

    def run(self, duration: float | None = None, tick: float = 1.0) -> dict[str, int]:
        """Step once per ``tick`` seconds of wall time until ``duration`` (forever if None) or Ctrl+C."""
        started = time.monotonic()
        try:
            while duration is None or time.monotonic() - started < duration:
                self.step(tick)
                time.sleep(tick)
        except KeyboardInterrupt:
            pass
        return dict(self.counts)

    def step(self, seconds: float) -> None:
        """What happens in ``seconds``: arrivals, then room and unit work in proportion."""
        expected = self.rate * seconds / 3600
        arrivals = self._poisson(expected)
        for _ in range(arrivals):
            self._arrive()
        for _ in range(self._poisson(expected * 0.6)):
            self._clear_review()
        for _ in range(self._poisson(expected * 2.4)):
            self._unit_work()
        for _ in range(self._poisson(expected * 0.9)):
            self._citizen()

    def _poisson(self, mean: float) -> int:
        count, threshold, product = 0, pow(2.718281828459045, -mean), self.rng.random()
        while product > threshold:
            count += 1
            product *= self.rng.random()
        return count

    def _try(self, name: str, call: Callable[..., object], *args: Any, **kwargs: Any) -> None:
        try:
            call(self.ctx, *args, **kwargs)
            self.counts[name] += 1
        except DomainError:
            self.counts[f"{name}_refused"] += 1

    def _arrive(self) -> None:
        rng = self.rng
        item = rng.choice(self.catalog.items)
        kind = rng.choice(KINDS)
        place = random_place(rng)
        title, text = compose(rng, item, kind, place)
        picked = rng.random() < 0.35
        request = intake.NewTicket(
            text=text, kind=kind, channel=Channel.APP if picked else rng.choice(list(Channel)), title=title,
            citizen_name=citizen_name(rng), citizen_phone=citizen_phone(rng),
            district=place.district if picked or rng.random() < 0.5 else None,
            street=place.street if picked else None, address=place.address,
            citizen_item_code=item.code if picked else None)
        self._try("received", intake.intake, rng.choice(self.operators), request)

    def _pick(self, query: Any, limit: int = 50) -> list[Row[Any]]:
        with self.ctx.db.reader() as s:
            return list(s.execute(query.limit(limit)).all())

    def _clear_review(self) -> None:
        """Other dispatchers in the room take the oldest reviews older than ten minutes."""
        cutoff = self.ctx.clock.now() - timedelta(minutes=10)
        rows = self._pick(select(TicketRow.id).where(TicketRow.status == TicketStatus.PENDING_REVIEW.value,
                                                     TicketRow.claimed_by.is_(None), TicketRow.received_at < cutoff)
                          .order_by(TicketRow.received_at), 5)
        if not rows:
            return
        ticket_id = self.rng.choice(rows).id
        with self.ctx.db.reader() as s:
            data = s.scalars(select(EventRow.data).where(EventRow.ticket_id == ticket_id,
                                                         EventRow.action == "submit_review")
                             .order_by(EventRow.id.desc()).limit(1)).first() or {}
        item = data.get("suggested_item") or self.rng.choice(self.catalog.items).code
        self._try("dispatched", triage.dispatch, self.rng.choice(self.dispatchers), ticket_id, item_code=item)

    def _unit_work(self) -> None:
        rows = self._pick(select(AssignmentRow.ticket_id, AssignmentRow.unit_id, AssignmentRow.state,
                                 AssignmentRow.role, AssignmentRow.pending_extension_hours)
                          .where(AssignmentRow.state.in_([AssignmentState.DISPATCHED.value,
                                                          AssignmentState.ACCEPTED.value]))
                          .order_by(AssignmentRow.id.desc()), 80)
        if not rows:
            return
        row = self.rng.choice(rows)
        actor = self.handlers.get(row.unit_id)
        if actor is None:
            return
        roll = self.rng.random()
        if row.state == AssignmentState.DISPATCHED.value:
            if row.role == "lead" and roll < 0.04:
                self._try("returned", unit_desk.return_ticket, actor, row.ticket_id,
                          self.rng.choice(list(ReturnReason)), "经核查不属于本单位职责")
            else:
                self._try("accepted", unit_desk.accept, actor, row.ticket_id)
        elif row.role == "lead" and roll < 0.03 and row.pending_extension_hours is None:
            self._try("extension_requested", unit_desk.request_extension, actor, row.ticket_id, 48,
                      "需协调多个部门现场处置")
        else:
            self._try("replied", unit_desk.reply, actor, row.ticket_id, "已到现场核查处理，并与市民沟通。")

    def _citizen(self) -> None:
        rows = self._pick(select(TicketRow.id).where(TicketRow.status == TicketStatus.REPLIED.value)
                          .order_by(TicketRow.id.desc()), 30)
        if not rows:
            return
        ticket_id = self.rng.choice(rows).id
        roll = self.rng.random()
        rating = Rating.SATISFIED if roll < 0.9 else Rating.BASICALLY_SATISFIED if roll < 0.96 else Rating.UNSATISFIED
        system = Actor.system("市民评价")
        self._try("rated", citizen_loop.rate, system, ticket_id, rating, "问题没有解决" if rating is Rating.UNSATISFIED
                  else "")
        if rating is not Rating.UNSATISFIED:
            self._try("closed", citizen_loop.close, system, ticket_id, "市民已评价")
