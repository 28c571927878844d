"""audit chain: events sealed into one hash chain; the event table append-only

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24

``events`` gains ``chain_seq`` (unique) and ``hash``; ``audit_chain`` holds the head (one row, genesis
seq 0 / 64 zeros). Existing rows are sealed here in id order. The payload and link are defined in
``console.audit.chain``; this file holds their one SQL mirror (``audit_event_payload``, ``audit_link``).

PostgreSQL: ``zz_events_audit_seal`` (BEFORE INSERT, per row; named to fire after any other BEFORE INSERT
trigger, so the hash covers the final row) locks the head row (``FOR UPDATE``, held to commit) and, inside
that lock, takes the last sealed row (the head, or the row this statement sealed last), assigns
``chain_seq`` and ``hash`` over the row exactly as stored. ``zz_events_audit_head`` (AFTER INSERT, per
statement) advances the head once per statement: updating the single head row once per event inside one
transaction makes every lookup walk all its earlier versions (a 40,000-row INSERT took 29 s; per
statement, 80,000 rows take about 2 s). Both run with ``enable_seqscan = off``, a precaution: PL/pgSQL
caches their plans, possibly made while the table looked empty, and a sequential scan per sealed row would
be quadratic. Guards: UPDATE/DELETE per row and TRUNCATE per statement raise on ``events``; the head can
neither go back nor be deleted. The trigger functions are SECURITY DEFINER with a pinned ``search_path``;
the three SQL helpers qualify names instead (a ``SET`` clause stops PostgreSQL inlining them: the demo's
COPY then cost several hundred microseconds per row instead of a few tens).

SQLite: the application seals at commit (``console.audit.sqlite_seal``); triggers here refuse to change a
sealed row or delete any row (a guard against mistakes: whoever holds the file can drop them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64

PG_FUNCTIONS = r"""
CREATE FUNCTION audit_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT COALESCE(pg_catalog.replace(pg_catalog.replace(value, E'\\', E'\\\\'), '|', E'\\|'), E'\\N')
$$;

CREATE FUNCTION audit_event_payload(e public.events) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT pg_catalog.concat_ws('|', public.audit_text(e.chain_seq::text), public.audit_text(e.id::text),
        public.audit_text(e.ticket_id::text),
        public.audit_text((pg_catalog.extract('epoch', e.at) * 1000000)::bigint::text),
        public.audit_text(e.actor_id::text), public.audit_text(e.actor_name), public.audit_text(e.actor_role),
        public.audit_text(e.action), public.audit_text(e.from_status), public.audit_text(e.to_status),
        public.audit_text(e.reason), public.audit_text(e.data::text), public.audit_text(e.request_id))
$$;

CREATE FUNCTION audit_link(previous_hash text, payload text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(previous_hash || '|' || payload, 'UTF8')),
                             'hex')
$$;

CREATE FUNCTION audit_seal_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET enable_seqscan = off AS $$
DECLARE
    last_seq bigint;
    last_hash text;
BEGIN
    -- The head row stays locked until commit: concurrent writers seal one after the other.
    SELECT coalesce(e.chain_seq, h.seq), coalesce(e.hash, h.hash) INTO last_seq, last_hash
      FROM (SELECT seq, hash FROM audit_chain WHERE id = 1 FOR UPDATE) AS h
      LEFT JOIN LATERAL (SELECT chain_seq, hash FROM events WHERE chain_seq > h.seq
                         ORDER BY chain_seq DESC LIMIT 1) AS e ON true;
    IF last_seq IS NULL THEN
        RAISE EXCEPTION 'audit chain head missing (audit_chain row 1)';
    END IF;
    NEW.chain_seq := last_seq + 1;
    NEW.hash := audit_link(last_hash, audit_event_payload(NEW));
    RETURN NEW;
END $$;

CREATE FUNCTION audit_advance_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET enable_seqscan = off AS $$
BEGIN
    UPDATE audit_chain AS h SET seq = e.chain_seq, hash = e.hash
      FROM (SELECT chain_seq, hash FROM events WHERE chain_seq > (SELECT seq FROM audit_chain WHERE id = 1)
            ORDER BY chain_seq DESC LIMIT 1) AS e
     WHERE h.id = 1;
    RETURN NULL;
END $$;

