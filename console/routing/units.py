"""Lead and co-handling lines for a chosen item: the territorial rule and the fallback.

- ``district_lead`` items: the district government (``district_gov``) of the location leads; the
  item's own lines co-handle.
- ``street_lead`` items: the street office (``street_office``) leads; the item's lines co-handle.
- Unclear ownership (the text says no unit owns it) or no matching item at all: the district
  government leads as fallback (兜底), with the item's lines, if any, as co-lines.
- Otherwise the item's lead line leads at the item's level, its co-lines co-handle.
The lead line never appears among the co-lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.catalog import DutyItem
from console.domain.enums import Level, Territorial
from console.reference.units import item_lines

DISTRICT_GOV = "district_gov"
STREET_OFFICE = "street_office"


@dataclass(frozen=True, slots=True)
class Units:
    """Who leads, who co-handles, at which level, and the rule that decided it."""

    lead_line: str
    co_lines: tuple[str, ...]
    level: Level
    rule: str


def _dedupe(lines: tuple[str, ...] | list[str], lead: str) -> tuple[str, ...]:
    seen: list[str] = []
    for line in lines:
        if line != lead and line not in seen:
            seen.append(line)
    return tuple(seen)


def effective_lead(item: DutyItem) -> str:
    """The line that leads ``item`` once the territorial rule is applied."""
    return item_lines(item)[0]


_RULES = {
    Territorial.DISTRICT_LEAD: "territorial: district government leads (属地统筹)",
    Territorial.STREET_LEAD: "territorial: street office leads (属地统筹)",
    Territorial.NONE: "item: the item's lead line leads",
}


def resolve_units(item: DutyItem | None, unclear_ownership: bool = False) -> Units:
    """Apply the territorial rule to ``item`` (``None`` = nothing matched → fallback)."""
    if item is None:
        return Units(DISTRICT_GOV, (), Level.DISTRICT, "fallback: no matching item (兜底)")
    own = (item.lead_line, *item.co_lines)
    if unclear_ownership:
        return Units(DISTRICT_GOV, _dedupe(own, DISTRICT_GOV), Level.DISTRICT,
                     "fallback: unclear ownership → district government leads (权属不清兜底)")
    lead, level, co = item_lines(item)
    return Units(lead, co, level, _RULES[item.territorial])
