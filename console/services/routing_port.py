"""The boundary between use cases and the routing engine: what a suggestion must say."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.domain.enums import Urgency


@dataclass(frozen=True)
class RoutingSuggestion:
    """A proposed duty item with calibrated ``confidence`` (0..1), place, urgency and the evidence."""

    item_code: str | None
    confidence: float
    district: str | None = None
    street: str | None = None
    urgency: Urgency | None = None
    model_version: str = ""
    explanation: dict[str, Any] = field(default_factory=dict)
