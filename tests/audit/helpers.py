"""Helpers for the audit tests: a short real history, and tampering as an attacker with database rights
(PostgreSQL: superuser with ``session_replication_role = replica``, which skips every trigger; SQLite: a
separate program on the file that drops the guard triggers)."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import select

from console.audit.verify import Report, verify
from console.db.schema import EventRow
from console.services import triage, unit_desk
from console.services.intake import NewTicket, intake
from tests.conftest import Room

NOISE_ITEM = "030102"


def history(room: Room, tickets: int = 3) -> list[int]:
    """``tickets`` tickets through real services (intake, claim, note, dispatch, accept, reply)."""
    ids = []
    for n in range(tickets):
        request = NewTicket(text=f"园岭街道工地半夜施工|第{n}次\\反映", district="福田区", street="园岭",
                            citizen_phone="13812345678", citizen_name="张三")
        ticket_id = intake(room.ctx, room.operator, request).ticket_ids[0]
        triage.claim(room.ctx, room.dispatcher, ticket_id)
        triage.add_note(room.ctx, room.dispatcher, ticket_id, "备注：含|竖线和\\反斜杠")
        triage.dispatch(room.ctx, room.dispatcher, ticket_id, item_code=NOISE_ITEM)
        handler = room.handler("福田区/ecology")
        unit_desk.accept(room.ctx, handler, ticket_id)
        unit_desk.reply(room.ctx, handler, ticket_id, "已处理")
        ids.append(ticket_id)
    return ids


def events_by_seq(room: Room) -> list[tuple[int, int, int | None]]:
    """``(chain_seq, id, ticket_id)`` of every sealed event, in chain order."""
    with room.ctx.db.reader() as s:
        return [tuple(r) for r in s.execute(select(EventRow.chain_seq, EventRow.id, EventRow.ticket_id)
                                            .where(EventRow.chain_seq.is_not(None)).order_by(EventRow.chain_seq))]


def check(room: Room) -> Report:
    return verify(room.ctx.db)


def tamper(room: Room, *statements: str, params: dict[str, Any] | None = None) -> None:
    """Run ``statements`` (``:name`` parameters) as an attacker bypassing the guards, outside the app."""
    url = room.ctx.db.url
    if room.ctx.db.is_sqlite:
        connection = sqlite3.connect(url.split("sqlite:///", 1)[1])
        try:
            connection.execute("DROP TRIGGER IF EXISTS events_sealed_rows_fixed")
            connection.execute("DROP TRIGGER IF EXISTS events_no_delete")
            for statement in statements:
                connection.execute(statement, params or {})
            connection.commit()
        finally:
            connection.close()
        return
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        connection.execute("SET session_replication_role = replica")
        for statement in statements:
            connection.execute(_pyformat(statement), params or {})
        connection.commit()


def _pyformat(statement: str) -> str:
    import re

    return re.sub(r"(?<!:):(\w+)", r"%(\1)s", statement)
