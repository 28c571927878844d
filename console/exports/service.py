"""Exports end to end: write to a temporary file next to the target, move it into place, hash it, and
record it in ``export_log``. A cancelled or failed export leaves no file and no log row.

Contracts: blocking, safe on any thread (own sessions); ``progress`` is called from the calling thread;
``token`` cancels between rows. Personal data is masked unless ``unmask=True`` and the actor's role may
see it (operators and supervisors); unmasked exports say so in the log's filter.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from console.domain.clock import format_room_time
from console.domain.errors import PermissionDenied
from console.domain.masking import may_see_personal_data
from console.domain.shifts import Shift, calendar_for
from console.domain.ticket import Actor
from console.exports.export_log import file_sha256, record_export
from console.exports.handover_book import HandoverHeader, write_handover_book
from console.exports.handover_store import SavedHandover, compose, latest_for_shift, load_handover
from console.exports.progress import CancelToken, ProgressCallback
from console.services.context import ServiceContext


@dataclass(frozen=True, slots=True)
class ExportResult:
    """A finished export: where, how many rows, the file's SHA-256 and the ``export_log`` id."""

    path: Path
    row_count: int
    sha256: str
    log_id: int


def _check_unmask(actor: Actor, unmask: bool) -> None:
    if unmask and not may_see_personal_data(actor.role):
        raise PermissionDenied(f"「{actor.role.label}」不能导出未脱敏的个人信息")


def write_atomically(out: Path, write: Callable[[Path], int]) -> int:
    """Run ``write(tmp)`` then move ``tmp`` onto ``out``; on any error (cancel included) remove ``tmp``."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        rows = write(tmp)
        os.replace(tmp, out)
        return rows
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _log_or_remove(ctx: ServiceContext, actor: Actor, out: Path, kind: str, filter: dict[str, Any],
                   rows: int) -> ExportResult:
    digest = file_sha256(out)
    try:
        logged = record_export(ctx, actor, kind=kind, filter=filter, row_count=rows, path=out, sha256=digest)
    except BaseException:
        out.unlink(missing_ok=True)  # an export that is not logged must not exist
        raise
    return ExportResult(out, rows, digest, logged.id)


def export_handover(ctx: ServiceContext, actor: Actor, out: Path, *, shift: Shift | None = None,
                    handover_id: int | None = None, unmask: bool = False, use_saved: bool = True,
                    draft_notes: str | None = None, draft_incoming_supervisor: str | None = None,
                    progress: ProgressCallback | None = None, token: CancelToken | None = None) -> ExportResult:
    """Export the handover of ``shift`` (default: the last finished shift) or the saved ``handover_id``.

    With ``use_saved`` the newest saved handover of the shift is exported as saved (its snapshot, notes,
    author and acknowledgement); otherwise — or when none was saved, or for an unmasked export — the
    lists are gathered now. ``draft_notes`` (unsaved notes typed in the composer) and
    ``draft_incoming_supervisor`` (the name of the incoming supervisor chosen there) are printed when the
    lists are gathered now and no saved handover supplies them.
    """
    _check_unmask(actor, unmask)
    calendar = calendar_for(ctx.settings)
    saved: SavedHandover | None = None
    if handover_id is not None:
        saved = load_handover(ctx, handover_id)
        shift = calendar.starting_at(saved.shift_start)
    shift = shift or calendar.last_finished(ctx.clock.now())
    if saved is None and use_saved and not unmask:
        saved = latest_for_shift(ctx, shift.start)
    if saved is not None and not unmask:
        data = saved.data
        header = HandoverHeader(shift.label, saved.author, actor.name, ctx.clock.now(), saved.incoming_supervisor,
                                saved.acknowledged_at, saved.notes, saved.id)
    else:
        data = compose(ctx, shift, mask=not unmask)
        header = HandoverHeader(shift.label, saved.author if saved else "", actor.name, ctx.clock.now(),
                                saved.incoming_supervisor if saved else (draft_incoming_supervisor or ""),
                                saved.acknowledged_at if saved else None,
                                saved.notes if saved else (draft_notes or ""),
                                saved.id if saved else None)
    rows = write_atomically(out, lambda tmp: write_handover_book(tmp, data, header, progress=progress, token=token))
    filter = {"shift_start": format_room_time(shift.start), "shift_end": format_room_time(shift.end),
              "handover_id": header.handover_id, "masked": not unmask}
    return _log_or_remove(ctx, actor, out.resolve(), "handover", filter, rows)


def export_report(ctx: ServiceContext, actor: Actor, out: Path, *, first_day: date, last_day: date, by: str,
                  unmask: bool = False, progress: ProgressCallback | None = None,
                  token: CancelToken | None = None) -> ExportResult:
    """Export the statistics report for the room-time days ``first_day``..``last_day`` grouped ``by``
    ``unit`` or ``category`` (with the ticket detail sheet streamed)."""
    from console.exports.report_book import write_report_book

    _check_unmask(actor, unmask)
    rows = write_atomically(out, lambda tmp: write_report_book(
        ctx, tmp, first_day=first_day, last_day=last_day, by=by, exported_by=actor.name, mask=not unmask,
        progress=progress, token=token))
    filter = {"from": first_day.isoformat(), "to": last_day.isoformat(), "by": by, "masked": not unmask}
    return _log_or_remove(ctx, actor, out.resolve(), "report", filter, rows)


def export_analytics(ctx: ServiceContext, actor: Actor, out: Path, results: Iterable[Any], *,
                     filter: dict[str, Any], progress: ProgressCallback | None = None,
                     token: CancelToken | None = None) -> ExportResult:
    """Write the analytics workbook of ``results`` (``console.analytics.sheets``) and record the export like
    every other (kind ``analytics``, ``filter`` as given, its table rows, the file's SHA-256)."""
    from console.analytics.sheets import row_count, write_workbook

    results = list(results)
    write_workbook(out, results, exported_by=actor.name, exported_at=ctx.clock.now(), progress=progress,
                   token=token)
    return _log_or_remove(ctx, actor, out.resolve(), "analytics", filter, row_count(results))

