"""Tables of the analytics part (issue 9): incidents that link several tickets about one event on the ground.

Imported at the end of ``console.db.schema`` so that ``Base.metadata`` (and ``alembic check``) sees them;
modules that use these rows import this module directly. Created by migration ``0003``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.db.schema import Base, BigId
from console.db.types import UTCDateTime


class IncidentRow(Base):
    """One event on the ground (e.g. a street's flooding after a storm) that several tickets report.

    ``status`` is ``open`` or ``closed``; ``item_code`` and the place are those of the hot spot it came from.
    """

    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    district: Mapped[str | None] = mapped_column(String(20))
    street: Mapped[str | None] = mapped_column(String(20))
    item_code: Mapped[str | None] = mapped_column(String(6))
    status: Mapped[str] = mapped_column(String(10), default="open")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (Index("ix_incidents_status_created_at", "status", "created_at"),)


class IncidentTicketRow(Base):
    """A ticket linked to an incident; a ticket belongs to at most one incident."""

    __tablename__ = "incident_tickets"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    linked_by: Mapped[str] = mapped_column(String(40), default="")
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (UniqueConstraint("ticket_id"),)
