"""Triage commands on the current ticket: claim / release / next, dispatch with the routing suggestion,
review, send to review, urgency, note. A QObject, not a widget.

Contract: GUI thread; each command is a coroutine that awaits one use case of ``console.services`` on the
DB worker, asks the user through the ``Prompter`` (never a nested event loop), and announces the changed
tickets on the session's change bus. Acting on a ticket someone else holds asks before taking it over.
Domain errors are shown to the user, in the core's Chinese wording.

Every change is sent through ``ui.room.sender.ActionSender``: a fresh request id per action, retried
across connection faults with that id, refused with a message when offline (``ActionNotConfirmed``).
Edits carry the version the user saw; a ``ConflictError`` re-reads the ticket and shows who changed what
(``ui.room.conflict_dialog``), and one click redoes the action on the fresh state — never an overwrite.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from console.domain.enums import TicketStatus, Urgency
from console.domain.errors import ConflictError, DomainError, PermissionDenied, TransitionNotAllowed
from console.domain.lifecycle import AT_UNIT, Action, check
from console.domain.ticket import ClaimedByOther
from console.queries.detail import preview_item, ticket_detail
from console.queries.live import ConnectionLost, fresh_rows
from console.queries.rows import QueueRow, RoutingHint, TicketDetail
from console.review_desk.item_search import ItemIndex
from console.review_desk.search_load import load_item_index
from console.services import triage
from console.services.changes import Changed
from console.services.context import ServiceContext
from ui.i18n import record, t
from ui.prompts import Prompter, hint_text
from ui.review.controller import REVIEWED_REASON
from ui.room.conflict_dialog import ask_redo
from ui.room.sender import ActionNotConfirmed, ActionSender
from ui.session import AppSession

# Recorded on the dispatch event in Chinese whatever the UI language (shown through record_text).
SUGGESTED_REASON = record("按路由建议分拨")

ConflictAsker = Callable[[ConflictError, str, QueueRow | None], Awaitable[bool]]
MAX_REDOS = 3


class TriageController(QObject):
    """Commands on ``current()`` — the ticket selected in the queue (None when nothing is selected)."""

    message = Signal(str)  # one line for the status bar
    focusTicket = Signal(int)  # the window should select and show this ticket

    conflictShown = Signal(object)  # ConflictError, after the ticket was re-read

    def __init__(self, session: AppSession, prompter: Prompter, current: Callable[[], QueueRow | None],
                 parent: QObject | None = None, conflicts: ConflictAsker | None = None):
        super().__init__(parent)
        self.session = session
        self.prompter = prompter
        self.current = current
        self.sender_ = ActionSender(session, session.link, self)
        self.sender_.settled.connect(self.message)
        self.conflicts: ConflictAsker = conflicts or self._ask_redo
        self._items: ItemIndex | None = None

    async def _ask_redo(self, conflict: ConflictError, action: str, fresh: QueueRow | None) -> bool:
        parent = self.parent()
        return await ask_redo(parent if isinstance(parent, QWidget) else None, conflict, action, fresh)

    @property
    def ctx(self) -> ServiceContext:
        """The service context; pass it to worker calls only."""
        return self.session.backend.ctx

    async def _call(self, label: str, fn: Callable[..., Changed], *args: object, **kwargs: object) -> Changed:
        """One use case with a fresh request id (see ``ActionSender.send``)."""
        return await self.sender_.send(label, fn, *args, **kwargs)

    async def _edit(self, label: str, row: QueueRow, fn: Callable[..., Changed], *args: object,
                    **kwargs: object) -> Changed | None:
        """``fn`` on ``row`` with the version the user saw. On a conflict: re-read the ticket, show who
        changed what, and redo on the fresh version if the user says so (None when they give up)."""
        version: int = row.version
        for _attempt in range(MAX_REDOS + 1):
            try:
                return await self._call(label, fn, row.id, *args, expected_version=version, **kwargs)
            except ConflictError as conflict:
                fresh = await self._fresh_row(row.id)
                self.conflictShown.emit(conflict)
                self.message.emit(str(conflict))
                if fresh is None or not await self.conflicts(conflict, label, fresh):
                    self.message.emit(t("未执行：{action}（工单已被他人修改）").format(action=label))
                    return None
                version = fresh.version
        return None

    async def _fresh_row(self, ticket_id: int) -> QueueRow | None:
        """Re-read one ticket and put it in the queue model (via the change bus); None if it left the queue."""
        self.session.bus.ticketsChanged.emit((ticket_id,))
        try:
            refresh = await self.session.worker.run(_load_one, self.session, ticket_id)
        except ConnectionLost:
            return None
        return refresh

    def _done(self, changed: Changed, text: str) -> None:
        if changed.ticket_ids:
            self.session.bus.ticketsChanged.emit(changed.ticket_ids)
        if changed.replayed:
            text += t("（已确认）")
        self.message.emit(text)

    def _fail(self, error: DomainError, title: str) -> None:
        if isinstance(error, ConflictError):
            title = t("工单已被他人修改")
        elif isinstance(error, ActionNotConfirmed):
            title = t("操作未确认")
        self.prompter.error(title, str(error))
        self.message.emit(str(error))

    def _row(self) -> QueueRow | None:
        row = self.current()
        if row is None:
            self.message.emit(t("请先在队列中选择一张工单"))
        return row

    # ------------------------------------------------------------------ claiming
    async def claim(self) -> bool:
        row = self._row()
        if row is None:
            return False
        return await self._claim(row)

    async def _claim(self, row: QueueRow) -> bool:
        label = f"{t('认领')} {row.number}"
        try:
            changed = await self._edit(label, row, triage.claim)
        except ClaimedByOther as held:
            if not await self.prompter.confirm(t("接手工单"), f"{held}\n\n{t('是否接手？')}"):
                return False
            try:
                changed = await self._edit(f"{t('接手')} {row.number}", row, triage.claim, take_over=True)
            except DomainError as error:
                self._fail(error, t("认领失败"))
                return False
        except DomainError as error:
            self._fail(error, t("认领失败"))
            return False
        if changed is None:
            return False
        self._done(changed, f"{t('已认领')} {row.number}")
        return True

    async def release(self) -> None:
        row = self._row()
        if row is None:
            return
        try:
            changed = await self._call(f"{t('释放')} {row.number}", triage.release, row.id)
        except DomainError as error:
            self._fail(error, t("释放失败"))
            return
        self._done(changed, f"{t('已释放')} {row.number}")

    async def claim_next(self) -> None:
        try:
            changed = await self._call(t("领取下一单"), triage.claim_next)
        except DomainError as error:
            self._fail(error, t("领取失败"))
            return
        if not changed.ticket_ids:
            self.message.emit(t("没有待处理的工单"))
            return
        self._done(changed, f"{t('已领取')} {changed.numbers[0]}")
        self.focusTicket.emit(changed.ticket_ids[0])

    async def _ensure_holder(self, row: QueueRow) -> QueueRow | None:
        """The row to act on when the actor may act on it: unclaimed, claimed by them, or taken over after
        asking (then the fresh row, at the version after the take-over). None: do not go on."""
        if row.claimed_by is None or row.claimed_by == self.session.actor.staff_id:
            return row
        question = t("工单 {number} 正由 {holder} 处理。\n\n是否接手后继续？").format(
            number=row.number, holder=row.claimed_by_name)
        if not await self.prompter.confirm(t("接手工单"), question):
            return None
        try:
            changed = await self._edit(f"{t('接手')} {row.number}", row, triage.claim, take_over=True)
        except DomainError as error:
            self._fail(error, t("接手失败"))
            return None
        if changed is None:
            return None
        self._done(changed, f"{t('已接手')} {row.number}")
        return await self._fresh_row(row.id)

    # ------------------------------------------------------------------ dispatching
    async def _detail(self, row: QueueRow) -> TicketDetail:
        return await self.session.worker.run(ticket_detail, self.ctx, row.id, self.session.role)

    async def item_index(self) -> ItemIndex:
        """The duty items in effect, searchable like the review desk's picker (read once per session)."""
        if self._items is None:
            self._items = await self.session.worker.run(load_item_index, self.ctx)
        return self._items

    def _dispatchable(self, row: QueueRow) -> bool:
        """Whether the lifecycle lets the actor dispatch ``row`` now (``lifecycle.check``); if not, say on the
        status bar what is wrong and what to do instead. Checked before claiming anything."""
        try:
            status = TicketStatus(row.status)
        except ValueError:
            return True  # unknown here; the service decides
        try:
            check(Action.DISPATCH, status, self.session.role, row.number)
            return True
        except PermissionDenied:
            self.message.emit(t("「{role}」不能分拨工单，请交分拨员或值班长处理").format(role=t(self.session.role.label)))
            return False
        except TransitionNotAllowed:
            pass
        if status in AT_UNIT:
            text = t("工单 {number} 当前为“{status}”，已分拨到承办单位，不能再分拨；"
                     "需要更换承办单位时，请值班长用“批量改派”（Ctrl+Shift+B）改派单位")
        elif status == TicketStatus.ARBITRATION:
            text = t("工单 {number} 当前为“{status}”，退单须先仲裁，不能直接分拨；"
                     "请值班长用“退单仲裁”（Ctrl+Shift+J）处理")
        elif status == TicketStatus.REPLIED:
            text = t("工单 {number} 当前为“{status}”，承办单位已反馈，不能再分拨；请办结（Ctrl+Shift+K），"
                     "市民不满意时用“市民评价”（Ctrl+Shift+G）回退承办单位")
        else:
            text = t("工单 {number} 当前为“{status}”，已过分拨环节，不能分拨")
        self.message.emit(text.format(number=row.number, status=t(status.label)))
        return False

    async def dispatch_suggested(self) -> None:
        """Dispatch to the suggested item after one confirmation (Enter); no suggestion opens the review."""
        row = self._row()
        if row is None or not self._dispatchable(row) or (row := await self._ensure_holder(row)) is None:
            return
        detail = await self._detail(row)
        hint = detail.hint
        if hint is None or hint.problem or not hint.item_code:
            self.message.emit(t("没有可用的分拨建议，请复核"))
            await self._review(row, detail)
            return
        if not await self.prompter.confirm(t("按建议分拨"), f"{detail.number}\n{detail.title}\n\n{hint_text(hint)}"):
            return
        await self._dispatch(row, detail, hint.item_code, SUGGESTED_REASON)

    async def review(self) -> None:
        """Review and dispatch (R): only on a ticket the actor may dispatch now — refused on the status bar,
        before any claim, otherwise."""
        row = self._row()
        if row is None or not self._dispatchable(row) or (row := await self._ensure_holder(row)) is None:
            return
        await self._review(row, await self._detail(row))

    async def _review(self, row: QueueRow, detail: TicketDetail) -> None:
        items = await self.item_index()

        async def preview(code: str) -> RoutingHint:
            return await self.session.worker.run(preview_item, self.ctx, row.id, code)

        choice = await self.prompter.dispatch(detail, items, preview)
        if choice is not None:
            await self._dispatch(row, detail, choice.item_code, choice.reason or REVIEWED_REASON)

    async def _dispatch(self, row: QueueRow, detail: TicketDetail, item_code: str, reason: str) -> None:
        """Dispatch at the version the user reviewed (the detail's), redoing on the fresh state after a conflict."""
        seen = dataclasses.replace(row, version=detail.version)
        try:
            changed = await self._edit(f"{t('分拨')} {detail.number}", seen, triage.dispatch, item_code=item_code,
                                       reason=reason)
        except DomainError as error:
            self._fail(error, t("分拨失败"))
            return
        if changed is not None:
            self._done(changed, f"{t('已分拨')} {detail.number} → {item_code}")

    async def submit_review(self) -> None:
        row = self._row()
        if row is None or (row := await self._ensure_holder(row)) is None:
            return
        try:
            changed = await self._edit(f"{t('转人工复核')} {row.number}", row, triage.submit_for_review,
                                       t("转人工复核"))
        except DomainError as error:
            self._fail(error, t("转复核失败"))
            return
        if changed is not None:
            self._done(changed, f"{t('已转人工复核')} {row.number}")

    # ------------------------------------------------------------------ urgency, notes, personal data
    async def change_urgency(self) -> None:
        row = self._row()
        if row is None or (row := await self._ensure_holder(row)) is None:
            return
        choice = await self.prompter.urgency(row.urgency)
        if choice is None:
            return
        try:
            changed = await self._edit(f"{t('调整紧急程度')} {row.number}", row, triage.change_urgency,
                                       Urgency(choice.urgency), choice.reason)
        except DomainError as error:
            self._fail(error, t("调整失败"))
            return
        if changed is None:
            return
        if changed.nothing:
            self.message.emit(t("紧急程度未改变"))
            return
        self._done(changed, f"{row.number} {t('紧急程度改为')} {t(Urgency(choice.urgency).label)}")

    async def add_note(self) -> None:
        row = self._row()
        if row is None:
            return
        text = await self.prompter.text(t("添加备注"), f"{row.number} {row.title}", multiline=True)
        if not text:
            return
        try:
            changed = await self._call(f"{t('添加备注')} {row.number}", triage.add_note, row.id, text)
        except DomainError as error:
            self._fail(error, t("备注失败"))
            return
        self._done(changed, f"{t('已添加备注')} {row.number}")


def _load_one(session: AppSession, ticket_id: int) -> QueueRow | None:
    """Worker thread: the ticket's fresh queue row, or None when it is no longer in the session's queue."""
    refresh = fresh_rows(session.backend.ctx.db, (ticket_id,), session.scope)
    return refresh.rows[0] if refresh.rows else None