CREATE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
        MESSAGE = TG_OP || ' on ' || TG_TABLE_NAME || ' refused: the audit trail is append-only';
END $$;

CREATE FUNCTION audit_head_forward() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.seq < OLD.seq THEN
        RAISE EXCEPTION 'the audit chain head only moves forward' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
"""

PG_SEAL_EXISTING = """
DO $$
DECLARE
    r public.events;
    n bigint := 0;
    h text := repeat('0', 64);
BEGIN
    FOR r IN SELECT * FROM events ORDER BY id LOOP
        n := n + 1;
        r.chain_seq := n;
        h := audit_link(h, audit_event_payload(r));
        UPDATE events SET chain_seq = n, hash = h WHERE id = r.id;
    END LOOP;
    UPDATE audit_chain SET seq = n, hash = h WHERE id = 1;
END $$
"""

PG_TRIGGERS = """
CREATE TRIGGER zz_events_audit_seal BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION audit_seal_event();
CREATE TRIGGER zz_events_audit_head AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_advance_head();
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_forward BEFORE UPDATE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_head_forward();
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
"""

PG_DROP = """
DROP TRIGGER IF EXISTS audit_chain_forward ON audit_chain;
DROP TRIGGER IF EXISTS audit_chain_no_delete ON audit_chain;
DROP TRIGGER IF EXISTS audit_chain_no_truncate ON audit_chain;
DROP TRIGGER IF EXISTS zz_events_audit_seal ON events;
DROP TRIGGER IF EXISTS zz_events_audit_head ON events;
DROP TRIGGER IF EXISTS events_append_only ON events;
DROP TRIGGER IF EXISTS events_no_truncate ON events;
DROP FUNCTION IF EXISTS audit_seal_event();
DROP FUNCTION IF EXISTS audit_advance_head();
DROP FUNCTION IF EXISTS audit_refuse_change();
DROP FUNCTION IF EXISTS audit_head_forward();
DROP FUNCTION IF EXISTS audit_event_payload(public.events);
DROP FUNCTION IF EXISTS audit_link(text, text);
DROP FUNCTION IF EXISTS audit_text(text);
"""

SQLITE_TRIGGERS = (
    """CREATE TRIGGER events_sealed_rows_fixed BEFORE UPDATE ON events WHEN OLD.hash IS NOT NULL
       BEGIN SELECT RAISE(ABORT, 'UPDATE on events refused: the audit trail is append-only'); END""",
    """CREATE TRIGGER events_no_delete BEFORE DELETE ON events
       BEGIN SELECT RAISE(ABORT, 'DELETE on events refused: the audit trail is append-only'); END""",
)


def _execute_script(script: str) -> None:
    """Run each statement of ``script`` (statements end with ``;`` at the end of a line; ``$$`` bodies
    keep theirs inside) through the driver, so ``:`` in function bodies stays literal (no ``%`` here:
    the driver would read it as a placeholder)."""
    bind = op.get_bind()
    statement: list[str] = []
    in_body = False
    for line in script.splitlines():
        statement.append(line)
        in_body ^= line.count("$$") % 2 == 1
        if (not in_body and line.rstrip().endswith(";")) or line.rstrip() == "END $$":
            text = "\n".join(statement).strip()
            if text:
                bind.exec_driver_sql(text)
            statement = []
    rest = "\n".join(statement).strip()
    if rest:
        bind.exec_driver_sql(rest)


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain_seq", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_events_chain_seq"), ["chain_seq"], unique=True)
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_chain_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
    )
    op.execute(sa.text("INSERT INTO audit_chain (id, seq, hash) VALUES (1, 0, :genesis)")
               .bindparams(genesis=GENESIS_HASH))
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for script in (PG_FUNCTIONS, PG_SEAL_EXISTING, PG_TRIGGERS):
            _execute_script(script)
        return
    from console.audit.sqlite_seal import seal_unsealed

    seal_unsealed(bind)
    for statement in SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _execute_script(PG_DROP)
    else:
        op.execute("DROP TRIGGER IF EXISTS events_sealed_rows_fixed")
        op.execute("DROP TRIGGER IF EXISTS events_no_delete")
    op.drop_table("audit_chain")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_chain_seq"))
        batch_op.drop_column("hash")
        batch_op.drop_column("chain_seq")
