"""The routing policy: dispatch directly, or queue for review (人工复核).

Contract of :func:`decide`, first rule that applies:
1. the citizen picked a valid item → ``CITIZEN_PICK`` (route by that item);
2. no item matched → ``REVIEW``;
3. the lead is territorial (district/street office) but the request could not be located → ``REVIEW``;
4. best confidence ≥ the threshold of the item's category (``per_category`` override, else
   ``threshold``) → ``DISPATCH``;
5. otherwise → ``REVIEW``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from console.domain.enums import Level
from console.routing.model import Proposal
from console.routing.units import DISTRICT_GOV, STREET_OFFICE


class Route(StrEnum):
    """What happens to the ticket next."""

    CITIZEN_PICK = "citizen_pick"
    DISPATCH = "dispatch"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class PolicyConfig:
    """Confidence thresholds; ``per_category`` maps a 2-digit category code to its threshold."""

    threshold: float = 0.5
    per_category: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, value in {"default": self.threshold, **self.per_category}.items():
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"threshold for {key} must be in [0, 1], got {value}")

    def threshold_for(self, item_code: str | None) -> float:
        """The threshold that applies to an item (by its category code)."""
        if item_code:
            return self.per_category.get(item_code[:2], self.threshold)
        return self.threshold


@dataclass(frozen=True, slots=True)
class RoutingDecision:
    """The policy's verdict on a proposal; ``reason`` is a one-line explanation for people."""

    route: Route
    item_code: str | None
    lead_line: str
    co_lines: tuple[str, ...]
    level: Level
    confidence: float
    threshold: float
    reason: str
    proposal: Proposal


def decide(proposal: Proposal, config: PolicyConfig | None = None) -> RoutingDecision:
    """Apply the policy (module contract) to ``proposal``."""
    config = config or PolicyConfig()
    top = proposal.top
    code = top.code if top else None
    threshold = config.threshold_for(code)

    def verdict(route: Route, reason: str) -> RoutingDecision:
        return RoutingDecision(route, code, proposal.lead_line, proposal.co_lines, proposal.level,
                               proposal.confidence, threshold, reason, proposal)

    if proposal.citizen_item is not None and code == proposal.citizen_item:
        return verdict(Route.CITIZEN_PICK, f"citizen picked item {code}")
    if top is None:
        return verdict(Route.REVIEW, "no duty item matched the text")
    if proposal.lead_line in (DISTRICT_GOV, STREET_OFFICE) and proposal.district is None:
        return verdict(Route.REVIEW, "territorial lead but the request could not be located")
    if proposal.confidence >= threshold:
        return verdict(Route.DISPATCH,
                       f"confidence {proposal.confidence:.2f} ≥ threshold {threshold:.2f}")
    return verdict(Route.REVIEW, f"confidence {proposal.confidence:.2f} < threshold {threshold:.2f}")
