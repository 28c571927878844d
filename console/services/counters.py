"""Human ticket numbers drawn from a per-day counter with one atomic upsert (safe under concurrency)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from console.db.schema import TicketCounterRow
from console.domain.numbering import day_key, format_number


def next_number(session: Session, received_at: datetime) -> str:
    """The next ``MY…`` number for a ticket received at ``received_at``; locks the day's counter row
    until the caller's transaction ends, so two concurrent intakes never draw the same number."""
    day = day_key(received_at)
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (insert(TicketCounterRow).values(day=day, last=1)
                 .on_conflict_do_update(index_elements=["day"], set_={"last": TicketCounterRow.last + 1})
                 .returning(TicketCounterRow.last))
    return format_number(day, int(session.execute(statement).scalar_one()))
