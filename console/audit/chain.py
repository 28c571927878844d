"""The one definition of the audit chain's payload and link (mirrored once in SQL by migration 0007).

``hash_n = sha256_hex(hash_{n-1} + "|" + payload_n)`` with ``hash_0 = GENESIS_HASH``. The payload is the
fields of one event, in this order, each rendered by ``field`` and joined with ``|``::

    chain_seq | id | ticket_id | at | actor_id | actor_name | actor_role | action | from_status |
    to_status | reason | data | request_id

``at`` is integer epoch microseconds (UTC); ``data`` is the JSON text as the database renders it
(``jsonb::text`` on PostgreSQL, the stored text on SQLite). ``field`` renders NULL as ``\\N`` and escapes
``\\`` and ``|`` inside text, so the rendering is unambiguous: a backslash in text always becomes
``\\\\``, hence ``\\N`` can only mean NULL, and an unescaped ``|`` always separates two fields.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

GENESIS_SEQ = 0
GENESIS_HASH = "0" * 64
NULL = "\\N"
TAIL_FIELDS = ("ticket_id", "at", "actor_id", "actor_name", "actor_role", "action", "from_status", "to_status",
               "reason", "data", "request_id")
"""The payload fields after ``chain_seq`` and ``id``, in payload order."""

_EPOCH = datetime(1970, 1, 1)  # naive UTC, like SQLite's stored text


def field(value: object) -> str:
    """One payload field: NULL → ``\\N``, integers in decimal, text with ``\\`` and ``|`` escaped."""
    if value is None:
        return NULL
    text = str(value)  # int → decimal; a str is returned as is
    if "\\" in text or "|" in text:
        return text.replace("\\", "\\\\").replace("|", "\\|")
    return text


def payload_tail(values: Sequence[object]) -> str:
    """The rendered ``TAIL_FIELDS`` (``values`` in that order, ``at`` already in epoch microseconds)."""
    if len(values) != len(TAIL_FIELDS):
        raise ValueError(f"expected {len(TAIL_FIELDS)} values, got {len(values)}")
    return "|".join([field(v) for v in values])


def payload(chain_seq: int, event_id: int, tail: str) -> str:
    """The whole payload of the event ``event_id`` at position ``chain_seq`` (both never NULL once sealed,
    integers render as themselves); ``tail`` from ``payload_tail``."""
    return f"{chain_seq:d}|{event_id:d}|{tail}"


def link(previous_hash: str, event_payload: str) -> str:
    """``sha256_hex(previous_hash + "|" + payload)`` over UTF-8."""
    return hashlib.sha256(f"{previous_hash}|{event_payload}".encode()).hexdigest()


def extend(head_seq: int, head_hash: str, first_id: int, tails: Iterable[str]) -> list[tuple[int, int, str]]:
    """Seal events with consecutive ids from ``first_id`` after the head: ``[(id, chain_seq, hash), ...]``."""
    out = []
    seq, previous, event_id = head_seq, head_hash, first_id
    for tail in tails:
        seq += 1
        previous = link(previous, payload(seq, event_id, tail))
        out.append((event_id, seq, previous))
        event_id += 1
    return out


def epoch_micros(value: object) -> int | None:
    """``at`` as integer epoch microseconds UTC, from an int (already micros), an aware or naive-UTC
    datetime, or SQLite's stored text (``YYYY-MM-DD HH:MM:SS[.ffffff]``, naive UTC)."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        raise TypeError(f"cannot read a time from {value!r}")
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    delta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
