"""Policy: citizen pick, thresholds with per-category overrides, review on doubt."""

from __future__ import annotations

import pytest

from console.routing.engine import RoutingEngine
from console.routing.policy import PolicyConfig, Route, decide


def test_citizen_pick_routes_by_it(engine: RoutingEngine) -> None:
    decision = decide(engine.propose("随便说说", item_code="060101"), PolicyConfig(threshold=0.99))
    assert decision.route is Route.CITIZEN_PICK
    assert decision.item_code == "060101" and decision.lead_line == "hr_social"


def test_confident_proposal_is_dispatched_and_weak_one_reviewed(engine: RoutingEngine) -> None:
    proposal = engine.propose("小区停水了，水压也很低，一直没水")
    low = decide(proposal, PolicyConfig(threshold=proposal.confidence - 0.01))
    high = decide(proposal, PolicyConfig(threshold=min(1.0, proposal.confidence + 0.01)))
    assert low.route is Route.DISPATCH
    assert high.route is Route.REVIEW


def test_per_category_threshold_overrides_default(engine: RoutingEngine) -> None:
    proposal = engine.propose("小区停水了，水压也很低，一直没水")
    assert proposal.top is not None and proposal.top.code.startswith("02")
    strict = PolicyConfig(threshold=0.0, per_category={"02": 1.0})
    assert decide(proposal, strict).route is Route.REVIEW
    assert decide(proposal, strict).threshold == 1.0
    lenient = PolicyConfig(threshold=1.0, per_category={"02": 0.0})
    assert decide(proposal, lenient).route is Route.DISPATCH


def test_nothing_matched_goes_to_review(engine: RoutingEngine) -> None:
    assert decide(engine.propose("你好"), PolicyConfig(threshold=0.0)).route is Route.REVIEW


def test_territorial_lead_without_location_goes_to_review(engine: RoutingEngine) -> None:
    proposal = engine.propose("楼上邻居漏水，邻里纠纷想请人调解")
    assert proposal.lead_line == "street_office" and proposal.district is None
    assert decide(proposal, PolicyConfig(threshold=0.0)).route is Route.REVIEW


def test_thresholds_must_be_probabilities() -> None:
    with pytest.raises(ValueError, match="threshold"):
        PolicyConfig(threshold=1.5)
    with pytest.raises(ValueError, match="02"):
        PolicyConfig(per_category={"02": -0.1})
