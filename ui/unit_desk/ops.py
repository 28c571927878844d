"""Small helpers shared by the unit desk and the supervision panels: run a use case on the DB worker and
announce its change, read on the DB worker, the selected queue rows. GUI thread; ``window`` is the
``MainWindow`` (duck-typed: session, prompter, status, view, model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from console.domain.errors import ConflictError, DomainError
from console.queries.rows import QueueRow
from console.services.changes import Changed
from ui.i18n import t

T = TypeVar("T")


async def act(window: Any, fn: Callable[..., Changed], *args: Any, title: str, done: str = "",
              **kwargs: Any) -> Changed | None:
    """Send ``fn(ctx, actor, *args, **kwargs)`` through the window's action sender (DB worker, a request id,
    retried across connection faults: committed and confirmed, or refused — never doubled). On success the
    changed tickets go on the change bus (queue, detail and panels refresh) and ``done`` on the status bar;
    a ``DomainError`` (including "not confirmed while offline") is shown in the core's wording (a conflict
    names who changed the ticket) and None is returned."""
    session = window.session
    try:
        changed = await window.triage.sender_.send(title, fn, *args, **kwargs)
    except DomainError as error:
        fail(window, error, title)
        return None
    if changed.ticket_ids:
        session.bus.ticketsChanged.emit(changed.ticket_ids)
    if done:
        window.status.showMessage(done, 10000)
    return changed


def fail(window: Any, error: DomainError, title: str) -> None:
    if isinstance(error, ConflictError):
        title = t("工单已被他人修改")
    window.prompter.error(title, str(error))
    window.status.showMessage(str(error), 15000)


async def read(window: Any, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Await a read-side query on the DB worker (never the GUI thread)."""
    return await window.session.worker.run(fn, *args, **kwargs)


def current_row(window: Any) -> QueueRow | None:
    """The ticket selected in the queue; says so on the status bar when there is none."""
    row = window.view.current_row()
    if row is None:
        window.status.showMessage(t("请先在队列中选择一张工单"), 8000)
    return row


def selected_rows(window: Any) -> list[QueueRow]:
    """Every selected queue row (several when the view allows extended selection), else the current one."""
    rows = []
    for index in window.view.selectionModel().selectedRows():
        row = window.model.row_at(index.row())
        if row is not None:
            rows.append(row)
    if not rows:
        row = window.view.current_row()
        rows = [row] if row is not None else []
    return rows
