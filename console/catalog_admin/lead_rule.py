"""The lead unit of a duty item at a place, as a pure function of the item, the place and the known units.

Mirrors ``console.services.unit_resolution.resolve_units`` (territorial items are led by the district
government or street office) without touching the database, so that thousands of (item, place) groups can
be evaluated in memory.
"""

from __future__ import annotations

from collections.abc import Set

from console.domain.catalog import DutyItem
from console.domain.enums import Level, Territorial
from console.reference.units import resolve_unit_code


def lead_unit_code(item: DutyItem | None, district: str | None, street: str | None,
                   known_units: Set[str]) -> str | None:
    """The code of the unit that would lead ``item`` at the place, or None (no item, retired item, or no
    unit found: the ticket would go to manual review)."""
    if item is None or not item.active:
        return None
    line, level = item.lead_line, item.level
    if item.territorial is Territorial.DISTRICT_LEAD:
        line, level = "district_gov", Level.DISTRICT
    elif item.territorial is Territorial.STREET_LEAD:
        line, level = "street_office", Level.STREET
    return resolve_unit_code(line, level, district, street, known_units)  # type: ignore[arg-type]
