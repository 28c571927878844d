"""Revealing personal data (SQLite and PostgreSQL): a reason is required, the scope rule holds, the reveal is
recorded on the ticket's timeline in the same transaction, and the read model masks by role until then."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from console.db.schema import EventRow, TicketRow
from console.domain.enums import Role
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.domain.ticket import Actor
from console.queries.detail import ticket_detail
from console.queries.queue import QueueScope, load_queue
from console.queries.views import compile_search
from console.review_desk.card import review_card
from console.services.intake import NewTicket, intake
from console.services.personal_data import REVEALED_FIELDS, reveal_personal_data
from tests.conftest import Room

NOISE_ITEM = "030102"
TEXT = "园岭街道工地半夜施工，吵得睡不着，回电13812345678，身份证440301199001011234"


def new(room: Room, **fields: object) -> int:
    request = NewTicket(**{"text": TEXT, "district": "福田区", "street": "园岭", "address": "园岭新村12栋503",
                           "citizen_phone": "13812345678", "citizen_name": "欧阳娜娜", **fields})  # type: ignore[arg-type]
    return intake(room.ctx, room.operator, request).ticket_ids[0]


def reveals(room: Room, ticket_id: int) -> list[Any]:
    with room.ctx.db.reader() as s:
        return list(s.execute(select(EventRow.reason, EventRow.actor_name, EventRow.actor_role, EventRow.data)
                              .where(EventRow.ticket_id == ticket_id, EventRow.action == "reveal_personal_data")
                              .order_by(EventRow.id)))


def test_reveal_needs_a_reason_and_records_it(room: Room) -> None:
    ticket_id = new(room)
    for reason in ("", "  ", "a"):
        with pytest.raises(ValidationError, match="原因"):
            reveal_personal_data(room.ctx, room.dispatcher, ticket_id, reason)
    assert reveals(room, ticket_id) == []

    contact = reveal_personal_data(room.ctx, room.dispatcher, ticket_id, "  市民要求回电  ")
    assert (contact.citizen_name, contact.citizen_phone, contact.address) == ("欧阳娜娜", "13812345678",
                                                                               "园岭新村12栋503")
    assert contact.text == TEXT and contact.reason == "市民要求回电"
    [event] = reveals(room, ticket_id)
    assert (event.reason, event.actor_name, event.actor_role) == ("市民要求回电", "王分拨", "dispatcher")
    assert event.data == {"fields": list(REVEALED_FIELDS)}
    with room.ctx.db.reader() as s:
        assert s.get(TicketRow, ticket_id).version == 1  # type: ignore[union-attr]  # the ticket is unchanged

    history = ticket_detail(room.ctx, ticket_id, Role.DISPATCHER).events
    shown = next(e for e in history if e.action == "reveal_personal_data")
    assert shown.action_label == "查看个人信息" and shown.reason == "市民要求回电" and "电话" in shown.summary


def test_scope_unit_handlers_and_system(room: Room) -> None:
    ticket_id = new(room, citizen_item_code=NOISE_ITEM)
    with room.ctx.db.reader() as s:
        row = s.get(TicketRow, ticket_id)
        assert row is not None
        lead_unit = row.assignments[0].unit_id
        from console.db.schema import UnitRow
        code = s.get(UnitRow, lead_unit).code  # type: ignore[union-attr]
        other = s.scalars(select(UnitRow.code).where(UnitRow.id != lead_unit)).first()
    assert other is not None
    with pytest.raises(PermissionDenied, match="不属于您的单位"):
        reveal_personal_data(room.ctx, room.handler(other), ticket_id, "核实现场")
    with pytest.raises(PermissionDenied):
        reveal_personal_data(room.ctx, Actor.system(), ticket_id, "核实现场")
    with pytest.raises(NotFound):
        reveal_personal_data(room.ctx, room.dispatcher, 999_999, "核实现场")
    assert reveals(room, ticket_id) == []
    number = reveal_personal_data(room.ctx, room.handler(code), ticket_id, "上门核实需联系市民").number
    reveal_personal_data(room.ctx, room.supervisor, number, "回访")  # by number too
    assert [e.actor_role for e in reveals(room, ticket_id)] == ["unit_handler", "supervisor"]


def test_read_models_mask_by_role(room: Room) -> None:
    ticket_id = new(room, title="回电13812345678")
    masked = ticket_detail(room.ctx, ticket_id, Role.UNIT_HANDLER)
    assert (masked.citizen_name, masked.citizen_phone) == ("欧阳**", "138****5678")
    assert masked.address == "园岭新村**栋***" and masked.title == "回电138****5678"
    assert "13812345678" not in masked.text and "440301199001011234" not in masked.text
    assert "138****5678" in masked.text and "4****************4" in masked.text
    plain = ticket_detail(room.ctx, ticket_id, Role.OPERATOR)
    assert plain.text == TEXT and plain.address == "园岭新村12栋503"

    card = review_card(room.ctx, ticket_id, Role.DISPATCHER)
    assert card.citizen_phone == "138****5678" and "13812345678" not in card.text
    assert all(card.text[s.start:s.end] == s.text for s in card.spans)

    [row] = load_queue(room.ctx.db, QueueScope.for_actor(Role.DISPATCHER))
    assert row.title == "回电138****5678" and "13812345678" not in row.search_blob
    assert "5678" in row.search_blob and "440301199001011234" not in row.search_blob
    for search, found in (("13812345678", True), ("+86 138-1234-5678", False), ("138-1234-5678", True),
                          ("1381234", False), ("5678", True)):
        predicate = compile_search(search)
        assert predicate is not None and predicate(row) is found, search
    [plain_row] = load_queue(room.ctx.db, QueueScope.for_actor(Role.SUPERVISOR))
    assert plain_row.title == "回电13812345678"
    assert compile_search("13812345678")(plain_row) and compile_search("1381234")(plain_row)  # type: ignore[misc]
