"""Put the shipped reference data (lines, territories, units, the duty list) into an empty database.

Idempotent: each part is inserted only when its table is empty, so every start may call it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, insert, select

from console.db.engine import Database
from console.db.schema import CatalogVersionRow, LineRow, TerritoryRow, UnitRow
from console.db.uow import UnitOfWork
from console.domain.clock import Clock, SystemClock
from console.reference.catalog_file import load_catalog
from console.reference.lines import load_lines
from console.reference.territories import load_districts
from console.reference.units import build_units
from console.services.catalog_store import store_catalog


def seed_reference_data(db: Database, clock: Clock | None = None, catalog_path: Path | None = None) -> dict[str, int]:
    """Insert whatever reference data is missing; returns how many rows of each kind were added."""
    now = (clock or SystemClock()).now()
    added = {"lines": 0, "territories": 0, "units": 0, "catalog_items": 0}
    with UnitOfWork(db) as uow:
        s = uow.session
        if not s.scalar(select(func.count()).select_from(LineRow)):
            lines = load_lines()
            s.execute(insert(LineRow), [
                {"code": x.code, "name_zh": x.name_zh, "name_en": x.name_en,
                 "typical_matters": " ".join(x.typical_matters)} for x in lines])
            added["lines"] = len(lines)
        if not s.scalar(select(func.count()).select_from(TerritoryRow)):
            rows = []
            for district, streets in load_districts().items():
                rows.append({"district": district, "street": None})
                rows.extend({"district": district, "street": street} for street in streets)
            s.execute(insert(TerritoryRow), rows)
            added["territories"] = len(rows)
        if not s.scalar(select(func.count()).select_from(UnitRow)):
            units = build_units()
            s.execute(insert(UnitRow), [
                {"code": u.code, "name": u.name, "line": u.line, "level": u.level.value, "district": u.district,
                 "street": u.street, "active": True} for u in units])
            added["units"] = len(units)
        if not s.scalar(select(func.count()).select_from(CatalogVersionRow)):
            catalog = load_catalog(catalog_path)
            store_catalog(s, catalog, actor="system", reason="随系统发布的职责清单", now=now)
            added["catalog_items"] = len(catalog.items)
        uow.commit()
    return added
