"""The cold-start routing engine: text (+ selected district, + picked item) → :class:`Proposal`.

``RoutingEngine`` is immutable after construction and safe to call from any thread. It needs no
database and no Qt: a catalog, the gazetteer and lines.csv. ``propose`` never raises for any
text; an unknown picked item code is ignored (and noted in ``Proposal.notes``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from console.domain.catalog import Catalog, DutyItem
from console.domain.enums import Level, Urgency
from console.reference.catalog_file import load_catalog
from console.routing.exemplars import ExemplarIndex, ItemExamples, load_exemplars
from console.routing.gazetteer import Gazetteer
from console.routing.index import ItemIndex
from console.routing.lexicon import LineInfo, load_line_terms
from console.routing.locate import locate
from console.routing.model import (
    ItemCandidate,
    LineCandidate,
    Phrase,
    PlaceEvidence,
    Proposal,
    UrgencyCall,
)
from console.routing.ranker import Hit, ItemScorer, Ranker, RankerConfig, Ranking
from console.routing.textnorm import NormalizedText, normalize
from console.routing.units import DISTRICT_GOV, Units, effective_lead, resolve_units
from console.routing.urgency import propose_urgency
from console.routing.version import model_version

MIN_LINES = 3
#: An item's closest example request is shown as evidence (the words they share) from this similarity on.
EXPLAINED_SIMILARITY = 0.15


@dataclass(frozen=True, slots=True)
class EngineConfig:
    """Engine settings: ranker weights and how many items a proposal lists."""

    ranker: RankerConfig = field(default_factory=RankerConfig)
    max_items: int = 5
    ownership_cues_needed: int = 2


class RoutingEngine:
    """Proposes duty items, units, location and urgency for citizen requests."""

    def __init__(
        self,
        catalog: Catalog,
        gazetteer: Gazetteer | None = None,
        lines: dict[str, LineInfo] | None = None,
        config: EngineConfig | None = None,
        learned: ItemScorer | None = None,
        exemplars: Mapping[str, ItemExamples] | None = None,
    ) -> None:
        """``exemplars``: item code → example requests (``console.routing.exemplars``); ``None``
        loads the shipped file, ``{}`` routes by the duty list alone."""
        self.catalog = catalog
        self.config = config or EngineConfig()
        self.gazetteer = gazetteer or Gazetteer.load()
        self.lines = lines if lines is not None else load_line_terms()
        self.index = ItemIndex.build(catalog)
        self._examples = load_exemplars() if exemplars is None else exemplars
        self.exemplars = ExemplarIndex(self.index.items, self._examples)
        self.ranker = Ranker(self.index, self.lines, self.config.ranker, learned, self.exemplars)
        self._all_lines = sorted(catalog.lines() | set(self.lines))
        normalize("預熱")  # load the conversion tables now, not on the first request

    @classmethod
    def from_resources(
        cls, catalog_path: Path | None = None, learned: ItemScorer | None = None
    ) -> RoutingEngine:
        """An engine over the shipped duty list, gazetteer and lines.csv."""
        return cls(load_catalog(catalog_path), learned=learned)

    def for_catalog(self, catalog: Catalog) -> RoutingEngine:
        """An engine over another duty-list version with this one's gazetteer, lines, settings, learned
        model and example requests (examples attach to items of the same code and name only)."""
        return RoutingEngine(catalog, self.gazetteer, self.lines, self.config, self.ranker.learned, self._examples)

    @property
    def model_version(self) -> str:
        """Catalog + engine (+ learned model) version recorded with each proposal."""
        learned = self.ranker.learned.version if self.ranker.learned is not None else None
        return model_version(self.catalog.version, learned)

    def propose(
        self, text: str, district: str | None = None, item_code: str | None = None
    ) -> Proposal:
        """Route one request. ``district`` is the citizen's selection (the text wins over it);
        ``item_code`` the citizen's pick (routes by it when it names an active item)."""
        norm = normalize(text)
        mentions = self.gazetteer.find(norm.text)
        location = locate(self.gazetteer, norm.text, district, mentions)
        masked = frozenset(i for m in mentions for i in range(m.start, m.end))
        ranking = self.ranker.rank(norm.text, masked, text)
        notes: list[str] = []

        picked = self.catalog.get(item_code)
        if item_code and (picked is None or not picked.active):
            notes.append(f"citizen-picked item {item_code!r} is not in catalog "
                         f"{self.catalog.version}; ignored")
            picked = None

        candidates = self._candidates(ranking, norm, picked)
        candidates = _lead_line_first(candidates, ranking, self.index) if picked is None else candidates
        top_item = self.catalog.get(candidates[0].code) if candidates else None
        unclear = self._unclear_ownership(ranking) and picked is None
        units = resolve_units(top_item, unclear)
        notes.append(units.rule)
        lines = self._lines(ranking, units, picked is not None)

        urgency, reason, cues = propose_urgency(norm.text, top_item.default_urgency if top_item else None)
        urgency_call = UrgencyCall(
            urgency,
            top_item.default_urgency if top_item else Urgency.NORMAL,
            reason,
            tuple(_phrase(norm, h) for h in cues),
        )
        phrases = list(candidates[0].phrases) if candidates else []
        phrases += [_phrase(norm, h) for h in ranking.line_hits if h.target == units.lead_line]
        if unclear:
            phrases += [_phrase(norm, h) for h in ranking.ownership_hits]
        places = tuple(
            PlaceEvidence(norm.original[s:e], s, e, p.kind, p.district, p.street)
            for p in location.places
            for s, e in [norm.span_in_original(p.start, p.end)]
        )
        return Proposal(
            items=tuple(candidates),
            lines=lines,
            lead_line=units.lead_line,
            co_lines=units.co_lines,
            level=units.level if units.level is not None else Level.DISTRICT,
            district=location.district,
            street=location.street,
            location_source=location.source,
            places=places,
            urgency=urgency_call,
            notes=tuple(notes),
            phrases=_distinct_spans(phrases),
            model_version=model_version(self.catalog.version, ranking.learned_version),
            normalized_text=norm.text,
            citizen_item=picked.code if picked is not None else None,
        )

    # -- pieces -----------------------------------------------------------------------------

    def _unclear_ownership(self, ranking: Ranking) -> bool:
        cues = {h.phrase for h in ranking.ownership_hits}
        agencies = {h.target for h in ranking.line_hits if h.source == "agency"}
        needed = self.config.ownership_cues_needed
        return len(cues) >= needed or (len(cues) >= 1 and len(agencies) >= 2)

    def _candidates(
        self, ranking: Ranking, norm: NormalizedText, picked: DutyItem | None
    ) -> list[ItemCandidate]:
        if picked is not None:
            idx = self.index.position[picked.code]
            return [self._candidate(idx, 1.0, ranking, norm)]
        order = ranking.order[: self.config.max_items]
        if ranking.order:
            mass: dict[str, float] = {}
            for idx in ranking.order:
                line = effective_lead(self.index.items[idx])
                mass[line] = mass.get(line, 0.0) + ranking.probs[idx]
            lead = max(mass, key=lambda ln: mass[ln])
            best = next(i for i in ranking.order if effective_lead(self.index.items[i]) == lead)
            if best not in order:
                order = [best, *order[: self.config.max_items - 1]]
        return [self._candidate(idx, ranking.probs[idx], ranking, norm) for idx in order]

    def _candidate(
        self, idx: int, confidence: float, ranking: Ranking, norm: NormalizedText
    ) -> ItemCandidate:
        item = self.index.items[idx]
        hits = list(ranking.phrase_hits.get(idx, ()))
        if not hits:  # wording overlap explains an item only when no keyword does: its own wording's
            hits = _bigram_spans(self.index, idx, ranking.bigram_hits)  # and its closest example's
            scan = ranking.exemplars
            if scan is not None and scan.items[idx] >= EXPLAINED_SIMILARITY:
                shared = self.exemplars.shared(idx, scan)
                hits += _merged_spans([(pos, pos + len(gram)) for pos, gram in shared], "example")
        return ItemCandidate(
            code=item.code,
            path=self.index.paths[idx],
            confidence=round(float(confidence), 6),
            score=round(float(ranking.scores[idx]), 4),
            lead_line=effective_lead(item),
            co_lines=tuple(c for c in (item.lead_line, *item.co_lines) if c != effective_lead(item)),
            phrases=_distinct_spans([_phrase(norm, h) for h in hits]),
        )

    def _lines(self, ranking: Ranking, units: Units, picked: bool) -> tuple[LineCandidate, ...]:
        mass: dict[str, float] = {}
        if not picked:
            for idx in ranking.order:
                line = effective_lead(self.index.items[idx])
                mass[line] = mass.get(line, 0.0) + ranking.probs[idx]
        order = [units.lead_line]
        order += sorted((ln for ln in mass if ln != units.lead_line), key=lambda ln: -mass[ln])
        order += list(units.co_lines)
        order += sorted(ranking.line_evidence, key=lambda ln: -ranking.line_evidence[ln])
        order += [DISTRICT_GOV, *self._all_lines]
        seen: list[str] = []
        for line in order:
            if line not in seen:
                seen.append(line)
        keep = max(MIN_LINES, len([ln for ln in seen if mass.get(ln, 0.0) > 0]))
        total = 1.0 if picked else None
        result = []
        for line in seen[:keep]:
            conf = mass.get(line, 0.0)
            if total is not None and line == units.lead_line:
                conf = total
            result.append(LineCandidate(line, round(conf, 6)))
        return tuple(result)


