"""延期审批: every pending extension request with the reply deadline approval would give; approve
(deadline moves) or refuse with a reason. GUI thread; reads and decisions on the DB worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.domain.clock import format_room_time
from console.domain.enums import Urgency
from console.services import supervision
from console.supervision_queries.extensions import pending_extensions
from console.supervision_queries.rows import PendingExtension
from ui.i18n import t
from ui.supervision.panels import Panel
from ui.supervision.table import RowTable
from ui.unit_desk.ops import act, read


class ApprovalsPanel(Panel):
    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(window, parent)
        self.title = t("延期审批")
        self.table = RowTable([t("工单"), t("紧急"), t("申请单位"), t("主办/协办"), t("延期"), t("理由"),
                               t("现反馈时限"), t("批准后时限"), t("申请人"), t("申请时间")])
        self.summary = QLabel()
        self.approve_button = QPushButton(t("批准"))
        self.refuse_button = QPushButton(t("驳回…"))
        self.locate_button = QPushButton(t("定位工单"))
        self.approve_button.clicked.connect(lambda: self._on(self.approve))
        self.refuse_button.clicked.connect(lambda: self._on(self.refuse))
        self.locate_button.clicked.connect(self.locate)
        self.table.doubleClicked.connect(lambda _i: self.locate())
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for b in (self.locate_button, self.refuse_button, self.approve_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.items: list[PendingExtension] = []

    async def refresh(self) -> None:
        self.items = await read(self.main, pending_extensions, self.main.session.backend.ctx.db)
        cells = [(p.number, t(Urgency(p.urgency).label), p.unit_name, t("主办") if p.role == "lead" else t("协办"),
                  f"{p.hours:g} {t('小时')}", p.reason, format_room_time(p.reply_due),
                  format_room_time(p.new_reply_due), p.requested_by, format_room_time(p.requested_at))
                 for p in self.items]
        self.table.set_rows(self.items, cells)
        self.summary.setText(t("待审批 {n} 件").format(n=len(self.items)))
        for b in (self.approve_button, self.refuse_button, self.locate_button):
            b.setEnabled(bool(self.items))

    def _on(self, decide: Any) -> None:
        item = self.table.current_object()
        if item is not None:
            self.spawn(decide(item))

    def locate(self) -> None:
        item = self.table.current_object()
        if item is not None:
            self.main.focus_ticket(item.ticket_id)

    async def approve(self, item: PendingExtension) -> bool:
        """Approve after one confirmation that names the new reply deadline."""
        question = t("批准 {unit} 对工单 {number} 延期 {hours:g} 小时？\n反馈时限将由 {old} 改为 {new}。").format(
            unit=item.unit_name, number=item.number, hours=item.hours, old=format_room_time(item.reply_due),
            new=format_room_time(item.new_reply_due))
        if not await self.main.prompter.confirm(t("批准延期"), question):
            return False
        changed = await act(self.main, supervision.decide_extension, item.ticket_id, unit_code=item.unit_code,
                            approve=True, title=t("审批失败"),
                            done=t("已批准 {number} 延期，新反馈时限 {new}").format(
                                number=item.number, new=format_room_time(item.new_reply_due)))
        await self.refresh()
        return changed is not None

    async def refuse(self, item: PendingExtension) -> bool:
        reason = await self.main.prompter.text(t("驳回延期"), t("驳回 {unit} 的延期申请（{number}）的理由：").format(
            unit=item.unit_name, number=item.number))
        if not reason:
            return False
        changed = await act(self.main, supervision.decide_extension, item.ticket_id, unit_code=item.unit_code,
                            approve=False, reason=reason, title=t("审批失败"),
                            done=t("已驳回 {number} 的延期申请").format(number=item.number))
        await self.refresh()
        return changed is not None
