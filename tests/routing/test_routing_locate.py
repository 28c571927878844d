"""Location: district and street from the gazetteer, collisions, text over selection."""

from __future__ import annotations

import pytest

from console.routing.gazetteer import Gazetteer
from console.routing.locate import locate
from console.routing.textnorm import normalize


def where(gazetteer: Gazetteer, text: str, selected: str | None = None) -> tuple[str | None, str | None]:
    loc = locate(gazetteer, normalize(text).text, selected)
    return loc.district, loc.street


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("盐田区沙头角街道沙深路", ("盐田区", "沙头角")),
        ("福田区沙头街道下沙村", ("福田区", "沙头")),
        ("住在沙头角那边", ("盐田区", "沙头角")),
        ("福田区福田街道滨河大道", ("福田区", "福田")),
        ("在福田区工作", ("福田区", None)),
        ("南山区南山街道", ("南山区", "南山")),
        ("大鹏新区葵涌街道", ("大鹏新区", "葵涌")),
        ("西丽街道一个农贸市场", ("南山区", "西丽")),
        ("羅湖區東門步行街", ("罗湖区", "东门")),
    ],
)
def test_names_and_collisions(gazetteer: Gazetteer, text: str, expected: tuple[str, str]) -> None:
    assert where(gazetteer, text) == expected


def test_text_wins_over_selected_district(gazetteer: Gazetteer) -> None:
    assert where(gazetteer, "我住在宝安区石岩街道", "南山区") == ("宝安区", "石岩")


def test_selected_district_kept_when_text_has_no_place(gazetteer: Gazetteer) -> None:
    assert where(gazetteer, "楼上邻居每天很吵", "龙岗区") == ("龙岗区", None)


def test_no_location_is_null(gazetteer: Gazetteer) -> None:
    assert where(gazetteer, "个税年度汇算退税要多久") == (None, None)


def test_unknown_selected_district_is_ignored(gazetteer: Gazetteer) -> None:
    assert where(gazetteer, "个税退税", "火星区") == (None, None)


def test_common_word_alone_does_not_locate(gazetteer: Gazetteer) -> None:
    assert where(gazetteer, "希望前途一片光明，公司在搞招商") == (None, None)


def test_gazetteer_places_and_aliases(gazetteer: Gazetteer) -> None:
    assert where(gazetteer, "深圳北站的出租车很少") == ("龙华区", "民治")
    assert where(gazetteer, "莲花山公园北门公厕锁门") == ("福田区", "莲花")
    assert where(gazetteer, "南山区白石洲某城中村") == ("南山区", "沙河")


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("老街地铁站A出口的共享单车堆成山", "罗湖区"),  # a station written 「X地铁站」, listed as 「X站」
        ("五和地铁口天天停满了车", "龙岗区"),
        ("五和那边的路口天天堵", "龙岗区"),  # a bare station name in a place-like context
        ("光明马田这一带晚上有烧塑料的味道", "光明区"),  # two weak bare names next to each other agree
        ("马田街道某道路中间有一处废弃的电塔", "光明区"),
    ],
)
def test_stations_and_bare_names_in_context(shipped: Gazetteer, text: str, district: str) -> None:
    assert where(shipped, text)[0] == district


def test_a_bare_station_name_alone_is_not_a_place(shipped: Gazetteer) -> None:
    text = normalize("今天五和的菜价又涨了").text
    mentions = [m for m in shipped.find(text) if m.surface == "五和"]
    assert mentions and not mentions[0].strong
    assert where(shipped, "今天五和的菜价又涨了") == (None, None)
