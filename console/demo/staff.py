"""Demo staff accounts (password ``demo``): room staff over six shifts and one handler per unit."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from sqlalchemy import insert, select

from console.db.schema import StaffRow, UnitRow
from console.db.uow import UnitOfWork
from console.domain.enums import Role
from console.services.context import ServiceContext

DEMO_PASSWORD = "demo"

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉飞宇浩然子涵欣怡梓轩一诺晨"
    "曦思远嘉怡俊杰雨桐"
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role: Role
    shift_slot: int | None = None


def room_accounts() -> list[DemoAccount]:
    """op01-op12, disp01-disp18, sup01-sup06 (one supervisor per shift), admin."""
    accounts = [DemoAccount("admin", "系统管理员", Role.ADMIN)]
    names = iter(f"{s}{g}" for g in GIVEN for s in SURNAMES[:40])
    for slot in range(6):
        accounts.append(DemoAccount(f"sup{slot + 1:02d}", next(names), Role.SUPERVISOR, slot))
    for n in range(18):
        accounts.append(DemoAccount(f"disp{n + 1:02d}", next(names), Role.DISPATCHER, n % 6))
    for n in range(12):
        accounts.append(DemoAccount(f"op{n + 1:02d}", next(names), Role.OPERATOR, n % 6))
    return accounts


def ensure_demo_staff(ctx: ServiceContext) -> int:
    """Create the demo accounts that are missing (room staff and ``h<unit id>`` per unit); returns how many."""
    hashed = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1).hash(DEMO_PASSWORD)
    now = ctx.clock.now()
    with UnitOfWork(ctx.db) as uow:
        s = uow.session
        existing = set(s.scalars(select(StaffRow.username)))
        rows = [{"username": a.username, "display_name": a.display_name, "role": a.role.value, "unit_id": None,
                 "shift_slot": a.shift_slot, "password_hash": hashed, "active": True, "created_at": now}
                for a in room_accounts() if a.username not in existing]
        for unit_id, name in s.execute(select(UnitRow.id, UnitRow.name).order_by(UnitRow.id)):
            username = f"h{unit_id:03d}"
            if username not in existing:
                rows.append({"username": username, "display_name": f"{name}承办人", "role": Role.UNIT_HANDLER.value,
                             "unit_id": unit_id, "shift_slot": None, "password_hash": hashed, "active": True,
                             "created_at": now})
        if rows:
            s.execute(insert(StaffRow), rows)
        uow.commit()
    return len(rows)
