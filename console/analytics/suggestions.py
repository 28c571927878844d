"""Suggestions digest: citizens' suggestions (建议) grouped by topic and district, with counts and a few
representative texts, so that opinions scattered across the city become one report.

Topic: the ticket's duty item (its own, the citizen's, or the item its text names by keyword); suggestions
naming no item are grouped by text likeness (weighted overlap of character bigrams, rare ones weighing
more). Representative texts are the ones sharing most of their group's characteristic bigrams, without
near-duplicates. Reading only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.analytics.keywords import matcher_for
from console.analytics.similarity import BigramStats, bigrams, normalise
from console.db.schema import TicketRow
from console.services.catalog_store import catalog_at


@dataclass(frozen=True, slots=True)
class SuggestionTopic:
    key: str
    label: str
    category: str
    item_code: str | None
    count: int
    districts: tuple[tuple[str, int], ...]
    representatives: tuple[str, ...]
    numbers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SuggestionDigest:
    since: datetime
    until: datetime
    total: int
    topics: tuple[SuggestionTopic, ...]


def suggestions_digest(session: Session, since: datetime, until: datetime, *, representatives: int = 3,
                       text_threshold: float = 0.5, min_count: int = 1) -> SuggestionDigest:
    """Suggestions received in [``since``, ``until``), grouped; topics with ``min_count`` or more, biggest first."""
    catalog = catalog_at(session, until)
    matcher = matcher_for(catalog)
    rows = session.execute(
        select(TicketRow.number, TicketRow.text, TicketRow.district, TicketRow.street, TicketRow.address,
               TicketRow.item_code, TicketRow.citizen_item_code)
        .where(TicketRow.kind == "suggestion", TicketRow.received_at >= since, TicketRow.received_at < until,
               TicketRow.status != "merged").order_by(TicketRow.received_at, TicketRow.id)).all()
    stats = BigramStats()
    grams_of: list[frozenset[str]] = []
    for r in rows:
        grams = bigrams(normalise(r.text, (r.district or "", r.street or "", f"{r.street}街道", r.address)))
        grams_of.append(grams)
        stats.add(grams)
    groups: dict[str, list[int]] = defaultdict(list)
    leaders: list[tuple[str, frozenset[str]]] = []
    by_gram: dict[str, list[int]] = defaultdict(list)   # bigram -> leaders having it (candidates only)
    common = max(10, len(rows) // 5)
    for index, r in enumerate(rows):
        code = r.item_code or r.citizen_item_code or next(iter(matcher.items_in(r.text)), None)
        if code:
            groups[f"item:{code}"].append(index)
            continue
        grams = grams_of[index]
        candidates = {n for g in grams if stats.df[g] <= common for n in by_gram.get(g, ())}
        best = max(candidates, key=lambda n: (stats.containment(grams, leaders[n][1]), -n), default=None)
        if best is not None and stats.containment(grams, leaders[best][1]) >= text_threshold:
            groups[leaders[best][0]].append(index)
        else:
            key = f"text:{len(leaders) + 1}"
            for g in grams:
                by_gram[g].append(len(leaders))
            leaders.append((key, grams))
            groups[key].append(index)
    topics = []
    for key, members in groups.items():
        if len(members) < min_count:
            continue
        counts: Counter[str] = Counter()
        for i in members:
            counts.update(grams_of[i])
        characteristic = {g for g, n in counts.items() if n > 1 or len(members) == 1}
        ranked = sorted(members, key=lambda i: (-sum(stats.weight(g) for g in grams_of[i] & characteristic), i))
        texts: list[str] = []
        chosen: list[frozenset[str]] = []
        for i in ranked:
            if all(stats.similarity(grams_of[i], other) < 0.8 for other in chosen):
                texts.append(rows[i].text)
                chosen.append(grams_of[i])
            if len(texts) >= representatives:
                break
        districts = Counter(rows[i].district or "（未知区）" for i in members)
        if key.startswith("item:"):
            code = key[5:]
            item = catalog.get(code)
            label = item.name if item else code
            category = next((c.name for c in catalog.categories if c.code == code[:2]), code[:2])
        else:
            code, category = None, "（未归类）"
            label = "、".join(stats.top_terms(counts, 3)) or "（其他）"
        topics.append(SuggestionTopic(key, label, category, code, len(members),
                                      tuple(sorted(districts.items(), key=lambda kv: (-kv[1], kv[0]))),
                                      tuple(texts), tuple(rows[i].number for i in members[:20])))
    topics.sort(key=lambda t: (-t.count, t.key))
    return SuggestionDigest(since, until, len(rows), tuple(topics))
