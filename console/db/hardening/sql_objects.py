"""The objects of a hardened room, as SQL: session helpers, masked views, write triggers, callable
functions, the gate, and row security. ``install`` runs them in order as the room's owner role.

Conventions: every function that touches base tables is ``SECURITY DEFINER`` (it runs as the NOLOGIN
owner) with ``search_path`` pinned to ``pg_catalog, public``; the acting staff member is always taken
from ``session_user`` (``dc_private.session_staff()``), never from what the client sends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from console.db.hardening.matrix import (
    PERSONAL_COLUMNS,
    STAFF_HIDDEN_COLUMNS,
    TICKET_IMMUTABLE,
    TICKET_ROOM_ONLY,
    VIEW_GRANTS,
)
from console.domain.enums import Role
from console.domain.lifecycle import TABLE, Action
from console.domain.masking import UNMASKED_ROLES

DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, public"
DENIED = "USING ERRCODE = 'insufficient_privilege'"
# Columns of ``assignments`` a unit handler may not change (the room's decisions about the assignment).
ASSIGNMENT_ROOM_ONLY = ("id", "ticket_id", "unit_id", "role", "extension_hours", "accept_hours", "reply_hours",
                        "close_hours")
# System steps the services take inside a unit handler's own transaction (a second return escalates).
UNIT_HANDLER_SYSTEM_STEPS = frozenset({Action.ESCALATE_RETURN})
DESK_ROLES = (Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR)


def allowed_status_changes() -> list[tuple[str, str, str]]:
    """(role, from status, to status or '*') for every status change a session of ``role`` may write,
    derived from the lifecycle table: its own transitions, plus the system's steps the services take on
    its behalf (all of them at the desk; only the escalation of a second return for unit handlers)."""
    rows: set[tuple[str, str, str]] = set()
    for action, transition in TABLE.items():
        roles = set(transition.roles) - {Role.SYSTEM}
        if Role.SYSTEM in transition.roles:
            roles |= set(DESK_ROLES)
            if action in UNIT_HANDLER_SYSTEM_STEPS:
                roles.add(Role.UNIT_HANDLER)
        for role in roles:
            for source in transition.sources:
                if transition.to is not None and transition.to != source:
                    rows.add((role.value, source.value, transition.to.value))
                elif action is Action.UNMERGE:
                    rows.add((role.value, source.value, "*"))
    return sorted(rows)


def _values(rows: Sequence[tuple[str, ...]]) -> str:
    return ", ".join("(" + ", ".join("'" + v + "'" for v in row) + ")" for row in rows)


def private_tables(prefix: str, version: str, lock_after: int, lock_first_s: int, lock_max_s: int) -> list[str]:
    return [
        "CREATE TABLE dc_private.room (prefix text PRIMARY KEY, version text NOT NULL, lock_after int NOT NULL, "
        "lock_first_seconds int NOT NULL, lock_max_seconds int NOT NULL, installed_at timestamptz NOT NULL)",
        f"INSERT INTO dc_private.room VALUES ('{prefix}', '{version}', {lock_after}, {lock_first_s}, {lock_max_s}, "
        "now())",
        "CREATE TABLE dc_private.status_changes (role text, from_status text, to_status text, "
        "PRIMARY KEY (role, from_status, to_status))",
        f"INSERT INTO dc_private.status_changes VALUES {_values(allowed_status_changes())}",
    ]


def session_functions() -> list[str]:
    unmasked = ", ".join(f"'{r.value}'" for r in sorted(UNMASKED_ROLES))
    return [
        f"""
        CREATE FUNCTION dc_private.session_staff() RETURNS public.staff LANGUAGE sql STABLE {DEFINER} AS $$
            SELECT s.* FROM public.staff s, dc_private.room r
            WHERE r.prefix || '_u_' || s.username = session_user::text AND s.active
        $$""",
        f"""
        CREATE FUNCTION dc_private.session_staff_id() RETURNS int LANGUAGE sql STABLE {DEFINER} AS $$
            SELECT (dc_private.session_staff()).id
        $$""",
        f"""
        CREATE FUNCTION dc_private.session_role() RETURNS text LANGUAGE sql STABLE {DEFINER} AS $$
            SELECT (dc_private.session_staff()).role
        $$""",
        # NULL: every ticket; a unit id: that unit's tickets; -1: nothing (not a staff session).
        f"""
        CREATE FUNCTION dc_private.session_scope() RETURNS int LANGUAGE sql STABLE {DEFINER} AS $$
            SELECT CASE
                WHEN s.id IS NULL THEN
                    CASE WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN NULL ELSE -1 END
                WHEN s.role = 'unit_handler' THEN coalesce(s.unit_id, -1)
                ELSE NULL END
            FROM (SELECT (dc_private.session_staff()).*) s
        $$""",
        f"""
        CREATE FUNCTION dc_private.sees_personal_data() RETURNS boolean LANGUAGE sql STABLE {DEFINER} AS $$
            SELECT coalesce(dc_private.session_role() IN ({unmasked}), false)
        $$""",
        # The one way the hardening's own functions append an event (server time, server-set xid).
        f"""
        CREATE FUNCTION dc_private.append_event(ticket bigint, actor_id int, actor_name text, actor_role text,
                                                action text, reason text, data jsonb) RETURNS void
        LANGUAGE sql {DEFINER} AS $$
            INSERT INTO public.events (ticket_id, at, actor_id, actor_name, actor_role, action, reason, data, xid)
            VALUES (ticket, now(), actor_id, actor_name, actor_role, action, reason, data,
                    pg_current_xact_id()::text::bigint)
        $$""",
        f"""
        CREATE FUNCTION dc_private.require_staff() RETURNS public.staff LANGUAGE plpgsql STABLE {DEFINER} AS $$
        DECLARE me public.staff;
        BEGIN
            me := dc_private.session_staff();
            IF me.id IS NULL THEN
                RAISE EXCEPTION '数据库登录 % 不是在岗工作人员', session_user {DENIED};
            END IF;
            RETURN me;
        END $$""",
    ]


def _visible(ticket_column: str) -> str:
    """The row-security predicate: the session may see the ticket ``ticket_column``."""
    return (f"((SELECT dc_private.session_scope()) IS NULL OR EXISTS (SELECT 1 FROM public.assignments va "
            f"WHERE va.ticket_id = {ticket_column} AND va.unit_id = (SELECT dc_private.session_scope())))")


def views(columns: Mapping[str, Sequence[str]]) -> list[str]:
    """One view per granted table, same name, in ``dc_api``; personal data masked for roles that may
    not see it; unit handlers' assignments limited to their tickets; secrets of ``staff`` left out."""
    statements = []
    for table in VIEW_GRANTS:
        if table not in columns:
            continue
        selected = []
        for column in columns[table]:
            if table == "staff" and column in STAFF_HIDDEN_COLUMNS:
                selected.append(f"''::text AS {column}")  # the ORM maps it; no staff role reads it
                continue
            if table == "tickets" and column in PERSONAL_COLUMNS:
                mask = PERSONAL_COLUMNS[column]
                selected.append(f"CASE WHEN (SELECT dc_private.sees_personal_data()) THEN t.{column} "
                                f"ELSE dc_private.{mask}(t.{column}) END AS {column}")
            else:
                selected.append(f"t.{column}")
        where = ""
        if table == "assignments":
            where = f" WHERE {_visible('t.ticket_id')}"
        elif table == "requests":
            where = " WHERE t.actor_id = (SELECT dc_private.session_staff_id())"
        check = " WITH CASCADED CHECK OPTION" if table == "requests" else ""
        statements.append(f"CREATE VIEW dc_api.{table} WITH (security_barrier) AS SELECT {', '.join(selected)} "
                          f"FROM public.{table} t{where}{check}")
    return statements


