"""Quality of auto-routing as the reviewers judged it (人工复核), for supervisors.

Read from the dispatch events: each dispatch of a reviewed ticket records the router's suggestion and the
reviewer's decision (``console.services.triage.review_outcome``); a dispatch by the system is an automatic
one. Figures over a time window: per-item precision of suggestions, the most-corrected items and the
corrections they received, and the share of tickets dispatched without review.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.schema import EventRow


@dataclass(frozen=True, slots=True)
class ItemPrecision:
    item_code: str
    suggested: int
    accepted: int

    @property
    def precision(self) -> float:
        return self.accepted / self.suggested if self.suggested else 0.0


@dataclass(frozen=True)
class ReviewQuality:
    since: datetime
    until: datetime
    dispatched: int
    automatic: int
    reviewed: int
    accepted: int
    corrected: int
    items: tuple[ItemPrecision, ...]
    corrections: tuple[tuple[str, str, int], ...]   # (suggested, chosen, count), most frequent first

    @property
    def automatic_share(self) -> float:
        return self.automatic / self.dispatched if self.dispatched else 0.0

    @property
    def overall_precision(self) -> float:
        judged = self.accepted + self.corrected
        return self.accepted / judged if judged else 0.0

    def most_corrected(self, limit: int = 10) -> list[ItemPrecision]:
        """Items whose suggestions were corrected most often (absolute count, then precision)."""
        ranked = sorted(self.items, key=lambda i: (-(i.suggested - i.accepted), i.precision))
        return [i for i in ranked if i.suggested > i.accepted][:limit]


def review_quality(session: Session, since: datetime, until: datetime) -> ReviewQuality:
    """Figures over dispatches in [since, until). The first dispatch of each ticket counts once."""
    rows = session.execute(select(EventRow.ticket_id, EventRow.actor_role, EventRow.data)
                           .where(EventRow.action == "dispatch", EventRow.at >= since, EventRow.at < until)
                           .order_by(EventRow.id)).all()
    first: dict[int, tuple[str, dict]] = {}
    for ticket_id, role, data in rows:
        if ticket_id is not None and ticket_id not in first:
            first[ticket_id] = (role, data or {})
    suggested: Counter[str] = Counter()
    accepted: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    automatic = reviewed = n_accepted = n_corrected = 0
    for role, data in first.values():
        review = data.get("review")
        if role == "system" and review is None:
            automatic += 1
            continue
        if not review:
            continue
        reviewed += 1
        item = review.get("suggested_item")
        if not item or review.get("decision") == "no_suggestion":
            continue
        suggested[item] += 1
        if review.get("decision") == "accepted":
            accepted[item] += 1
            n_accepted += 1
        else:
            n_corrected += 1
            pairs[(item, review.get("chosen_item") or "?")] += 1
    items = tuple(sorted((ItemPrecision(code, n, accepted[code]) for code, n in suggested.items()),
                         key=lambda i: (-i.suggested, i.item_code)))
    return ReviewQuality(since, until, len(first), automatic, reviewed, n_accepted, n_corrected, items,
                         tuple((a, b, n) for (a, b), n in pairs.most_common()))
