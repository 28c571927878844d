"""incidents: tickets about one event on the ground, linked together (issue 9, analytics)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

Two tables: ``incidents`` and ``incident_tickets`` (a ticket belongs to at most one incident).
Models: ``console.db.schema_analytics``. Works on SQLite (batch mode for indexes) and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import console.db.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("district", sa.String(length=20), nullable=True),
        sa.Column("street", sa.String(length=20), nullable=True),
        sa.Column("item_code", sa.String(length=6), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", console.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", console.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index("ix_incidents_status_created_at", ["status", "created_at"], unique=False)

    op.create_table(
        "incident_tickets",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("linked_by", sa.String(length=40), nullable=False),
        sa.Column("linked_at", console.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"],
                                name=op.f("fk_incident_tickets_incident_id_incidents"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_incident_tickets_ticket_id_tickets"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_tickets")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_incident_tickets_ticket_id")),
    )
    with op.batch_alter_table("incident_tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_tickets_incident_id"), ["incident_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incident_tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_tickets_incident_id"))
    op.drop_table("incident_tickets")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incidents_status_created_at")
    op.drop_table("incidents")
