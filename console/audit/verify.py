"""Check the audit chain: recompute every seal from the rows as the database stores them.

``verify(db)`` streams ``events`` in ``chain_seq`` order (server-side cursor on PostgreSQL, the driver's
lazy cursor on SQLite: constant memory) inside one read-only snapshot, and returns a ``Report``: OK with
the figures, or the FIRST problem found, in this order of checks:

1. along the chain: ``missing`` (a gap in ``chain_seq``: events deleted, or renumbered) or ``modified``
   (the recomputed hash differs from the stored one: the row was changed, or forged with a wrong seal);
2. ``unsealed``: a row without ``chain_seq``/``hash`` (inserted with the seal trigger bypassed or by a
   program other than the application);
3. the head in ``audit_chain``: ``deleted_tail`` (head ahead of the last row) or ``head_mismatch``.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, select

from console.audit.chain import GENESIS_HASH, GENESIS_SEQ, link
from console.audit.rendering import rendered_columns, row_payload
from console.db.engine import Database
from console.db.schema import AuditChainRow, EventRow, TicketRow

BATCH = 20_000


class ChainMissing(RuntimeError):
    """The database has no audit chain (schema older than migration 0007)."""


@dataclass(frozen=True)
class Problem:
    """The first problem. ``kind``: modified | missing | unsealed | deleted_tail | head_mismatch.

    ``chain_seq``/``event_id``/``ticket_*`` name the bad (or, for ``missing``, the first surviving) event;
    ``missing_from``..``missing_to`` the absent positions; hashes are given where they were compared."""

    kind: str
    chain_seq: int | None = None
    event_id: int | None = None
    ticket_id: int | None = None
    ticket_number: str | None = None
    missing_from: int | None = None
    missing_to: int | None = None
    stored_hash: str | None = None
    expected_hash: str | None = None


@dataclass(frozen=True)
class Report:
    """What ``verify`` found: ``ok`` with the counts, else ``problem``."""

    events: int
    last_seq: int
    head_seq: int
    head_hash: str
    seconds: float
    problem: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def events_per_second(self) -> float:
        return self.events / self.seconds if self.seconds > 0 else 0.0

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"ok": self.ok, "events": self.events, "last_seq": self.last_seq,
                               "head_seq": self.head_seq, "head_hash": self.head_hash,
                               "seconds": round(self.seconds, 3), "events_per_second": round(self.events_per_second)}
        out["problem"] = {k: v for k, v in asdict(self.problem).items() if v is not None} if self.problem else None
        return out


def verify(db: Database, *, batch: int = BATCH) -> Report:
    """Walk the whole chain of ``db`` (see the module docstring); raises ``ChainMissing`` before 0007."""
    started = time.perf_counter()
    with _snapshot(db) as connection:
        head = connection.execute(select(AuditChainRow.seq, AuditChainRow.hash).where(AuditChainRow.id == 1)
                                  ).first()
        if head is None:
            raise ChainMissing("audit_chain has no head row")
        count, last_seq, last_hash, problem = _walk(connection, batch)
        if problem is None:
            problem = _unsealed(connection)
        if problem is None:
            problem = _head_problem(head.seq, head.hash, last_seq, last_hash)
        if problem is not None and problem.ticket_id is not None:
            number = connection.scalar(select(TicketRow.number).where(TicketRow.id == problem.ticket_id))
            problem = Problem(**{**asdict(problem), "ticket_number": number})
    return Report(count, last_seq, head.seq, head.hash, time.perf_counter() - started, problem)


def _snapshot(db: Database) -> Connection:
    """One read-only snapshot: a deferred transaction on SQLite, REPEATABLE READ on PostgreSQL."""
    from sqlalchemy import inspect

    if "audit_chain" not in inspect(db.engine).get_table_names():
        raise ChainMissing("no audit_chain table: upgrade the database first")
    if db.is_sqlite:
        return db.engine.connect().execution_options(sqlite_begin="DEFERRED")
    return db.engine.connect().execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)


def _walk(connection: Connection, batch: int) -> tuple[int, int, str, Problem | None]:
    """Recompute the chain in order; returns (rows checked, last seq, last hash, first problem)."""
    e = EventRow
    query = (select(e.chain_seq, e.hash, *rendered_columns(connection.dialect.name))
             .where(e.chain_seq.is_not(None)).order_by(e.chain_seq))
    result = connection.execution_options(stream_results=True, yield_per=batch).execute(query)
    expected, previous, count = GENESIS_SEQ + 1, GENESIS_HASH, 0
    try:
        for row in result:
            seq, stored, rest = row[0], row[1], row[2:]
            if seq != expected:
                return count, expected - 1, previous, Problem(
                    "missing", seq, rest[0], rest[1], missing_from=expected, missing_to=seq - 1)
            computed = link(previous, row_payload(seq, rest))
            if computed != stored:
                return count, expected - 1, previous, Problem(
                    "modified", seq, rest[0], rest[1], stored_hash=stored, expected_hash=computed)
            previous, expected, count = stored, expected + 1, count + 1
    finally:
        result.close()
    return count, expected - 1, previous, None


def _unsealed(connection: Connection) -> Problem | None:
    row = connection.execute(select(EventRow.id, EventRow.ticket_id).where(EventRow.chain_seq.is_(None))
                             .order_by(EventRow.id).limit(1)).first()
    return Problem("unsealed", None, row.id, row.ticket_id) if row else None


def _head_problem(head_seq: int, head_hash: str, last_seq: int, last_hash: str) -> Problem | None:
    if head_seq > last_seq:
        return Problem("deleted_tail", head_seq, missing_from=last_seq + 1, missing_to=head_seq,
                       stored_hash=head_hash)
    if head_seq != last_seq or head_hash != last_hash:
        return Problem("head_mismatch", last_seq, stored_hash=head_hash, expected_hash=last_hash)
    return None
