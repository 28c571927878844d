"""Engine: ranking, territorial rule, fallback, urgency cues, explanations, versions, learned hook."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from console.domain.catalog import Catalog
from console.domain.enums import Level, Urgency
from console.routing.engine import RoutingEngine
from console.routing.gazetteer import Gazetteer
from console.routing.ranker import ItemScorer
from console.routing.urgency import propose_urgency


def test_ranks_the_matching_item_first(engine: RoutingEngine) -> None:
    proposal = engine.propose("福田区沙头街道工地晚上十一点还在打桩，噪音很大")
    assert proposal.top is not None and proposal.top.code == "010101"
    assert proposal.lead_line == "ecology"
    assert proposal.co_lines == ("housing",)
    assert proposal.top.path == ("生态环境", "噪声污染", "建筑施工噪声")


def test_confidences_are_probabilities_summing_at_most_one(engine: RoutingEngine) -> None:
    proposal = engine.propose("小区停水了，水压也很低")
    confidences = [c.confidence for c in proposal.items]
    assert all(0.0 <= c <= 1.0 for c in confidences)
    assert sum(confidences) <= 1.0 + 1e-9
    assert confidences[1:] == sorted(confidences[1:], reverse=True)
    assert proposal.confidence == proposal.lines[0].confidence
    assert sum(c.confidence for c in proposal.lines) <= 1.0 + 1e-9


def test_at_least_three_distinct_lines_lead_first(engine: RoutingEngine) -> None:
    proposal = engine.propose("楼上邻居家卫生间漏水到我家")
    codes = proposal.line_codes
    assert len(codes) >= 3 and len(set(codes)) == len(codes)
    assert codes[0] == proposal.lead_line


def test_street_lead_item_puts_street_office_first(engine: RoutingEngine) -> None:
    proposal = engine.propose("南山区沙河街道城中村有人私搭乱建加建两层")
    assert proposal.top is not None and proposal.top.code == "030201"
    assert proposal.lead_line == "street_office"
    assert proposal.level is Level.STREET
    assert proposal.co_lines[:2] == ("planning", "urban_mgmt")


def test_unclear_ownership_falls_back_to_district_government(engine: RoutingEngine) -> None:
    proposal = engine.propose("这里的路灯坏了，城管说不归他们管，交通部门也说不是他们的，到底谁负责？")
    assert proposal.lead_line == "district_gov"
    assert "district_gov" not in proposal.co_lines
    assert any(p.source == "ownership" for p in proposal.phrases)


@pytest.mark.parametrize(
    "text",
    [
        "路灯坏了两年，找城管说是交通的，找交通说是街道的，踢来踢去，到底谁负责？",
        "市民来电反映：某空地长期堆放垃圾，城管、规划、街道均称不属于其管辖。诉求：明确责任主体。",
    ],
)
def test_buck_passing_in_other_words_is_unclear_ownership(engine: RoutingEngine, text: str) -> None:
    assert engine.propose(text).lead_line == "district_gov"


def test_nothing_matched_falls_back_to_district_government(engine: RoutingEngine) -> None:
    proposal = engine.propose("你好")
    assert proposal.top is None
    assert proposal.lead_line == "district_gov"
    assert len(proposal.line_codes) >= 3


def test_citizen_pick_routes_by_the_item(engine: RoutingEngine) -> None:
    proposal = engine.propose("小区停水了", item_code="050101")
    assert proposal.citizen_item == "050101"
    assert proposal.top is not None and proposal.top.code == "050101" and proposal.confidence == 1.0
    assert proposal.lead_line == "market"


def test_unknown_citizen_pick_is_ignored_with_a_note(engine: RoutingEngine) -> None:
    proposal = engine.propose("小区停水了", item_code="999999")
    assert proposal.citizen_item is None
    assert proposal.top is not None and proposal.top.code == "020101"
    assert any("999999" in note for note in proposal.notes)


def test_explanation_spans_point_at_the_original_characters(engine: RoutingEngine) -> None:
    text = "緊急！我聞到廚房很大的燃氣味，在羅湖區蓮塘街道某小區。"
    proposal = engine.propose(text)
    assert proposal.top is not None and proposal.top.code == "020201"
    assert proposal.phrases, "the deciding phrases are listed"
    for phrase in (*proposal.phrases, *proposal.urgency.cues):
        assert text[phrase.start : phrase.end] == phrase.text
    assert any(p.text == "燃氣味" for p in proposal.phrases)
    assert [(p.text, p.district) for p in proposal.places][:1] == [("羅湖區", "罗湖区")]
    assert text[proposal.places[0].start : proposal.places[0].end] == "羅湖區"
    assert proposal.district == "罗湖区" and proposal.street == "莲塘"


def test_model_version_names_catalog_and_engine(engine: RoutingEngine) -> None:
    proposal = engine.propose("小区停水了")
    assert proposal.model_version.startswith("catalog:fixture-1+engine:")
    assert proposal.model_version == engine.model_version


class FixedScorer:
    """A learned-model stand-in that always believes in the elevator item."""

    version = "fake-7"

    def item_probabilities(self, text: str) -> Mapping[str, float]:
        return {"050101": 0.95, "unknown-code": 0.05}


def test_learned_scorer_is_blended_and_versioned(small_catalog: Catalog, gazetteer: Gazetteer) -> None:
    scorer = FixedScorer()
    assert isinstance(scorer, ItemScorer)
    engine = RoutingEngine(small_catalog, gazetteer, learned=scorer)
    proposal = engine.propose("有个东西坏了")
    assert proposal.top is not None and proposal.top.code == "050101"
    assert proposal.model_version.endswith("+learned:fake-7")
    assert sum(c.confidence for c in proposal.items) <= 1.0 + 1e-9


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("紧急！人行道塌陷了", Urgency.NORMAL, Urgency.URGENT),
        ("电梯里困着一个老人", Urgency.FAST, Urgency.URGENT),
        ("小区从早上开始停水", Urgency.NORMAL, Urgency.FAST),
        ("宽带断网三天了", Urgency.NORMAL, Urgency.FAST),
        ("仓库堆放油漆，担心发生火灾", Urgency.NORMAL, Urgency.FAST),
        ("咨询公积金提取条件", Urgency.NORMAL, Urgency.NORMAL),
        ("闻到燃气味", Urgency.URGENT, Urgency.URGENT),
        ("燃气费怎么交", Urgency.URGENT, Urgency.URGENT),
        ("我妈在急诊等了五个钟，现在说心口痛", Urgency.NORMAL, Urgency.URGENT),
        ("电梯这个月已经困人三次了", Urgency.NORMAL, Urgency.FAST),
        ("建议在这个路口加装红绿灯，现在过马路非常危险", Urgency.NORMAL, Urgency.NORMAL),
        ("驾驶证下个月到期，人在老家能不能换证", Urgency.NORMAL, Urgency.NORMAL),
        ("路口车多，公交车都过不去", Urgency.NORMAL, Urgency.NORMAL),
        ("台风要来了，我们住铁皮房，附近哪里有避难场所？", Urgency.NORMAL, Urgency.FAST),
    ],
)
def test_urgency_cues(text: str, default: Urgency, expected: Urgency) -> None:
    urgency, reason, _ = propose_urgency(text, default)
    assert urgency is expected, reason


def test_urgency_is_explained_in_the_proposal(engine: RoutingEngine) -> None:
    proposal = engine.propose("小区停水了")
    assert proposal.urgency.urgency is Urgency.FAST
    assert proposal.urgency.item_default is Urgency.FAST
    assert proposal.urgency.reason


def test_a_run_of_latin_letters_is_one_gram() -> None:
    from console.routing.index import bigrams

    grams = [g for _, g in bigrams("楼下ktv太吵，wifi没信号12号")]
    assert "ktv" in grams and "wifi" in grams
    assert not any(g in grams for g in ("kt", "tv", "wi", "12"))
    assert "太吵" in grams


def test_deciding_phrase_after_a_time_word_does_not_take_its_last_character() -> None:
    """三天燃气 is 三天|燃气: no phrase may highlight 天燃气 (the variant 天燃气 → 天然气 is not applied)."""
    engine = RoutingEngine.from_resources()
    text = "市民来电反映：坪山区碧岭街道万科村20栋连续三天燃气管线，大家意见很大。"
    proposal = engine.propose(text)
    phrases = [*proposal.phrases, *(p for c in proposal.items for p in c.phrases)]
    assert phrases
    boundary = text.index("天燃") + 1  # 三天|燃气
    for phrase in phrases:
        assert text[phrase.start : phrase.end] == phrase.text
        assert not phrase.start < boundary < phrase.end, phrase  # no phrase straddles the word boundary
