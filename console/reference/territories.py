"""Shenzhen's districts and streets from ``resources/reference/districts.csv``."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from console.reference import RESOURCES


@cache
def load_districts(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """District name (e.g. 福田区) → its street names without the 街道 suffix, in file order."""
    streets: dict[str, list[str]] = {}
    with open(path or RESOURCES / "reference" / "districts.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            streets.setdefault(row["district"], []).append(row["street"])
    return {district: tuple(names) for district, names in streets.items()}


def short_district(district: str) -> str:
    """福田区 → 福田, 大鹏新区 → 大鹏."""
    for suffix in ("新区", "区"):
        if district.endswith(suffix):
            return district[: -len(suffix)]
    return district


def validate_location(district: str | None, street: str | None) -> str | None:
    """None if the pair is valid (or empty), else a message saying what is wrong."""
    districts = load_districts()
    if district is None:
        return "填写了街道但没有区" if street else None
    if district not in districts:
        return f"未知的区「{district}」"
    if street and street.removesuffix("街道") not in districts[district]:
        return f"「{street}」不是{district}的街道"
    return None
