"""``audit verify`` on both databases: a clean chain after real service calls is OK; every kind of tampering
(an edited reason, data or actor; a deleted middle event; deleted last events; a forged unsealed event)
is reported as the first bad event, and the CLI exits 1."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from console.cli.main import main
from console.db.schema import EventRow, TicketRow
from console.services import triage
from tests.audit.helpers import check, events_by_seq, history, tamper
from tests.conftest import Room


def _number(room: Room, ticket_id: int | None) -> str | None:
    with room.ctx.db.reader() as s:
        return s.scalar(select(TicketRow.number).where(TicketRow.id == ticket_id))


def test_a_chain_written_by_the_services_verifies(room: Room) -> None:
    history(room)
    chain = events_by_seq(room)
    assert [seq for seq, _, _ in chain] == list(range(1, len(chain) + 1))
    assert [event_id for _, event_id, _ in chain] == sorted(event_id for _, event_id, _ in chain)
    report = check(room)
    assert report.ok, report.problem
    assert report.events == report.last_seq == report.head_seq == len(chain) > 10


@pytest.mark.parametrize("edit", [
    "UPDATE events SET reason = '已核实' WHERE id = :id",
    "UPDATE events SET data = '{\"forged\": true}' WHERE id = :id",
    "UPDATE events SET actor_name = '孙值班长', actor_role = 'supervisor' WHERE id = :id",
])
def test_an_edited_event_is_named(room: Room, edit: str) -> None:
    history(room)
    seq, event_id, ticket_id = events_by_seq(room)[4]
    tamper(room, edit, params={"id": event_id})
    report = check(room)
    assert report.problem is not None and report.problem.kind == "modified"
    assert (report.problem.chain_seq, report.problem.event_id) == (seq, event_id)
    assert report.problem.ticket_number == _number(room, ticket_id) is not None
    assert report.events == seq - 1


def test_a_deleted_middle_event_is_a_gap(room: Room) -> None:
    history(room)
    chain = events_by_seq(room)
    tamper(room, "DELETE FROM events WHERE id = :id", params={"id": chain[6][1]})
    problem = check(room).problem
    assert problem is not None and problem.kind == "missing"
    assert (problem.missing_from, problem.missing_to) == (7, 7)
    assert (problem.chain_seq, problem.event_id) == (8, chain[7][1])


def test_deleted_last_events_leave_the_head_ahead(room: Room) -> None:
    history(room)
    chain = events_by_seq(room)
    tamper(room, "DELETE FROM events WHERE chain_seq > :keep", params={"keep": len(chain) - 2})
    report = check(room)
    assert report.problem is not None and report.problem.kind == "deleted_tail"
    assert (report.problem.missing_from, report.problem.missing_to) == (len(chain) - 1, len(chain))
    assert report.last_seq == len(chain) - 2


def test_a_forged_unsealed_event_is_named_even_after_later_real_work(room: Room) -> None:
    ticket_id = history(room, tickets=1)[0]
    tamper(room, "INSERT INTO events (ticket_id, at, actor_name, actor_role, action, reason, data) "
                 "VALUES (:t, :at, '孙值班长', 'supervisor', 'note', '伪造', '{}')",
           params={"t": ticket_id, "at": "2026-11-24 02:00:00"})
    triage.add_note(room.ctx, room.dispatcher, ticket_id, "之后的正常操作")   # sealed; the forgery is not
    with room.ctx.db.reader() as s:
        forged = s.scalar(select(EventRow.id).where(EventRow.reason == "伪造"))
    report = check(room)
    assert report.problem is not None and report.problem.kind == "unsealed"
    assert report.problem.event_id == forged and report.problem.ticket_number == _number(room, ticket_id)
    assert report.events == report.last_seq == len(events_by_seq(room))


def test_cli_exit_codes_json_and_chinese_text(room: Room, capsys: pytest.CaptureFixture[str]) -> None:
    history(room, tickets=1)
    url = room.ctx.db.url
    assert main(["--db", url, "audit", "verify", "--json"]) == 0
    ok = json.loads(capsys.readouterr().out)
    assert ok["ok"] is True and ok["events"] == ok["head_seq"] > 0 and ok["problem"] is None
    seq, event_id, ticket_id = events_by_seq(room)[2]
    tamper(room, "UPDATE events SET reason = '改过' WHERE id = :id", params={"id": event_id})
    assert main(["audit", "verify", "--db", url]) == 1
    text = capsys.readouterr().out
    assert "审计链被篡改" in text and f"链序号 {seq}" in text and str(_number(room, ticket_id)) in text
    assert main(["--db", url, "audit", "verify", "--json"]) == 1
    bad = json.loads(capsys.readouterr().out)["problem"]
    assert bad["kind"] == "modified" and bad["event_id"] == event_id
