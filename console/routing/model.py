"""Typed results of the routing engine; all immutable, safe to hand to any thread."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.enums import Level, Urgency


@dataclass(frozen=True, slots=True)
class Phrase:
    """A piece of the citizen's text that weighed in a decision.

    ``start``/``end`` index the ORIGINAL text (``text == original[start:end]``); ``source`` says
    what it matched: ``keyword``, ``name``, ``text`` (item wording), ``line`` (a line's typical
    matter), ``agency`` (a named unit), ``ownership`` (unclear ownership), ``urgency``, ``place``,
    ``example`` (words shared with the item's closest example request).
    """

    text: str
    start: int
    end: int
    source: str
    weight: float


@dataclass(frozen=True, slots=True)
class PlaceEvidence:
    """A place name that located the request; span in the original text."""

    text: str
    start: int
    end: int
    kind: str
    district: str
    street: str | None


@dataclass(frozen=True, slots=True)
class ItemCandidate:
    """One ranked duty item with its calibrated probability and the phrases that matched it."""

    code: str
    path: tuple[str, str, str]
    confidence: float
    score: float
    lead_line: str
    co_lines: tuple[str, ...]
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class LineCandidate:
    """A line proposed as lead, with the summed probability of the items it would lead."""

    line: str
    confidence: float


@dataclass(frozen=True, slots=True)
class UrgencyCall:
    """The proposed urgency, the item default it started from, and why."""

    urgency: Urgency
    item_default: Urgency
    reason: str
    cues: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class Proposal:
    """A complete routing proposal for one request.

    Guarantees: ``items[0]`` is the proposed item — the best item of the line holding the most
    probability mass — and the rest follow by confidence; confidences in [0, 1] summing to at
    most 1; ``confidence`` is the lead line's probability mass; ``lines`` holds at least 3
    distinct lines (when the catalog has 3), first the proposed ``lead_line``; ``co_lines``
    never contains ``lead_line``; ``model_version`` names catalog, engine and learned model
    versions.
    """

    items: tuple[ItemCandidate, ...]
    lines: tuple[LineCandidate, ...]
    lead_line: str
    co_lines: tuple[str, ...]
    level: Level
    district: str | None
    street: str | None
    location_source: str
    places: tuple[PlaceEvidence, ...]
    urgency: UrgencyCall
    notes: tuple[str, ...]
    phrases: tuple[Phrase, ...]
    model_version: str
    normalized_text: str
    citizen_item: str | None = None

    @property
    def top(self) -> ItemCandidate | None:
        """The best item, or ``None`` when nothing in the catalog matched."""
        return self.items[0] if self.items else None

    @property
    def confidence(self) -> float:
        """Probability that the lead line is right: its summed item probability (1.0 for a
        citizen's pick, 0 when nothing matched)."""
        if not self.items:
            return 0.0
        return next((c.confidence for c in self.lines if c.line == self.lead_line), 0.0)

    @property
    def line_codes(self) -> list[str]:
        return [c.line for c in self.lines]
