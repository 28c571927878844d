"""Concurrent writers on PostgreSQL: 8 threads × 50 real intakes at once keep one linear chain
(``chain_seq`` 1..N, verify OK, 0 forks). In the same run each thread also keeps a naive chain — head read
without a lock, hash computed in Python, appended after the thread's action — which forks, proving the
test can see the bug (RELIABILITY.md: about 200 forks naive)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text

from console.audit.chain import GENESIS_HASH, link, payload, payload_tail
from console.db.schema import EventRow
from console.domain.enums import Role
from console.domain.ticket import Actor
from console.services.accounts import NewStaff, add_staff
from console.services.intake import NewTicket, intake
from tests.audit.helpers import check
from tests.conftest import Room

pytestmark = pytest.mark.postgres
THREADS, ACTIONS = 8, 50


def test_concurrent_writers_keep_one_chain_and_the_naive_chain_forks(pg_room: Room) -> None:
    ctx = pg_room.ctx
    engine = ctx.db.engine
    with engine.begin() as c:
        c.execute(text("CREATE TABLE naive_chain (seq bigint, prev text, hash text)"))
    operators = [Actor(add_staff(ctx, NewStaff(f"audit_op{n:02d}", f"受理{n:02d}", Role.OPERATOR, "pw1234")),
                       f"受理{n:02d}", Role.OPERATOR) for n in range(THREADS)]
    barrier = threading.Barrier(THREADS)

    def naive_head() -> tuple[int, str]:
        with engine.connect() as c:
            row = c.execute(text("SELECT seq, hash FROM naive_chain ORDER BY seq DESC LIMIT 1")).first()
        return (row.seq, row.hash) if row else (0, GENESIS_HASH)

    def work(actor: Actor) -> int:
        barrier.wait()
        for n in range(ACTIONS):
            seq, previous = naive_head()                      # not serialised: the bug under test
            request = NewTicket(text=f"{actor.name}第{n}次反映：夜间施工噪声", district="福田区", street="园岭",
                                citizen_phone="13812345678")
            ticket_id = intake(ctx, actor, request).ticket_ids[0]
            tail = payload_tail((ticket_id, 0, actor.staff_id, actor.name, "operator", "receive", None, None, "",
                                 "{}", None))
            with engine.begin() as c:
                c.execute(text("INSERT INTO naive_chain VALUES (:s, :p, :h)"),
                          {"s": seq + 1, "p": previous, "h": link(previous, payload(seq + 1, ticket_id, tail))})
        return ACTIONS

    with ThreadPoolExecutor(THREADS) as pool:
        assert sum(pool.map(work, operators)) == THREADS * ACTIONS

    with ctx.db.reader() as s:
        seqs = list(s.scalars(select(EventRow.chain_seq).order_by(EventRow.chain_seq)))
        receives = s.scalar(select(func.count()).where(EventRow.action == "receive"))
        naive_rows, naive_links = s.execute(text("SELECT count(*), count(DISTINCT prev) FROM naive_chain")).one()
    assert receives == THREADS * ACTIONS
    assert seqs == list(range(1, len(seqs) + 1))                   # contiguous, no NULL, no fork
    report = check(pg_room)
    assert report.ok and report.events == len(seqs), report.problem
    forks = naive_rows - naive_links
    print(f"\nsealed chain: {len(seqs)} events, 0 forks; naive chain: {naive_rows} links, {forks} forks")
    assert naive_rows == THREADS * ACTIONS and forks > 0
