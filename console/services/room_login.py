"""Signing in to a hardened PostgreSQL room: the console's login becomes the staff member's own database
login, and the service context switches to it.

The workstation is configured with the room's gate login only (``<room>_gate``), which may do nothing but
ask whether an account is locked and report a failed attempt. A refused login (the server's password
check, or the Argon2id check below when the server trusts the network) is reported through the gate; a
lock turns the staff member's login NOLOGIN, so the server itself refuses it until the lock ends.
"""

from __future__ import annotations

from console.db.hardening.login import LoginRefused, locked_until, open_staff_database, report_failure
from console.domain.enums import Role
from console.domain.errors import PermissionDenied
from console.domain.ticket import Actor
from console.services.accounts import REFUSED, AccountLocked, password_matches
from console.services.context import ServiceContext


def sign_in(ctx: ServiceContext, username: str, password: str) -> Actor:
    """Sign ``username`` in through ``ctx.gate``; on success ``ctx.db`` is their own login (the previous
    staff login, if any, is closed) and the actor is what the server says the session is."""
    gate = ctx.gate
    if gate is None:
        raise RuntimeError("sign_in needs a context opened through the room's gate login")
    name = username.strip()
    until = locked_until(gate, name)
    if until is not None:
        raise AccountLocked(until)
    try:
        db, who = open_staff_database(gate.url, name, password, lambda stored: password_matches(stored, password))
    except LoginRefused:
        until = report_failure(gate, name)
        raise (AccountLocked(until) if until is not None else PermissionDenied(REFUSED)) from None
    previous, ctx.db = ctx.db, db
    if previous is not gate:
        previous.dispose()
    if ctx.on_sign_in is not None:
        ctx.on_sign_in(ctx)
    return Actor(who.staff_id, who.display_name, Role(who.role), who.unit_id)


def change_own_password(ctx: ServiceContext, old: str, new: str, new_hash: str) -> None:
    """Change the signed-in staff member's password: the old one is checked against their Argon2id hash
    (a mismatch counts as a failed login), then the server sets the login's password and the hash."""
    from sqlalchemy import text

    assert ctx.gate is not None
    with ctx.db.engine.connect() as connection:
        stored = str(connection.execute(text("SELECT dc_api.own_password_hash()")).scalar() or "")
        username = str(connection.execute(text("SELECT username FROM dc_api.whoami()")).scalar())
    if not password_matches(stored, old):
        until = report_failure(ctx.gate, username)
        raise (AccountLocked(until) if until is not None else PermissionDenied(REFUSED))
    with ctx.db.engine.begin() as connection:
        connection.execute(text("SELECT dc_api.change_own_password(:p, :h)"), {"p": new, "h": new_hash})
