"""Work the analytics panels send to the DB worker thread. Plain functions, no Qt; never on the GUI thread.

``refresh_hotspots`` feeds a ``HotspotTracker`` that lives on the worker thread only (the tracker is not
thread-safe, and the worker is a single thread, so every call on one tracker is serialised).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from console.analytics.hotspots import Hotspot, HotspotTracker, TicketSnap, load_snaps
from console.analytics.incidents import IncidentInfo, link_incident
from console.analytics.recurrence import RecurrenceReport, recurrence
from console.analytics.sheets import write_workbook
from console.analytics.suggestions import SuggestionDigest, suggestions_digest
from console.analytics.top import TopProblems, top_problems
from console.domain.ticket import Actor
from console.services.context import ServiceContext


@dataclass(frozen=True)
class Reports:
    """The three reports over one period ending now."""

    since: datetime
    until: datetime
    top: TopProblems
    recurrence: RecurrenceReport
    suggestions: SuggestionDigest


def refresh_hotspots(ctx: ServiceContext, tracker: HotspotTracker) -> tuple[Hotspot, ...]:
    """Feed the tracker the tickets it has not seen yet and return the current hot spots."""
    with ctx.db.reader() as session:
        return tracker.refresh(session, ctx.clock.now())


def cluster_tickets(ctx: ServiceContext, ids: Sequence[int]) -> list[TicketSnap]:
    """The tickets of a cluster, oldest first."""
    with ctx.db.reader() as session:
        snaps = load_snaps(session, list(ids))
    return sorted(snaps, key=lambda s: (s.received_at, s.id))


def link(ctx: ServiceContext, actor: Actor, spot: Hotspot, title: str, *, move: bool = False) -> IncidentInfo:
    """Link every ticket of the hot spot as one incident (the spot's incident when it already has one)."""
    return link_incident(ctx, actor, spot.ticket_ids, title=title, incident_id=spot.incident_id,
                         district=spot.district, street=spot.street, item_code=spot.item_code, move=move)


def load_reports(ctx: ServiceContext, days: float, within: int = 7) -> Reports:
    """Top problems, recurrence (a new ticket within ``within`` days after closing) and suggestions of the last
    ``days`` days."""
    until = ctx.clock.now()
    since = until - timedelta(days=days)
    with ctx.db.reader() as session:
        return Reports(since, until, top_problems(session, since, until),
                       recurrence(session, since, until, days=within), suggestions_digest(session, since, until))


def export(path: Path, results: Sequence[object]) -> Path:
    """One sheet per result, through the core's sheet writers."""
    return write_workbook(path, results)
