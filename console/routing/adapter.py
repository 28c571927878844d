"""Adapts the routing engine to the services' ``Router`` port (``console.services.context.Router``)."""

from __future__ import annotations

import threading
from typing import Any

from console.domain.catalog import Catalog
from console.routing.engine import RoutingEngine
from console.routing.model import Proposal
from console.services.routing_port import RoutingSuggestion


class RouterAdapter:
    """Turns a ``Proposal`` into a ``RoutingSuggestion``: the best item of the proposed lead line, the lead
    line's probability as confidence, the place, the urgency and a compact JSON-able explanation.

    Follows the duty list: given the version in effect for a ticket (``catalog``), it proposes with an
    engine over that version (``RoutingEngine.for_catalog``), built on first use (about a second) and kept
    for the next tickets; the latest two versions are kept.
    Thread-safe."""

    KEEP = 2

    def __init__(self, engine: RoutingEngine):
        self.engine = engine
        self._engines: dict[str, RoutingEngine] = {engine.catalog.version: engine}
        self._lock = threading.Lock()

    @classmethod
    def from_shipped(cls) -> RouterAdapter:
        return cls(RoutingEngine.from_resources())

    def engine_for(self, catalog: Catalog | None) -> RoutingEngine:
        """The engine over ``catalog`` (the shipped one when ``None``)."""
        if catalog is None:
            return self.engine
        with self._lock:
            engine = self._engines.get(catalog.version)
            if engine is None:
                engine = self._engines[catalog.version] = self.engine.for_catalog(catalog)
                while len(self._engines) > self.KEEP:
                    del self._engines[next(iter(self._engines))]
            return engine

    def suggest(self, text: str, district: str | None, citizen_item_code: str | None,
                catalog: Catalog | None = None) -> RoutingSuggestion:
        proposal = self.engine_for(catalog).propose(text, district=district, item_code=citizen_item_code)
        best = next((i for i in proposal.items if i.lead_line == proposal.lead_line),
                    proposal.items[0] if proposal.items else None)
        return RoutingSuggestion(
            item_code=best.code if best else None, confidence=round(float(proposal.confidence), 4),
            district=proposal.district, street=proposal.street, urgency=proposal.urgency.urgency,
            model_version=proposal.model_version, explanation=explain(proposal))


def explain(proposal: Proposal) -> dict[str, Any]:
    """The evidence a reviewer needs, small enough for an event row."""
    return {
        "top_items": [{"code": i.code, "path": list(i.path), "confidence": round(i.confidence, 4),
                       "lead_line": i.lead_line} for i in proposal.items[:3]],
        "lines": [{"line": c.line, "confidence": round(c.confidence, 4)} for c in proposal.lines[:3]],
        "lead_line": proposal.lead_line, "co_lines": list(proposal.co_lines),
        "phrases": [{"text": p.text, "start": p.start, "end": p.end} for p in proposal.phrases[:12]],
        "places": [{"text": p.text, "start": p.start, "end": p.end, "district": p.district, "street": p.street}
                   for p in proposal.places[:6]],
        "urgency_reason": proposal.urgency.reason, "location_source": proposal.location_source,
    }
