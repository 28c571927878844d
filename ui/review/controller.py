"""Decisions on the review card: accept (Enter), take the 2nd/3rd suggestion, pick another item, change
the lead or co-units, dispatch a correction with its reason, escalate to the supervisor, merge into a
probable duplicate. A QObject, not a widget.

Contract: GUI thread; every database call is awaited on the window's DB worker; dialogs are awaited
(``run_dialog``), never ``exec()``. Acting on a ticket someone else holds asks first (the window's
prompter), then takes it over. After a decision ``decided(ticket_id)`` fires so the desk moves on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from console.domain.errors import ConflictError, DomainError
from console.review_desk.card import ReviewCard, review_card
from console.review_desk.escalation import escalation_text
from console.review_desk.item_search import ItemIndex
from console.review_desk.search_load import load_item_index
from console.review_desk.units import UnitChoice, plan_item, unit_choices
from console.services import citizen_loop, triage
from console.services.changes import Changed
from console.services.context import ServiceContext
from ui.i18n import record, t
from ui.prompts import Prompter, run_dialog
from ui.review.draft import Draft
from ui.review.pickers import PickerResults, PickerRow, ReasonDialog, SearchPicker
from ui.room.sender import ActionSender
from ui.session import AppSession

UNIT_RESULTS = 80
ITEM_RESULTS = 60
# What the desk writes into the dispatch and merge events: canonical Chinese in every UI language.
ACCEPTED_REASON = record("人工复核：接受路由建议")
REVIEWED_REASON = record("人工复核后分拨")
CORRECTED_REASON = record("人工复核更正")
MERGE_REASON = record("复核台并案：与 {number} 为同一诉求")


def item_rows(index: ItemIndex, query: str, limit: int = ITEM_RESULTS) -> PickerResults:
    """The item picker's rows for ``query``: the best ``limit`` matches, and how many matched in all."""
    found = index.search(query, len(index.entries))
    return PickerResults([PickerRow(e.code, f"{e.code}  {e.name}    — {e.path_text}",
                                    t("、").join(e.keywords) or e.description) for e in found[:limit]],
                         total=len(found))


def unit_rows(units: tuple[UnitChoice, ...], query: str, limit: int = UNIT_RESULTS) -> PickerResults:
    """The unit pickers' rows: units whose search text holds every word of ``query`` (first ``limit``)."""
    words = query.lower().split()
    found = [u for u in units if all(w in u.search_text for w in words)]
    return PickerResults([PickerRow(u.code, f"{u.name}    — {u.line_name} · {u.code}") for u in found[:limit]],
                         total=len(found))


