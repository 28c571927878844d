"""The approved permission matrix for PostgreSQL rooms: which staff role may do what to which view of
``dc_api`` and which function it may call. Base tables in ``public`` grant nothing to any staff role.

This table is the single source: the installer grants exactly this, and the permission-matrix test
connects as each role, tries every verb on every table, view and function, and compares with it.
Row-level rules (a unit handler's own unit, a ticket's lifecycle, the actor recorded) are enforced on
top of these grants by the write triggers and row security, see ``sql_objects``.
"""

from __future__ import annotations

from console.domain.enums import Role

R = Role
ALL = frozenset({R.OPERATOR, R.DISPATCHER, R.SUPERVISOR, R.UNIT_HANDLER, R.ADMIN})
DESK = frozenset({R.OPERATOR, R.DISPATCHER, R.SUPERVISOR})
ADMIN = frozenset({R.ADMIN})
LEADS = frozenset({R.SUPERVISOR, R.ADMIN})
VERBS = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")


def _grants(select: frozenset[Role] = frozenset(), insert: frozenset[Role] = frozenset(),
            update: frozenset[Role] = frozenset(), delete: frozenset[Role] = frozenset()) -> dict[str, frozenset[Role]]:
    return {"SELECT": select, "INSERT": insert, "UPDATE": update, "DELETE": delete, "TRUNCATE": frozenset()}


# View (same name as its base table) -> verb -> roles. TRUNCATE is granted to nobody.
VIEW_GRANTS: dict[str, dict[str, frozenset[Role]]] = {
    "tickets": _grants(ALL, DESK, ALL),
    "assignments": _grants(ALL, DESK, ALL),
    "events": _grants(ALL, ALL),
    "requests": _grants(ALL, ALL),
    "ticket_counters": _grants(DESK, DESK, DESK),
    "staff": _grants(ALL),
    "units": _grants(ALL, ADMIN, ADMIN),
    "lines": _grants(ALL, ADMIN, ADMIN),
    "territories": _grants(ALL, ADMIN, ADMIN),
    "catalog_versions": _grants(ALL, ADMIN, ADMIN, ADMIN),
    "catalog_nodes": _grants(ALL, ADMIN, ADMIN, ADMIN),
    "duty_items": _grants(ALL, ADMIN, ADMIN, ADMIN),
    "catalog_changes": _grants(ALL, ADMIN, ADMIN, ADMIN),
    "saved_views": _grants(ALL, ALL, ALL, ALL),
    "handovers": _grants(DESK | ADMIN, frozenset({R.SUPERVISOR}), frozenset({R.SUPERVISOR})),
    "export_log": _grants(LEADS, ALL),
    "workstations": _grants(ALL, ALL, ALL),
    "routing_models": _grants(ALL, LEADS, LEADS),
    "incidents": _grants(DESK | ADMIN, frozenset({R.DISPATCHER, R.SUPERVISOR}),
                         frozenset({R.DISPATCHER, R.SUPERVISOR}), frozenset({R.DISPATCHER, R.SUPERVISOR})),
    "incident_tickets": _grants(DESK | ADMIN, frozenset({R.DISPATCHER, R.SUPERVISOR}),
                                frozenset({R.DISPATCHER, R.SUPERVISOR}), frozenset({R.DISPATCHER, R.SUPERVISOR})),
    "alembic_version": _grants(ALL),
}

# Callable functions (schema-qualified signature) -> roles allowed to execute them.
FUNCTION_GRANTS: dict[str, frozenset[Role]] = {
    "dc_api.whoami()": ALL,
    "dc_api.own_password_hash()": ALL,
    "dc_api.login_succeeded()": ALL,
    "dc_api.change_own_password(text, text)": ALL,
    "dc_api.reveal_personal_data(bigint, text)": ALL,
    "dc_api.revealed_personal_data(bigint)": ALL,
}

# Helpers the views and row security call: PostgreSQL checks EXECUTE on functions inside a view against the
# user of the view, so staff roles need them. Each answers only about the session's own account.
HELPER_FUNCTIONS: tuple[str, ...] = (
    "dc_private.session_staff()", "dc_private.session_staff_id()", "dc_private.session_role()",
    "dc_private.session_scope()", "dc_private.sees_personal_data()", "dc_private.require_staff()",
    "dc_private.mask_name(text)", "dc_private.mask_phone(text)", "dc_private.mask_text(text)",
)
FUNCTION_GRANTS.update({function: ALL for function in HELPER_FUNCTIONS})

# Functions only the gate login may call (before a staff member has a session of their own).
GATE_FUNCTIONS: tuple[str, ...] = ("dc_gate.login_state(text)", "dc_gate.login_failed(text)")

# Roles that read citizens' personal data unmasked (mirrors console.domain.masking.UNMASKED_ROLES).
# Columns of ``tickets`` whose values are personal data or may contain it.
PERSONAL_COLUMNS = {"citizen_name": "mask_name", "citizen_phone": "mask_phone",
                    "title": "mask_text", "text": "mask_text"}

# Columns of ``staff`` no staff role reads (secrets and lockout bookkeeping).
STAFF_HIDDEN_COLUMNS = frozenset({"password_hash"})

# Ticket columns nobody changes after intake (the write trigger refuses a change).
TICKET_IMMUTABLE = ("id", "number", "channel", "received_at", "citizen_name", "citizen_phone", "title", "text")

# Ticket columns a unit handler may not change (room decisions).
TICKET_ROOM_ONLY = ("kind", "urgency", "item_code", "citizen_item_code", "catalog_version", "district", "street",
                    "address", "lat", "lon", "claimed_by", "claimed_by_name", "claimed_at", "claimed_workstation",
                    "merged_into_id", "status_before_merge", "rating", "rating_text")
