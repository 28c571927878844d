"""Auto-routing of citizen requests (no Qt, no database).

Public API:
- :class:`RoutingEngine` — ``RoutingEngine(catalog, gazetteer=None, lines=None, config=None,
  learned=None, exemplars=None)`` or ``RoutingEngine.from_resources()``; ``propose(text,
  district=None, item_code=None) -> Proposal``; ``model_version``. Its evidence: the duty list's
  names, keywords and wording, ``lines.csv``, the gazetteer, and example requests per item
  (:mod:`console.routing.exemplars`).
- :func:`decide` with :class:`PolicyConfig` → :class:`RoutingDecision` (:class:`Route`).
- :class:`ItemScorer` — the Protocol a learned model implements to be blended in.
- Result types: :class:`Proposal`, :class:`ItemCandidate`, :class:`LineCandidate`,
  :class:`UrgencyCall`, :class:`Phrase`, :class:`PlaceEvidence`.
- :func:`normalize` (text normalisation with span mapping), :class:`Gazetteer`.
"""

from __future__ import annotations

from console.routing.engine import EngineConfig, RoutingEngine
from console.routing.gazetteer import Gazetteer
from console.routing.model import (
    ItemCandidate,
    LineCandidate,
    Phrase,
    PlaceEvidence,
    Proposal,
    UrgencyCall,
)
from console.routing.policy import PolicyConfig, Route, RoutingDecision, decide
from console.routing.ranker import ItemScorer, RankerConfig
from console.routing.textnorm import NormalizedText, normalize
from console.routing.version import ENGINE_VERSION

__all__ = [
    "ENGINE_VERSION",
    "EngineConfig",
    "Gazetteer",
    "ItemCandidate",
    "ItemScorer",
    "LineCandidate",
    "NormalizedText",
    "Phrase",
    "PlaceEvidence",
    "PolicyConfig",
    "Proposal",
    "RankerConfig",
    "Route",
    "RoutingDecision",
    "RoutingEngine",
    "UrgencyCall",
    "decide",
    "normalize",
]
