"""Read and write the duty list as JSON (the format of ``resources/catalog/duty_list.json``)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from console.domain.catalog import Catalog, Category, DutyItem, Subcategory, TimeLimits
from console.domain.enums import Level, Territorial, Urgency
from console.reference import RESOURCES

DEFAULT_PATH = RESOURCES / "catalog" / "duty_list.json"


class CatalogFormatError(ValueError):
    """The file is not a valid duty list; the message names the item and field."""


def item_from_dict(raw: dict[str, Any]) -> DutyItem:
    code = str(raw.get("code", "?"))
    try:
        limits = raw.get("limits") or {}
        return DutyItem(
            code=code, name=raw["name"], description=raw.get("description", ""),
            keywords=tuple(raw.get("keywords", ())), lead_line=raw["lead_line"], level=Level(raw["level"]),
            co_lines=tuple(raw.get("co_lines", ())), territorial=Territorial(raw.get("territorial", "none")),
            limits=TimeLimits(float(limits.get("accept_hours", 2)), float(limits.get("reply_hours", 72)),
                              float(limits.get("close_hours", 120))),
            default_urgency=Urgency(raw.get("default_urgency", "normal")), active=bool(raw.get("active", True)),
        )
    except KeyError as missing:
        raise CatalogFormatError(f"职责事项 {code} 缺少字段 {missing}") from None
    except ValueError as bad:
        raise CatalogFormatError(f"职责事项 {code}：{bad}") from None


def item_to_dict(item: DutyItem) -> dict[str, Any]:
    return {
        "code": item.code, "name": item.name, "description": item.description, "keywords": list(item.keywords),
        "lead_line": item.lead_line, "level": item.level.value, "co_lines": list(item.co_lines),
        "territorial": item.territorial.value,
        "limits": {"accept_hours": item.limits.accept_hours, "reply_hours": item.limits.reply_hours,
                   "close_hours": item.limits.close_hours},
        "default_urgency": item.default_urgency.value, **({} if item.active else {"active": False}),
    }


def catalog_from_dict(raw: dict[str, Any]) -> Catalog:
    try:
        categories = tuple(
            Category(c["code"], c["name"], tuple(
                Subcategory(s["code"], s["name"], tuple(item_from_dict(i) for i in s["items"]))
                for s in c["subcategories"]))
            for c in raw["categories"])
        return Catalog(str(raw["version"]), date.fromisoformat(str(raw["effective_from"])), categories)
    except KeyError as missing:
        raise CatalogFormatError(f"职责清单缺少字段 {missing}") from None


def catalog_to_dict(catalog: Catalog) -> dict[str, Any]:
    return {
        "version": catalog.version, "effective_from": catalog.effective_from.isoformat(),
        "categories": [{"code": c.code, "name": c.name, "subcategories": [
            {"code": s.code, "name": s.name, "items": [item_to_dict(i) for i in s.items]}
            for s in c.subcategories]} for c in catalog.categories],
    }


@cache
def load_catalog(path: Path | None = None) -> Catalog:
    """The duty list in ``path`` (default: the shipped one). Raises ``CatalogFormatError`` on bad content."""
    with open(path or DEFAULT_PATH, encoding="utf-8") as handle:
        return catalog_from_dict(json.load(handle))


def save_catalog(catalog: Catalog, path: Path) -> None:
    path.write_text(json.dumps(catalog_to_dict(catalog), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
