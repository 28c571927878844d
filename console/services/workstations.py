"""Workstation sessions: a console opens one at login, beats every few seconds, closes it at logout.

Claims made from a workstation carry its id. ``release_dead_workstations`` (run by every console and the
simulator periodically; safe to run concurrently) ends sessions that stopped beating and releases their
claims, each release an ordinary event, so a crashed console never leaves tickets locked to nobody.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update

from console.db.schema import TicketRow, WorkstationRow
from console.db.uow import UnitOfWork
from console.domain.lifecycle import Action
from console.domain.ticket import Actor
from console.services.changes import Changed
from console.services.claim_release import release_claims
from console.services.context import ServiceContext
from console.services.runner import Work, execute

STALE_AFTER_SECONDS = 90


def open_workstation(ctx: ServiceContext, actor: Actor) -> str:
    """Start a session for ``actor`` on this machine; sets ``ctx.workstation_id`` and returns it."""
    workstation = str(uuid.uuid4())
    now = ctx.clock.now()
    with UnitOfWork(ctx.db) as uow:
        uow.session.add(WorkstationRow(id=workstation, staff_id=actor.staff_id, hostname=socket.gethostname()[:120],
                                       pid=os.getpid(), started_at=now, heartbeat_at=now, end_reason=""))
        uow.commit()
    ctx.workstation_id = workstation
    return workstation


def heartbeat(ctx: ServiceContext) -> bool:
    """Record that this workstation is alive. False if it was declared dead meanwhile (its claims are gone)."""
    if ctx.workstation_id is None:
        return False
    with UnitOfWork(ctx.db) as uow:
        alive = cast(CursorResult[Any], uow.session.execute(update(WorkstationRow)
                                    .where(WorkstationRow.id == ctx.workstation_id, WorkstationRow.ended_at.is_(None))
                                    .values(heartbeat_at=ctx.clock.now()))).rowcount
        uow.commit()
    return bool(alive)


def close_workstation(ctx: ServiceContext, reason: str = "logout") -> Changed:
    """End this workstation's session and release its claims (logout, shift change, window closed)."""
    if ctx.workstation_id is None:
        return Changed(Action.RELEASE.value)
    changed = _end(ctx, [ctx.workstation_id], reason)
    ctx.workstation_id = None
    return changed


def release_dead_workstations(ctx: ServiceContext, stale_after_seconds: float = STALE_AFTER_SECONDS) -> Changed:
    """End every session silent for ``stale_after_seconds`` and release the claims made from it."""
    cutoff = ctx.clock.now() - timedelta(seconds=stale_after_seconds)
    with ctx.db.reader() as session:
        dead = list(session.scalars(select(WorkstationRow.id).where(WorkstationRow.ended_at.is_(None),
                                                                    WorkstationRow.heartbeat_at < cutoff)))
    if not dead:
        return Changed(Action.RELEASE.value)
    return _end(ctx, dead, "heartbeat_lost")


def _end(ctx: ServiceContext, workstations: list[str], reason: str) -> Changed:
    system = Actor.system("工作站下线释放")
    why = "工作站已退出，自动释放认领" if reason == "logout" else "工作站失去联系，自动释放认领"

    def body(work: Work) -> Changed:
        work.session.execute(update(WorkstationRow).where(WorkstationRow.id.in_(workstations),
                                                          WorkstationRow.ended_at.is_(None))
                             .values(ended_at=work.now, end_reason=reason))
        return release_claims(work, TicketRow.claimed_workstation.in_(workstations), why)

    return execute(ctx, system, Action.RELEASE.value, body)
