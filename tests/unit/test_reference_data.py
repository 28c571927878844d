"""The shipped reference data: duty list shape, lines, territories, units and their resolution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.domain.enums import Level, Territorial
from console.reference.catalog_file import CatalogFormatError, catalog_from_dict, catalog_to_dict, load_catalog
from console.reference.lines import load_lines
from console.reference.territories import load_districts, validate_location
from console.reference.units import build_units, resolve_unit_code


def test_duty_list_has_18_categories_and_at_least_400_items_across_every_line() -> None:
    catalog = load_catalog()
    assert len(catalog.categories) == 18
    assert len(catalog.items) >= 400
    lines = {line.code for line in load_lines()}
    assert {item.lead_line for item in catalog.items} == lines
    assert catalog.lines() <= lines
    for item in catalog.items:
        assert item.code.startswith(item.subcategory_code) and len(item.code) == 6
        assert item.name and item.description and item.keywords, item.code
        assert item.lead_line not in item.co_lines, item.code


def test_noise_is_split_by_source_across_lines() -> None:
    noise = [item for item in load_catalog().items if "噪声" in item.name]
    leads = {item.lead_line for item in noise}
    assert len(noise) >= 8
    assert {"ecology", "police", "urban_mgmt", "transport", "education"} <= leads


def test_territorial_items_are_led_by_places() -> None:
    for item in load_catalog().items:
        if item.lead_line == "street_office":
            assert item.territorial is Territorial.STREET_LEAD and item.level is Level.STREET
        if item.lead_line == "district_gov":
            assert item.territorial is Territorial.DISTRICT_LEAD


def test_catalog_round_trips_through_json() -> None:
    catalog = load_catalog()
    assert catalog_from_dict(json.loads(json.dumps(catalog_to_dict(catalog)))) == catalog


def test_bad_catalog_names_the_item_and_field() -> None:
    raw = json.loads(Path("tests/fixtures/mini_catalog.json").read_text(encoding="utf-8"))
    del raw["categories"][0]["subcategories"][0]["items"][0]["lead_line"]
    with pytest.raises(CatalogFormatError, match=r"010101.*lead_line"):
        catalog_from_dict(raw)
    raw = json.loads(Path("tests/fixtures/mini_catalog.json").read_text(encoding="utf-8"))
    raw["categories"][0]["subcategories"][0]["items"][0]["limits"] = {"accept_hours": 9, "reply_hours": 1}
    with pytest.raises(CatalogFormatError, match="010101"):
        catalog_from_dict(raw)


def test_territories_and_units() -> None:
    districts = load_districts()
    assert len(districts) == 10 and sum(len(s) for s in districts.values()) == 74
    units = build_units()
    codes = [u.code for u in units]
    assert len(codes) == len(set(codes))
    assert sum(u.line == "street_office" for u in units) == 74
    assert sum(u.line == "district_gov" for u in units) == 10
    assert "大鹏新区管理委员会" in {u.name for u in units}


def test_unit_resolution_rules() -> None:
    known = frozenset(u.code for u in build_units())
    assert resolve_unit_code("ecology", Level.DISTRICT, "福田区", "园岭", known) == "福田区/ecology"
    assert resolve_unit_code("ecology", Level.DISTRICT, None, None, known) == "city/ecology"
    assert resolve_unit_code("gas", Level.DISTRICT, "福田区", None, known) == "city/gas"
    assert resolve_unit_code("street_office", Level.STREET, "福田区", "园岭", known) == "福田区/园岭/street_office"
    assert resolve_unit_code("street_office", Level.STREET, "福田区", None, known) == "福田区/district_gov"  # 兜底
    assert resolve_unit_code("district_gov", Level.DISTRICT, None, None, known) is None


def test_location_validation_messages() -> None:
    assert validate_location("福田区", "园岭") is None
    assert validate_location("福田区", "园岭街道") is None
    assert "未知的区" in (validate_location("海淀区", None) or "")
    assert "不是福田区的街道" in (validate_location("福田区", "沙头角") or "")
    assert validate_location(None, "园岭") == "填写了街道但没有区"
