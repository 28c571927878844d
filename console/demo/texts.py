"""Realistic Chinese request texts built from a duty item, a place and a seeded random generator."""

from __future__ import annotations

import random
from dataclasses import dataclass

from console.domain.catalog import DutyItem
from console.domain.enums import Kind
from console.reference.territories import load_districts

ROADS = ("建设路", "人民路", "解放路", "新安路", "宝安大道", "龙岗大道", "梅观路", "南海大道", "红荔路", "北环大道",
         "深南大道", "滨河大道", "布吉路", "沙河西路", "桂庙路", "东门路", "翠竹路", "留仙大道", "民治大道", "坪山大道")
ESTATES = ("花园", "小区", "新村", "家园", "公寓", "雅苑", "名苑", "城", "村")
ESTATE_WORDS = ("阳光", "碧海", "幸福", "锦绣", "翠湖", "东方", "金色", "华侨", "桃源", "丽景", "万科", "星河")
DURATIONS = ("最近一周", "这几天", "已经一个多月", "从上个月开始", "连续三天", "每天晚上", "今天早上开始")
IMPACTS = ("严重影响居民休息", "老人小孩都受不了", "给周边居民生活带来很大不便", "存在安全隐患",
           "多次反映一直没有解决", "影响正常出行", "大家意见很大")
ASKS = ("请相关部门尽快处理", "希望尽快派人核查", "请给个说法", "要求依法查处", "希望相关部门重视", "请尽快解决")
QUESTIONS = ("需要准备什么材料", "在哪里办理", "办理流程是怎样的", "需要多长时间", "有什么条件", "费用怎么算")
SUGGESTIONS = ("建议增加", "建议相关部门加强管理", "希望能优化", "建议统一规划", "建议设置")


@dataclass(frozen=True, slots=True)
class Place:
    district: str
    street: str
    address: str


def random_place(rng: random.Random) -> Place:
    districts = load_districts()
    district = rng.choice(tuple(districts))
    street = rng.choice(districts[district])
    if rng.random() < 0.5:
        address = f"{rng.choice(ROADS)}{rng.randint(1, 399)}号"
    else:
        address = f"{rng.choice(ESTATE_WORDS)}{rng.choice(ESTATES)}{rng.randint(1, 30)}栋"
    return Place(district, street, address)


def compose(rng: random.Random, item: DutyItem, kind: Kind, place: Place | None) -> tuple[str, str]:
    """(title, text) of a request about ``item`` at ``place`` in the voice of ``kind``."""
    keyword = rng.choice(item.keywords) if item.keywords else item.name
    where = f"{place.district}{place.street}街道{place.address}" if place else ""
    if kind is Kind.CONSULTATION:
        text = f"市民咨询：{where and where + '，'}关于{keyword}的问题，{rng.choice(QUESTIONS)}？"
    elif kind is Kind.SUGGESTION:
        text = f"{rng.choice(SUGGESTIONS)}{keyword}相关设施和管理，{where and '地点：' + where + '，'}方便市民。"
    elif kind is Kind.HELP:
        text = f"市民求助：{where}{keyword}，{rng.choice(DURATIONS)}，{rng.choice(IMPACTS)}，请尽快派人帮忙。"
    else:
        text = (f"市民来电反映：{where}{rng.choice(DURATIONS)}{keyword}，{rng.choice(IMPACTS)}。"
                f"诉求：{rng.choice(ASKS)}。")
    title = f"{place.street if place else ''}{item.name}"[:40]
    return title, text


def citizen_name(rng: random.Random) -> str:
    from console.demo.staff import GIVEN, SURNAMES

    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def citizen_phone(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}"
