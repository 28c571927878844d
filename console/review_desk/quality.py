"""The supervisors' routing-quality report: ``console.review_quality`` figures with item names, over a
named window (today, this shift, 7 days). Caller's thread (the DB worker)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from console.db.engine import Database
from console.domain.clock import to_room_time
from console.domain.shifts import Shift
from console.queries.queue import item_directory
from console.review_quality import ReviewQuality, review_quality

WINDOWS = ("today", "shift", "week")


@dataclass(frozen=True, slots=True)
class ItemRow:
    code: str
    name: str
    suggested: int
    accepted: int

    @property
    def corrected(self) -> int:
        return self.suggested - self.accepted

    @property
    def precision(self) -> float:
        return self.accepted / self.suggested if self.suggested else 0.0


@dataclass(frozen=True, slots=True)
class CorrectionRow:
    suggested_code: str
    suggested_name: str
    chosen_code: str
    chosen_name: str
    count: int


@dataclass(frozen=True)
class QualityReport:
    quality: ReviewQuality
    items: tuple[ItemRow, ...]  # by corrections (most first), then suggestions
    corrections: tuple[CorrectionRow, ...]  # most frequent first


def window_bounds(window: str, now: datetime, shift: Shift) -> tuple[datetime, datetime]:
    """[since, until) of ``today`` (room-time midnight), ``shift`` (the current shift) or ``week`` (7 days)."""
    if window == "shift":
        return shift.start, now
    if window == "week":
        return now - timedelta(days=7), now
    local = to_room_time(now)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return now - (local - midnight), now


def quality_report(db: Database, since: datetime, until: datetime) -> QualityReport:
    with db.reader() as s:
        quality = review_quality(s, since, until + timedelta(microseconds=1))
        names = item_directory(s)

    def name(code: str) -> str:
        return names.get(code, ("", ""))[0]

    items = tuple(sorted((ItemRow(i.item_code, name(i.item_code), i.suggested, i.accepted) for i in quality.items),
                         key=lambda r: (-r.corrected, -r.suggested, r.code)))
    corrections = tuple(CorrectionRow(a, name(a), b, name(b), n) for a, b, n in quality.corrections)
    return QualityReport(quality, items, corrections)
