"""Supervisor and citizen-loop commands: bulk reassignment, 催办/督办, rating, close, reopen (回潮), merge
(并案) and undoing a merge. GUI thread; every read and change awaits the DB worker and is announced on the
change bus; domain errors are shown in the core's words. Dialogs come from ``dialogs``
(``QtSupervisionDialogs``; tests put a scripted object there)."""

from __future__ import annotations

from typing import Any

from console.domain.enums import Rating, TicketStatus
from console.domain.errors import DomainError
from console.services import citizen_loop, supervision
from console.supervision_queries.lookup import duplicates_for, find_ticket
from console.supervision_queries.reference import room_staff, unit_choices
from console.supervision_queries.rows import TicketBrief, UnitChoice
from console.supervision_queries.workload import open_claims_of
from ui.i18n import t
from ui.supervision.dialogs import QtSupervisionDialogs
from ui.unit_desk.ops import act, current_row, fail, read, selected_rows
from ui.window_ref import WindowBound


class SupervisionController(WindowBound):
    def __init__(self, window: Any):
        super().__init__(window)
        self.dialogs: Any = QtSupervisionDialogs(window)
        self._units: list[UnitChoice] | None = None

    @property
    def _db(self) -> Any:
        return self.window.session.backend.ctx.db

    def _scope_unit(self) -> int | None:
        return self.window.session.scope.unit_id

    async def units(self) -> list[UnitChoice]:
        if self._units is None:
            self._units = await read(self.window, unit_choices, self._db)
        return self._units

    # ------------------------------------------------------------------ reassignment and reminders
    async def bulk_reassign(self, source_staff: str = "") -> bool:
        """Reassign the selected rows — or every open ticket ``source_staff`` holds — to another room
        member or another unit, with one reason; all or none change."""
        rows = selected_rows(self.window)
        staff = await read(self.window, room_staff, self._db)
        choice = await self.dialogs.bulk_reassign(rows, staff, await self.units(), source_staff)
        if choice is None:
            return False
        ids = list(choice.ticket_ids)
        if choice.source_staff:
            person = next((s for s in staff if s.username == choice.source_staff), None)
            ids = await read(self.window, open_claims_of, self._db, person.staff_id) if person else []
        if not ids:
            self.window.status.showMessage(t("没有可改派的工单"), 8000)
            return False
        target = choice.to_unit or choice.to_username
        if not await self.window.prompter.confirm(t("批量改派"), t("将 {n} 张工单改派给 {target}？\n原因：{reason}")
                                                  .format(n=len(ids), target=target, reason=choice.reason)):
            return False
        if choice.to_unit:
            changed = await act(self.window, supervision.reassign_unit, ids, unit_code=choice.to_unit,
                                reason=choice.reason, title=t("改派失败"))
        else:
            changed = await act(self.window, supervision.reassign_staff, ids, to_username=choice.to_username,
                                reason=choice.reason, title=t("改派失败"))
        if changed is not None:
            self.window.status.showMessage(t("已改派 {n} 张工单给 {target}").format(n=len(changed.ticket_ids),
                                                                              target=target), 10000)
        return changed is not None

    async def remind(self, supervise: bool = False) -> bool:
        """催办 (or 督办) to the units still holding the selected ticket, with a text."""
        row = current_row(self.window)
        if row is None:
            return False
        label = t("督办") if supervise else t("催办")
        text = await self.window.prompter.text(label, t("{what} {number}（发给仍在办理的单位）：").format(
            what=label, number=row.number), multiline=True)
        if not text:
            return False
        changed = await act(self.window, supervision.remind, row.id, text, supervise=supervise, title=label + t("失败"),
                            done=t("已{what} {number}").format(what=label, number=row.number))
        return changed is not None

    # ------------------------------------------------------------------ citizen loop
    async def _ticket_by_number(self, title: str, statuses: tuple[str, ...]) -> TicketBrief | None:
        """The selected ticket when its status fits, else one whose number the user types (closed and merged
        tickets are not in the live queue)."""
        row = self.window.view.current_row()
        if row is not None and row.status in statuses:
            try:
                return await read(self.window, find_ticket, self._db, row.id, self._scope_unit())
            except DomainError as error:
                fail(self.window, error, title)
                return None
        number = await self.window.prompter.text(title, t("工单编号："))
        if not number:
            return None
        try:
            brief = await read(self.window, find_ticket, self._db, number, self._scope_unit())
        except DomainError as error:
            fail(self.window, error, title)
            return None
        if brief.status not in statuses:
            allowed = t("、").join(t(TicketStatus(s).label) for s in statuses)
            self.window.prompter.error(title, t("工单 {number} 当前为「{status}」，只能处理{allowed}的工单").format(
                number=brief.number, status=t(TicketStatus(brief.status).label), allowed=allowed))
            return None
        return brief

    async def rate(self) -> bool:
        """Record the citizen's rating; 不满意 rolls the ticket back to its lead unit with a new deadline."""
        brief = await self._ticket_by_number(t("记录市民评价"), (TicketStatus.REPLIED.value, TicketStatus.CLOSED.value))
        if brief is None:
            return False
        choice = await self.dialogs.rating(brief.number, brief.title, brief.lead_unit)
        if choice is None:
            return False
        done = t("已记录评价：{rating}").format(rating=t(choice.rating.label))
        if choice.rating is Rating.UNSATISFIED:
            done = t("不满意：{number} 已回退 {unit} 重新办理").format(number=brief.number, unit=brief.lead_unit)
        changed = await act(self.window, citizen_loop.rate, brief.id, choice.rating, choice.text,
                            title=t("评价失败"), done=done)
        if changed is not None:
            self.window.focus_ticket(brief.id)
        return changed is not None

    async def close(self) -> bool:
        row = current_row(self.window)
        if row is None:
            return False
        if not await self.window.prompter.confirm(t("办结"), t("办结工单 {number}？").format(number=row.number)):
            return False
        return await act(self.window, citizen_loop.close, row.id, title=t("办结失败"),
                         done=t("已办结 {number}").format(number=row.number)) is not None

    async def reopen(self) -> bool:
        """回潮: a closed ticket whose problem came back goes to its lead unit again, linked and counted."""
        brief = await self._ticket_by_number(t("回潮重启"), (TicketStatus.CLOSED.value,))
        if brief is None:
            return False
        label = t("{number} {title}\n问题再次出现的情况（必填）：").format(number=brief.number, title=brief.title)
        reason = await self.window.prompter.text(t("回潮重启"), label, multiline=True)
        if not reason:
            return False
        changed = await act(self.window, citizen_loop.reopen, brief.id, reason, title=t("重启失败"),
                            done=t("已重启 {number}，回到 {unit}").format(number=brief.number, unit=brief.lead_unit))
        if changed is not None:
            self.window.focus_ticket(brief.id)
        return changed is not None

    async def merge(self) -> bool:
        """Show probable duplicates of the selected ticket and merge one with it (并案), with a reason."""
        row = current_row(self.window)
        if row is None:
            return False
        candidates = await read(self.window, duplicates_for, self._db, row.id, self._scope_unit())
        choice = await self.dialogs.merge(row, candidates)
        if choice is None:
            return False
        changed = await act(self.window, citizen_loop.merge, choice.duplicate_id, choice.primary_id, choice.reason,
                            title=t("并案失败"), done=t("已并案"))
        if changed is not None:
            self.window.focus_ticket(choice.primary_id)
        return changed is not None

    async def unmerge(self) -> bool:
        """Undo a wrong merge (supervisor): the ticket goes back to review with its own timeline."""
        brief = await self._ticket_by_number(t("撤销并案"), (TicketStatus.MERGED.value,))
        if brief is None:
            return False
        label = t("{number} 已并入 {primary}\n撤销原因（必填）：").format(number=brief.number,
                                                                     primary=brief.merged_into)
        reason = await self.window.prompter.text(t("撤销并案"), label)
        if not reason:
            return False
        changed = await act(self.window, citizen_loop.unmerge, brief.id, reason, title=t("撤销失败"),
                            done=t("已撤销并案，{number} 回到待复核").format(number=brief.number))
        if changed is not None:
            self.window.focus_ticket(brief.id)
        return changed is not None
