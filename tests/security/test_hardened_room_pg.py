"""A hardened PostgreSQL room, driven through the real services with each staff member's own login:
the actor comes from the server session, unit handlers see only their unit's tickets, personal data is
masked by role in every read, and no staff login can touch a base table."""

from __future__ import annotations

from dataclasses import replace

import psycopg
import pytest
from sqlalchemy import select, text

from console.db.schema import EventRow, TicketRow
from console.domain.enums import Urgency
from console.domain.errors import DomainError
from console.queries.queue import QueueScope, load_queue
from console.services import citizen_loop, triage, unit_desk
from console.services.intake import NewTicket, intake
from tests.security.conftest import NOISE_ITEM, HardenedRoom

pytestmark = pytest.mark.postgres
PHONE = "13812345678"


def _receive(room: HardenedRoom, district: str, text_: str = "工地半夜施工，吵得睡不着") -> int:
    ctx = room.ctx_for("op01")
    changed = intake(ctx, room.people["op01"], NewTicket(text=f"{text_}，回电{PHONE}", citizen_name="张三丰",
                                                          citizen_phone=PHONE, district=district,
                                                          citizen_item_code=NOISE_ITEM))
    return changed.ticket_ids[0]


def test_lifecycle_through_staff_logins_records_the_server_side_actor(hardened: HardenedRoom) -> None:
    ticket = _receive(hardened, "福田区")
    ha = hardened.ctx_for("ha")
    unit_desk.accept(ha, hardened.people["ha"], ticket)
    unit_desk.reply(ha, hardened.people["ha"], ticket, "已责令停工")
    citizen_loop.close(hardened.ctx_for("disp01"), hardened.people["disp01"], ticket)
    with hardened.backend.ctx.db.reader() as s:  # the DBA's view of the base table
        events = s.scalars(select(EventRow).where(EventRow.ticket_id == ticket).order_by(EventRow.id)).all()
        row = s.get(TicketRow, ticket)
    assert row is not None and row.status == "closed" and row.citizen_phone == PHONE
    by_action = {e.action: e for e in events}
    assert by_action["receive"].actor_name == "赵受理" and by_action["receive"].actor_role == "operator"
    # The automatic dispatch ran inside the operator's transaction: recorded as the operator, with the
    # stated system actor kept beside it.
    assert by_action["dispatch"].actor_role == "operator"
    assert by_action["dispatch"].data["stated_actor"]["role"] == "system"
    assert by_action["accept"].actor_name == "甲单位承办人"
    assert by_action["close"].actor_name == "王分拨"


def test_a_unit_handler_sees_only_its_units_tickets_masked(hardened: HardenedRoom) -> None:
    mine, theirs = _receive(hardened, "福田区"), _receive(hardened, "罗湖区")
    ha = hardened.people["ha"]
    rows = load_queue(hardened.staff_db("ha"), QueueScope(unit_id=ha.unit_id))
    assert [r.id for r in rows] == [mine]
    rows_everything = load_queue(hardened.staff_db("ha"), QueueScope())
    assert [r.id for r in rows_everything] == [mine]
    with hardened.raw("ha") as connection:  # a hand-made connection with the handler's credentials
        seen = connection.execute("SELECT id, citizen_name, citizen_phone, text FROM tickets").fetchall()
        assert [r[0] for r in seen] == [mine]
        assert seen[0][1] == "张**" and seen[0][2] == "138****5678"
        assert PHONE not in seen[0][3] and "138****5678" in seen[0][3]
        assert connection.execute("SELECT count(*) FROM events WHERE ticket_id = %s", (theirs,)).fetchone()[0] == 0
        assert connection.execute("SELECT count(*) FROM assignments WHERE ticket_id = %s", (theirs,)).fetchone()[0] == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("SELECT * FROM public.tickets")
        assert connection.execute("UPDATE tickets SET status = 'accepted' WHERE id = %s", (theirs,)).rowcount == 0
    with pytest.raises(DomainError):
        unit_desk.accept(hardened.ctx_for("ha"), ha, theirs)


def test_personal_data_is_masked_by_role(hardened: HardenedRoom) -> None:
    ticket = _receive(hardened, "福田区")
    for username, expected in (("op01", PHONE), ("sup01", PHONE), ("disp01", "138****5678"),
                               ("admin1", "138****5678"), ("ha", "138****5678")):
        with hardened.raw(username) as connection:
            phone = connection.execute("SELECT citizen_phone FROM tickets WHERE id = %s", (ticket,)).fetchone()[0]
        assert phone == expected, username


def test_revealing_needs_a_reason_and_is_recorded(hardened: HardenedRoom) -> None:
    ticket = _receive(hardened, "福田区")
    with hardened.raw("ha") as connection:
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            connection.execute("SELECT * FROM reveal_personal_data(%s, '')", (ticket,))
        revealed = connection.execute("SELECT citizen_phone FROM reveal_personal_data(%s, '回访核实')",
                                      (ticket,)).fetchone()[0]
        assert revealed == PHONE
        logged = connection.execute("SELECT actor_name, reason FROM events WHERE ticket_id = %s "
                                    "AND action = 'reveal_personal_data'", (ticket,)).fetchall()
        assert logged == [("甲单位承办人", "回访核实")]
    with hardened.raw("hb") as connection, pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute("SELECT * FROM reveal_personal_data(%s, '好奇')", (ticket,))


