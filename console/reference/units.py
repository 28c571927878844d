"""Units derived from lines and territories: city bureaus, district offices, district governments,
street offices and city-wide utilities; and the rule that finds the unit for (line, level, place).

Unit codes are stable and readable: ``city/ecology``, ``福田区/ecology``, ``福田区/district_gov``,
``福田区/园岭/street_office``.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from console.domain.catalog import DutyItem
from console.domain.enums import Level, Territorial
from console.reference.lines import load_lines
from console.reference.territories import load_districts, short_district

TERRITORIAL_LINES = ("district_gov", "street_office")
CITY_ONLY_LINES = frozenset({"power", "gas", "telecom", "postal", "housing_fund", "finance", "development",
                             "commerce", "veterans"})

CITY_NAMES = {
    "police": "深圳市公安局", "traffic_police": "深圳市公安局交通警察局", "transport": "深圳市交通运输局",
    "ecology": "深圳市生态环境局", "urban_mgmt": "深圳市城市管理和综合执法局", "housing": "深圳市住房和建设局",
    "planning": "深圳市规划和自然资源局", "water": "深圳市水务局", "market": "深圳市市场监督管理局",
    "commerce": "深圳市商务局", "education": "深圳市教育局", "hr_social": "深圳市人力资源和社会保障局",
    "medical_insurance": "深圳市医疗保障局", "health": "深圳市卫生健康委员会", "civil_affairs": "深圳市民政局",
    "culture_tourism": "深圳市文化广电旅游体育局", "emergency": "深圳市应急管理局", "fire": "深圳市消防救援支队",
    "tax": "国家税务总局深圳市税务局", "gov_services": "深圳市政务服务和数据管理局",
    "development": "深圳市发展和改革委员会", "power": "深圳供电局有限公司", "gas": "深圳市燃气集团股份有限公司",
    "telecom": "深圳市通信管理局", "postal": "深圳市邮政管理局", "housing_fund": "深圳市住房公积金管理中心",
    "justice": "深圳市司法局", "finance": "深圳市地方金融管理局", "veterans": "深圳市退役军人事务局",
}

DISTRICT_PATTERNS = {
    "police": "{d}公安分局", "traffic_police": "交警{s}大队", "transport": "市交通运输局{s}管理局",
    "ecology": "市生态环境局{s}管理局", "urban_mgmt": "{d}城市管理和综合执法局", "housing": "{d}住房和建设局",
    "planning": "市规划和自然资源局{s}管理局", "water": "{d}水务局", "market": "市市场监督管理局{s}监管局",
    "education": "{d}教育局", "hr_social": "{d}人力资源局", "medical_insurance": "市医疗保障局{s}分局",
    "health": "{d}卫生健康局", "civil_affairs": "{d}民政局", "culture_tourism": "{d}文化广电旅游体育局",
    "emergency": "{d}应急管理局", "fire": "{d}消防救援大队", "tax": "国家税务总局深圳市{s}区税务局",
    "gov_services": "{d}政务服务数据管理局", "justice": "{d}司法局",
}


@dataclass(frozen=True, slots=True)
class UnitSpec:
    code: str
    name: str
    line: str
    level: Level
    district: str | None = None
    street: str | None = None


def city_code(line: str) -> str:
    return f"city/{line}"


def district_code(district: str, line: str) -> str:
    return f"{district}/{line}"


def street_code(district: str, street: str) -> str:
    return f"{district}/{street}/street_office"


def build_units() -> list[UnitSpec]:
    """Every unit of the shipped reference data, city units first."""
    lines = [line.code for line in load_lines()]
    units = [UnitSpec(city_code(code), CITY_NAMES[code], code, Level.CITY)
             for code in lines if code not in TERRITORIAL_LINES]
    for district, streets in load_districts().items():
        short = short_district(district)
        government = "大鹏新区管理委员会" if district == "大鹏新区" else f"{district}人民政府"
        units.append(UnitSpec(district_code(district, "district_gov"), government, "district_gov", Level.DISTRICT,
                              district))
        for code in lines:
            pattern = DISTRICT_PATTERNS.get(code)
            if pattern:
                name = pattern.format(d=district, s=short).replace("区区", "区")
                units.append(UnitSpec(district_code(district, code), name, code, Level.DISTRICT, district))
        for street in streets:
            units.append(UnitSpec(street_code(district, street), f"{district}{street}街道办事处", "street_office",
                                  Level.STREET, district, street))
    return units


def resolve_unit_code(line: str, level: Level, district: str | None, street: str | None,
                      known: Set[str]) -> str | None:
    """The code of the unit that handles ``line`` at ``level`` for a place, or None if none can.

    Street offices need the street (else the district government takes it, 兜底); district governments need
    the district. Other lines go to their district office where the item is handled at district or street
    level and one exists, otherwise to the city bureau.
    """
    if line == "street_office":
        if district and street and street_code(district, street) in known:
            return street_code(district, street)
        line = "district_gov"
    if line == "district_gov":
        code = district_code(district, "district_gov") if district else None
        return code if code in known else None
    if level is not Level.CITY and district and district_code(district, line) in known:
        return district_code(district, line)
    code = city_code(line)
    return code if code in known else None


def item_lines(item: DutyItem) -> tuple[str, Level, tuple[str, ...]]:
    """(lead line, lead level, co-lines) of an item under its territorial rule (属地统筹): a district- or
    street-led item is led by ``district_gov`` / ``street_office`` and its own lines co-handle. The lead
    line never appears among the co-lines."""
    lead, level, co = item.lead_line, item.level, item.co_lines
    if item.territorial is Territorial.DISTRICT_LEAD:
        lead, level, co = "district_gov", Level.DISTRICT, (item.lead_line, *item.co_lines)
    elif item.territorial is Territorial.STREET_LEAD:
        lead, level, co = "street_office", Level.STREET, (item.lead_line, *item.co_lines)
    return lead, level, tuple(dict.fromkeys(line for line in co if line != lead))


def item_unit_codes(item: DutyItem, district: str | None, street: str | None,
                    known: Set[str]) -> tuple[str | None, list[str]]:
    """Lead and co-unit codes for a duty item at a place, by the item's territorial rule (属地统筹):
    territorial items are led by the district government or street office and the item's own lines
    co-handle. The lead is None when no unit can lead (e.g. a district-level item without a district);
    co-units that cannot be found are left out. The one implementation of this rule."""
    lead_line, lead_level, co_lines = item_lines(item)
    lead = resolve_unit_code(lead_line, lead_level, district, street, known)
    co: list[str] = []
    for line in co_lines:
        code = resolve_unit_code(line, item.level, district, street, known)
        if code and code != lead and code not in co:
            co.append(code)
    return lead, co


def lead_unit_code(item: DutyItem | None, district: str | None, street: str | None,
                   known: Set[str]) -> str | None:
    """The unit that would lead ``item`` at the place, or None (no item, retired item, or no unit found:
    the ticket would go to manual review)."""
    if item is None or not item.active:
        return None
    return item_unit_codes(item, district, street, known)[0]
