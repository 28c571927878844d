"""Staff accounts: create, authenticate (Argon2id), change and reset passwords. Passwords are never stored,
logged or recorded in clear.

Lockout (RELIABILITY.md, "Passwords and shared workstations"): ``RoomSettings.lockout_after_failures``
consecutive failures lock the account for ``lockout_first_seconds``, doubled with each further failure up
to ``lockout_max_seconds``; a success resets the count. While locked even the right password is refused
(without being checked) with a message saying until when, in room time. Every failure, lock, success and
password change is an ``events`` row (``ticket_id`` NULL) written in the same transaction as the counter,
so the audit chain seals it like any other event. The bookkeeping (``lock_state``,
``record_login_failure``, ``record_login_success``) takes a session so that other login paths (a
PostgreSQL login per staff member) record exactly the same facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import BigInteger, insert, literal_column, select
from sqlalchemy.orm import Session

from console.db.hardening.install import sync_staff_login
from console.db.schema import EventRow, StaffRow, UnitRow
from console.db.uow import UnitOfWork
from console.domain.clock import ensure_utc, format_room_time
from console.domain.enums import Role
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.domain.ticket import Actor
from console.services.context import RoomSettings, ServiceContext

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,39}$")


@dataclass(frozen=True)
class NewStaff:
    username: str
    display_name: str
    role: Role
    password: str
    unit_code: str | None = None
    shift_slot: int | None = None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def add_staff(ctx: ServiceContext, new: NewStaff) -> int:
    """Create an account and return its id. Unit handlers must name their unit; others must not."""
    if not _USERNAME.match(new.username):
        raise ValidationError(f"用户名「{new.username}」无效：小写字母开头，2-40 位字母、数字、_.-")
    if len(new.password) < 4:
        raise ValidationError("密码至少 4 位")
    if new.role is Role.SYSTEM:
        raise ValidationError("不能创建系统账号")
    if (new.role is Role.UNIT_HANDLER) != (new.unit_code is not None):
        raise ValidationError("承办人必须指定所属单位，其他角色不能指定单位")
    if new.shift_slot is not None and not 0 <= new.shift_slot <= 5:
        raise ValidationError(f"班次须为 0-5，收到 {new.shift_slot}")
    with UnitOfWork(ctx.db) as uow:
        s = uow.session
        if s.scalars(select(StaffRow.id).where(StaffRow.username == new.username)).first() is not None:
            raise ValidationError(f"用户名 {new.username} 已存在")
        unit_id = None
        if new.unit_code is not None:
            unit_id = s.scalars(select(UnitRow.id).where(UnitRow.code == new.unit_code)).first()
            if unit_id is None:
                raise NotFound(f"单位 {new.unit_code} 不存在")
        row = StaffRow(username=new.username, display_name=new.display_name, role=new.role.value, unit_id=unit_id,
                       shift_slot=new.shift_slot, password_hash=hash_password(new.password), active=True,
                       created_at=ctx.clock.now())
        s.add(row)
        s.flush()
        sync_staff_login(s, new.username, new.role, new.password)
        uow.commit()
        return row.id


# Event actions of accounts (``events.action``; ``ticket_id`` is NULL).
LOGIN = "login"
LOGIN_FAILED = "login_failed"
ACCOUNT_LOCKED = "account_locked"
PASSWORD_CHANGED = "password_changed"
PASSWORD_RESET = "password_reset"

REFUSED = "用户名或密码错误"  # the one message for an unknown name, a wrong password, a disabled account
_UNKNOWN_ACTOR = "未知账号"
_SUCCESS_REASONS = {"login": "登录", "unlock": "解锁屏幕", "relogin": "交接班重新登录",
                    "password_change": "修改密码前验证原密码"}


@cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so that it costs the same time as a wrong password."""
    return _hasher.hash("dispatch-console: no such account")


class AccountLocked(PermissionDenied):
    """Too many failed logins: refused until ``until`` (UTC), whatever the password."""

    def __init__(self, until: datetime):
        self.until = until
        super().__init__(f"连续登录失败次数过多，账号已锁定至 {format_room_time(until, with_seconds=True)}"
                         "（北京时间），请稍后再试或联系管理员")


@dataclass(frozen=True)
class LoginFailure:
    """What one recorded failure did: the consecutive count and the lock it started (None: not locked)."""

    known: bool
    failures: int
    locked_until: datetime | None


def lock_duration(failures: int, settings: RoomSettings) -> timedelta | None:
    """How long ``failures`` consecutive failures lock an account: None below the threshold, then the first
    lock, doubled per further failure, capped at the maximum."""
    over = failures - settings.lockout_after_failures
    if settings.lockout_after_failures <= 0 or over < 0:
        return None
    seconds = settings.lockout_first_seconds * (2 ** min(over, 32))
    return timedelta(seconds=min(seconds, settings.lockout_max_seconds))


