"""A small demo database for looking at the window before ``dispatch-console demo`` exists:
``python tests/ui/demo_data.py --db sqlite:///var/demo.db --tickets 80``. Uses the shipped duty list
(through ``open_backend``), demo accounts (password ``demo``) and the real services."""

from __future__ import annotations

import argparse
import contextlib
import random
from datetime import UTC, datetime, timedelta

from console.backend import open_backend
from console.domain.clock import FixedClock
from console.domain.enums import Channel, Kind, ReturnReason, Role, Urgency
from console.domain.errors import DomainError
from console.services import accounts, intake, triage, unit_desk
from console.services.accounts import NewStaff
from console.services.intake import NewTicket

TEXTS = [
    ("楼下工地晚上十二点还在施工，噪音很大影响休息", None),
    ("小区里闻到很浓的煤气味，怀疑燃气管道泄漏", Urgency.URGENT),
    ("路口红绿灯坏了，车辆通行很混乱", Urgency.FAST),
    ("人行道上有商贩占道经营，行人只能走机动车道", None),
    ("隔壁KTV每天唱到凌晨两点", None),
    ("电梯困人，有老人被困在里面", Urgency.URGENT),
    ("垃圾站三天没人清运，臭味很大", None),
    ("建议在学校门口增设斑马线和减速带", None),
    ("房东不退押金，请帮忙协调", None),
    ("公交站台的雨棚损坏，下雨天没法等车", Urgency.FAST),
    ("餐馆油烟直排到居民楼", None),
    ("井盖缺失，晚上很危险", Urgency.URGENT),
    ("咨询居住证办理需要哪些材料", None),
    ("小区树木倒伏压住了车辆", Urgency.FAST),
]
PLACES = [("福田区", "园岭"), ("福田区", "沙头"), ("罗湖区", None), ("南山区", None), ("宝安区", None),
          ("龙岗区", None), (None, None)]


def build(url: str, tickets: int, seed: int) -> None:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    clock = FixedClock(now)
    backend = open_backend(url, clock=clock)
    ctx = backend.ctx
    actors = {}
    for username, name, role, unit in (("disp01", "李分拨", Role.DISPATCHER, None),
                                       ("disp02", "王分拨", Role.DISPATCHER, None),
                                       ("sup01", "赵值班", Role.SUPERVISOR, None),
                                       ("op01", "陈受理", Role.OPERATOR, None)):
        with contextlib.suppress(DomainError):
            accounts.add_staff(ctx, NewStaff(username, name, role, "demo", unit, shift_slot=2))
        actors[username] = triage.staff_actor(ctx, username)
    catalog_items = ["010101", "020101", "010203", "010401"]
    for n in range(tickets):
        text, urgency = rng.choice(TEXTS)
        district, street = rng.choice(PLACES)
        ago = timedelta(minutes=rng.randint(1, 600))
        clock.set(now - ago)
        item = rng.choice(catalog_items) if rng.random() < 0.4 else None
        phone = f"13{rng.randint(100000000, 999999999)}"
        try:
            changed = intake.intake(ctx, actors["op01"], NewTicket(
                text=text, kind=rng.choice(list(Kind)), channel=rng.choice(list(Channel)), citizen_name="张三丰",
                citizen_phone=phone, district=district, street=street, urgency=urgency, citizen_item_code=item))
        except DomainError:
            continue
        ticket = changed.ticket_ids[0]
        clock.set(now - ago / 2)
        roll = rng.random()
        try:
            if roll < 0.25:
                triage.claim(ctx, actors[rng.choice(["disp01", "disp02"])], ticket)
            elif roll < 0.3:
                triage.dispatch(ctx, actors["disp02"], ticket, item_code="010101", reason="演示")
                _ = unit_desk, ReturnReason
        except DomainError:
            pass
        if n % 20 == 0:
            print(f"{n} tickets")
    backend.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--tickets", type=int, default=80)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    build(args.db, args.tickets, args.seed)


if __name__ == "__main__":
    main()
