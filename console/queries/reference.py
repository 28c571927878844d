"""Reference lists the window offers in pickers: districts, duty-list categories, lines, items, staff.
Caller's thread (the DB worker)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from console.db.engine import Database
from console.db.schema import CatalogNodeRow, CatalogVersionRow, DutyItemRow, LineRow, StaffRow, TerritoryRow
from console.domain.ticket import Actor


@dataclass(frozen=True, slots=True)
class Choice:
    """A code and its display name."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Directory:
    """Everything the filter and dispatch pickers need, read once per session."""

    districts: tuple[Choice, ...]
    categories: tuple[Choice, ...]
    lines: tuple[Choice, ...]
    items: tuple[Choice, ...]
    staff_names: dict[int, str]

    def item_name(self, code: str) -> str:
        return next((c.name for c in self.items if c.code == code), "")


def load_directory(db: Database) -> Directory:
    """Districts, categories and items of the newest duty-list version, lines, and room staff names."""
    with db.reader() as s:
        districts = s.scalars(select(TerritoryRow.district).where(TerritoryRow.street.is_(None))
                              .order_by(TerritoryRow.id)).all()
        version_id = s.scalars(select(CatalogVersionRow.id).order_by(CatalogVersionRow.effective_from.desc(),
                                                                      CatalogVersionRow.id.desc()).limit(1)).first()
        categories = s.execute(select(CatalogNodeRow.code, CatalogNodeRow.name)
                               .where(CatalogNodeRow.version_id == version_id, CatalogNodeRow.depth == 1)
                               .order_by(CatalogNodeRow.code)).all()
        items = s.execute(select(DutyItemRow.code, DutyItemRow.name).where(DutyItemRow.version_id == version_id,
                                                                           DutyItemRow.active)
                          .order_by(DutyItemRow.code)).all()
        lines = s.execute(select(LineRow.code, LineRow.name_zh)).all()
        staff = s.execute(select(StaffRow.id, StaffRow.display_name)).all()
    return Directory(tuple(Choice(d, d) for d in districts), tuple(Choice(c, n) for c, n in categories),
                     tuple(Choice(c, n) for c, n in lines), tuple(Choice(c, n) for c, n in items),
                     {i: n for i, n in staff})


def whoami(db: Database, actor: Actor) -> tuple[str, int | None]:
    """The actor's username and shift slot (0-5, None when not assigned to a shift)."""
    with db.reader() as s:
        row = s.get(StaffRow, actor.staff_id) if actor.staff_id is not None else None
        return (row.username, row.shift_slot) if row is not None else ("", None)
