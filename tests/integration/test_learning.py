"""Learning from reviewers: reviewed dispatches become training data, the retrained model is stored as the
active one, and routing then records its version with every suggestion."""

from __future__ import annotations

from console.routing.adapter import RouterAdapter
from console.routing.engine import RoutingEngine
from console.routing.learning import load_active_scorer, retrain, review_decisions
from console.services import triage
from console.services.intake import NewTicket, intake
from console.services.routing_port import RoutingSuggestion
from tests.conftest import Room

TEXTS = {
    "030102": ["工地半夜施工电钻声吵得睡不着", "晚上十一点了工地还在打桩", "夜间施工噪音扰民严重"],
    "010101": ["路边有人摆摊卖水果占道", "小贩推车占用人行道经营", "流动摊贩堵住了路口"],
}


class FixedRouter:
    def suggest(self, text: str, district: str | None, citizen_item_code: str | None,
                catalog: object = None) -> RoutingSuggestion:
        return RoutingSuggestion(item_code="030102", confidence=0.2, model_version="cold")


def test_reviews_train_the_active_model_used_by_routing(sqlite_room: Room) -> None:
    room = sqlite_room
    room.ctx.router = FixedRouter()
    for item, texts in TEXTS.items():
        for place in ("福田", "罗湖", "南山", "宝安"):
            for text in texts:
                ticket = intake(room.ctx, room.operator, NewTicket(text=f"{place}{text}")).ticket_ids[0]
                triage.dispatch(room.ctx, room.dispatcher, ticket, lead_unit="福田区/ecology", item_code=item,
                                reason="" if item == "030102" else "占道经营")
    with room.ctx.db.reader() as s:
        decisions = review_decisions(s)
    assert len(decisions) == 24
    assert {d.final for d in decisions} == set(TEXTS)
    assert sum(d.accepted for d in decisions) == 0  # explicit units count as corrections
    assert retrain(room.ctx.db, now=room.clock.now(), min_examples=100) is None  # too few: cold start stays
    result = retrain(room.ctx.db, now=room.clock.now(), min_examples=10)
    assert result is not None and result.examples == 24 and result.labels == 2
    scorer = load_active_scorer(room.ctx.db)
    assert scorer is not None and scorer.version == result.version
    probabilities = scorer.item_probabilities("小贩在路口摆摊")
    assert max(probabilities, key=probabilities.get) == "010101"
    suggestion = RouterAdapter(RoutingEngine.from_resources(learned=scorer)).suggest("工地夜里施工太吵", None, None)
    assert suggestion.model_version.endswith(f"learned:{result.version}")
