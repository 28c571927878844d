"""Property tests of the masking functions: they never show more than allowed, they are idempotent, they
leave text without personal data alone, and the documented ``TEXT_RULES`` (mirrored in SQL) give exactly
what ``mask_text`` gives — also when PostgreSQL's ``regexp_replace`` runs them."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from console.domain.masking import (
    COMPOUND_SURNAMES,
    TEXT_RULES,
    mask_address,
    mask_id_number,
    mask_name,
    mask_phone,
    mask_text,
    phone_digits,
)

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
SURNAMES = st.sampled_from(sorted(COMPOUND_SURNAMES))
GIVEN = st.text(HAN, min_size=1, max_size=3)
NAMES = st.one_of(
    st.text(HAN, min_size=1, max_size=1),  # one character
    st.builds(lambda s, g: s + g, st.text(HAN, min_size=1, max_size=1), GIVEN),
    st.builds(lambda s, g: s + g, SURNAMES, GIVEN),  # compound surname
    st.builds(lambda a, b: f"{a}·{b}", st.text(HAN, min_size=2, max_size=4), st.text(HAN, min_size=2, max_size=4)),
    st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?", fullmatch=True),
)
MOBILES = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
AREA_CODES = st.one_of(st.sampled_from(["010", *(f"02{i}" for i in range(10))]),
                       st.from_regex(r"0[3-9][0-9]{2}", fullmatch=True))
LOCALS = st.from_regex(r"[2-8][0-9]{6,7}", fullmatch=True)
IDS = st.one_of(st.from_regex(r"[1-9][0-9]{14}", fullmatch=True),
                st.from_regex(r"[1-9][0-9]{16}[0-9X]", fullmatch=True))
SEP = st.sampled_from(["", " ", "-"])


@st.composite
def mobile_forms(draw: st.DrawFn) -> tuple[str, str]:
    """(as written, national digits): plain, spaced, dashed, +86 / 0086 / 86 prefixed."""
    number = draw(MOBILES)
    sep = draw(SEP)
    prefix = draw(st.sampled_from(["", "+86", "+86 ", "0086", "0086-", "86"]))
    return f"{prefix}{number[:3]}{sep}{number[3:7]}{sep}{number[7:]}", number


@st.composite
def landline_forms(draw: st.DrawFn) -> tuple[str, str]:
    area, local = draw(AREA_CODES), draw(LOCALS)
    written = draw(st.sampled_from([f"{area}-{local}", f"{area} {local}", f"{area}{local}", f"({area}){local}"]))
    return written, area + local


# --------------------------------------------------------------------------------------------- names
@given(NAMES)
def test_names_show_only_the_surname(name: str) -> None:
    masked = mask_name(name)
    assert len(masked) == len(name)
    keep = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    assert masked[:keep] == name[:keep]
    assert all(c in "*· " for c in masked[keep:])
    assert mask_name(masked) == masked


@pytest.mark.parametrize(("name", "masked"), [
    ("张三", "张*"), ("欧阳娜娜", "欧阳**"), ("欧阳", "欧*"), ("王", "王"), ("  李四 ", "李*"),
    ("阿卜杜拉·艾则孜", "阿***·***"), ("John Smith", "J*** *****"), ("张*", "张*"), ("", "")])
def test_name_examples(name: str, masked: str) -> None:
    assert mask_name(name) == masked


# -------------------------------------------------------------------------------------------- phones
def digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


@given(mobile_forms())
def test_a_masked_mobile_shows_at_most_the_first_three_and_last_four(form: tuple[str, str]) -> None:
    written, number = form
    masked = mask_phone(written)
    national = digits(masked.removeprefix("+86 "))
    assert national == number[:3] + number[-4:]
    assert masked.endswith(f"{number[:3]}****{number[-4:]}")
    assert mask_phone(masked) == masked
    assert phone_digits(written) == number


@given(landline_forms(), st.sampled_from(["", "-801", "转8001", " ext 12"]))
def test_a_masked_landline_shows_the_area_code_and_last_four(form: tuple[str, str], extension: str) -> None:
    written, full = form
    masked = mask_phone(written + extension)
    area = full[:3] if full[:3] == "010" or full[:2] == "02" else full[:4]
    assert masked.startswith(f"{area}-****{full[-4:]}")
    assert digits(masked) == area + full[-4:] + digits(extension)
    assert mask_phone(masked) == masked


@given(LOCALS, st.text(st.sampled_from("0123456789 -()abc转"), max_size=20))
def test_any_phone_value_keeps_at_most_four_unmasked_digits_and_is_idempotent(local: str, junk: str) -> None:
    for value in (local, junk):
        masked = mask_phone(value)
        assert len(digits(masked)) <= 4 or mask_phone(masked) == masked
        assert mask_phone(masked) == masked
    assert digits(mask_phone(local)) == local[-4:]


@pytest.mark.parametrize(("phone", "masked"), [
    ("138-1234-1234", "138****1234"), ("0086 138 1234 1234", "+86 138****1234"), ("8613812341234", "+86 138****1234"),
    ("0755-83451234-801", "0755-****1234转801"), ("(010)12345678", "010-****5678"), ("83451234", "****1234"),
    ("１３８１２３４１２３４", "138****1234"), ("138****1234", "138****1234"), ("****1234", "****1234")])
def test_phone_examples(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


# ------------------------------------------------------------------------------------------ ID numbers
@given(IDS)
def test_id_numbers_keep_only_the_first_and_last_character(number: str) -> None:
    masked = mask_id_number(number)
    assert masked == number[0] + "*" * (len(number) - 2) + number[-1]
    assert mask_id_number(masked) == masked


@given(st.text(max_size=30))
def test_addresses_lose_every_digit(address: str) -> None:
    masked = mask_address(address)
    assert not any(c in "0123456789０１２３４５６７８９" for c in masked)
    assert mask_address(masked) == masked


# ------------------------------------------------------------------------------------------- free text
FILLER = st.text(st.one_of(HAN, st.sampled_from("，。！？、 ：")), max_size=12)
NON_PII_PIECES = st.one_of(
    FILLER,
    st.from_regex(r"MY2026(0[1-9]|1[0-2])[0-2][0-9][0-9]{6}", fullmatch=True),  # ticket numbers
    st.from_regex(r"20[0-9]{2}-[01][0-9]-[0-3][0-9]", fullmatch=True),  # dates
    st.from_regex(r"20[0-9]{2}[01][0-9][0-3][0-9]", fullmatch=True),
    st.from_regex(r"20[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日", fullmatch=True),
    st.from_regex(r"[0-2][0-9]:[0-5][0-9]", fullmatch=True),  # times
    st.from_regex(r"[1-9][0-9]{0,5}(\.[0-9]{1,2})?元", fullmatch=True),  # amounts
    st.from_regex(r"[1-9][0-9]{0,2}(栋|号|室|楼)", fullmatch=True),
)


@given(st.lists(NON_PII_PIECES, max_size=6))
@example(["工单MY20261124000123于2026-11-24 10:30受理", "，金额12000元，", "20261124"])
def test_text_without_personal_numbers_is_unchanged(pieces: list[str]) -> None:
    text = "，".join(pieces)
    assert mask_text(text) == text


@st.composite
def embedded(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A text with phones and IDs between harmless pieces, and the national digits of each embedded number."""
    parts: list[str] = []
    secrets: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(FILLER))
        kind = draw(st.sampled_from(["mobile", "landline", "id", "local"]))
        if kind == "mobile":
            written, secret = draw(mobile_forms())
        elif kind == "landline":
            written, secret = draw(landline_forms())
        elif kind == "id":
            written = secret = draw(IDS)
            written = draw(st.sampled_from(["身份证号", "身份证：", "证件", ""])) + written
        else:
            secret = draw(LOCALS)
            written = draw(st.sampled_from(["电话", "座机：", "联系方式 ", "tel:"])) + secret
        parts.append(written)
        secrets.append(secret)
    parts.append(draw(FILLER))
    return "，".join(parts), secrets