class ReviewController(QObject):
    """Holds the open card and its draft; ``busy`` while a decision is in flight (keys are ignored)."""

    cardShown = Signal(object, object)  # ReviewCard, Draft
    draftChanged = Signal(object)  # Draft
    cardCleared = Signal(str)
    message = Signal(str)
    decided = Signal(int, bool)  # ticket id, whether it left review (dispatched, merged)
    dialogOpened = Signal(object)  # the QDialog being awaited (tests drive it from the keyboard)

    def __init__(self, session: AppSession, prompter: Prompter, holder_of: Callable[[int], tuple[int | None, str]],
                 dialog_parent: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.prompter = prompter
        self.holder_of = holder_of
        self.dialog_parent = dialog_parent
        self.card: ReviewCard | None = None
        self.draft: Draft | None = None
        self.busy = False
        self.dialog: QDialog | None = None
        self._index: ItemIndex | None = None
        self._units: tuple[UnitChoice, ...] | None = None
        self.sender = ActionSender(session, session.link, self)  # request ids, retry, offline refusal
        self._loading: asyncio.Future[Any] | None = None

    @property
    def ctx(self) -> ServiceContext:
        """For worker calls only."""
        return self.session.backend.ctx

    # ------------------------------------------------------------------ loading
    def show_ticket(self, ticket_id: int | None) -> None:
        """Load the card of ``ticket_id`` (a newer request cancels an older one); None clears it."""
        if self._loading is not None and not self._loading.done():
            self._loading.cancel()
        if ticket_id is None:
            self.card = self.draft = None
            self.cardCleared.emit(t("待复核队列已清空"))
            return
        self._loading = self.session.tasks.spawn(self.load(ticket_id))

    async def load(self, ticket_id: int) -> ReviewCard | None:
        try:
            card = await self.session.worker.run(review_card, self.ctx, ticket_id, self.session.role)
        except DomainError as error:
            self.card = self.draft = None
            self.cardCleared.emit(str(error))
            return None
        keep = self.draft if self.draft is not None and self.draft.ticket_id == ticket_id else None
        self.card = card
        self.draft = keep or Draft.from_card(card)
        self.cardShown.emit(card, self.draft)
        return card

    def current(self, ticket_id: int | None) -> bool:
        """True when the open card is ``ticket_id`` and no decision is running."""
        if self.busy:
            self.message.emit(t("上一操作尚未完成"))
            return False
        if self.card is None or self.draft is None or self.card.id != ticket_id:
            self.message.emit(t("正在读取工单…"))
            return False
        return True

    async def item_index(self) -> ItemIndex:
        if self._index is None:
            self._index = await self.session.worker.run(load_item_index, self.ctx)
        return self._index

    async def units(self) -> tuple[UnitChoice, ...]:
        if self._units is None:
            self._units = await self.session.worker.run(unit_choices, self.ctx.db)
        return self._units

    # ------------------------------------------------------------------ dialogs
    async def _await_dialog(self, dialog: QDialog) -> int:
        self.dialog = dialog
        self.dialogOpened.emit(dialog)
        try:
            return await run_dialog(dialog)
        finally:
            self.dialog = None
            dialog.deleteLater()
            self.dialog_parent.activateWindow()

    # ------------------------------------------------------------------ changing the draft
    async def set_item(self, code: str) -> None:
        assert self.card is not None and self.draft is not None
        index = await self.item_index()
        entry = index.by_code.get(code)
        plan = await self.session.worker.run(plan_item, self.ctx.db, self.card.id, code)
        name = entry.name if entry else next((c.name for c in self.card.candidates if c.code == code), "")
        self._update(self.draft.with_item(code, name, plan))

    async def take_candidate(self, rank: int) -> None:
        """Use the ``rank``-th suggestion (1-based) as the item."""
        if self.card is None or rank > len(self.card.candidates):
            self.message.emit(t("没有这一项建议"))
            return
        await self.set_item(self.card.candidates[rank - 1].code)

    async def pick_item(self) -> bool:
        """The searchable duty-list picker; True when an item was chosen."""
        card = self.card
        if card is None:
            return False
        index = await self.item_index()

        def search(query: str) -> PickerResults:
            return item_rows(index, query)

        prompt = t("按关键词、事项编码或拼音首字母（如 sgzs → 施工噪声）搜索：")
        picker = SearchPicker(t("改选职责事项") + f" — {card.number}", prompt, search, self.dialog_parent)
        if await self._await_dialog(picker) != QDialog.DialogCode.Accepted:
            return False
        code = picker.choice()
        if not code or self.card is None or self.card.id != card.id:
            return False
        await self.set_item(code)
        return True

    async def pick_lead(self) -> None:
        draft = self.draft
        if draft is None:
            return
        units = await self.units()
        picker = SearchPicker(t("指定主办单位"), t("按单位名称、编码、条线或区搜索："), self._unit_search(units),
                              self.dialog_parent)
        if await self._await_dialog(picker) != QDialog.DialogCode.Accepted or self.draft is not draft:
            return
        chosen = next((u for u in units if u.code == picker.choice()), None)
        if chosen is not None:
            self._update(draft.with_lead(chosen))

    async def pick_co(self) -> None:
        draft = self.draft
        if draft is None:
            return
        units = await self.units()
        picker = SearchPicker(t("指定协办单位"), t("勾选协办单位（空格勾选，回车确定；不选即无协办）："),
                              self._unit_search(units), self.dialog_parent, multi=True,
                              ticked=[u.code for u in draft.effective_co])
        if await self._await_dialog(picker) != QDialog.DialogCode.Accepted or self.draft is not draft:
            return
        by_code = {u.code: u for u in units}
        self._update(draft.with_co(tuple(by_code[c] for c in picker.choices() if c in by_code)))

    @staticmethod
    def _unit_search(units: tuple[UnitChoice, ...]) -> Callable[[str], list[PickerRow]]:
        def search(query: str) -> PickerResults:
            return unit_rows(units, query)
        return search

    def _update(self, draft: Draft) -> None:
        self.draft = draft
        self.draftChanged.emit(draft)

    # ------------------------------------------------------------------ decisions
    async def dispatch(self) -> bool:
        """Dispatch the draft: unchanged → accepted; changed → ask the correction reason first."""
        card, draft = self.card, self.draft
        if card is None or draft is None:
            return False
        if not draft.item_code and draft.lead is None:
            if not await self.pick_item():
                return False
            card, draft = self.card, self.draft
            assert card is not None and draft is not None
        if draft.problem:
            self.message.emit(t(draft.problem) + t("（按 L 指定主办单位）"))
            return False
        if draft.is_acceptance_of(card):
            reason = ACCEPTED_REASON
        elif card.suggested_item is None:
            reason = REVIEWED_REASON
        else:
            asked = await self._correction_reason(card, draft)
            if asked is None:
                return False
            reason = asked
        return await self._decide(card, lambda: self._dispatch_call(card, draft, reason),
                                  t("已分拨") + f" {card.number} → {draft.item_code or ''}")

    def _dispatch_call(self, card: ReviewCard, draft: Draft, reason: str) -> Any:
        lead = draft.effective_lead
        kwargs: dict[str, Any] = {"item_code": draft.item_code, "reason": reason}
        if draft.units_overridden and lead is not None:
            kwargs["lead_unit"] = lead.code
            kwargs["co_units"] = [u.code for u in draft.effective_co]
        return self.sender.send(t("分拨"), triage.dispatch, card.id, **kwargs)

    async def _correction_reason(self, card: ReviewCard, draft: Draft) -> str | None:
        suggested = card.top
        summary = t("建议：{suggested}\n改为：{chosen}").format(
            suggested=f"{suggested.code} {suggested.name}" if suggested else "—",
            chosen=f"{draft.item_code or ''} {draft.item_name}"
            + (t("（主办：{unit}）").format(unit=draft.effective_lead.name)
               if draft.units_overridden and draft.effective_lead
               else ""))
        dialog = ReasonDialog(summary, self.dialog_parent)
        if await self._await_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason() or CORRECTED_REASON

    async def escalate(self) -> bool:
        """Record a note for the supervisor (the ticket stays in review)."""
        card = self.card
        if card is None:
            return False
        question = await self.prompter.text(t("转值班长"), t("请写明需要值班长决定的问题（工单仍留在待复核）："),
                                            multiline=True)
        if not question:
            return False
        return await self._decide(
            card, lambda: self.sender.send(t("转值班长"), triage.add_note, card.id, escalation_text(question)),
            t("已转值班长") + f" {card.number}", needs_holder=False, leaves=False)

    async def merge(self) -> bool:
        """并案: this ticket joins one of its probable duplicates (picked if there are several)."""
        card = self.card
        if card is None:
            return False
        targets = [d for d in card.duplicates if d.status not in ("closed", "merged")]
        if not targets:
            self.message.emit(t("没有可并入的疑似重复工单"))
            return False
        rows = [PickerRow(str(d.ticket_id), f"{d.number}  {d.title}  "
                          + t("（相似度 {score}）").format(score=f"{d.score:.2f}"))
                for d in targets]
        picker = SearchPicker(t("并案"), t("把 {number} 并入：").format(number=card.number),
                              lambda q: [r for r in rows if q.lower() in r.text.lower()], self.dialog_parent)
        if await self._await_dialog(picker) != QDialog.DialogCode.Accepted or picker.choice() is None:
            return False
        primary = int(str(picker.choice()))
        number = next(d.number for d in targets if d.ticket_id == primary)
        reason = MERGE_REASON.format(number=number)
        return await self._decide(
            card, lambda: self.sender.send(t("并案"), citizen_loop.merge, card.id, primary, reason),
            t("已并案") + f" {card.number} → {number}")

    async def _decide(self, card: ReviewCard, call: Callable[[], Any], done: str, needs_holder: bool = True,
                      leaves: bool = True) -> bool:
        self.busy = True
        try:
            if needs_holder and not await self._ensure_holder(card):
                return False
            try:
                changed: Changed = await call()
            except DomainError as error:
                title = t("工单已被他人修改") if isinstance(error, ConflictError) else t("操作失败")
                self.prompter.error(title, str(error))
                self.message.emit(str(error))
                return False
        finally:
            self.busy = False
        if changed.ticket_ids:
            self.session.bus.ticketsChanged.emit(changed.ticket_ids)
        self.message.emit(done)
        self.decided.emit(card.id, leaves)
        return True

    async def _ensure_holder(self, card: ReviewCard) -> bool:
        """Unclaimed, claimed by me, or taken over after asking (as ``TriageController`` does)."""
        holder, name = self.holder_of(card.id)
        if holder is None or holder == self.session.actor.staff_id:
            return True
        question = t("工单 {number} 正由 {holder} 处理。\n\n是否接手后继续？").format(
            number=card.number, holder=name or t("其他人"))
        if not await self.prompter.confirm(t("接手工单"), question):
            return False
        try:
            changed = await self.sender.send(t("接手"), triage.claim, card.id, take_over=True)
        except DomainError as error:
            self.prompter.error(t("接手失败"), str(error))
            return False
        if changed.ticket_ids:
            self.session.bus.ticketsChanged.emit(changed.ticket_ids)
        return True