def _changed(columns: Sequence[str]) -> str:
    return " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns)


def write_triggers(columns: Mapping[str, Sequence[str]]) -> list[str]:
    """INSTEAD OF triggers that make the ticket, assignment and event views the only way to write them."""
    ticket_cols = [c for c in columns["tickets"] if c != "id"]
    ticket_mutable = [c for c in columns["tickets"] if c not in TICKET_IMMUTABLE]
    assignment_cols = [c for c in columns["assignments"] if c != "id"]
    assignment_mutable = [c for c in assignment_cols if c not in ("ticket_id",)]
    event_cols = [c for c in columns["events"]
                  if c not in ("id", "actor_id", "actor_name", "actor_role", "xid", "chain_seq", "hash", "data")]
    desk = ", ".join(f"'{r.value}'" for r in DESK_ROLES)
    return [
        f"""
        CREATE FUNCTION dc_private.tickets_write() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
        DECLARE me public.staff := dc_private.require_staff();
        BEGIN
            IF TG_OP = 'INSERT' THEN
                IF me.role NOT IN ({desk}) THEN
                    RAISE EXCEPTION '「%」不能受理工单', me.role {DENIED};
                END IF;
                IF NEW.status <> 'received' AND NOT EXISTS (SELECT 1 FROM dc_private.status_changes c
                        WHERE c.role = me.role AND c.from_status = 'received' AND c.to_status = NEW.status) THEN
                    RAISE EXCEPTION '新工单不能以状态 % 受理', NEW.status {DENIED};
                END IF;
                IF NEW.claimed_by IS NOT NULL AND NEW.claimed_by <> me.id THEN
                    RAISE EXCEPTION '新工单只能由受理人本人认领' {DENIED};
                END IF;
                INSERT INTO public.tickets ({', '.join(ticket_cols)})
                VALUES ({', '.join('NEW.' + c for c in ticket_cols)}) RETURNING id INTO NEW.id;
                RETURN NEW;
            END IF;
            IF {_changed(TICKET_IMMUTABLE)} THEN
                RAISE EXCEPTION '工单 % 的受理信息（编号、来源、诉求人、标题、内容）不可修改', OLD.number {DENIED};
            END IF;
            IF me.role = 'unit_handler' AND ({_changed(TICKET_ROOM_ONLY)}) THEN
                RAISE EXCEPTION '承办单位不能修改工单 % 的分拨信息', OLD.number {DENIED};
            END IF;
            IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
                SELECT 1 FROM dc_private.status_changes c WHERE c.role = me.role AND c.from_status = OLD.status
                AND c.to_status IN (NEW.status, '*')) THEN
                RAISE EXCEPTION '「%」不能把工单 % 从 % 改为 %', me.role, OLD.number, OLD.status, NEW.status {DENIED};
            END IF;
            IF NEW.claimed_by IS DISTINCT FROM OLD.claimed_by AND NEW.claimed_by IS NOT NULL
               AND NEW.claimed_by <> me.id AND me.role <> 'supervisor' THEN
                RAISE EXCEPTION '只有值班长能把工单 % 指派给他人', OLD.number {DENIED};
            END IF;
            UPDATE public.tickets SET ({', '.join(ticket_mutable)}) = ({', '.join('NEW.' + c for c in ticket_mutable)})
            WHERE id = OLD.id;
            IF NOT FOUND THEN RETURN NULL; END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER tickets_write INSTEAD OF INSERT OR UPDATE ON dc_api.tickets "
        "FOR EACH ROW EXECUTE FUNCTION dc_private.tickets_write()",
        f"""
        CREATE FUNCTION dc_private.assignments_write() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
        DECLARE me public.staff := dc_private.require_staff();
        BEGIN
            IF TG_OP = 'INSERT' THEN
                IF me.role NOT IN ({desk}) THEN
                    RAISE EXCEPTION '「%」不能分拨工单', me.role {DENIED};
                END IF;
                IF NOT EXISTS (SELECT 1 FROM public.tickets WHERE id = NEW.ticket_id) THEN
                    RAISE EXCEPTION '工单 % 不存在', NEW.ticket_id USING ERRCODE = 'no_data_found';
                END IF;
                INSERT INTO public.assignments ({', '.join(assignment_cols)})
                VALUES ({', '.join('NEW.' + c for c in assignment_cols)}) RETURNING id INTO NEW.id;
                RETURN NEW;
            END IF;
            IF me.role = 'unit_handler' AND (OLD.unit_id IS DISTINCT FROM me.unit_id
                                             OR {_changed(ASSIGNMENT_ROOM_ONLY)}) THEN
                RAISE EXCEPTION '承办单位只能处理本单位的派单' {DENIED};
            END IF;
            IF NEW.ticket_id IS DISTINCT FROM OLD.ticket_id OR NEW.id IS DISTINCT FROM OLD.id THEN
                RAISE EXCEPTION '派单不能移到其他工单' {DENIED};
            END IF;
            UPDATE public.assignments
            SET ({', '.join(assignment_mutable)}) = ({', '.join('NEW.' + c for c in assignment_mutable)})
            WHERE id = OLD.id;
            IF NOT FOUND THEN RETURN NULL; END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER assignments_write INSTEAD OF INSERT OR UPDATE ON dc_api.assignments "
        "FOR EACH ROW EXECUTE FUNCTION dc_private.assignments_write()",
        # The actor is the session's staff member whatever the client wrote; a different stated actor (the
        # system acting inside a staff member's transaction) is kept in data.stated_actor.
        f"""
        CREATE FUNCTION dc_private.events_write() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
        DECLARE me public.staff := dc_private.require_staff(); payload jsonb := coalesce(NEW.data, '{{}}'::jsonb);
        BEGIN
            IF NEW.actor_id IS DISTINCT FROM me.id OR NEW.actor_role IS DISTINCT FROM me.role THEN
                payload := payload || jsonb_build_object('stated_actor', jsonb_build_object(
                    'id', NEW.actor_id, 'name', NEW.actor_name, 'role', NEW.actor_role));
            END IF;
            INSERT INTO public.events ({', '.join(event_cols)}, actor_id, actor_name, actor_role, data, xid)
            VALUES ({', '.join('NEW.' + c for c in event_cols)}, me.id, me.display_name, me.role, payload,
                    pg_current_xact_id()::text::bigint)
            RETURNING id INTO NEW.id;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER events_write INSTEAD OF INSERT ON dc_api.events "
        "FOR EACH ROW EXECUTE FUNCTION dc_private.events_write()",
    ]


def row_security() -> list[str]:
    """Row security on the base tables, forced on the owner too, so the definer functions and views obey it."""
    # Account events (logins, locks, password changes): supervisors and admins read all, others their own.
    account_events = ("((SELECT dc_private.session_scope()) IS NULL AND ((SELECT dc_private.session_role()) IS NULL "
                      "OR (SELECT dc_private.session_role()) IN ('supervisor', 'admin'))) "
                      "OR actor_id = (SELECT dc_private.session_staff_id())")
    return [
        "ALTER TABLE public.tickets ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE public.tickets FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY tickets_scope ON public.tickets USING ({_visible('tickets.id')}) WITH CHECK (true)",
        "ALTER TABLE public.events ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE public.events FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY events_read ON public.events FOR SELECT USING ("
        f"(ticket_id IS NOT NULL AND {_visible('events.ticket_id')}) OR (ticket_id IS NULL AND {account_events}))",
        f"CREATE POLICY events_append ON public.events FOR INSERT WITH CHECK ("
        f"ticket_id IS NULL OR {_visible('events.ticket_id')})",
    ]


def row_security_off() -> list[str]:
    return [
        "DROP POLICY IF EXISTS tickets_scope ON public.tickets",
        "ALTER TABLE public.tickets NO FORCE ROW LEVEL SECURITY",
        "ALTER TABLE public.tickets DISABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS events_read ON public.events",
        "DROP POLICY IF EXISTS events_append ON public.events",
        "ALTER TABLE public.events NO FORCE ROW LEVEL SECURITY",
        "ALTER TABLE public.events DISABLE ROW LEVEL SECURITY",
    ]


def api_functions() -> list[str]:
    """What a staff session may call besides the views (see ``matrix.FUNCTION_GRANTS``)."""
    return [
        f"""
        CREATE FUNCTION dc_api.whoami(OUT id int, OUT username text, OUT display_name text, OUT role text,
                                      OUT unit_id int) LANGUAGE sql STABLE {DEFINER} AS $$
            SELECT s.id, s.username, s.display_name, s.role, s.unit_id FROM dc_private.require_staff() s
        $$""",
        f"""
        CREATE FUNCTION dc_api.own_password_hash() RETURNS text LANGUAGE sql STABLE {DEFINER} AS $$
            SELECT s.password_hash FROM public.staff s WHERE s.id = (dc_private.require_staff()).id
        $$""",
        f"""
        CREATE FUNCTION dc_api.login_succeeded(OUT id int, OUT username text, OUT display_name text, OUT role text,
                                               OUT unit_id int) LANGUAGE plpgsql {DEFINER} AS $$
        DECLARE me public.staff := dc_private.require_staff();
        BEGIN
            UPDATE public.staff SET failed_logins = 0, locked_until = NULL, last_login_at = now()
            WHERE staff.id = me.id;
            PERFORM dc_private.append_event(NULL, me.id, me.display_name, me.role, 'login', '',
                                            '{{"via": "database login"}}'::jsonb);
            id := me.id; username := me.username; display_name := me.display_name; role := me.role;
            unit_id := me.unit_id;
        END $$""",
        f"""
        CREATE FUNCTION dc_api.change_own_password(new_password text, new_hash text) RETURNS void
        LANGUAGE plpgsql {DEFINER} AS $$
        DECLARE me public.staff := dc_private.require_staff();
        BEGIN
            IF char_length(coalesce(new_password, '')) < 8 THEN
                RAISE EXCEPTION '新密码至少 8 位' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, new_password);
            UPDATE public.staff SET password_hash = new_hash, password_changed_at = now() WHERE staff.id = me.id;
            PERFORM dc_private.append_event(NULL, me.id, me.display_name, me.role, 'password_changed', '',
                                            '{{}}'::jsonb);
        END $$""",
        f"""
        CREATE FUNCTION dc_api.reveal_personal_data(ticket bigint, reason text, OUT citizen_name text,
                                                    OUT citizen_phone text, OUT address text, OUT title text,
                                                    OUT text text) LANGUAGE plpgsql {DEFINER} AS $$
        DECLARE me public.staff := dc_private.require_staff(); row public.tickets;
        BEGIN
            IF char_length(btrim(coalesce(reason, ''))) < 2 THEN
                RAISE EXCEPTION '查看完整信息须填写理由（至少 2 个字）' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            SELECT * INTO row FROM public.tickets t WHERE t.id = ticket;
            IF row.id IS NULL THEN
                RAISE EXCEPTION '工单 % 不存在或不属于您的单位', ticket {DENIED};
            END IF;
            PERFORM dc_private.append_event(row.id, me.id, me.display_name, me.role, 'reveal_personal_data',
                                            btrim(reason),
                                            '{{"fields": ["citizen_name", "citizen_phone", "address", "text"]}}');
            citizen_name := row.citizen_name; citizen_phone := row.citizen_phone; address := row.address;
            title := row.title; text := row.text;
        END $$""",
    ]


REVEAL_WINDOW = "30 minutes"  # how long a recorded reveal lets its author re-read the ticket unmasked


def reveal_window_function() -> str:
    return f"""
        CREATE FUNCTION dc_api.revealed_personal_data(ticket bigint, OUT citizen_name text, OUT citizen_phone text,
                                                      OUT address text, OUT title text, OUT text text)
        LANGUAGE plpgsql STABLE {DEFINER} AS $$
        DECLARE me public.staff := dc_private.require_staff(); row public.tickets;
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM public.events e WHERE e.ticket_id = ticket AND e.actor_id = me.id
                           AND e.action = 'reveal_personal_data' AND e.at > now() - interval '{REVEAL_WINDOW}') THEN
                RETURN;  -- no recorded reveal: nothing
            END IF;
            SELECT * INTO row FROM public.tickets t WHERE t.id = ticket;
            citizen_name := row.citizen_name; citizen_phone := row.citizen_phone; address := row.address;
            title := row.title; text := row.text;
        END $$"""


def gate_functions() -> list[str]:
    """Called by the gate login before a staff member has a session: is the account locked; a failure.

    A lock makes the staff member's login NOLOGIN, so the server itself refuses it until the lock ends."""
    return [
        f"""
        CREATE FUNCTION dc_gate.login_state(account text) RETURNS timestamptz LANGUAGE plpgsql {DEFINER} AS $$
        DECLARE s public.staff; r dc_private.room;
        BEGIN
            SELECT * INTO r FROM dc_private.room;
            SELECT * INTO s FROM public.staff WHERE username = account AND active;
            IF s.id IS NULL THEN RETURN NULL; END IF;
            IF s.locked_until IS NOT NULL AND s.locked_until <= now() THEN
                EXECUTE format('ALTER ROLE %I LOGIN', r.prefix || '_u_' || s.username);
                UPDATE public.staff SET locked_until = NULL WHERE id = s.id;
                RETURN NULL;
            END IF;
            RETURN s.locked_until;
        END $$""",
        f"""
        CREATE FUNCTION dc_gate.login_failed(account text) RETURNS timestamptz LANGUAGE plpgsql {DEFINER} AS $$
        DECLARE s public.staff; r dc_private.room; until timestamptz; failures int;
        BEGIN
            SELECT * INTO r FROM dc_private.room;
            SELECT * INTO s FROM public.staff WHERE username = account AND active FOR UPDATE;
            IF s.id IS NULL THEN
                PERFORM dc_private.append_event(NULL, NULL, left(account, 40), '', 'login_failed', '',
                                                '{{"known": false}}');
                RETURN NULL;
            END IF;
            failures := s.failed_logins + 1;
            IF failures >= r.lock_after THEN
                until := now() + make_interval(secs => least(r.lock_max_seconds,
                                                r.lock_first_seconds * power(2, failures - r.lock_after)));
                EXECUTE format('ALTER ROLE %I NOLOGIN', r.prefix || '_u_' || s.username);
            END IF;
            UPDATE public.staff SET failed_logins = failures, locked_until = until WHERE id = s.id;
            PERFORM dc_private.append_event(NULL, s.id, s.display_name, s.role, 'login_failed', '',
                                            jsonb_build_object('failures', failures));
            IF until IS NOT NULL THEN
                PERFORM dc_private.append_event(NULL, s.id, s.display_name, s.role, 'account_locked', '',
                                                jsonb_build_object('until', until, 'failures', failures));
            END IF;
            RETURN until;
        END $$""",
    ]