def _staff(session: Session, username: str, for_update: bool = True) -> StaffRow | None:
    query = select(StaffRow).where(StaffRow.username == username.strip())
    return session.scalars(query.with_for_update() if for_update else query).first()


def lock_state(session: Session, username: str, now: datetime) -> datetime | None:
    """When the account's lock ends (UTC), or None if it is not locked at ``now`` (or does not exist)."""
    row = _staff(session, username, for_update=False)
    if row is None or row.locked_until is None:
        return None
    until = ensure_utc(row.locked_until)
    return until if until > ensure_utc(now) else None


def record_event(session: Session, row: StaffRow | None, action: str, now: datetime, reason: str = "",
                 data: dict[str, Any] | None = None) -> None:
    """Append one account event in the caller's transaction (actor: ``row``, or "unknown account")."""
    values: dict[str, Any] = {
        "ticket_id": None, "at": now, "actor_id": row.id if row is not None else None,
        "actor_name": row.display_name if row is not None else _UNKNOWN_ACTOR,
        "actor_role": row.role if row is not None else "", "action": action, "from_status": None,
        "to_status": None, "reason": reason, "data": data or {}, "request_id": None,
    }
    statement = insert(EventRow).values(**values)
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.values(xid=literal_column("pg_current_xact_id()::text::bigint", BigInteger))
    session.execute(statement)


def record_login_failure(session: Session, username: str, now: datetime, settings: RoomSettings,
                         reason: str = "wrong_password") -> LoginFailure:
    """Count one failed attempt on ``username`` in the caller's transaction: a ``login_failed`` event, and
    an ``account_locked`` event when this failure locks the account. An unknown name is recorded (the name
    typed, never the password) but counts nowhere. Attempts while locked are recorded and not counted."""
    name = username.strip()[:40]
    row = _staff(session, name)
    if row is None:
        record_event(session, None, LOGIN_FAILED, now, "登录失败：账号不存在", {"username": name, "cause": "unknown"})
        return LoginFailure(False, 0, None)
    locked = lock_state(session, name, now)
    if locked is not None:
        record_event(session, row, LOGIN_FAILED, now, "登录被拒：账号锁定中",
                     {"username": name, "cause": "locked", "locked_until": locked.isoformat()})
        return LoginFailure(True, row.failed_logins, locked)
    row.failed_logins = (row.failed_logins or 0) + 1
    data: dict[str, Any] = {"username": name, "cause": reason, "failures": row.failed_logins}
    record_event(session, row, LOGIN_FAILED, now, f"登录失败（连续第 {row.failed_logins} 次）", data)
    duration = lock_duration(row.failed_logins, settings)
    if duration is None:
        return LoginFailure(True, row.failed_logins, None)
    row.locked_until = ensure_utc(now) + duration
    record_event(session, row, ACCOUNT_LOCKED, now,
                 f"连续 {row.failed_logins} 次登录失败，锁定至 {format_room_time(row.locked_until, True)}",
                 {"username": name, "failures": row.failed_logins, "seconds": int(duration.total_seconds()),
                  "locked_until": row.locked_until.isoformat()})
    return LoginFailure(True, row.failed_logins, row.locked_until)


def record_login_success(session: Session, username: str, now: datetime, kind: str = "login") -> None:
    """Reset the failure count and the lock, remember the time, append a ``login`` event (``kind``: login,
    unlock or relogin — how the user proved who they are)."""
    row = _staff(session, username)
    if row is None:
        raise NotFound(f"账号 {username} 不存在")
    record_event(session, row, LOGIN, now, _SUCCESS_REASONS.get(kind, "登录"),
                 {"username": row.username, "kind": kind, "failures_before": row.failed_logins or 0})
    row.failed_logins = 0
    row.locked_until = None
    row.last_login_at = now


