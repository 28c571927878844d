"""The masked views mask with SQL functions; they must give what ``console.domain.masking`` gives for the
names, phones and texts a dispatch room sees (generated, incl. compound surnames, one-character names,
+86 forms, landlines, 15- and 18-digit IDs inside text)."""

from __future__ import annotations

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.backend import open_backend
from console.domain.masking import COMPOUND_SURNAMES, mask_name, mask_phone, mask_text

pytestmark = pytest.mark.postgres
DIGIT = st.sampled_from("0123456789")
SURNAME = st.sampled_from(["张", "王", "李", "陈", *sorted(COMPOUND_SURNAMES)[:8]])
GIVEN = st.text(alphabet="伟芳娜秀英敏静丽强磊军洋", min_size=0, max_size=3)
MOBILE = st.builds(lambda p, rest: "1" + p + "".join(rest), st.sampled_from("3456789"), st.lists(DIGIT, min_size=9,
                                                                                                  max_size=9))
LANDLINE = st.builds(lambda area, rest: area + "".join(rest), st.sampled_from(["0755", "010", "020", "0769"]),
                     st.lists(DIGIT, min_size=8, max_size=8))
PHONE = st.one_of(MOBILE, LANDLINE, MOBILE.map(lambda m: "+86 " + m), MOBILE.map(lambda m: f"{m[:3]}-{m[3:7]}-{m[7:]}"),
                  LANDLINE.map(lambda n: n[:4] + "-" + n[4:]))
ID18 = st.builds(lambda d, last: "".join(d) + last, st.lists(DIGIT, min_size=17, max_size=17),
                 st.sampled_from("0123456789X"))
ID15 = st.lists(DIGIT, min_size=15, max_size=15).map("".join)
TEXT = st.builds(lambda a, n, b: f"{a}{n}{b}", st.sampled_from(["我的电话", "身份证", "联系方式：", "工单MY", ""]),
                 st.one_of(PHONE, ID18, ID15, st.just("20261124000123")),
                 st.sampled_from(["，请回电", "元", "", "号楼"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.builds(lambda s, g: s + g, SURNAME, GIVEN), min_size=20, max_size=20),
       phones=st.lists(PHONE, min_size=20, max_size=20), texts=st.lists(TEXT, min_size=20, max_size=20))
def test_sql_masks_match_python(masking_db: str, names: list[str], phones: list[str], texts: list[str]) -> None:
    with psycopg.connect(masking_db, autocommit=True) as c:
        for function, python, values in (("mask_name", mask_name, names), ("mask_phone", mask_phone, phones),
                                         ("mask_text", mask_text, texts)):
            rows = c.execute(f"SELECT v, dc_private.{function}(v) FROM unnest(%s::text[]) AS v", (values,)).fetchall()
            assert [(v, m) for v, m in rows] == [(v, python(v)) for v in values], function


@pytest.fixture
def masking_db(pg_url: str) -> str:
    open_backend(pg_url, with_router=False).close()
    return pg_url.replace("postgresql+psycopg://", "postgresql://")
