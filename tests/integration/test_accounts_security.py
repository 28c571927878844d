"""Account security on SQLite and PostgreSQL: lockout after repeated failures with a doubling, capped
back-off; a success resets; a locked account refuses even the right password (saying until when, in room
time); every failure, lock, success and password change is an event row without the password; password
rules; only an administrator resets another account's password."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from console.db.schema import EventRow, StaffRow
from console.domain.enums import Role
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.services import accounts
from console.services.accounts import AccountLocked, NewStaff, add_staff, authenticate

PASSWORD = "pw1234"
WRONG = "not-the-password-9"


def _events(room: Any, *actions: str) -> list[EventRow]:
    with room.ctx.db.reader() as s:
        query = select(EventRow).where(EventRow.ticket_id.is_(None)).order_by(EventRow.id)
        if actions:
            query = query.where(EventRow.action.in_(actions))
        return list(s.scalars(query))


def _staff(room: Any, username: str) -> StaffRow:
    with room.ctx.db.reader() as s:
        row = s.scalars(select(StaffRow).where(StaffRow.username == username)).one()
        s.expunge(row)
        return row


def _fail(room: Any, username: str = "disp01", times: int = 1) -> None:
    for _ in range(times):
        with pytest.raises(PermissionDenied):
            authenticate(room.ctx, username, WRONG)


def test_five_failures_lock_for_a_minute_and_even_the_right_password_is_refused(room) -> None:
    _fail(room, times=4)
    assert authenticate(room.ctx, "disp01", PASSWORD).staff_id == room.dispatcher.staff_id  # 4 do not lock
    _fail(room, times=4)
    with pytest.raises(AccountLocked) as locked:
        authenticate(room.ctx, "disp01", WRONG)
    assert locked.value.until == room.clock.now() + timedelta(minutes=1)
    assert "2026-11-24 09:01:00" in str(locked.value) and "北京时间" in str(locked.value)  # room time
    room.clock.advance(timedelta(seconds=59))
    with pytest.raises(AccountLocked, match="09:01:00"):
        authenticate(room.ctx, "disp01", PASSWORD)
    assert _staff(room, "disp01").failed_logins == 5  # attempts while locked are recorded, not counted
    room.clock.advance(timedelta(seconds=1))
    assert authenticate(room.ctx, "disp01", PASSWORD).name == "王分拨"
    row = _staff(room, "disp01")
    assert row.failed_logins == 0 and row.locked_until is None and row.last_login_at == room.clock.now()


def test_each_further_failure_doubles_the_lock_up_to_thirty_minutes(room) -> None:
    _fail(room, times=5)
    expected = [2, 4, 8, 16, 30, 30]
    for minutes in expected:
        room.clock.advance(timedelta(minutes=31))  # past any lock
        with pytest.raises(AccountLocked) as locked:
            authenticate(room.ctx, "disp01", WRONG)
        assert locked.value.until - room.clock.now() == timedelta(minutes=minutes)
    assert len(_events(room, accounts.ACCOUNT_LOCKED)) == 1 + len(expected)


def test_a_success_resets_the_count(room) -> None:
    _fail(room, times=4)
    authenticate(room.ctx, "disp01", PASSWORD)
    _fail(room, times=4)
    assert _staff(room, "disp01").failed_logins == 4
    assert authenticate(room.ctx, "disp01", PASSWORD)


def test_lockout_policy_is_room_configuration(room) -> None:
    from dataclasses import replace

    room.ctx.settings = replace(room.ctx.settings, lockout_after_failures=2, lockout_first_seconds=10,
                                lockout_max_seconds=15)
    _fail(room, times=1)
    with pytest.raises(AccountLocked) as first:
        authenticate(room.ctx, "disp01", WRONG)
    assert first.value.until - room.clock.now() == timedelta(seconds=10)
    room.clock.advance(timedelta(seconds=10))
    with pytest.raises(AccountLocked) as second:
        authenticate(room.ctx, "disp01", WRONG)
    assert second.value.until - room.clock.now() == timedelta(seconds=15)


def test_unknown_names_and_wrong_passwords_get_one_message(room) -> None:
    messages = set()
    for username in ("nobody", "disp01"):
        with pytest.raises(PermissionDenied) as refused:
            authenticate(room.ctx, username, WRONG)
        assert type(refused.value) is PermissionDenied
        messages.add(str(refused.value))
    assert messages == {accounts.REFUSED}


def test_every_outcome_is_an_event_with_the_facts_and_never_the_password(room) -> None:
    _fail(room, "ghost")
    _fail(room, times=5)
    with pytest.raises(AccountLocked):
        authenticate(room.ctx, "disp01", PASSWORD)
    room.clock.advance(timedelta(minutes=1))
    authenticate(room.ctx, "disp01", PASSWORD)
    events = _events(room)
    assert [e.action for e in events] == ["login_failed"] * 6 + ["account_locked", "login_failed", "login"]
    ghost = events[0]
    assert ghost.actor_id is None and ghost.data["username"] == "ghost" and ghost.data["cause"] == "unknown"
    assert {e.actor_id for e in events[1:]} == {room.dispatcher.staff_id}
    assert events[5].data["failures"] == 5 and events[6].data["seconds"] == 60
    assert events[7].data["cause"] == "locked"
    assert events[8].data["failures_before"] == 5
    for event in events:
        text = f"{event.reason} {event.data} {event.actor_name}"
        assert WRONG not in text and PASSWORD not in text
    from console.audit.verify import verify

    report = verify(room.ctx.db)  # the audit chain sealed every account event like any other
    assert report.ok and report.events >= len(events)


def test_change_password_rules_and_effect(room) -> None:
    actor = room.dispatcher
    for new, message in (("short7!", "至少 8 位"), ("DISP01", "至少 8 位"), (PASSWORD, "至少 8 位")):
        with pytest.raises(ValidationError, match=message):
            accounts.change_password(room.ctx, actor, PASSWORD, new)
    add_staff(room.ctx, NewStaff("longname01", "长名字", Role.DISPATCHER, PASSWORD))
    long_actor = authenticate(room.ctx, "longname01", PASSWORD)
    with pytest.raises(ValidationError, match="不能与用户名相同"):
        accounts.change_password(room.ctx, long_actor, PASSWORD, "LongName01")
    accounts.change_password(room.ctx, long_actor, PASSWORD, "good-pass-1")
    with pytest.raises(ValidationError, match="不能与原密码相同"):
        accounts.change_password(room.ctx, long_actor, "good-pass-1", "good-pass-1")
    with pytest.raises(PermissionDenied):
        authenticate(room.ctx, "longname01", PASSWORD)
    assert authenticate(room.ctx, "longname01", "good-pass-1").staff_id == long_actor.staff_id
    assert _staff(room, "longname01").password_changed_at == room.clock.now()
    changed = _events(room, accounts.PASSWORD_CHANGED)
    assert len(changed) == 1 and changed[0].actor_id == long_actor.staff_id
    assert "good-pass-1" not in f"{changed[0].reason} {changed[0].data}"


def test_a_wrong_old_password_counts_as_a_failed_login(room) -> None:
    for _ in range(4):
        with pytest.raises(PermissionDenied):
            accounts.change_password(room.ctx, room.dispatcher, WRONG, "new-secret-1")
    with pytest.raises(AccountLocked):
        accounts.change_password(room.ctx, room.dispatcher, WRONG, "new-secret-1")
    with pytest.raises(AccountLocked):
        authenticate(room.ctx, "disp01", PASSWORD)


def test_only_an_admin_resets_another_password(room) -> None:
    admin_id = add_staff(room.ctx, NewStaff("admin01", "周管理", Role.ADMIN, PASSWORD))
    admin = authenticate(room.ctx, "admin01", PASSWORD)
    assert admin.staff_id == admin_id
    with pytest.raises(PermissionDenied, match="只有管理员"):
        accounts.reset_password(room.ctx, room.supervisor, "disp01", "reset-pass-1")
    with pytest.raises(ValidationError):
        accounts.reset_password(room.ctx, admin, "disp01", "short")
    with pytest.raises(NotFound):
        accounts.reset_password(room.ctx, admin, "nobody", "reset-pass-1")
    _fail(room, times=5)  # locked: a reset lifts the lock
    accounts.reset_password(room.ctx, admin, "disp01", "reset-pass-1")
    assert authenticate(room.ctx, "disp01", "reset-pass-1").staff_id == room.dispatcher.staff_id
    reset = _events(room, accounts.PASSWORD_RESET)
    assert len(reset) == 1 and reset[0].actor_id == admin_id and reset[0].data["username"] == "disp01"
    assert "reset-pass-1" not in f"{reset[0].reason} {reset[0].data}"


def test_bookkeeping_functions_work_in_the_callers_transaction(room) -> None:
    from console.db.uow import UnitOfWork

    now = room.clock.now()
    with UnitOfWork(room.ctx.db) as uow:
        for _ in range(5):
            failure = accounts.record_login_failure(uow.session, "disp02", now, room.ctx.settings)
        assert failure.known and failure.failures == 5 and failure.locked_until == now + timedelta(minutes=1)
        assert accounts.lock_state(uow.session, "disp02", now) == failure.locked_until
        uow.rollback()  # nothing happened
    with room.ctx.db.reader() as s:
        assert accounts.lock_state(s, "disp02", now) is None
    assert not _events(room)
    with UnitOfWork(room.ctx.db) as uow:
        accounts.record_login_failure(uow.session, "disp02", now, room.ctx.settings)
        accounts.record_login_success(uow.session, "disp02", now)
        uow.commit()
    assert [e.action for e in _events(room)] == ["login_failed", "login"]
    assert _staff(room, "disp02").failed_logins == 0
