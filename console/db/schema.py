"""The schema: SQLAlchemy 2 typed models. Migrations in ``migrations/`` must match it (``alembic check``).

Rows here are persistence records; the domain works on ``console.domain`` objects that repositories
build from them. Times are aware UTC (``UTCDateTime``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from console.db.types import JSONType, UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only autoincrements INTEGER PRIMARY KEY; PostgreSQL gets BIGINT identities.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class LineRow(Base):
    """A functional line (条线) from ``resources/reference/lines.csv``."""

    __tablename__ = "lines"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    typical_matters: Mapped[str] = mapped_column(Text, default="")


class TerritoryRow(Base):
    """A district (street is NULL) or a street of a district."""

    __tablename__ = "territories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    district: Mapped[str] = mapped_column(String(20))
    street: Mapped[str | None] = mapped_column(String(20))
    __table_args__ = (UniqueConstraint("district", "street"),)


class UnitRow(Base):
    """A unit: a line at a level in a territory (e.g. 福田区生态环境局, 华富街道办事处)."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    line: Mapped[str] = mapped_column(ForeignKey("lines.code"))
    level: Mapped[str] = mapped_column(String(10))
    district: Mapped[str | None] = mapped_column(String(20))
    street: Mapped[str | None] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (Index("ix_units_line_level_district", "line", "level", "district"),)


class StaffRow(Base):
    """A staff account. ``unit_id`` is set for unit handlers; ``shift_slot`` is the shift (0-5) they work."""

    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    shift_slot: Mapped[int | None] = mapped_column(Integer)
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # consecutive failures
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)  # refused until then, even the right password
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CatalogVersionRow(Base):
    """One version of the duty list, effective from a date. Items of a version never change."""

    __tablename__ = "catalog_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(40), unique=True)
    effective_from: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CatalogNodeRow(Base):
    """A level-1 category or level-2 subcategory of a catalogue version."""

    __tablename__ = "catalog_nodes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("catalog_versions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(4))
    name: Mapped[str] = mapped_column(String(80))
    depth: Mapped[int] = mapped_column(Integer)
    __table_args__ = (UniqueConstraint("version_id", "code"),)


class DutyItemRow(Base):
    """A level-3 item of a catalogue version."""

    __tablename__ = "duty_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("catalog_versions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(6))
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[list[str]] = mapped_column(JSONType, default=list)
    lead_line: Mapped[str] = mapped_column(ForeignKey("lines.code"))
    co_lines: Mapped[list[str]] = mapped_column(JSONType, default=list)
    level: Mapped[str] = mapped_column(String(10))
    territorial: Mapped[str] = mapped_column(String(20))
    accept_hours: Mapped[float] = mapped_column(Float)
    reply_hours: Mapped[float] = mapped_column(Float)
    close_hours: Mapped[float] = mapped_column(Float)
    default_urgency: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (UniqueConstraint("version_id", "code"),)


