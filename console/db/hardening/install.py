"""Install (or re-install) the hardening of a PostgreSQL room, and manage staff members' logins.

``install`` needs a superuser connection (the DBA's, as for migrations). It is idempotent: it drops and
re-creates the ``dc_api``, ``dc_private`` and ``dc_gate`` schemas, so ``console.db.migrate.upgrade``
calls ``uninstall_objects`` before migrating (views would block column changes) and ``install`` after.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from console.db.engine import Database
from console.db.hardening import sql_objects
from console.db.hardening.matrix import FUNCTION_GRANTS, GATE_FUNCTIONS, VIEW_GRANTS
from console.db.hardening.names import (
    STAFF_ROLES,
    auditor_role,
    gate_role,
    group_role,
    literal,
    login_role,
    owner_role,
    quote,
    room_prefix,
)
from console.db.hardening.sql_masking import masking_functions
from console.domain.enums import Role
from console.services.context import RoomSettings

SCHEMAS = ("dc_api", "dc_private", "dc_gate")
# Raise when the installed objects change, so ``migrate.upgrade`` re-installs an up-to-date room.
HARDENING_VERSION = "2"


def _run(connection: Connection, statement: str) -> None:
    """Execute one statement without parameters (PL/pgSQL bodies contain ``%``, which the driver would
    otherwise take for placeholders)."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(statement)
    finally:
        cursor.close()


def is_hardened(connection: Connection) -> bool:
    """Whether the room's database has the hardening installed."""
    return bool(connection.execute(text("SELECT to_regclass('dc_private.room') IS NOT NULL")).scalar())


def installed_version(db: Database) -> str | None:
    """The hardening version installed in ``db`` (None: not hardened)."""
    with db.engine.connect() as connection:
        if not is_hardened(connection):
            return None
        return connection.execute(text("SELECT version FROM dc_private.room")).scalar()


def prefix_of(connection: Connection) -> str:
    return room_prefix(str(connection.execute(text("SELECT current_database()")).scalar()))


def _ensure_role(connection: Connection, name: str, options: str) -> None:
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    verb = "ALTER" if exists else "CREATE"
    _run(connection, f"{verb} ROLE {quote(name)} {options}")


def _table_columns(connection: Connection) -> dict[str, list[str]]:
    rows = connection.execute(text(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND table_name IN (SELECT tablename FROM pg_tables WHERE schemaname = 'public') "
        "ORDER BY table_name, ordinal_position"))
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        columns.setdefault(table, []).append(column)
    return columns


