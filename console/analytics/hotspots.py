"""Hot spots: tickets about the same place and the same problem within a time window.

A ticket joins a cluster at the same district and street whose last ticket is at most ``window`` older, when
the problem matches — the same duty item (the ticket's item, the citizen's, or the items its text names by
keyword) — or when the texts are alike (character bigrams weighted by rarity among the clusters, with the
place names removed: weighted overlap ≥ ``text_threshold`` and weighted Jaccard ≥ ``text_floor``; only once
``min_docs_for_text`` clusters exist, before that the weights mean nothing; never between a ticket and a cluster
that both name a different item). A cluster spans at most ``max_span``; one with at least ``min_size`` tickets
is a hot spot.

``HotspotTracker`` is incremental: ``refresh(session, now)`` reads only tickets it has not seen (received in
the window), so it can run every few seconds beside the live queue. ``find_hotspots`` runs the same rules over
a past period. Results are immutable ``Hotspot`` values. Not thread-safe: one tracker per thread.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.analytics.keywords import KeywordMatcher, matcher_for
from console.analytics.similarity import BigramStats, bigrams, normalise
from console.db.schema import TicketRow
from console.db.schema_analytics import IncidentTicketRow
from console.domain.catalog import Catalog
from console.services.catalog_store import catalog_at

PROBLEM_KINDS = ("complaint", "help")
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class TicketSnap:
    """The fields clustering needs from a ticket."""

    id: int
    number: str
    received_at: datetime
    district: str | None
    street: str | None
    address: str
    item_code: str | None
    text: str
    kind: str = "complaint"
    status: str = "received"


@dataclass(frozen=True, slots=True)
class Hotspot:
    """A cluster of at least ``min_size`` tickets. ``key`` is stable while the cluster lives."""

    key: str
    district: str | None
    street: str | None
    item_code: str | None
    item_name: str
    size: int
    first_at: datetime
    last_at: datetime
    ticket_ids: tuple[int, ...]
    numbers: tuple[str, ...]
    open_count: int
    terms: tuple[str, ...]
    sample_text: str
    incident_id: int | None = None

    @property
    def place(self) -> str:
        return f"{self.district or ''}{(self.street + '街道') if self.street else ''}" or "（未知地点）"

    @property
    def title(self) -> str:
        return f"{self.place}{self.item_name or '、'.join(self.terms[:2])}（{self.size} 件）"


@dataclass(frozen=True, slots=True)
class HotspotChanges:
    """What changed between two refreshes, for a view that updates rows in place: keys are ``Hotspot.key``."""

    added: tuple[Hotspot, ...]
    grown: tuple[Hotspot, ...]
    gone: tuple[str, ...]

    @property
    def nothing(self) -> bool:
        return not (self.added or self.grown or self.gone)


def hotspot_changes(before: Sequence[Hotspot], after: Sequence[Hotspot]) -> HotspotChanges:
    """New hot spots, hot spots whose tickets or incident changed, and keys of those that disappeared."""
    old = {h.key: h for h in before}
    new = {h.key: h for h in after}
    return HotspotChanges(tuple(h for k, h in new.items() if k not in old),
                          tuple(h for k, h in new.items() if k in old and old[k] != h),
                          tuple(k for k in old if k not in new))


@dataclass
class _Cluster:
    id: int
    district: str | None
    street: str | None
    members: list[TicketSnap] = field(default_factory=list)
    grams: list[frozenset[str]] = field(default_factory=list)
    items: Counter[str] = field(default_factory=Counter)
    gram_counts: Counter[str] = field(default_factory=Counter)

    @property
    def last_at(self) -> datetime:
        return self.members[-1].received_at


class HotspotTracker:
    """Clusters of recent tickets, updated incrementally (see module docstring)."""

    def __init__(self, *, window: timedelta = timedelta(hours=6), min_size: int = 3, text_threshold: float = 0.5,
                 text_floor: float = 0.25, max_span: timedelta = timedelta(hours=24),
                 kinds: Sequence[str] = PROBLEM_KINDS, keep_expired: bool = False, min_docs_for_text: int = 50):
        self.window, self.min_size, self.text_threshold = window, min_size, text_threshold
        self.text_floor, self.max_span = text_floor, max_span
        self.min_docs_for_text = min_docs_for_text
        self.kinds = tuple(kinds)
        self.keep_expired = keep_expired
        self.stats = BigramStats()
        self._clusters: dict[int, _Cluster] = {}
        self._by_place: dict[tuple[str | None, str | None], list[int]] = {}
        self._seen: dict[int, int] = {}   # ticket id -> cluster id
        self._item_index: dict[tuple[str | None, str | None], dict[str, set[int]]] = {}
        self._gram_index: dict[tuple[str | None, str | None], dict[str, set[int]]] = {}
        self._expired: list[_Cluster] = []
        self._next = 1
        self._incidents: dict[int, int] = {}
        self._matcher: KeywordMatcher | None = None
        self._names: dict[str, str] = {}

    # ------------------------------------------------------------------ feeding
    def use_catalog(self, catalog: Catalog) -> None:
        """Item names and keywords come from this catalogue (the version in effect)."""
        self._matcher = matcher_for(catalog)
        self._names = {i.code: i.name for i in catalog.items}

    def refresh(self, session: Session, now: datetime) -> tuple[Hotspot, ...]:
        """Read tickets received in the window that are new to the tracker, expire old clusters, and return the
        current hot spots. Cost: one id query over the window plus reading the new tickets."""
        if self._matcher is None:
            self.use_catalog(catalog_at(session, now))
        since = now - self.window
        ids = [i for i, k in session.execute(select(TicketRow.id, TicketRow.kind)
                                             .where(TicketRow.received_at >= since))
               if k in self.kinds and i not in self._seen]
        snaps: list[TicketSnap] = []
        for start in range(0, len(ids), _CHUNK):
            snaps += load_snaps(session, ids[start:start + _CHUNK])
        self.add(sorted(snaps, key=lambda t: (t.received_at, t.id)))
        self.expire(now)
        self._load_incidents(session)
        return self.hotspots()

    def add(self, tickets: Iterable[TicketSnap]) -> set[int]:
        """Cluster ``tickets`` (ideally in receipt order); returns the ids of clusters that changed."""
        changed: set[int] = set()
        for ticket in tickets:
            if ticket.id in self._seen or ticket.kind not in self.kinds:
                continue
            changed.add(self._place(ticket))
        return changed

    def expire(self, now: datetime) -> None:
        """Forget clusters whose last ticket is older than the window."""
        limit = now - self.window
        for cid in [c.id for c in self._clusters.values() if c.last_at < limit]:
            cluster = self._clusters.pop(cid)
            place = (cluster.district, cluster.street)
            self._by_place[place].remove(cid)
            for code in cluster.items:
                self._item_index[place][code].discard(cid)
            for gram in cluster.gram_counts:
                self._gram_index[place][gram].discard(cid)
            self.stats.remove(cluster.gram_counts)
            for member in cluster.members:
                self._seen.pop(member.id, None)
            if self.keep_expired and len(cluster.members) >= self.min_size:
                self._expired.append(cluster)

    # ------------------------------------------------------------------ results
    def hotspots(self, include_expired: bool = False) -> tuple[Hotspot, ...]:
        """Clusters with at least ``min_size`` tickets, biggest first."""
        clusters = [c for c in self._clusters.values() if len(c.members) >= self.min_size]
        if include_expired:
            clusters += self._expired
        spots = [self._hotspot(c) for c in clusters]
        return tuple(sorted(spots, key=lambda h: (-h.size, -h.last_at.timestamp(), h.key)))

    def cluster_of(self, ticket_id: int) -> int | None:
        return self._seen.get(ticket_id)

    # ------------------------------------------------------------------ internals
    def _items_of(self, ticket: TicketSnap) -> tuple[str, ...]:
        named = self._matcher.items_in(ticket.text) if self._matcher else ()
        if ticket.item_code:
            return (ticket.item_code, *[c for c in named if c != ticket.item_code])
        return named

    def _place(self, ticket: TicketSnap) -> int:
        place = (ticket.district, ticket.street)
        items = self._items_of(ticket)
        text = normalise(ticket.text, (ticket.district or "", ticket.street or "", f"{ticket.street}街道",
                                       ticket.address))
        grams = bigrams(text)
        weights = {g: self.stats.weight(g) for g in grams}
        ticket_weight = sum(weights.values())
        informative = _informative(weights, self.text_floor)
        by_item, by_gram = self._item_index.setdefault(place, {}), self._gram_index.setdefault(place, {})
        scores: dict[int, float] = {}
        item_joins: set[int] = set()
        for rank, code in enumerate(items):
            for cid in by_item.get(code, ()):
                cluster = self._clusters[cid]
                if self._open_for(cluster, ticket):
                    score = 1.0 + (0.5 if rank == 0 else 0.0) + cluster.items[code] / 10_000
                    scores[cid] = max(scores.get(cid, 0.0), score)
                    item_joins.add(cid)
        if self.stats.docs >= self.min_docs_for_text:
            text_candidates: set[int] = set()
            for gram in informative:
                text_candidates |= by_gram.get(gram, set())
            for cid in text_candidates - scores.keys():
                cluster = self._clusters[cid]
                if items and cluster.items:
                    continue   # both name a duty item and they differ: different problems
                if self._open_for(cluster, ticket):
                    score = self._text_score(grams, weights, ticket_weight, cluster)
                    if score >= self.text_threshold:
                        scores[cid] = score
        best = self._clusters[max(scores, key=lambda c: (scores[c], c))] if scores else None
        if best is None:
            best = _Cluster(self._next, *place)
            self._next += 1
            self._clusters[best.id] = best
            self._by_place.setdefault(place, []).append(best.id)
            self.stats.add(grams)
        else:
            self.stats.count(g for g in grams if g not in best.gram_counts)
        joined_by_text = bool(best.members) and best.id not in item_joins
        best.members.append(ticket)
        best.grams.append(grams)
        if items and not joined_by_text:
            code = next((c for c in items if c in best.items), items[0])
            best.items[code] += 1
            by_item.setdefault(code, set()).add(best.id)
        best.gram_counts.update(grams)
        for gram in grams:
            by_gram.setdefault(gram, set()).add(best.id)
        self._seen[ticket.id] = best.id
        return best.id

    def _open_for(self, cluster: _Cluster, ticket: TicketSnap) -> bool:
        """The cluster still takes tickets: its last one is within the window and its first within ``max_span``."""
        return (ticket.received_at - cluster.last_at <= self.window
                and ticket.received_at - cluster.members[0].received_at <= self.max_span)

    def _text_score(self, grams: frozenset[str], weights: dict[str, float], ticket_weight: float,
                    cluster: _Cluster) -> float:
        """Best likeness to one of the cluster's recent members: the weighted overlap (over the lighter text),
        counted only where the weighted Jaccard reaches ``text_floor`` too, so that a text made of boilerplate
        is not "contained" in every other one. 0 when the shared bigrams cannot reach the floor."""
        if not grams or ticket_weight <= 0:
            return 0.0
        shared = grams & cluster.gram_counts.keys()
        if sum(weights[g] for g in shared) / ticket_weight < self.text_floor:
            return 0.0
        return max((self.stats.containment(grams, g) for g in cluster.grams[-12:]
                    if self.stats.similarity(grams, g) >= self.text_floor), default=0.0)

    def _hotspot(self, cluster: _Cluster) -> Hotspot:
        members = cluster.members
        item = cluster.items.most_common(1)[0][0] if cluster.items else None
        ids = tuple(m.id for m in members)
        linked = Counter(self._incidents[i] for i in ids if i in self._incidents)
        sample = max(members, key=lambda m: sum(self.stats.weight(g) for g in cluster.grams[members.index(m)]
                                                 if cluster.gram_counts[g] > 1))
        return Hotspot(f"{cluster.district}/{cluster.street}/{members[0].id}", cluster.district, cluster.street, item,
                       self._names.get(item, "") if item else "", len(members), members[0].received_at,
                       members[-1].received_at, ids, tuple(m.number for m in members),
                       sum(1 for m in members if m.status not in ("closed", "merged")),
                       self.stats.top_terms(Counter({g: n for g, n in cluster.gram_counts.items() if n > 1})),
                       sample.text, linked.most_common(1)[0][0] if linked else None)

    def _load_incidents(self, session: Session, include_expired: bool = False) -> None:
        clusters = [*self._clusters.values(), *(self._expired if include_expired else ())]
        ids = [m.id for c in clusters if len(c.members) >= self.min_size for m in c.members]
        self._incidents = {}
        for start in range(0, len(ids), _CHUNK):
            self._incidents.update(session.execute(
                select(IncidentTicketRow.ticket_id, IncidentTicketRow.incident_id)
                .where(IncidentTicketRow.ticket_id.in_(ids[start:start + _CHUNK]))).all())


def _informative(weights: dict[str, float], threshold: float) -> frozenset[str]:
    """The heaviest bigrams without which the rest weigh less than ``threshold`` of the whole: a text can
    reach the threshold only with a text that shares one of them."""
    total = sum(weights.values())
    rest = total
    chosen = []
    for gram, weight in sorted(weights.items(), key=lambda kv: -kv[1]):
        if rest < threshold * total:
            break
        chosen.append(gram)
        rest -= weight
    return frozenset(chosen)


def load_snaps(session: Session, ids: Sequence[int]) -> list[TicketSnap]:
    if not ids:
        return []
    rows = session.execute(select(
        TicketRow.id, TicketRow.number, TicketRow.received_at, TicketRow.district, TicketRow.street,
        TicketRow.address, TicketRow.item_code, TicketRow.citizen_item_code, TicketRow.text, TicketRow.kind,
        TicketRow.status).where(TicketRow.id.in_(list(ids)))).all()
    return [TicketSnap(r.id, r.number, r.received_at, r.district, r.street, r.address, r.item_code
                       or r.citizen_item_code, r.text, r.kind, r.status) for r in rows]


def find_hotspots(session: Session, since: datetime, until: datetime, *, window: timedelta = timedelta(hours=6),
                  min_size: int = 3, limit: int | None = 50) -> tuple[Hotspot, ...]:
    """Hot spots among tickets received in [``since``, ``until``), past clusters included, biggest first."""
    tracker = HotspotTracker(window=window, min_size=min_size, keep_expired=True)
    tracker.use_catalog(catalog_at(session, until))
    ids = [i for i, k in session.execute(select(TicketRow.id, TicketRow.kind).where(
        TicketRow.received_at >= since, TicketRow.received_at < until)) if k in tracker.kinds]
    snaps: list[TicketSnap] = []
    for start in range(0, len(ids), _CHUNK):
        snaps += load_snaps(session, ids[start:start + _CHUNK])
    snaps.sort(key=lambda t: (t.received_at, t.id))
    for start in range(0, len(snaps), 2000):
        batch = snaps[start:start + 2000]
        tracker.add(batch)
        tracker.expire(batch[-1].received_at)
    tracker._load_incidents(session, include_expired=True)
    spots = tracker.hotspots(include_expired=True)
    return spots[:limit] if limit else spots
