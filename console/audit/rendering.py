"""Events as the database renders them, for sealing and verifying: the same columns on both databases.

``at`` is read as epoch microseconds computed by PostgreSQL (exactly what the seal trigger hashes) or as
SQLite's stored text; ``data`` as its text (``jsonb::text`` / the stored JSON text). No ORM conversion
touches either, so a hash covers what is stored, not what Python would re-serialise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, String, Text, cast, extract, type_coerce
from sqlalchemy.orm import QueryableAttribute

from console.audit.chain import epoch_micros, payload, payload_tail
from console.db.schema import EventRow


def rendered_columns(dialect: str) -> list[ColumnElement[Any] | QueryableAttribute[Any]]:
    """``id`` then the ``chain.TAIL_FIELDS`` of ``events``, rendered by the database ``dialect``."""
    e = EventRow
    if dialect == "postgresql":
        at: ColumnElement[Any] = cast(extract("epoch", e.at) * 1_000_000, BigInteger)
    else:
        at = type_coerce(e.at, String)
    return [e.id, e.ticket_id, at, e.actor_id, e.actor_name, e.actor_role, e.action, e.from_status, e.to_status,
            e.reason, cast(e.data, Text), e.request_id]


def row_payload(chain_seq: int, row: Sequence[Any]) -> str:
    """The payload of a row selected with ``rendered_columns`` (``row[0]`` is the id)."""
    tail = list(row[1:])
    tail[1] = epoch_micros(tail[1])
    return payload(chain_seq, row[0], payload_tail(tail))
