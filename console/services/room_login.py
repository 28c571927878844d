"""Signing in to a hardened PostgreSQL room: the console's login becomes the staff member's own database
login, and the service context switches to it.

The workstation is configured with the room's gate login only (``<room>_gate``), which may do nothing but
ask whether an account is locked and report a failed attempt. A refused login (the server's password
check, or the Argon2id check below when the server trusts the network) is reported through the gate; a
lock turns the staff member's login NOLOGIN, so the server itself refuses it until the lock ends.
"""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from console.db.hardening.login import LoginRefused, locked_until, open_staff_database, report_failure
from console.domain.clock import format_room_time
from console.domain.enums import Role
from console.domain.errors import PermissionDenied
from console.domain.ticket import Actor
from console.services.context import ServiceContext

REFUSED = "用户名或密码错误"
_hasher = PasswordHasher()


def _locked(until: datetime) -> PermissionDenied:
    return PermissionDenied(f"连续登录失败次数过多，账号已锁定至 {format_room_time(until, with_seconds=True)}"
                            "（北京时间），请稍后再试或联系管理员")


def _argon2_matches(stored: str, password: str) -> bool:
    try:
        return bool(stored) and _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def sign_in(ctx: ServiceContext, username: str, password: str) -> Actor:
    """Sign ``username`` in through ``ctx.gate``; on success ``ctx.db`` is their own login (the previous
    staff login, if any, is closed) and the actor is what the server says the session is."""
    gate = ctx.gate
    if gate is None:
        raise RuntimeError("sign_in needs a context opened through the room's gate login")
    name = username.strip()
    until = locked_until(gate, name)
    if until is not None:
        raise _locked(until)
    try:
        db, who = open_staff_database(gate.url, name, password, lambda stored: _argon2_matches(stored, password))
    except LoginRefused:
        until = report_failure(gate, name)
        raise (_locked(until) if until is not None else PermissionDenied(REFUSED)) from None
    previous, ctx.db = ctx.db, db
    if previous is not gate:
        previous.dispose()
    if ctx.on_sign_in is not None:
        ctx.on_sign_in(ctx)
    return Actor(who.staff_id, who.display_name, Role(who.role), who.unit_id)
