"""Learning from reviewers, normalisation, metrics and cross-validation plumbing."""

from __future__ import annotations

import pytest

from console.routing.learned import (
    ReviewDecision,
    TrainingExamples,
    accuracy,
    cross_validate,
    examples_from_reviews,
    macro_f1,
    normalize_text,
    per_label,
    retrain_from_reviews,
)


def test_normalize_text_canonical_form() -> None:
    assert normalize_text("Ａ市 A3區*魏家坡小區　電話：１３８００１３８０００") == "a市a0区魏家坡小区电话:0"
    assert normalize_text(None) == ""


def test_examples_from_reviews_latest_decision_wins_and_empty_is_skipped() -> None:
    decisions = [
        ReviewDecision(text="路灯不亮", final="交通运输", proposed="交通运输", accepted=True, decided_at=1),
        ReviewDecision(text="路灯不亮 ", final="城乡建设", proposed="交通运输", decided_at=2, reason="路灯归城管"),
        ReviewDecision(text="公司欠薪", final="劳动和社会保障", proposed="劳动和社会保障", accepted=True, decided_at=3),
        ReviewDecision(text="需要主管看看", final="", proposed="教育文体", decided_at=4),
    ]
    ex = examples_from_reviews(decisions)
    assert ex.labels == ["城乡建设", "劳动和社会保障"]
    assert ex.texts == ["路灯不亮 ", "公司欠薪"]
    assert len(ex) == 2


def test_retrain_from_reviews_learns_the_corrections() -> None:
    history = TrainingExamples(
        texts=["小区路灯坏了", "路面坑洼", "工资被拖欠", "社保断缴", "学校乱收费", "幼儿园学位不足"],
        titles=[None] * 6,
        labels=["城乡建设", "城乡建设", "劳动和社会保障", "劳动和社会保障", "教育文体", "教育文体"],
    )
    decisions = [
        ReviewDecision(text="共享单车乱停放堵塞人行道", final="交通运输", proposed="城乡建设", decided_at=1),
        ReviewDecision(text="公交车站共享单车太多", final="交通运输", proposed="城乡建设", decided_at=2),
        ReviewDecision(text="学校乱收费", final="教育文体", proposed="教育文体", accepted=True, decided_at=3),
    ]
    model = retrain_from_reviews(decisions, history)
    assert "交通运输" in model.labels
    assert model.metadata["training_size"] == 8  # the reviewed duplicate replaces the history row
    assert model.predict(["共享单车乱停放"]) == ["交通运输"]
    assert model.model_version


def test_metrics() -> None:
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "b"]
    assert accuracy(gold, pred) == 0.5
    figures = {f.label: f for f in per_label(gold, pred)}
    assert figures["a"].precision == 1.0 and figures["a"].recall == 0.5
    assert figures["c"].f1 == 0.0 and figures["c"].support == 1
    assert macro_f1(gold, pred) == pytest.approx((2 / 3 + 0.5 + 0.0) / 3)
    with pytest.raises(ValueError):
        accuracy(["a"], [])


def test_cross_validate_reports_pooled_figures(taidi_slices) -> None:
    s = taidi_slices.held_out
    report = cross_validate(s.texts, s.labels, s.titles, folds=3)
    assert report.n == len(s.texts) and len(report.fold_accuracy) == 3
    assert 0.3 <= report.accuracy <= 1.0
    assert set(report.as_dict()) >= {"accuracy", "macro_f1", "folds"}
