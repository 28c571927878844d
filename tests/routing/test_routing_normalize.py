"""Normalisation: Traditional → Simplified, full-width, noise, Cantonese; spans map back."""

from __future__ import annotations

import pytest

from console.routing.textnorm import normalize


def test_traditional_becomes_simplified() -> None:
    assert normalize("請問公積金貸款").text == "请问公积金贷款"


def test_full_width_ascii_and_space_become_half_width_lowercase() -> None:
    assert normalize("ＫＴＶ　１２３４５").text == "ktv12345"


def test_noise_dropped_and_repeated_punctuation_collapsed() -> None:
    assert normalize("停水了！！！😡😡 快 来").text == "停水了!快来"


def test_cantonese_forms_become_mandarin() -> None:
    text = normalize("我係香港人，喺深圳做嘢，公司冇幫我買社保").text
    assert text == "我是香港人,在深圳工作,公司没有帮我买社保"


def test_relation_word_is_not_taken_for_cantonese_copula() -> None:
    assert normalize("關係").text == "关系"


@pytest.mark.parametrize("original", ["我係香港人喺南山區", "燃氣味！！好大", "ＡＢ 冇 电"])
def test_spans_map_back_to_original_characters(original: str) -> None:
    norm = normalize(original)
    for i in range(len(norm.text)):
        start, end = norm.span_in_original(i, i + 1)
        assert 0 <= start < end <= len(original)


def test_span_of_a_word_points_at_its_original_characters() -> None:
    original = "我係香港人，喺深圳南山區一間公司"
    norm = normalize(original)
    at = norm.text.index("南山区")
    start, end = norm.span_in_original(at, at + 3)
    assert original[start:end] == "南山區"


def test_empty_text_is_fine() -> None:
    assert normalize("").text == ""


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("连续三天燃气管线破损", "连续三天燃气管线破损"),  # 三天|燃气, not a misspelt 天燃气
        ("每天燃气味很重", "每天燃气味很重"),
        ("今天燃气停了", "今天燃气停了"),
        ("家里天燃气泄漏", "家里天然气泄漏"),  # the misspelling itself is still mended
        ("请快点解决", "请快点解决"),  # 快点|解决, not Cantonese 点解 "why"
        ("点解冇人管", "为什么没有人管"),
        ("我的哥哥", "我的哥哥"),
        ("的哥绕路", "出租车司机绕路"),
        ("水管滴滴答答", "水管滴滴答答"),
        ("废物管理", "废物管理"),
        ("物管不作为", "物业不作为"),
        ("路边个体户", "路边个体户"),
        ("形成条件", "形成条件"),
        ("去按摩的店", "去按摩的店"),
        ("摩的乱停", "摩托车乱停"),
    ],
)
def test_variant_straddling_two_words_is_left_as_written(original: str, expected: str) -> None:
    assert normalize(original).text == expected


def test_word_after_a_time_word_maps_back_without_the_time_word() -> None:
    original = "连续三天燃气管线漏气"
    norm = normalize(original)
    at = norm.text.index("燃气")
    start, end = norm.span_in_original(at, at + 2)
    assert original[start:end] == "燃气"
