"""Checks on the list: overlapping items, items without lead, lines and districts without units, units
without handlers — each finding names what is wrong."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlalchemy import update

from console.catalog_admin.checks import check_catalog
from console.catalog_admin.edits import AddItem, apply_edits
from console.catalog_admin.versions import known_lines
from console.db.schema import UnitRow
from console.db.uow import UnitOfWork
from console.services.catalog_store import catalog_at


def test_findings_on_a_scripted_list(sqlite_room) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    with UnitOfWork(room.ctx.db) as uow:
        uow.session.execute(update(UnitRow).where(UnitRow.line == "gas").values(active=False))
        uow.session.execute(update(UnitRow).where(UnitRow.code == "福田区/district_gov").values(active=False))
        uow.commit()
    room.handler("福田区/urban_mgmt")
    with room.ctx.db.reader() as s:
        base = catalog_at(s, room.clock.now())
        twin = dataclasses.replace(base.item("010101"), code="010111", name="门口摆卖", lead_line="police")
        candidate = apply_edits(base, [AddItem(twin)], version="c", effective_from=date(2026, 11, 25),
                                known_lines=known_lines(s)).catalog
        report = check_catalog(s, candidate)
    overlaps = report.of("overlap")
    assert [f.items for f in overlaps] == [("010101", "010111")]
    assert "占道经营" in overlaps[0].message and "门口摆卖" in overlaps[0].message and overlaps[0].score == 1.0
    gas_items = {i.code for i in base.items if i.lead_line == "gas"}
    assert {f.items[0] for f in report.of("no_lead")} == gas_items
    assert [f.subject for f in report.of("unreachable_line")] == ["gas"]
    district_lead = {i.code for i in base.items if i.territorial.value == "district_lead"}
    assert [(f.subject, set(f.items)) for f in report.of("unreachable_district")] == [("福田区", district_lead)]
    without_handler = {f.subject for f in report.of("no_handler")}
    assert "福田区/urban_mgmt" not in without_handler and "罗湖区/urban_mgmt" in without_handler
    assert "city/gas" not in without_handler
    assert not report.ok and report.counts()["overlap"] == 1


def test_the_shipped_list_has_no_overlaps_or_gaps(sqlite_room) -> None:  # type: ignore[no-untyped-def]
    with sqlite_room.ctx.db.reader() as s:
        report = check_catalog(s, catalog_at(s, sqlite_room.clock.now()))
    counts = report.counts()
    assert counts["overlap"] == counts["no_lead"] == counts["unreachable_line"] == counts["unreachable_district"] == 0
