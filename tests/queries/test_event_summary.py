"""The timeline's one-line summaries of event data."""

from __future__ import annotations

from console.queries.detail import event_summary

UNITS = {"福田区/water": "福田区水务局", "福田区/street": "园岭街道办事处"}


def test_a_reply_names_its_unit_marks_a_co_unit_and_shows_its_text() -> None:
    assert event_summary("reply", {"unit": "福田区/water", "text": "已处理"}, UNITS) == "福田区水务局：已处理"
    assert event_summary("reply", {"unit": "福田区/street", "role": "co", "text": "已配合"}, UNITS) == \
        "园岭街道办事处（协办）：已配合"


def test_a_reply_without_text_leaves_no_dangling_colon() -> None:
    assert event_summary("reply", {"unit": "福田区/street", "role": "co"}, UNITS) == "园岭街道办事处（协办）"


def test_a_roll_back_names_the_lead_unit() -> None:
    assert event_summary("rollback", {"unit": "福田区/water"}, UNITS) == "福田区水务局"