def _runs(value: str, length: int) -> set[str]:
    return {value[i:i + length] for i in range(len(value) - length + 1)}


@given(embedded())
@settings(max_examples=300)
def test_masked_text_holds_no_seven_consecutive_digits_of_an_embedded_number(case: tuple[str, list[str]]) -> None:
    text, secrets = case
    masked = mask_text(text)
    runs = {run for secret in secrets for run in _runs(secret, 7)}
    masked_digit_runs = re.findall(r"[0-9]+", masked)
    assert not any(run in found for found in masked_digit_runs for run in runs), masked
    assert mask_text(masked) == masked


@given(embedded())
def test_the_documented_rules_applied_in_order_are_mask_text(case: tuple[str, list[str]]) -> None:
    text, _ = case
    result = text
    for _name, pattern, template in TEXT_RULES:
        result = re.sub(pattern, template, result)
    assert result == mask_text(text)


@pytest.mark.parametrize(("text", "masked"), [
    ("市民13812341234反映", "市民138****1234反映"),
    ("身份证号440301199001011234，手机+86 138 1234 1234", "身份证号4****************4，手机+86 138****1234"),
    ("证件44030119900101123X。", "证件4****************X。"),
    ("旧证440301900101123", "旧证4*************3"),
    ("电话：0755-83451234转801", "电话：0755-****1234转801"),
    ("(010)12345678找王先生", "010-****5678找王先生"),
    ("电话83451234，其他", "电话****1234，其他"),
    ("８６１３８１２３４１２３４", "８６１３８****１２３４"),
    *((same, same) for same in ("工单MY20261124000123于2026-11-24 10:30受理，金额12000元",)),
    ("38个人，1380000元", "38个人，1380000元"),
])
def test_text_examples(text: str, masked: str) -> None:
    assert mask_text(text) == masked
    assert mask_text(masked) == masked


SQL_SAMPLES = [
    "市民13812341234反映", "身份证号440301199001011234，手机+86 138 1234 1234", "证件44030119900101123X。",
    "旧证440301900101123", "电话：0755-83451234转801", "(010)12345678", "电话83451234，其他", "8613812341234",
    "８６１３８１２３４１２３４", "工单MY20261124000123于2026-11-24 10:30受理，金额12000元",
]


@pytest.mark.postgres
def test_postgres_regexp_replace_runs_the_same_rules(pg_url: str) -> None:
    """The rules as the masked SQL views will run them (``regexp_replace(..., 'g')`` in order)."""
    import psycopg

    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        for text in SQL_SAMPLES:
            value = text
            for _name, pattern, template in TEXT_RULES:
                row = connection.execute("SELECT regexp_replace(%s, %s, %s, 'g')", (value, pattern, template))
                value = row.fetchone()[0]  # type: ignore[index]
            assert value == mask_text(text), text
