"""Staff accounts: create, authenticate (Argon2id), list. Passwords are never stored or logged in clear."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import select

from console.db.schema import StaffRow, UnitRow
from console.db.uow import UnitOfWork
from console.domain.enums import Role
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.domain.ticket import Actor
from console.services.context import ServiceContext

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,39}$")


@dataclass(frozen=True)
class NewStaff:
    username: str
    display_name: str
    role: Role
    password: str
    unit_code: str | None = None
    shift_slot: int | None = None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def add_staff(ctx: ServiceContext, new: NewStaff) -> int:
    """Create an account and return its id. Unit handlers must name their unit; others must not."""
    if not _USERNAME.match(new.username):
        raise ValidationError(f"用户名「{new.username}」无效：小写字母开头，2-40 位字母、数字、_.-")
    if len(new.password) < 4:
        raise ValidationError("密码至少 4 位")
    if new.role is Role.SYSTEM:
        raise ValidationError("不能创建系统账号")
    if (new.role is Role.UNIT_HANDLER) != (new.unit_code is not None):
        raise ValidationError("承办人必须指定所属单位，其他角色不能指定单位")
    if new.shift_slot is not None and not 0 <= new.shift_slot <= 5:
        raise ValidationError(f"班次须为 0-5，收到 {new.shift_slot}")
    with UnitOfWork(ctx.db) as uow:
        s = uow.session
        if s.scalars(select(StaffRow.id).where(StaffRow.username == new.username)).first() is not None:
            raise ValidationError(f"用户名 {new.username} 已存在")
        unit_id = None
        if new.unit_code is not None:
            unit_id = s.scalars(select(UnitRow.id).where(UnitRow.code == new.unit_code)).first()
            if unit_id is None:
                raise NotFound(f"单位 {new.unit_code} 不存在")
        row = StaffRow(username=new.username, display_name=new.display_name, role=new.role.value, unit_id=unit_id,
                       shift_slot=new.shift_slot, password_hash=hash_password(new.password), active=True,
                       created_at=ctx.clock.now())
        s.add(row)
        s.flush()
        uow.commit()
        return row.id


def authenticate(ctx: ServiceContext, username: str, password: str) -> Actor:
    """The actor for valid credentials; ``PermissionDenied`` (one message for every failure) otherwise."""
    refused = PermissionDenied("用户名或密码错误")
    with UnitOfWork(ctx.db) as uow:
        row = uow.session.scalars(select(StaffRow).where(StaffRow.username == username.strip())).first()
        if row is None or not row.active:
            raise refused
        try:
            _hasher.verify(row.password_hash, password)
        except (VerifyMismatchError, InvalidHashError):
            raise refused from None
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
            uow.commit()
        return Actor(row.id, row.display_name, Role(row.role), row.unit_id)
