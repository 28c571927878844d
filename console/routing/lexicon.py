"""Generic vocabulary of the dispatch room used by the ranker.

- ``AGENCY_NAMES``: how citizens name the unit of each line (``请城管查处`` names ``urban_mgmt``).
- ``GENERIC_WORDS``: request boilerplate (``市民来电反映``, ``诉求``, ``请问``) that says nothing
  about the matter; bigrams from it weigh little.
- ``UNCLEAR_OWNERSHIP``: phrases saying no unit owns the matter (``互相推诿``, ``不归他们管``).
- ``lines.csv`` ``typical_matters`` are read by :func:`load_line_terms` as a weak prior.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from console.routing.index import bigrams
from console.routing.textnorm import normalize

LINES_CSV = Path(__file__).resolve().parents[2] / "resources" / "reference" / "lines.csv"

AGENCY_NAMES: dict[str, tuple[str, ...]] = {
    "police": ("公安", "警方", "派出所", "民警", "报警", "110"),
    "traffic_police": ("交警", "交通警察", "车管所"),
    "transport": ("交通部门", "交通局", "交通运输", "交委", "公交公司", "地铁公司"),
    "ecology": ("环保", "生态环境", "环境局", "环境部门"),
    "urban_mgmt": ("城管", "城市管理", "综合执法", "园林部门", "环卫"),
    "housing": ("住建", "住房建设", "住房和建设", "房管", "建设局"),
    "planning": ("规划部门", "规划局", "自然资源", "规土", "国土部门"),
    "water": ("水务", "自来水公司", "水司", "排水公司"),
    "market": ("市场监管", "市监", "工商", "物价部门", "质监", "消委会", "消协", "特种设备"),
    "commerce": ("商务局", "商务部门"),
    "education": ("教育局", "教育部门", "教育主管"),
    "hr_social": ("人社", "劳动监察", "劳动部门", "劳动局", "人力资源", "社保局", "劳动仲裁"),
    "medical_insurance": ("医保局", "医疗保障"),
    "health": ("卫健", "卫生健康", "卫生部门", "卫生局", "疾控"),
    "civil_affairs": ("民政",),
    "culture_tourism": ("文旅", "文化广电", "旅游部门", "旅游局", "文体"),
    "emergency": ("应急管理", "安监", "应急局", "安全生产监管"),
    "fire": ("消防",),
    "tax": ("税务",),
    "gov_services": ("政务服务", "政数局", "12345"),
    "development": ("发改", "发展改革", "发展和改革"),
    "power": ("供电局", "供电部门", "供电公司", "电力公司", "电力部门", "南方电网"),
    "gas": ("燃气公司", "燃气集团"),
    "telecom": ("运营商", "电信", "移动公司", "联通", "通信管理"),
    "postal": ("邮政", "快递公司", "邮管"),
    "housing_fund": ("公积金中心", "公积金管理"),
    "justice": ("司法局", "司法所", "法律援助中心", "公证处"),
    "finance": ("金融监管", "银保监", "金融办", "地方金融"),
    "veterans": ("退役军人事务", "退役军人服务"),
    "district_gov": ("区政府", "区委", "政府统筹"),
    "street_office": ("街道办", "社区工作站", "居委会", "社区居委"),
}

#: Verbs that turn an agency mention into a request addressed to it.
REQUEST_VERBS = ("请", "要求", "希望", "建议", "让", "麻烦", "找", "由", "督促", "向", "需要")

GENERIC_WORDS: tuple[str, ...] = (
    "市民来电反映", "市民来电咨询", "市民来电称", "市民反映", "来电人", "诉求", "请问", "咨询",
    "投诉", "建议", "反映", "处理", "相关部门", "部门", "问题", "要求", "希望", "怎么办", "怎么",
    "什么", "可以", "我们", "一下", "现在", "已经", "没有", "一直", "每天", "时候", "这个", "那个",
    "就是", "你好", "麻烦", "尽快", "需要", "是否", "情况", "深圳", "社区", "小区", "街道", "附近",
    "周边", "居民", "住户", "业主", "家里", "我家", "孩子", "老人", "办理", "申请", "材料",
    "有关", "派人", "查处", "解决", "影响", "严重", "非常", "特别", "很多", "几个", "知道",
)


#: The character bigrams of ``GENERIC_WORDS``: they weigh little in matching and nothing in similarity.
GENERIC_BIGRAMS = frozenset(gram for word in GENERIC_WORDS for _, gram in bigrams(word))

UNCLEAR_OWNERSHIP: tuple[str, ...] = (
    "不归他们管", "不归我们管", "不归他管", "都说不归", "不归谁管", "互相推诿", "互相推脱", "相互推诿",
    "踢皮球", "有没有人管", "谁负责", "谁来管", "谁管", "责任主体不清", "权属不清", "产权不清",
    "都说不是", "都不管", "不在他们", "都说管不了", "牵头", "统筹", "协调不了", "没人管",
    "推来推去", "无人管理", "三不管", "踢来踢去", "不属于其管辖", "不属于他们管", "都不认", "均称非其",
    "均称不属于", "都说不是他们", "没有部门管", "没有单位管",
)


@dataclass(frozen=True, slots=True)
class LineInfo:
    """A functional line of lines.csv with its normalised prior terms."""

    code: str
    name_zh: str
    terms: tuple[str, ...]


def _split_matters(matters: str) -> list[str]:
    terms: list[str] = []
    for token in matters.split():
        head, _, inner = token.partition("(")
        parts = [head, *re.split(r"[/、)]|含", inner)]
        terms.extend(p.strip() for p in parts if len(p.strip()) >= 2)
    return terms


def load_line_terms(path: Path | None = None) -> dict[str, LineInfo]:
    """Lines of lines.csv by code, with ``typical_matters`` split into normalised terms."""
    lines: dict[str, LineInfo] = {}
    with (path or LINES_CSV).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            terms = tuple(normalize(t).text for t in _split_matters(row.get("typical_matters", "")))
            lines[row["code"]] = LineInfo(row["code"], row.get("name_zh", ""), terms)
    return lines
