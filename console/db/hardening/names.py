"""Names of the PostgreSQL roles of one room (one database).

Roles are cluster-wide while a room is one database, so every role name starts with the room's prefix,
derived from the database name: ``<prefix>_owner`` (NOLOGIN, owns tables, views and functions),
``<prefix>_auditor`` (NOLOGIN, owns the audit chain's triggers), ``<prefix>_gate`` (may only ask
whether an account is locked and report a failed login),
``<prefix>_<role>`` (NOLOGIN group per staff role) and ``<prefix>_u_<username>`` (one LOGIN per staff
member, member of its role's group).
"""

from __future__ import annotations

import hashlib
import re

from console.domain.enums import Role

STAFF_ROLES: tuple[Role, ...] = (Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR, Role.UNIT_HANDLER, Role.ADMIN)
_MAX_PREFIX = 20


def room_prefix(database: str) -> str:
    """A short identifier-safe prefix for ``database`` (long names keep a hash so two rooms never share)."""
    clean = re.sub(r"[^a-z0-9_]", "_", database.lower())
    if len(clean) <= _MAX_PREFIX:
        return clean
    return f"{clean[:_MAX_PREFIX - 9]}_{hashlib.sha1(database.encode()).hexdigest()[:8]}"


def owner_role(prefix: str) -> str:
    return f"{prefix}_owner"


def auditor_role(prefix: str) -> str:
    """NOLOGIN, bypasses row security: owns the audit chain's trigger functions, which must see every event."""
    return f"{prefix}_auditor"


def gate_role(prefix: str) -> str:
    return f"{prefix}_gate"


def group_role(prefix: str, role: Role) -> str:
    return f"{prefix}_{role.value}"


def login_role(prefix: str, username: str) -> str:
    """The staff member's own database login (PostgreSQL limits names to 63 bytes; user names to 40)."""
    return f"{prefix}_u_{username}"


def quote(identifier: str) -> str:
    """A quoted SQL identifier."""
    return '"' + identifier.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A quoted SQL string literal."""
    return "'" + text.replace("'", "''") + "'"