class CatalogChangeRow(Base):
    """Every change to the duty list: which item, what before and after, why, who."""

    __tablename__ = "catalog_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("catalog_versions.id", ondelete="CASCADE"))
    item_code: Mapped[str | None] = mapped_column(String(6))
    change: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(40), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class TicketCounterRow(Base):
    """The daily sequence behind human ticket numbers; incremented atomically by an upsert."""

    __tablename__ = "ticket_counters"
    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class TicketRow(Base):
    """A citizen request. ``version`` guards against lost updates (SQLAlchemy ``version_id_col``)."""

    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    channel: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    citizen_name: Mapped[str] = mapped_column(String(80), default="")
    citizen_phone: Mapped[str] = mapped_column(String(40), default="")
    district: Mapped[str | None] = mapped_column(String(20))
    street: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    citizen_item_code: Mapped[str | None] = mapped_column(String(6))
    item_code: Mapped[str | None] = mapped_column(String(6))
    catalog_version: Mapped[str | None] = mapped_column(String(40))
    urgency: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    dispatch_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    claimed_by_name: Mapped[str] = mapped_column(String(40), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_workstation: Mapped[str | None] = mapped_column(String(36), index=True)
    rating: Mapped[str | None] = mapped_column(String(30))
    rating_text: Mapped[str] = mapped_column(Text, default="")
    return_count: Mapped[int] = mapped_column(Integer, default=0)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    rollback_count: Mapped[int] = mapped_column(Integer, default=0)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    status_before_merge: Mapped[str | None] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    assignments: Mapped[list[AssignmentRow]] = relationship(
        back_populates="ticket", order_by="AssignmentRow.id", cascade="all, delete-orphan", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_tickets_status_urgency", "status", "urgency"),
        Index("ix_tickets_received_at", "received_at"),
        Index("ix_tickets_citizen_phone", "citizen_phone"),
        Index("ix_tickets_claimed_by", "claimed_by"),
        Index("ix_tickets_district_received_at", "district", "received_at"),
    )


class AssignmentRow(Base):
    """A unit's part in a ticket, with its own state and deadlines (snapshotted limits)."""

    __tablename__ = "assignments"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    role: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(20))
    dispatched_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accept_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reply_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    close_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reply_text: Mapped[str] = mapped_column(Text, default="")
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    return_reason: Mapped[str | None] = mapped_column(String(30))
    return_text: Mapped[str] = mapped_column(Text, default="")
    extension_hours: Mapped[float] = mapped_column(Float, default=0.0)
    pending_extension_hours: Mapped[float | None] = mapped_column(Float)
    pending_extension_reason: Mapped[str] = mapped_column(Text, default="")
    accept_hours: Mapped[float] = mapped_column(Float)
    reply_hours: Mapped[float] = mapped_column(Float)
    close_hours: Mapped[float] = mapped_column(Float)

    ticket: Mapped[TicketRow] = relationship(back_populates="assignments")


class EventRow(Base):
    """An immutable record of one change, appended in the same transaction as the change.

    ``id`` orders events; ``xid`` (PostgreSQL transaction id) lets the change feed read only below the
    commit horizon so that a late-committing transaction is never skipped.
    """

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    actor_name: Mapped[str] = mapped_column(String(40))
    actor_role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    request_id: Mapped[str | None] = mapped_column(String(64))
    xid: Mapped[int | None] = mapped_column(BigInteger, index=True)
    # The audit chain (console.audit.chain): set by the seal trigger (PostgreSQL) or at commit (SQLite).
    chain_seq: Mapped[int | None] = mapped_column(BigInteger, unique=True, index=True)
    hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (Index("ix_events_action_at", "action", "at"),)


class AuditChainRow(Base):
    """The head of the audit chain: one row (id 1), the last sealed ``chain_seq`` and its hash; genesis is
    seq 0 with 64 zeros. A head ahead of the last event row means the tail of the trail was deleted."""

    __tablename__ = "audit_chain"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class RequestRow(Base):
    """A client request id, stored uniquely with the change it made: a retried call returns the stored result."""

    __tablename__ = "requests"
    request_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    result: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class SavedViewRow(Base):
    """A saved queue view (filter, sort, columns). ``owner_id`` NULL with ``shared`` means room-wide."""

    __tablename__ = "saved_views"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    definition: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class HandoverRow(Base):
    """A shift handover: the time window it covers, what was gathered, notes, the incoming acknowledgement."""

    __tablename__ = "handovers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_start: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    shift_end: Mapped[datetime] = mapped_column(UTCDateTime)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    incoming_supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ExportLogRow(Base):
    """Every export: who, when, what filter, how many rows, and the file's SHA-256."""

    __tablename__ = "export_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    actor_name: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(30))
    filter: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    row_count: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255), default="")


class WorkstationRow(Base):
    """A running console: who, where, and its heartbeat. Claims made from it carry its id, so a
    workstation that stops beating (crash, power cut, pulled cable) has its claims released."""

    __tablename__ = "workstations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    hostname: Mapped[str] = mapped_column(String(120), default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    end_reason: Mapped[str] = mapped_column(String(40), default="")



class RoutingModelRow(Base):
    """A learned routing model trained from reviewed history; the active one is blended into routing on
    every workstation (stored in the database so a room shares one model)."""

    __tablename__ = "routing_models"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(60), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    examples: Mapped[int] = mapped_column(Integer)
    labels: Mapped[int] = mapped_column(Integer)
    train_seconds: Mapped[float] = mapped_column(Float)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)


# Tables of the analytics module live in their own file; importing it registers them on Base.metadata.
from console.db import schema_analytics  # noqa: E402, F401