def test_the_window_reveal_path_in_a_hardened_room(hardened: HardenedRoom) -> None:
    from console.queries.detail import ticket_detail
    from console.services.personal_data import reveal_personal_data

    ticket = _receive(hardened, "福田区")
    ctx, ha = hardened.ctx_for("ha"), hardened.people["ha"]
    before = ticket_detail(ctx, ticket, ha.role, unit_id=ha.unit_id)
    assert before.citizen_phone == "138****5678" and PHONE not in before.text
    assert ticket_detail(ctx, ticket, ha.role, reveal=True, unit_id=ha.unit_id).citizen_phone != PHONE  # no record
    contact = reveal_personal_data(ctx, ha, ticket, "回访市民")
    assert contact.citizen_phone == PHONE and contact.citizen_name == "张三丰"
    after = ticket_detail(ctx, ticket, ha.role, reveal=True, unit_id=ha.unit_id)
    assert after.citizen_phone == PHONE and PHONE in after.text
    with hardened.raw("ha") as connection:
        reveals = connection.execute("SELECT count(*) FROM events WHERE action = 'reveal_personal_data'")
        assert reveals.fetchone()[0] == 1


def test_signing_in_with_a_wrong_password_is_refused_and_counted(hardened: HardenedRoom) -> None:
    from console.db.engine import Database
    from console.domain.errors import PermissionDenied
    from console.services.room_login import sign_in

    gate = Database(hardened.gate_url)
    ctx = replace(hardened.backend.ctx, db=gate, gate=gate, router=None, on_sign_in=None)
    try:
        with pytest.raises(PermissionDenied, match="用户名或密码错误"):
            sign_in(ctx, "disp01", "wrong-password")  # the server trusts the network; the Argon2id check refuses
        with hardened.backend.ctx.db.reader() as s:
            assert s.execute(text("SELECT failed_logins FROM staff WHERE username = 'disp01'")).scalar() == 1
        actor = sign_in(ctx, "disp01", "room-pass-1")
        assert actor.name == "王分拨" and ctx.db is not gate
    finally:
        ctx.db.dispose()
        gate.dispose()


def test_a_forged_actor_is_replaced_by_the_session_user(hardened: HardenedRoom) -> None:
    ticket = _receive(hardened, "福田区")
    sup = hardened.people["sup01"]
    with hardened.raw("disp01") as connection:
        connection.execute(
            "INSERT INTO events (ticket_id, at, actor_id, actor_name, actor_role, action, reason, data) "
            "VALUES (%s, now(), %s, %s, 'supervisor', 'note', '冒名', '{}')", (ticket, sup.staff_id, sup.name))
        row = connection.execute("SELECT actor_name, actor_role, data FROM events WHERE reason = '冒名'").fetchone()
    assert row[0] == "王分拨" and row[1] == "dispatcher"
    assert row[2]["stated_actor"]["name"] == "孙值班长"


def test_rules_hold_for_hand_made_writes(hardened: HardenedRoom) -> None:
    ticket = _receive(hardened, "福田区")
    sup = hardened.people["sup01"]
    with hardened.raw("ha") as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # room decisions are not the unit's
            connection.execute("UPDATE tickets SET urgency = 'urgent' WHERE id = %s", (ticket,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # not a unit handler's transition
            connection.execute("UPDATE tickets SET status = 'closed' WHERE id = %s", (ticket,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("DELETE FROM events")
    with hardened.raw("disp01") as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # citizens' data is fixed at intake
            connection.execute("UPDATE tickets SET citizen_phone = '1' WHERE id = %s", (ticket,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # only supervisors assign to others
            connection.execute("UPDATE tickets SET claimed_by = %s WHERE id = %s", (sup.staff_id, ticket))
        for statement in ("UPDATE events SET reason = 'x'", "TRUNCATE events", "TRUNCATE public.events",
                          "UPDATE staff SET role = 'supervisor'", "SELECT password_hash FROM public.staff"):
            with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.WrongObjectType)):
                connection.execute(statement)
        assert connection.execute("SELECT DISTINCT password_hash FROM staff").fetchall() == [("",)]
    triage.change_urgency(hardened.ctx_for("disp01"), hardened.people["disp01"], ticket, Urgency.URGENT, "高考期间")


def test_gate_locks_an_account_after_repeated_failures(hardened: HardenedRoom) -> None:
    from console.db.engine import Database
    from console.db.hardening.login import LoginRefused, locked_until, open_staff_database, report_failure

    gate = Database(hardened.gate_url)
    try:
        assert locked_until(gate, "disp01") is None
        results = [report_failure(gate, "disp01") for _ in range(5)]
        assert results[:4] == [None] * 4 and results[4] is not None
        assert locked_until(gate, "disp01") == results[4]
        with pytest.raises(LoginRefused):  # NOLOGIN: the server refuses even the right password
            open_staff_database(hardened.gate_url, "disp01", "room-pass-1")
        with hardened.backend.ctx.db.engine.begin() as connection:  # the lock ends
            connection.execute(text("UPDATE staff SET locked_until = now() - interval '1 second' "
                                    "WHERE username = 'disp01'"))
        assert locked_until(gate, "disp01") is None
        db, who = open_staff_database(hardened.gate_url, "disp01", "room-pass-1")
        db.dispose()
        assert who.username == "disp01"
        with hardened.backend.ctx.db.reader() as s:
            actions = s.execute(text("SELECT action FROM events WHERE ticket_id IS NULL ORDER BY id")).scalars().all()
        assert actions.count("login_failed") == 5 and "account_locked" in actions and actions[-1] == "login"
        with gate.engine.connect() as connection, pytest.raises(Exception, match="permission denied"):
            connection.execute(text("SELECT count(*) FROM dc_api.tickets"))
    finally:
        gate.dispose()
