"""Auto-routing follows the duty list in effect: a keyword published in a new version routes tickets
received from its effective date on, not before, and the proposal records that version's catalog."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from console.catalog_admin.edits import EditItem
from console.catalog_admin.versions import publish_edits
from console.db.schema import EventRow, TicketRow
from console.routing.adapter import RouterAdapter
from console.services.catalog_store import load_version
from console.services.context import RoomSettings
from console.services.intake import NewTicket, intake

from .conftest import make_admin

TOMORROW = date(2026, 11, 25)   # the room's clock starts 2026-11-24 09:00 (Asia/Shanghai)
TEXT = "隔壁又办冬瓜宴流水席"  # words no item of 2026.1 knows


def routed(room, text: str) -> tuple[str | None, str]:  # type: ignore[no-untyped-def]
    """(item the ticket went to, model version of the suggestion) for a new ticket with ``text``."""
    number = intake(room.ctx, room.operator, NewTicket(text=text, district="福田区", street="华富")).numbers[0]
    with room.ctx.db.reader() as s:
        ticket = s.scalars(select(TicketRow).where(TicketRow.number == number)).one()
        data = [e.data for e in s.scalars(select(EventRow).where(EventRow.ticket_id == ticket.id)) if e.data]
        version = next((str(d["model_version"]) for d in data if d.get("model_version")), "")
        return ticket.item_code, version


def test_a_published_keyword_routes_from_its_effective_date(room) -> None:  # type: ignore[no-untyped-def]
    room.ctx.router = RouterAdapter.from_shipped()
    room.ctx.settings = RoomSettings(auto_dispatch_threshold=0.0)
    with room.ctx.db.reader() as s:
        keywords = list(load_version(s, "2026.1").get("010101").keywords)  # 占道经营
    publish_edits(room.ctx, make_admin(room), [EditItem("010101", {"keywords": [*keywords, "冬瓜宴流水席"]})],
                  effective_from=TOMORROW, reason="新增市民常用说法", version="2026.2")

    item, version = routed(room, TEXT)
    assert item != "010101" and version.startswith("catalog:2026.1+")
    room.clock.set(datetime(2026, 11, 25, 1, 0, tzinfo=UTC))          # 09:00 the next day
    item, version = routed(room, TEXT)
    assert item == "010101" and version.startswith("catalog:2026.2+")
    assert set(room.ctx.router._engines) == {"2026.1", "2026.2"}
