"""The permission matrix, tried for real: every staff role (and the gate) connects with its own login and
attempts every verb on every base table and view and calls every function. What succeeds must be exactly
what ``console.db.hardening.matrix`` approves: nothing on base tables, the approved verbs on views, the
approved functions."""

from __future__ import annotations

import psycopg
import pytest

from console.db.hardening.matrix import FUNCTION_GRANTS, GATE_FUNCTIONS, VERBS, VIEW_GRANTS
from console.db.hardening.names import gate_role
from console.domain.enums import Role
from tests.security.conftest import HardenedRoom

pytestmark = pytest.mark.postgres
ACCOUNTS = {Role.OPERATOR: "op01", Role.DISPATCHER: "disp01", Role.SUPERVISOR: "sup01", Role.ADMIN: "admin1",
            Role.UNIT_HANDLER: "ha"}
TRIGGER_FUNCTIONS = ("dc_private.tickets_write()", "dc_private.assignments_write()", "dc_private.events_write()")


def _statement(verb: str, relation: str, column: str) -> str:
    return {"SELECT": f"SELECT 1 FROM {relation} LIMIT 0",
            "INSERT": f"INSERT INTO {relation} DEFAULT VALUES",
            "UPDATE": f"UPDATE {relation} SET {column} = {column} WHERE false",
            "DELETE": f"DELETE FROM {relation} WHERE false",
            "TRUNCATE": f"TRUNCATE {relation}"}[verb]


def _allowed(connection: psycopg.Connection, statement: str, *, any_error_denies: bool = False) -> bool:
    """Whether the server let the statement through the privilege checks (it is always rolled back)."""
    try:
        with connection.transaction(force_rollback=True):
            connection.execute(statement)
    except psycopg.errors.InsufficientPrivilege:
        return False
    except psycopg.Error:
        return not any_error_denies
    return True


def _call(function: str) -> str:
    arguments = function[function.index("(") + 1:-1]
    count = len([a for a in arguments.split(",") if a.strip()])
    return f"SELECT {function[:function.index('(')]}({', '.join(['NULL'] * count)})"


def _observe(connection: psycopg.Connection, relations: dict[str, str]) -> dict[tuple[str, str], bool]:
    seen = {}
    for relation, column in relations.items():
        for verb in VERBS:
            seen[(relation, verb)] = _allowed(connection, _statement(verb, relation, column),
                                              any_error_denies=verb == "TRUNCATE")
    for function in (*FUNCTION_GRANTS, *GATE_FUNCTIONS, *TRIGGER_FUNCTIONS):
        seen[(function, "EXECUTE")] = _allowed(connection, _call(function))
    return seen


def _relations(room: HardenedRoom) -> dict[str, str]:
    with room.backend.ctx.db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT c.table_schema || '.' || c.table_name, min(c.column_name) FROM information_schema.columns c "
            "WHERE c.table_schema IN ('public', 'dc_api', 'dc_private', 'dc_gate') GROUP BY 1 ORDER BY 1").all()
    return {name: column for name, column in rows}


def _expected(role: Role | None, relations: dict[str, str]) -> dict[tuple[str, str], bool]:
    expected = {}
    for relation in relations:
        schema, name = relation.split(".")
        for verb in VERBS:
            granted = schema == "dc_api" and role is not None and role in VIEW_GRANTS.get(name, {}).get(verb, ())
            expected[(relation, verb)] = granted
    for function, roles in FUNCTION_GRANTS.items():
        expected[(function, "EXECUTE")] = role in roles
    for function in GATE_FUNCTIONS:
        expected[(function, "EXECUTE")] = role is None
    for function in TRIGGER_FUNCTIONS:
        expected[(function, "EXECUTE")] = False
    return expected


def test_every_role_can_do_exactly_what_the_matrix_approves(hardened: HardenedRoom) -> None:
    relations = _relations(hardened)
    assert {"public.tickets", "public.events", "dc_api.tickets", "public.audit_chain"} <= set(relations)
    differences = []
    checked = 0
    for role, username in [*ACCOUNTS.items(), (None, None)]:
        if username is None:
            url = hardened.gate_url.replace("postgresql+psycopg://", "postgresql://")
            connection = psycopg.connect(url, autocommit=True)
        else:
            connection = hardened.raw(username)
        with connection:
            observed = _observe(connection, relations)
        expected = _expected(role, relations)
        checked += len(expected)
        differences += [(role.value if role else gate_role(hardened.prefix), what, verb, observed[(what, verb)])
                        for (what, verb), allowed in expected.items() if observed[(what, verb)] != allowed]
    assert differences == [], f"{len(differences)} of {checked} checks differ: {differences}"
    assert checked > 6 * 5 * len(VIEW_GRANTS)
