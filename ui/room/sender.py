"""Sending a user's action to the database so that it is either committed and confirmed, or refused with
a message — never dropped silently, never done twice.

Every call gets a fresh client request id and runs on the DB worker through ``call_with_retry``: a
connection fault is retried with the *same* id for a short window (a landed commit is then found and its
stored result returned, nothing is done again). If the database stays unreachable the action is reported
as not confirmed; after the reconnect ``settle_unconfirmed`` looks each such id up and tells the user
whether it had in fact been committed. A row held by a long transaction elsewhere refuses the action
after the connection's lock timeout (``ActionBusy``: rolled back, nothing changed, not "offline"). GUI
thread (awaits the worker).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.domain.errors import DomainError
from console.queries.live import ConnectionLost, LockBusy, refuse_when_locked, request_outcome
from console.services.changes import Changed
from console.services.retry import StillOffline, call_with_retry, is_connection_fault, new_request_id
from ui.i18n import t
from ui.room.link import Link

RETRY_WINDOW_S = 4.0  # long enough for a dropped connection to be replaced, short enough to keep the worker free
RETRY_PAUSE_S = 0.25
REFUSE_AFTER_OFFLINE_S = 5.0  # a blip (a listener reconnecting) still gets the retry window; an outage is refused


class ActionNotConfirmed(DomainError):
    """The action could not be confirmed (offline): the message says what happened and what to do."""


class ActionBusy(DomainError):
    """The ticket stayed locked by another transaction: the action was not done (try again shortly)."""


@dataclass(frozen=True)
class Unconfirmed:
    request_id: str
    label: str


class ActionSender(QObject):
    """Sends use cases of ``console.services`` with request ids; tracks the ones left unconfirmed."""

    settled = Signal(str)  # a message after a reconnect: an unconfirmed action did / did not land

    def __init__(self, session: Any, link: Link, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.link = link
        self.unconfirmed: list[Unconfirmed] = []
        self.sent = 0

    async def send(self, label: str, fn: Callable[..., Changed], *args: Any, **kwargs: Any) -> Changed:
        """``fn(ctx, actor, *args, request_id=…, **kwargs)`` on the worker. Raises ``ActionNotConfirmed``
        when the database has been unreachable for a while (nothing sent) or stays unreachable through the
        retry window (outcome checked after the reconnect), and the use case's ``DomainError``s unchanged."""
        if self.link.offline_for() > REFUSE_AFTER_OFFLINE_S:
            raise ActionNotConfirmed(t("数据库连接中断：「{action}」未执行。连接恢复后请重做。").format(action=label))
        ctx, actor = self.session.backend.ctx, self.session.actor
        request_id = new_request_id()
        call = functools.partial(_with_request_id, fn, ctx, actor, args, kwargs)
        self.sent += 1
        try:
            return await self.session.worker.run(call_with_retry, call, request_id=request_id,
                                                 window=RETRY_WINDOW_S, pause=RETRY_PAUSE_S)
        except StillOffline as offline:
            self.link.lost(str(offline))
            self.unconfirmed.append(Unconfirmed(request_id, label))
            text = t("数据库连接中断：「{action}」未能确认（请求号 {rid}）。连接恢复后将核对它是否已生效。")
            raise ActionNotConfirmed(text.format(action=label, rid=request_id[:8])) from offline
        except LockBusy as busy:
            raise ActionBusy(t("「{action}」未执行：工单正被其他会话锁定（可能有未结束的长事务），请稍后重试。")
                             .format(action=label)) from busy
        except Exception as error:
            if is_connection_fault(error):
                self.link.lost(str(error))
                self.unconfirmed.append(Unconfirmed(request_id, label))
                raise ActionNotConfirmed(t("数据库连接中断：「{action}」未能确认。连接恢复后将核对它是否已生效。")
                                         .format(action=label)) from error
            raise

    async def settle_unconfirmed(self) -> list[tuple[Unconfirmed, Changed | None]]:
        """After a reconnect: look up every unconfirmed request id; announce and return the outcomes."""
        outcomes: list[tuple[Unconfirmed, Changed | None]] = []
        while self.unconfirmed:
            item = self.unconfirmed[0]
            try:
                changed = await self.session.worker.run(request_outcome, self.session.backend.ctx.db, item.request_id)
            except ConnectionLost:
                return outcomes  # still offline: keep them for the next reconnect
            self.unconfirmed.pop(0)
            outcomes.append((item, changed))
            if changed is not None:
                if changed.ticket_ids:
                    self.session.bus.ticketsChanged.emit(changed.ticket_ids)
                self.settled.emit(t("断线前的操作「{action}」已确认生效。").format(action=item.label))
            else:
                self.settled.emit(t("断线前的操作「{action}」没有生效，请在最新状态上重做。").format(action=item.label))
        return outcomes


def _with_request_id(fn: Callable[..., Changed], ctx: Any, actor: Any, args: tuple[Any, ...],
                     kwargs: dict[str, Any], request_id: str) -> Changed:
    return refuse_when_locked(fn, ctx, actor, *args, request_id=request_id, **kwargs)