def authenticate(ctx: ServiceContext, username: str, password: str, kind: str = "login") -> Actor:
    """The actor for valid credentials. Otherwise ``PermissionDenied`` with one message for an unknown name,
    a wrong password and a disabled account, or ``AccountLocked`` (saying until when) while the account is
    locked — then the password is not even checked. Every outcome is recorded (see the module docstring).

    The hash is checked outside any transaction (it takes ~100 ms); the outcome is then recorded in one unit
    of work that re-reads the lock, so concurrent attempts are all counted."""
    if ctx.gate is not None:  # a hardened PostgreSQL room: the server signs the staff member in
        from console.services.room_login import sign_in

        return sign_in(ctx, username, password)
    name = username.strip()
    now = ctx.clock.now()
    with ctx.db.reader() as s:
        row = _staff(s, name, for_update=False)
        stored = row.password_hash if row is not None and row.active else None
        locked = lock_state(s, name, now) if row is not None else None
    if locked is not None:
        with UnitOfWork(ctx.db) as uow:
            record_login_failure(uow.session, name, now, ctx.settings)
            uow.commit()
        raise AccountLocked(locked)
    ok = password_matches(stored, password)
    with UnitOfWork(ctx.db) as uow:
        if not ok:
            cause = "wrong_password" if stored is not None else ("inactive" if row is not None else "unknown")
            failure = record_login_failure(uow.session, name, now, ctx.settings, cause)
            uow.commit()
            if failure.locked_until is not None and failure.known:
                raise AccountLocked(failure.locked_until)
            raise PermissionDenied(REFUSED)
        locked = lock_state(uow.session, name, now)
        if locked is not None:  # locked by a concurrent attempt meanwhile
            record_login_failure(uow.session, name, now, ctx.settings)
            uow.commit()
            raise AccountLocked(locked)
        record_login_success(uow.session, name, now, kind)
        fresh = _staff(uow.session, name)
        assert fresh is not None
        if stored is not None and _hasher.check_needs_rehash(stored):
            fresh.password_hash = hash_password(password)
        actor = Actor(fresh.id, fresh.display_name, Role(fresh.role), fresh.unit_id)
        uow.commit()
        return actor


def password_matches(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``; with no stored hash the same work is done and False returned."""
    try:
        return bool(_hasher.verify(stored or _dummy_hash(), password)) and stored is not None
    except (VerifyMismatchError, InvalidHashError):
        return False


def password_problem(username: str, new: str, old: str | None, settings: RoomSettings) -> str | None:
    """Why ``new`` is not acceptable as a password (a Chinese sentence), or None."""
    if len(new) < settings.password_min_length:
        return f"新密码至少 {settings.password_min_length} 位"
    if new.strip().casefold() == username.strip().casefold():
        return "新密码不能与用户名相同"
    if old is not None and new == old:
        return "新密码不能与原密码相同"
    return None


def change_password(ctx: ServiceContext, actor: Actor, old: str, new: str) -> None:
    """The actor changes their own password. A wrong ``old`` counts as a failed login (and may lock the
    account: ``AccountLocked``); a ``new`` password breaking the rules raises ``ValidationError``. Records
    ``password_changed`` (never either password)."""
    with ctx.db.reader() as s:
        row = s.get(StaffRow, actor.staff_id)
        if row is None or not row.active:
            raise PermissionDenied(REFUSED)
        username = row.username
    problem = password_problem(username, new, old, ctx.settings)
    if problem is not None:
        raise ValidationError(problem)
    if ctx.gate is not None:  # a hardened room: the server changes the login's password and records it
        from console.services.room_login import change_own_password

        change_own_password(ctx, old, new, hash_password(new))
        return
    authenticate_old = authenticate(ctx, username, old, kind="password_change")  # counts failures, honours locks
    if authenticate_old.staff_id != actor.staff_id:  # pragma: no cover - the name is the actor's own
        raise PermissionDenied(REFUSED)
    now = ctx.clock.now()
    with UnitOfWork(ctx.db) as uow:
        row = _staff(uow.session, username)
        assert row is not None
        row.password_hash = hash_password(new)
        row.password_changed_at = now
        record_event(uow.session, row, PASSWORD_CHANGED, now, "本人修改密码", {"username": username, "by": "self"})
        uow.commit()


def reset_password(ctx: ServiceContext, admin_actor: Actor, username: str, new: str) -> None:
    """An administrator sets another account's password (and lifts its lock). Only the admin role, re-read
    from the staff table; the rules of ``password_problem`` apply. Records ``password_reset`` by the admin."""
    problem = password_problem(username, new, None, ctx.settings)
    if problem is not None:
        raise ValidationError(problem)
    hashed = hash_password(new)
    now = ctx.clock.now()
    with UnitOfWork(ctx.db) as uow:
        s = uow.session
        admin = s.get(StaffRow, admin_actor.staff_id)
        if admin is None or not admin.active or admin.role != Role.ADMIN.value:
            raise PermissionDenied("只有管理员可以重置他人密码")
        row = _staff(s, username)
        if row is None:
            raise NotFound(f"账号 {username.strip()} 不存在")
        row.password_hash = hashed
        row.password_changed_at = now
        row.failed_logins = 0
        row.locked_until = None
        record_event(s, admin, PASSWORD_RESET, now, f"管理员重置 {row.username} 的密码",
                     {"username": row.username, "staff_id": row.id, "by": admin.username})
        sync_staff_login(s, row.username, Role(row.role), new)
        uow.commit()
