"""Masking of personal data and the human ticket number format."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.masking import COMPOUND_SURNAMES, mask_id_number, mask_name, mask_phone
from console.domain.numbering import day_key, format_number, looks_like_number, parse_number

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@pytest.mark.parametrize(("name", "masked"), [("张三", "张*"), ("张三丰", "张**"), ("欧阳娜娜", "欧阳**"),
                                              ("司马光", "司马*"), ("王", "王"), ("", "")])
def test_names(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@given(st.text(HAN, min_size=2, max_size=6))
def test_masked_names_keep_length_and_hide_the_given_name(name: str) -> None:
    masked = mask_name(name)
    assert len(masked) == len(name) and masked.endswith("*")
    keep = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    assert masked[:keep] == name[:keep] and set(masked[keep:]) == {"*"}


@pytest.mark.parametrize(("phone", "masked"), [
    ("13812341234", "138****1234"), ("+86 138 1234 1234", "+86 138****1234"), ("008613812341234", "+86 138****1234"),
    ("0755-83451234", "0755-****1234"), ("020 12345678", "020-****5678"), ("", "")])
def test_phones(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))  # ASCII: full-width digits are normalised
def test_mobiles_never_show_the_middle_digits(phone: str) -> None:
    masked = mask_phone(phone)
    assert masked == phone[:3] + "****" + phone[-4:]


@given(st.one_of(st.from_regex(r"\d{15}", fullmatch=True), st.from_regex(r"\d{17}[\dX]", fullmatch=True)))
def test_id_numbers_keep_first_and_last(number: str) -> None:
    masked = mask_id_number(number)
    assert masked[0] == number[0] and masked[-1] == number[-1] and set(masked[1:-1]) == {"*"}


def test_number_format_and_day_in_room_time() -> None:
    late_evening_utc = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)  # 01:00 on the 25th in Shenzhen
    assert day_key(late_evening_utc) == "20261125"
    assert format_number("20261124", 123) == "MY20261124000123"
    assert parse_number("my20261124000123")[1] == 123
    with pytest.raises(ValueError, match="不是工单编号"):
        parse_number("MY2026")
    with pytest.raises(ValueError):
        format_number("20261124", 0)
    assert looks_like_number("MY2026") and not looks_like_number("13812341234")
