"""Connecting as a staff member in a hardened room: the console's login is the staff member's own
database login. The workstation's configuration names only the gate login, which can do nothing but ask
whether an account is locked and report a failed attempt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from console.db.engine import Database
from console.db.hardening.names import gate_role, login_role, room_prefix

# Staff sessions resolve unqualified table names to the masked views (the ORM needs no second mapping).
STAFF_CONNECT_ARGS = {"options": "-c search_path=dc_api,pg_catalog"}


@dataclass(frozen=True)
class StaffIdentity:
    """Who the server says the session belongs to (from ``session_user``)."""

    staff_id: int
    username: str
    display_name: str
    role: str
    unit_id: int | None


class LoginRefused(Exception):
    """The server refused the staff member's login (wrong password, locked, or no such account)."""


def database_name(url: str) -> str:
    name = make_url(url).database
    if not name:
        raise ValueError(f"database URL {url!r} names no database")
    return name


def is_gate_url(url: str) -> bool:
    """Whether ``url`` logs in as the room's gate (a workstation configured for staff logins)."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "postgresql" and parsed.username == gate_role(room_prefix(
        database_name(url)))


def staff_url(url: str, username: str, password: str) -> str:
    """``url`` with ``username``'s own database login and ``password`` in place of the gate's."""
    parsed = make_url(url)
    login = login_role(room_prefix(database_name(url)), username)
    return parsed.set(username=login, password=password or None).render_as_string(hide_password=False)


def open_staff_database(url: str, username: str, password: str,
                        verify: Callable[[str], bool] | None = None) -> tuple[Database, StaffIdentity]:
    """Connect as ``username`` and record the successful login; ``LoginRefused`` if the server refuses the
    login or ``verify`` (given the account's stored Argon2id hash) refuses the password. The second check
    matters where the server trusts the network instead of checking passwords."""
    db = Database(staff_url(url, username, password), connect_args=STAFF_CONNECT_ARGS)
    try:
        with db.engine.begin() as connection:
            if verify is not None and not verify(str(connection.execute(
                    text("SELECT dc_api.own_password_hash()")).scalar() or "")):
                raise LoginRefused("password does not match the account's hash")
            row = connection.execute(text("SELECT * FROM dc_api.login_succeeded()")).one()
    except OperationalError as error:
        db.dispose()
        raise LoginRefused(str(error.orig).strip().splitlines()[0] if error.orig else str(error)) from None
    except LoginRefused:
        db.dispose()
        raise
    return db, StaffIdentity(row.id, row.username, row.display_name, row.role, row.unit_id)


def locked_until(gate: Database, username: str) -> datetime | None:
    """When ``username``'s lock ends (None: not locked; also for unknown names). Ends an expired lock."""
    with gate.engine.begin() as connection:
        return connection.execute(text("SELECT dc_gate.login_state(:u)"), {"u": username}).scalar()


def report_failure(gate: Database, username: str) -> datetime | None:
    """Count a failed login for ``username``; returns the end of the lock it caused, if any."""
    with gate.engine.begin() as connection:
        return connection.execute(text("SELECT dc_gate.login_failed(:u)"), {"u": username}).scalar()
