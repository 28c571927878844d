"""SQLite: the demo's bulk events arrive sealed (``console.audit.chain``), so nothing is left to seal at
commit. The payload tails are rendered in the worker processes; the writer only numbers and links them.

PostgreSQL needs none of this: the seal trigger seals the rows of ``COPY`` too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, select, update

from console.audit.chain import extend, payload_tail
from console.db.schema import AuditChainRow, EventRow

SEAL_COLUMNS = ("id", "chain_seq", "hash")


def event_tail(event: Sequence[Any]) -> str:
    """The payload tail of a demo event ``(ticket_id, at epoch seconds, actor_id, actor_name, actor_role,
    action, from_status, to_status, reason, data JSON text)``; the demo stores no request id."""
    return payload_tail((event[0], event[1] * 1_000_000, *event[2:10], None))


def sealed(connection: Connection, events: list[tuple[Any, ...]], tails: list[str]) -> list[tuple[Any, ...]]:
    """``events`` with ids, chain positions and hashes appended (columns ``SEAL_COLUMNS``), continuing the
    chain head; advances the head. Call inside the write transaction that inserts them (BEGIN IMMEDIATE:
    no other writer can take ids or move the head until it commits)."""
    if not events:
        return events
    head = connection.execute(select(AuditChainRow.seq, AuditChainRow.hash).where(AuditChainRow.id == 1)).one()
    first_id = int(connection.scalar(select(func.coalesce(func.max(EventRow.id), 0))) or 0) + 1
    seals = extend(head.seq, head.hash, first_id, tails)
    last = seals[-1]
    connection.execute(update(AuditChainRow).where(AuditChainRow.id == 1).values(seq=last[1], hash=last[2]))
    return [event + seal for event, seal in zip(events, seals, strict=True)]
