"""SQLite: seal the events a transaction inserted, at its commit, in the same transaction.

One trusted workstation: writers are serialised by ``BEGIN IMMEDIATE`` (``console.db.engine``), so the
chain head read at commit cannot move underneath us. ``install`` hooks an engine: at each ``BEGIN
IMMEDIATE`` it notes the highest event id; at commit it seals, in id order, the rows above that id still
without a seal (ORM, Core and raw-driver inserts alike) and advances the head. Rows written by anything
else (another program on the file) are not sealed by the application and show up in ``audit verify``.
Rows that arrive already sealed (the demo generator seals its bulk rows itself) are left alone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event, select, update

from console.audit.chain import link
from console.audit.rendering import rendered_columns, row_payload
from console.db.schema import AuditChainRow, EventRow

_START = "audit_first_unsealed_after"


def install(engine: Engine) -> None:
    """Register the begin/commit hooks on a SQLite ``engine`` (after its ``BEGIN IMMEDIATE`` hook)."""
    event.listen(engine, "begin", _note_start)
    event.listen(engine, "commit", _seal_at_commit)


def has_audit_chain(connection: Connection) -> bool:
    """Whether the schema has the chain yet (migration 0007); before it there is nothing to seal."""
    return connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_chain'").first() is not None


def _note_start(connection: Connection) -> None:
    connection.info.pop(_START, None)
    if connection.get_execution_options().get("sqlite_begin", "IMMEDIATE") != "IMMEDIATE":
        return
    if has_audit_chain(connection):
        connection.info[_START] = connection.exec_driver_sql("SELECT coalesce(max(id), 0) FROM events").scalar()


def _seal_at_commit(connection: Connection) -> None:
    after = connection.info.pop(_START, None)
    if after is not None and has_audit_chain(connection):  # (a downgrade may have removed it meanwhile)
        seal_unsealed(connection, after_id=after)


def seal_unsealed(connection: Connection, *, after_id: int = 0) -> int:
    """Seal the unsealed events with ``id > after_id`` in id order, in ``connection``'s open transaction,
    and advance the head; returns how many. The caller must hold the write lock (``BEGIN IMMEDIATE``)."""
    e = EventRow
    rows = connection.execute(select(*rendered_columns("sqlite"))
                              .where(e.id > after_id, e.chain_seq.is_(None)).order_by(e.id)).all()
    if not rows:
        return 0
    seq, previous = connection.execute(select(AuditChainRow.seq, AuditChainRow.hash)
                                       .where(AuditChainRow.id == 1)).one()
    seals: list[tuple[Any, ...]] = []
    for row in rows:
        seq += 1
        previous = link(previous, row_payload(seq, row))
        seals.append((seq, previous, row[0]))
    raw = connection.connection.driver_connection
    raw.executemany("UPDATE events SET chain_seq = ?, hash = ? WHERE id = ?", seals)  # type: ignore[union-attr]
    connection.execute(update(AuditChainRow).where(AuditChainRow.id == 1).values(seq=seq, hash=previous))
    return len(seals)
