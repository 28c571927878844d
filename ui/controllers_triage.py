"""Triage commands on the current ticket: claim / release / next, dispatch with the routing suggestion,
review, send to review, urgency, note, reveal personal data. A QObject, not a widget.

Contract: GUI thread; each command is a coroutine that awaits one use case of ``console.services`` on the
DB worker, asks the user through the ``Prompter`` (never a nested event loop), and announces the changed
tickets on the session's change bus. Acting on a ticket someone else holds asks before taking it over.
Domain errors are shown to the user, in the core's Chinese wording.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from console.domain.enums import Urgency
from console.domain.errors import ConflictError, DomainError
from console.domain.ticket import ClaimedByOther
from console.queries.detail import preview_item, ticket_detail
from console.queries.reference import Directory, load_directory
from console.queries.rows import QueueRow, RoutingHint, TicketDetail
from console.services import triage
from console.services.changes import Changed
from console.services.context import ServiceContext
from ui.i18n import t
from ui.prompts import Prompter, hint_text
from ui.session import AppSession


class TriageController(QObject):
    """Commands on ``current()`` — the ticket selected in the queue (None when nothing is selected)."""

    message = Signal(str)  # one line for the status bar
    focusTicket = Signal(int)  # the window should select and show this ticket
    revealed = Signal(object)  # TicketDetail with personal data, after a recorded reason

    def __init__(self, session: AppSession, prompter: Prompter, current: Callable[[], QueueRow | None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.prompter = prompter
        self.current = current
        self._directory: Directory | None = None

    @property
    def ctx(self) -> ServiceContext:
        """The service context; pass it to worker calls only."""
        return self.session.backend.ctx

    async def _call(self, fn: Callable[..., Changed], *args: object, **kwargs: object) -> Changed:
        return await self.session.worker.run(fn, self.ctx, self.session.actor, *args, **kwargs)

    def _done(self, changed: Changed, text: str) -> None:
        if changed.ticket_ids:
            self.session.bus.ticketsChanged.emit(changed.ticket_ids)
        self.message.emit(text)

    def _fail(self, error: DomainError, title: str) -> None:
        if isinstance(error, ConflictError):
            title = t("工单已被他人修改")
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
        try:
            changed = await self._call(triage.claim, row.id)
        except ClaimedByOther as held:
            if not await self.prompter.confirm(t("接手工单"), f"{held}\n\n{t('是否接手？')}"):
                return False
            try:
                changed = await self._call(triage.claim, row.id, take_over=True)
            except DomainError as error:
                self._fail(error, t("认领失败"))
                return False
        except DomainError as error:
            self._fail(error, t("认领失败"))
            return False
        self._done(changed, f"{t('已认领')} {row.number}")
        return True

    async def release(self) -> None:
        row = self._row()
        if row is None:
            return
        try:
            changed = await self._call(triage.release, row.id)
        except DomainError as error:
            self._fail(error, t("释放失败"))
            return
        self._done(changed, f"{t('已释放')} {row.number}")

    async def claim_next(self) -> None:
        try:
            changed = await self._call(triage.claim_next)
        except DomainError as error:
            self._fail(error, t("领取失败"))
            return
        if not changed.ticket_ids:
            self.message.emit(t("没有待处理的工单"))
            return
        self._done(changed, f"{t('已领取')} {changed.numbers[0]}")
        self.focusTicket.emit(changed.ticket_ids[0])

    async def _ensure_holder(self, row: QueueRow) -> bool:
        """True when the actor may act on ``row``: unclaimed, claimed by them, or taken over after asking."""
        if row.claimed_by is None or row.claimed_by == self.session.actor.staff_id:
            return True
        question = t("工单 {number} 正由 {holder} 处理。\n\n是否接手后继续？").format(
            number=row.number, holder=row.claimed_by_name)
        if not await self.prompter.confirm(t("接手工单"), question):
            return False
        try:
            changed = await self._call(triage.claim, row.id, take_over=True)
        except DomainError as error:
            self._fail(error, t("接手失败"))
            return False
        self._done(changed, f"{t('已接手')} {row.number}")
        return True

    # ------------------------------------------------------------------ dispatching
    async def _detail(self, row: QueueRow) -> TicketDetail:
        return await self.session.worker.run(ticket_detail, self.ctx, row.id, self.session.role)

    async def directory(self) -> Directory:
        if self._directory is None:
            self._directory = await self.session.worker.run(load_directory, self.ctx.db)
        return self._directory

    async def dispatch_suggested(self) -> None:
        """Dispatch to the suggested item after one confirmation (Enter); no suggestion opens the review."""
        row = self._row()
        if row is None or not await self._ensure_holder(row):
            return
        detail = await self._detail(row)
        hint = detail.hint
        if hint is None or hint.problem or not hint.item_code:
            self.message.emit(t("没有可用的分拨建议，请复核"))
            await self._review(row, detail)
            return
        if not await self.prompter.confirm(t("按建议分拨"), f"{detail.number}\n{detail.title}\n\n{hint_text(hint)}"):
            return
        await self._dispatch(detail, hint.item_code, t("按路由建议分拨"))

    async def review(self) -> None:
        row = self._row()
        if row is None or not await self._ensure_holder(row):
            return
        await self._review(row, await self._detail(row))

    async def _review(self, row: QueueRow, detail: TicketDetail) -> None:
        directory = await self.directory()

        async def preview(code: str) -> RoutingHint:
            return await self.session.worker.run(preview_item, self.ctx, row.id, code)

        choice = await self.prompter.dispatch(detail, directory, preview)
        if choice is not None:
            await self._dispatch(detail, choice.item_code, choice.reason or t("人工复核后分拨"))

    async def _dispatch(self, detail: TicketDetail, item_code: str, reason: str) -> None:
        try:
            changed = await self._call(triage.dispatch, detail.id, item_code=item_code, reason=reason)
        except DomainError as error:
            self._fail(error, t("分拨失败"))
            return
        self._done(changed, f"{t('已分拨')} {detail.number} → {item_code}")

    async def submit_review(self) -> None:
        row = self._row()
        if row is None or not await self._ensure_holder(row):
            return
        try:
            changed = await self._call(triage.submit_for_review, row.id, t("转人工复核"))
        except DomainError as error:
            self._fail(error, t("转复核失败"))
            return
        self._done(changed, f"{t('已转人工复核')} {row.number}")

    # ------------------------------------------------------------------ urgency, notes, personal data
    async def change_urgency(self) -> None:
        row = self._row()
        if row is None or not await self._ensure_holder(row):
            return
        choice = await self.prompter.urgency(row.urgency)
        if choice is None:
            return
        try:
            changed = await self._call(triage.change_urgency, row.id, Urgency(choice.urgency), choice.reason)
        except DomainError as error:
            self._fail(error, t("调整失败"))
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
            changed = await self._call(triage.add_note, row.id, text)
        except DomainError as error:
            self._fail(error, t("备注失败"))
            return
        self._done(changed, f"{t('已添加备注')} {row.number}")

    async def reveal(self) -> TicketDetail | None:
        """Ask for a reason, record it on the ticket's timeline, then show the personal data unmasked."""
        row = self._row()
        if row is None:
            return None
        reason = await self.prompter.text(t("查看个人信息"), t("查看市民姓名和电话的原因（将记录在工单时间线上）："))
        if not reason:
            return None
        try:
            changed = await self._call(triage.add_note, row.id, f"{t('查看个人信息')}：{reason}")
            detail = await self.session.worker.run(ticket_detail, self.ctx, row.id, self.session.role, reveal=True)
        except DomainError as error:
            self._fail(error, t("查看失败"))
            return None
        self._done(changed, f"{t('已记录查看原因')} {row.number}")
        self.revealed.emit(detail)
        return detail
