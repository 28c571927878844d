"""A new version takes effect on its date: tickets received before keep their routing, tickets received on
or after it route with the new version; every change is recorded; only admins publish, never backdated."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from console.catalog_admin.edits import CatalogEditError, EditItem, MoveItem
from console.catalog_admin.versions import latest_version, list_versions, publish_edits
from console.db.schema import CatalogChangeRow, CatalogVersionRow
from console.domain.errors import PermissionDenied, ValidationError
from console.services.catalog_store import load_version

from .conftest import make_admin
from .helpers import lead_of, take

TOMORROW = date(2026, 11, 25)   # the room's clock starts 2026-11-24 09:00 (Asia/Shanghai)


def test_ticket_received_before_the_change_keeps_its_routing(room) -> None:  # type: ignore[no-untyped-def]
    admin = make_admin(room)
    before = take(room, "010101", "福田区", "华富")
    saved = publish_edits(room.ctx, admin, [EditItem("010101", {"lead_line": "market"})], effective_from=TOMORROW,
                          reason="协调会决定：占道经营改由市场监管牵头", version="2026.2")
    assert (saved.version, saved.base_version, saved.change_count) == ("2026.2", "2026.1", 1)
    same_day = take(room, "010101", "福田区", "华富")
    room.clock.set(datetime(2026, 11, 25, 1, 0, tzinfo=UTC))          # 09:00 the next day
    after = take(room, "010101", "福田区", "华富")
    late_entry = take(room, "010101", "福田区", "华富", received_at=datetime(2026, 11, 24, 8, 0, tzinfo=UTC))

    assert lead_of(room, before) == ("福田区/urban_mgmt", "2026.1")
    assert lead_of(room, same_day) == ("福田区/urban_mgmt", "2026.1")
    assert lead_of(room, after) == ("福田区/market", "2026.2")
    assert lead_of(room, late_entry) == ("福田区/urban_mgmt", "2026.1")   # received (16:00) before the change

    with room.ctx.db.reader() as s:
        version = s.scalars(select(CatalogVersionRow).where(CatalogVersionRow.version == "2026.2")).one()
        changes = s.scalars(select(CatalogChangeRow).where(CatalogChangeRow.version_id == version.id)).all()
        assert (version.effective_from, version.created_by) == (TOMORROW, "李管理")
        assert [(c.item_code, c.change, c.actor) for c in changes] == [("010101", "edit", "李管理")]
        assert changes[0].before["lead_line"] == "urban_mgmt" and changes[0].after["lead_line"] == "market"
        assert changes[0].reason == "协调会决定：占道经营改由市场监管牵头"
        assert len(load_version(s, "2026.2").items) == 497
        assert latest_version(s) == "2026.2"
        assert [v.version for v in list_versions(s)] == ["2026.2", "2026.1"]


def test_publishing_is_for_admins_with_a_reason_and_never_backdated(sqlite_room) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    admin = make_admin(room)
    change = [EditItem("010101", {"lead_line": "market"})]
    with pytest.raises(PermissionDenied, match="管理员"):
        publish_edits(room.ctx, room.dispatcher, change, effective_from=TOMORROW, reason="x")
    with pytest.raises(ValidationError, match="早于今天"):
        publish_edits(room.ctx, admin, change, effective_from=TOMORROW - timedelta(days=2), reason="x")
    with pytest.raises(ValidationError, match="原因"):
        publish_edits(room.ctx, admin, change, effective_from=TOMORROW, reason=" ")
    with pytest.raises(CatalogEditError, match="未知条线"):
        publish_edits(room.ctx, admin, [EditItem("010101", {"lead_line": "moon"})], effective_from=TOMORROW,
                      reason="x")
    saved = publish_edits(room.ctx, admin, [MoveItem("010101", "0102")], effective_from=TOMORROW, reason="调整分类")
    assert saved.version == "2026-11-25.1" and saved.diff.moved == (("010101", "010210"),)
    with pytest.raises(ValidationError, match="已存在"):
        publish_edits(room.ctx, admin, change, effective_from=TOMORROW, reason="x", version="2026-11-25.1")
