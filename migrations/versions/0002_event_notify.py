"""PostgreSQL: NOTIFY on committed events (payload: ticket ids only)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

A statement-level trigger sends one notification per inserting statement on channel
``dispatch_events`` with up to 100 distinct ticket ids (comma-separated); a bigger statement sends an
empty payload, which listeners treat as "catch up". Notifications are delivered at commit and only wake
consoles up: the event table, read from each console's cursor, is the record.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("""
        CREATE FUNCTION notify_dispatch_events() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            ids text;
            n integer;
        BEGIN
            SELECT count(DISTINCT ticket_id) INTO n FROM new_events;
            IF n <= 100 THEN
                SELECT coalesce(string_agg(DISTINCT ticket_id::text, ','), '') INTO ids FROM new_events;
            ELSE
                ids := '';
            END IF;
            PERFORM pg_notify('dispatch_events', ids);
            RETURN NULL;
        END $$
    """)
    op.execute("""
        CREATE TRIGGER events_notify AFTER INSERT ON events
        REFERENCING NEW TABLE AS new_events
        FOR EACH STATEMENT EXECUTE FUNCTION notify_dispatch_events()
    """)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS events_notify ON events")
    op.execute("DROP FUNCTION IF EXISTS notify_dispatch_events()")
