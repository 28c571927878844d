"""A scripted shift for export tests: 2026-11-24 08:00–12:00 (room time, slot 2) in a fresh SQLite file.

What happens (room time):
- 昨天: T7 accepted by 福田 ecology (asks for an extension at 10:30); T8 replied, closed 11:00, rated
  unsatisfied 11:10 (rollback).
- 08:05 T1 normal, citizen item 010101 → auto-dispatched on time; its title starts with "=" (formula bait);
  never accepted → its accept clock (2 h) breaches at 10:05.
- 08:10 T2 urgent, no item → review; dispatched at 09:00, 20 minutes late (due 08:40).
- 08:20 T3 fast, no item → review, never dispatched: its dispatch clock breaches at 10:20.
- 08:30 T5 normal, item 010102 (police) → dispatched; 10:00 the supervisor moves it to the district
  government (reassign_unit) and gives it to the dispatcher (reassign_staff).
- 08:40 T6 item 010101 → returned 09:30, re-dispatched 09:45, returned again 10:15 → arbitration.
- 09:30 T4 normal, no item → still waiting at the end of the shift.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from console.db.engine import Database
from console.db.migrate import upgrade
from console.domain.clock import ROOM_TZ, FixedClock
from console.domain.enums import Rating, ReturnReason, Role, Urgency
from console.domain.ticket import Actor
from console.services import citizen_loop, supervision, triage, unit_desk
from console.services.accounts import NewStaff, add_staff
from console.services.context import ServiceContext
from console.services.intake import NewTicket, intake
from console.services.reference_seed import seed_reference_data

CATALOG = Path(__file__).resolve().parents[1] / "fixtures" / "mini_catalog.json"
DAY = (2026, 11, 24)


def room(hour: int, minute: int = 0, day_offset: int = 0) -> datetime:
    return datetime(*DAY, hour, minute, tzinfo=ROOM_TZ) + timedelta(days=day_offset)


@dataclass
class Scripted:
    ctx: ServiceContext
    clock: FixedClock
    numbers: dict[str, str]
    supervisor: Actor
    incoming: Actor
    dispatcher: Actor
    operator: Actor
    handler: Actor


def make_context(tmp_path: Path, start: datetime) -> tuple[ServiceContext, FixedClock]:
    db = Database(f"sqlite:///{tmp_path / 'exports.db'}")
    upgrade(db)
    clock = FixedClock(start)
    seed_reference_data(db, clock, catalog_path=CATALOG)
    return ServiceContext(db, clock), clock


def _staff(ctx: ServiceContext, username: str, name: str, role: Role, slot: int | None = None,
           unit: str | None = None) -> Actor:
    staff_id = add_staff(ctx, NewStaff(username, name, role, "pass1234", unit_code=unit, shift_slot=slot))
    with ctx.db.reader() as session:
        from console.db.schema import StaffRow

        row = session.get(StaffRow, staff_id)
        assert row is not None
        return Actor(row.id, row.display_name, role, row.unit_id)


def build_shift(tmp_path: Path) -> Scripted:
    ctx, clock = make_context(tmp_path, room(6, 0, -1))
    sup = _staff(ctx, "sup.wang", "王值班", Role.SUPERVISOR, 2)
    incoming = _staff(ctx, "sup.li", "李值班", Role.SUPERVISOR, 3)
    disp = _staff(ctx, "disp.zhao", "赵分拨", Role.DISPATCHER, 2)
    op = _staff(ctx, "op.sun", "孙受理", Role.OPERATOR, 2)
    eco = _staff(ctx, "eco.h", "生态承办", Role.UNIT_HANDLER, unit="福田区/ecology")
    police = _staff(ctx, "pol.h", "公安承办", Role.UNIT_HANDLER, unit="福田区/police")
    numbers: dict[str, str] = {}

    def take(key: str, at: datetime, **fields: object) -> str:
        clock.set(at)
        fields.setdefault("district", "福田区")
        fields.setdefault("street", "园岭")
        changed = intake(ctx, op, NewTicket(**fields))  # type: ignore[arg-type]
        numbers[key] = changed.numbers[0]
        return changed.numbers[0]

    # yesterday: T7 (extension today), T8 (rollback today)
    take("T7", room(9, 0, -1), text="工地夜间施工噪声，持续一周", citizen_item_code="010101",
         citizen_name="陈七", citizen_phone="13900000007")
    clock.set(room(9, 30, -1))
    unit_desk.accept(ctx, eco, numbers["T7"])
    take("T8", room(10, 0, -1), text="楼上邻居夜里唱KTV", citizen_item_code="010102",
         citizen_name="周八", citizen_phone="13900000008")
    clock.set(room(10, 30, -1))
    unit_desk.accept(ctx, police, numbers["T8"])
    clock.set(room(15, 0, -1))
    unit_desk.reply(ctx, police, numbers["T8"], "已上门劝导")

    # the shift
    take("T1", room(8, 5), text="=HYPERLINK(\"http://evil\",\"点我\") 工地半夜打桩", title="=SUM(1+1)工地噪声",
         citizen_item_code="010101", citizen_name="张三", citizen_phone="13812345678")
    take("T2", room(8, 10), text="小区里闻到很浓的煤气味", urgency=Urgency.URGENT, citizen_name="李四",
         citizen_phone="13712345678")
    take("T3", room(8, 20), text="+86 路灯坏了好几天", urgency=Urgency.FAST, citizen_name="欧阳娜娜",
         citizen_phone="0755-83451234")
    take("T5", room(8, 30), text="酒吧音响太吵", citizen_item_code="010102", citizen_name="王五",
         citizen_phone="13612345678")
    take("T6", room(8, 40), text="-1 楼道堆放杂物", citizen_item_code="010101", citizen_name="赵六",
         citizen_phone="13512345678")
    clock.set(room(9, 0))
    triage.dispatch(ctx, disp, numbers["T2"], item_code="020101")
    take("T4", room(9, 30), text="@所有人 咨询办证流程", title="请回电13912345678咨询办证",
         citizen_name="钱九", citizen_phone="13412345678")
    clock.set(room(9, 30))
    unit_desk.return_ticket(ctx, eco, numbers["T6"], ReturnReason.NOT_OUR_FUNCTION, "不属于生态环境")
    clock.set(room(9, 45))
    triage.dispatch(ctx, disp, numbers["T6"], lead_unit="福田区/ecology")
    clock.set(room(10, 0))
    supervision.reassign_unit(ctx, sup, [numbers["T5"]], unit_code="福田区/district_gov", reason="属地统筹")
    supervision.reassign_staff(ctx, sup, [numbers["T5"]], to_username="disp.zhao", reason="跟进协调")
    clock.set(room(10, 15))
    unit_desk.return_ticket(ctx, eco, numbers["T6"], ReturnReason.UNCLEAR_OWNERSHIP, "=权属不清")
    clock.set(room(10, 30))
    unit_desk.request_extension(ctx, eco, numbers["T7"], 48, "需协调执法队")
    clock.set(room(11, 0))
    citizen_loop.close(ctx, disp, numbers["T8"])
    clock.set(room(11, 10))
    citizen_loop.rate(ctx, op, numbers["T8"], Rating.UNSATISFIED, "=没人来处理")
    clock.set(room(12, 5))
    return Scripted(ctx, clock, numbers, sup, incoming, disp, op, eco)


@pytest.fixture
def scripted(tmp_path: Path) -> Scripted:
    shift = build_shift(tmp_path)
    yield shift
    shift.ctx.db.dispose()