def _lead_line_first(
    candidates: list[ItemCandidate], ranking: Ranking, index: ItemIndex
) -> list[ItemCandidate]:
    """Put first the best item of the line with the most probability mass (summed over the
    ranking), so a line supported by several items beats a single stray keyword hit."""
    if not candidates:
        return candidates
    mass: dict[str, float] = {}
    best: dict[str, int] = {}
    for idx in ranking.order:
        line = effective_lead(index.items[idx])
        mass[line] = mass.get(line, 0.0) + ranking.probs[idx]
        best.setdefault(line, idx)
    lead = max(mass, key=lambda ln: mass[ln])
    code = index.items[best[lead]].code
    chosen = [c for c in candidates if c.code == code]
    if not chosen:
        return candidates
    return chosen + [c for c in candidates if c.code != code]


def _bigram_spans(index: ItemIndex, idx: int, used: list[tuple[int, str, float]]) -> list[Hit]:
    return _merged_spans([(pos, pos + len(gram)) for pos, gram, _ in used if idx in index.bigrams[gram][0]], "text")


def _merged_spans(grams: list[tuple[int, int]], source: str) -> list[Hit]:
    """Overlapping gram spans merged into phrases; a lone two-character gram is too weak to show."""
    spans: list[Hit] = []
    for pos, end in sorted(grams):
        if spans and pos <= spans[-1].end - 1:
            last = spans[-1]
            spans[-1] = Hit(last.start, max(end, last.end), "", source, last.weight + 1)
        else:
            spans.append(Hit(pos, end, "", source, 1.0))
    return [s for s in spans if s.end - s.start >= 3 or s.weight > 1]


def _distinct_spans(phrases: list[Phrase]) -> tuple[Phrase, ...]:
    """One phrase per span (the first listed wins), ordered by position."""
    by_span: dict[tuple[int, int], Phrase] = {}
    for phrase in phrases:
        by_span.setdefault((phrase.start, phrase.end), phrase)
    return tuple(sorted(by_span.values(), key=lambda p: (p.start, p.end)))


def _phrase(norm: NormalizedText, hit: Hit) -> Phrase:
    start, end = norm.span_in_original(hit.start, hit.end)
    return Phrase(norm.original[start:end], start, end, hit.source, round(hit.weight, 4))
