"""Races against the real PostgreSQL server.

Claiming: 20 threads pull from 500 waiting tickets with ``claim_next`` (``FOR UPDATE SKIP LOCKED``) and
never claim a ticket twice; the naive read-then-update claim, run the same way, does — which proves the
test can see a double claim. Numbering: concurrent intakes never draw the same number.
"""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select, update

from console.db.schema import EventRow, TicketRow
from console.db.uow import UnitOfWork
from console.demo.history import HistoryGenerator
from console.domain.enums import Role
from console.domain.ticket import Actor
from console.services.accounts import NewStaff, add_staff
from console.services.intake import NewTicket, intake
from console.services.triage import claim_next
from tests.conftest import Room

pytestmark = pytest.mark.postgres
THREADS, TICKETS = 20, 500


def _fill(room: Room, tickets: int) -> None:
    with UnitOfWork(room.ctx.db) as uow:
        uow.session.execute(update(TicketRow).values(claimed_by=None))
        uow.commit()
    HistoryGenerator(room.ctx, seed=7).run(tickets, days=0.02, workers=1)
    with UnitOfWork(room.ctx.db) as uow:   # every ticket waits for the room
        uow.session.execute(update(TicketRow).values(status="pending_review", claimed_by=None, claimed_by_name=""))
        uow.commit()


def _claimers(room: Room) -> list[Actor]:
    actors = []
    for n in range(THREADS):
        staff_id = add_staff(room.ctx, NewStaff(f"claimer{n:02d}", f"分拨{n:02d}", Role.DISPATCHER, "pw1234"))
        actors.append(Actor(staff_id, f"分拨{n:02d}", Role.DISPATCHER))
    return actors


def _run(workers: list[Actor], work) -> list[int]:  # type: ignore[no-untyped-def]
    claimed: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(workers))

    def loop(actor: Actor) -> None:
        barrier.wait()
        while True:
            got = work(actor)
            if got is None:
                return
            with lock:
                claimed.append(got)

    with ThreadPoolExecutor(len(workers)) as pool:
        list(pool.map(loop, workers))
    return claimed


def test_claim_next_never_double_claims(pg_room: Room) -> None:
    _fill(pg_room, TICKETS)
    actors = _claimers(pg_room)

    def safe(actor: Actor) -> int | None:
        changed = claim_next(pg_room.ctx, actor)
        return changed.ticket_ids[0] if changed.ticket_ids else None

    claimed = _run(actors, safe)
    doubles = [t for t, n in Counter(claimed).items() if n > 1]
    assert len(claimed) == TICKETS and doubles == []
    with pg_room.ctx.db.reader() as s:
        claim_events = s.scalars(select(EventRow.ticket_id).where(EventRow.action == "claim")).all()
        assert sorted(claim_events) == sorted(claimed)
        assert s.scalar(select(TicketRow.id).where(TicketRow.claimed_by.is_(None))) is None


def test_naive_claim_is_seen_double_claiming(pg_room: Room) -> None:
    _fill(pg_room, TICKETS)
    actors = _claimers(pg_room)

    def naive(actor: Actor) -> int | None:
        with UnitOfWork(pg_room.ctx.db) as uow:
            ticket_id = uow.session.scalar(select(TicketRow.id).where(TicketRow.claimed_by.is_(None))
                                           .order_by(TicketRow.id).limit(1))
            if ticket_id is None:
                return None
            uow.session.execute(update(TicketRow).where(TicketRow.id == ticket_id)
                                .values(claimed_by=actor.staff_id))
            uow.commit()
            return int(ticket_id)

    claimed = _run(actors, naive)
    doubles = [t for t, n in Counter(claimed).items() if n > 1]
    assert doubles, "the naive claim should double-claim under 20 threads; the race test cannot see the bug"


def test_concurrent_intake_draws_unique_consecutive_numbers(pg_room: Room) -> None:
    def take(n: int) -> str:
        return intake(pg_room.ctx, pg_room.operator, NewTicket(text=f"并发受理 {n}")).numbers[0]

    with ThreadPoolExecutor(16) as pool:
        numbers = list(pool.map(take, range(160)))
    assert len(set(numbers)) == 160
    assert sorted(int(n[-6:]) for n in numbers) == list(range(1, 161))