def uninstall_objects(connection: Connection) -> None:
    """Drop the views, functions and row security (roles and logins stay). Safe when not installed."""
    for statement in sql_objects.row_security_off():
        _run(connection, statement)
    for schema in SCHEMAS:
        _run(connection, f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def install(connection: Connection, settings: RoomSettings | None = None) -> str:
    """Harden the connected database (superuser connection, inside the caller's transaction); returns the
    room prefix. Base tables end up owned by the NOLOGIN owner role, with no privilege for staff roles."""
    settings = settings or RoomSettings()
    prefix = prefix_of(connection)
    database = str(connection.execute(text("SELECT current_database()")).scalar())
    owner = owner_role(prefix)
    _ensure_role(connection, owner, "NOLOGIN CREATEROLE")
    _ensure_role(connection, gate_role(prefix), "LOGIN")
    for role in STAFF_ROLES:
        _ensure_role(connection, group_role(prefix, role), "NOLOGIN")
    uninstall_objects(connection)
    columns = _table_columns(connection)
    for table in columns:
        _run(connection, f"ALTER TABLE public.{quote(table)} OWNER TO {quote(owner)}")
        _run(connection, f"REVOKE ALL ON public.{quote(table)} FROM PUBLIC")
    # The audit chain's triggers must see every event whoever inserts it (row security would hide other
    # units' events from a unit handler's insert): they belong to a NOLOGIN role that bypasses it.
    auditor = auditor_role(prefix)
    _ensure_role(connection, auditor, "NOLOGIN BYPASSRLS")
    _run(connection, f"GRANT USAGE ON SCHEMA public TO {quote(auditor)}")
    _run(connection, f"GRANT SELECT ON public.events TO {quote(auditor)}")
    _run(connection, f"GRANT SELECT, UPDATE ON public.audit_chain TO {quote(auditor)}")
    for (function, name) in connection.execute(text(
            "SELECT p.oid::regprocedure::text, p.proname FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'")):
        function_owner = auditor if name.startswith("audit_") else owner
        _run(connection, f"ALTER FUNCTION {function} OWNER TO {quote(function_owner)}")
    _run(connection, f"REVOKE ALL ON DATABASE {quote(database)} FROM PUBLIC")
    _run(connection, f"GRANT CONNECT, TEMPORARY ON DATABASE {quote(database)} TO "
                               + ", ".join(quote(group_role(prefix, r)) for r in STAFF_ROLES)
                               + f", {quote(gate_role(prefix))}")
    _run(connection, "REVOKE ALL ON SCHEMA public FROM PUBLIC")
    _run(connection, f"GRANT USAGE ON SCHEMA public TO {quote(owner)}")
    for schema in SCHEMAS:
        _run(connection, f"CREATE SCHEMA {schema} AUTHORIZATION {quote(owner)}")
    _run(connection, f"SET LOCAL ROLE {quote(owner)}")
    policy = (settings.lockout_after_failures, settings.lockout_first_seconds, settings.lockout_max_seconds)
    for statement in (*sql_objects.private_tables(prefix, HARDENING_VERSION, *policy), *masking_functions(),
                      *sql_objects.session_functions(), *sql_objects.views(columns),
                      *sql_objects.write_triggers(columns), *sql_objects.api_functions(),
                      sql_objects.reveal_window_function(),
                      *sql_objects.gate_functions(), *sql_objects.row_security()):
        _run(connection, statement)
    for schema in SCHEMAS:
        _run(connection, f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {schema} FROM PUBLIC")
    _grant(connection, prefix, columns)
    _run(connection, "RESET ROLE")
    for username, role, active in connection.execute(text("SELECT username, role, active FROM public.staff")):
        if role in {r.value for r in STAFF_ROLES}:
            ensure_login(connection, username, Role(role), None, active=active, prefix=prefix)
    return prefix


def _grant(connection: Connection, prefix: str, columns: dict[str, list[str]]) -> None:
    groups = {role: quote(group_role(prefix, role)) for role in STAFF_ROLES}
    everyone = ", ".join(groups.values())
    _run(connection, f"GRANT USAGE ON SCHEMA dc_api, dc_private TO {everyone}")
    _run(connection, f"GRANT USAGE ON SCHEMA dc_gate TO {quote(gate_role(prefix))}")
    for view, verbs in VIEW_GRANTS.items():
        if view not in columns:
            continue
        for verb, roles in verbs.items():
            if roles:
                grantees = ", ".join(groups[r] for r in sorted(roles))
                _run(connection, f"GRANT {verb} ON dc_api.{view} TO {grantees}")
            if roles and verb == "INSERT" and "id" in columns[view]:  # a plain view's insert draws the id
                sequence = connection.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"),
                                              {"t": f"public.{view}"}).scalar()
                if sequence:
                    _run(connection, f"GRANT USAGE ON SEQUENCE {sequence} TO {grantees}")
    for function, roles in FUNCTION_GRANTS.items():
        grantees = ", ".join(groups[r] for r in sorted(roles))
        _run(connection, f"GRANT EXECUTE ON FUNCTION {function} TO {grantees}")
    for function in GATE_FUNCTIONS:
        _run(connection, f"GRANT EXECUTE ON FUNCTION {function} TO {quote(gate_role(prefix))}")


def ensure_login(connection: Connection, username: str, role: Role, password: str | None, *, active: bool = True,
                 prefix: str | None = None) -> str:
    """Create or update ``username``'s own database login: member of exactly its role's group, reads
    ``dc_api`` first, LOGIN only while the account is active. ``password`` None keeps the current one."""
    prefix = prefix or prefix_of(connection)
    login = login_role(prefix, username)
    options = "LOGIN" if active else "NOLOGIN"
    if password is not None:
        options += f" PASSWORD {literal(password)}"
    _ensure_role(connection, login, options)
    for other in STAFF_ROLES:
        statement = "GRANT" if other is role else "REVOKE"
        preposition = "TO" if other is role else "FROM"
        _run(connection, f"{statement} {quote(group_role(prefix, other))} {preposition} {quote(login)}")
    database = str(connection.execute(text("SELECT current_database()")).scalar())
    _run(connection, f"ALTER ROLE {quote(login)} IN DATABASE {quote(database)} "
                               "SET search_path = dc_api, pg_catalog")
    return login


def sync_staff_login(session: Session, username: str, role: Role, password: str) -> None:
    """Keep a staff member's database login in step with their account (create, role, password) when the
    session is the DBA's on a hardened room; nothing on SQLite or an unhardened database."""
    if session.get_bind().dialect.name != "postgresql":
        return
    connection = session.connection()
    if is_hardened(connection) and role in STAFF_ROLES:
        ensure_login(connection, username, role, password)


def install_database(db: Database, settings: RoomSettings | None = None) -> str:
    """``install`` in its own transaction on ``db`` (a superuser URL)."""
    with db.engine.begin() as connection:
        return install(connection, settings)
