"""The export log: every file that leaves the console is recorded with who, when, what filter, how many
rows and the file's SHA-256 (RELIABILITY.md, personal data)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from console.db.schema import ExportLogRow
from console.db.uow import UnitOfWork
from console.domain.ticket import Actor
from console.services.actors import verify_actor
from console.services.context import ServiceContext


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class LoggedExport:
    id: int
    actor_name: str
    at: datetime
    kind: str
    filter: dict[str, Any]
    row_count: int
    sha256: str
    file_name: str


def record_export(ctx: ServiceContext, actor: Actor, *, kind: str, filter: dict[str, Any], row_count: int,
                  path: Path, sha256: str | None = None) -> LoggedExport:
    """Append one ``export_log`` row in its own transaction; the actor is verified against the staff table."""
    digest = sha256 or file_sha256(path)
    with UnitOfWork(ctx.db) as uow:
        who = verify_actor(uow.session, actor)
        row = ExportLogRow(actor_id=who.staff_id, actor_name=who.name, at=ctx.clock.now(), kind=kind,
                           filter=filter, row_count=row_count, sha256=digest, file_name=path.name[:255])
        uow.session.add(row)
        uow.session.flush()
        uow.commit()
        return _logged(row)


def recent_exports(ctx: ServiceContext, limit: int = 50) -> list[LoggedExport]:
    with ctx.db.reader() as session:
        rows = session.scalars(select(ExportLogRow).order_by(ExportLogRow.id.desc()).limit(limit))
        return [_logged(r) for r in rows]


def _logged(row: ExportLogRow) -> LoggedExport:
    return LoggedExport(row.id, row.actor_name, row.at, row.kind, dict(row.filter or {}), row.row_count, row.sha256,
                        row.file_name)
