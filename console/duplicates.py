"""Probable duplicates (并案 candidates): same place, similar text, close in time.

Scoring is a pure function; the query narrows candidates to the same district within a time window,
so a check costs one indexed range query and a few thousand bigram comparisons at most. With ``masked``
(viewers outside ``UNMASKED_ROLES``) the candidates' titles have their phone and ID numbers masked; the
comparison itself always uses the stored text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.schema import TicketRow
from console.domain.masking import mask_text

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
_BOILERPLATE = ("市民来电反映", "市民反映", "市民咨询", "市民求助", "诉求", "请相关部门", "尽快处理", "希望")


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    ticket_id: int
    number: str
    score: float
    text_similarity: float
    same_street: bool
    hours_apart: float
    status: str
    title: str


def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of the text without punctuation and hotline boilerplate."""
    for phrase in _BOILERPLATE:
        text = text.replace(phrase, "")
    compact = _NOISE.sub("", text)
    return frozenset(compact[i:i + 2] for i in range(len(compact) - 1))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient of two bigram sets (robust to one text being much longer)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def score(text_similarity: float, same_street: bool, same_item: bool, hours_apart: float,
          window_hours: float) -> float:
    closeness = max(0.0, 1.0 - hours_apart / window_hours)
    return round(0.6 * text_similarity + 0.15 * same_street + 0.1 * same_item + 0.15 * closeness, 4)


def probable_duplicates(session: Session, *, text: str, district: str | None, street: str | None,
                        item_code: str | None, received_at: datetime, exclude_id: int | None = None,
                        window_hours: float = 72, threshold: float = 0.55, limit: int = 5, masked: bool = False
                        ) -> list[DuplicateCandidate]:
    """Tickets of the same district received within ``window_hours`` before or after ``received_at`` whose
    score reaches ``threshold``, best first. Without a district nothing is suggested (too broad)."""
    if not district:
        return []
    window = timedelta(hours=window_hours)
    rows = session.execute(
        select(TicketRow.id, TicketRow.number, TicketRow.text, TicketRow.street, TicketRow.item_code,
               TicketRow.received_at, TicketRow.status, TicketRow.title)
        .where(TicketRow.district == district, TicketRow.received_at.between(received_at - window,
                                                                               received_at + window),
               TicketRow.status != "merged")
        .limit(5000)).all()
    mine = bigrams(text)
    found = []
    for row in rows:
        if row.id == exclude_id:
            continue
        text_sim = similarity(mine, bigrams(row.text))
        if text_sim < 0.3:
            continue
        hours = abs((row.received_at - received_at).total_seconds()) / 3600
        same_street = bool(street) and row.street == street
        value = score(text_sim, same_street, bool(item_code) and row.item_code == item_code, hours, window_hours)
        if value >= threshold:
            found.append(DuplicateCandidate(row.id, row.number, value, round(text_sim, 3), same_street,
                                            round(hours, 2), row.status,
                                            mask_text(row.title) if masked else row.title))
    return sorted(found, key=lambda c: -c.score)[:limit]


def duplicates_of(session: Session, ticket_id: int, *, masked: bool = False,
                  **options: float) -> list[DuplicateCandidate]:
    """Probable duplicates of a stored ticket (for the review desk); titles masked when ``masked``."""
    row = session.get(TicketRow, ticket_id)
    if row is None:
        return []
    return probable_duplicates(session, text=row.text, district=row.district, street=row.street,
                               item_code=row.item_code, received_at=row.received_at, exclude_id=row.id,
                               masked=masked, **options)  # type: ignore[arg-type]
