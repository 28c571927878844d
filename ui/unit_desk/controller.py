"""The unit handler's commands on the selected ticket: accept, start handling, reply, return, extension.

Contract: GUI thread; every database call awaits the DB worker; a change is announced on the session's
change bus; domain errors (wrong unit, wrong state, co-unit trying to return) are shown as the core words
them. Dialogs come from ``dialogs`` (``QtDeskDialogs``; tests put a scripted object there).
"""

from __future__ import annotations

from typing import Any

from console.domain.clock import format_room_time
from console.domain.errors import DomainError
from console.services import unit_desk
from console.supervision_queries.rows import ReplyContext
from console.supervision_queries.unit_view import reply_context
from ui.i18n import t
from ui.unit_desk.dialogs import QtDeskDialogs
from ui.unit_desk.ops import act, current_row, fail, read
from ui.window_ref import WindowBound


class UnitDeskController(WindowBound):
    def __init__(self, window: Any):
        super().__init__(window)
        self.dialogs: Any = QtDeskDialogs(window)

    @property
    def _unit_id(self) -> int:
        return int(self.window.session.actor.unit_id or 0)

    async def _context(self, ticket_id: int) -> ReplyContext | None:
        try:
            return await read(self.window, reply_context, self.window.session.backend.ctx.db, ticket_id,
                              self._unit_id)
        except DomainError as error:
            fail(self.window, error, t("无法办理"))
            return None

    async def accept(self) -> None:
        row = current_row(self.window)
        if row is not None:
            await act(self.window, unit_desk.accept, row.id, title=t("签收失败"), done=f"{t('已签收')} {row.number}")

    async def start_handling(self) -> None:
        row = current_row(self.window)
        if row is not None:
            await act(self.window, unit_desk.start_handling, row.id, title=t("操作失败"),
                      done=f"{t('已开始处置')} {row.number}")

    async def reply(self) -> None:
        row = current_row(self.window)
        if row is None:
            return
        context = await self._context(row.id)
        if context is None:
            return
        if context.mine.state == "dispatched":
            if not await self.window.prompter.confirm(t("尚未签收"), t("本单位尚未签收工单 {n}，是否先签收再反馈？")
                                                      .format(n=context.number)):
                return
            if await act(self.window, unit_desk.accept, row.id, title=t("签收失败")) is None:
                return
            context = await self._context(row.id)
            if context is None:
                return
        text = await self.dialogs.reply(context)
        if not text:
            return
        await act(self.window, unit_desk.reply, row.id, text, title=t("反馈失败"),
                  done=f"{t('已反馈')} {row.number}")

    async def return_ticket(self) -> None:
        row = current_row(self.window)
        if row is None:
            return
        limit = self.window.session.backend.ctx.settings.arbitration_after_returns
        choice = await self.dialogs.return_reason(row.number, row.title, row.return_count, limit)
        if choice is None:
            return
        await act(self.window, unit_desk.return_ticket, row.id, choice.reason, choice.text, title=t("退单失败"),
                  done=t("已退单 {number}（{reason}）").format(number=row.number, reason=t(choice.reason.label)))

    async def request_extension(self) -> None:
        row = current_row(self.window)
        if row is None:
            return
        context = await self._context(row.id)
        if context is None:
            return
        choice = await self.dialogs.extension(context)
        if choice is None:
            return
        await act(self.window, unit_desk.request_extension, row.id, choice.hours, choice.reason,
                  title=t("申请失败"), done=t("已申请延期 {h:g} 小时，等待值班长审批（当前时限 {due}）")
                  .format(h=choice.hours, due=format_room_time(context.mine.reply_due)))
