"""The conflict dialog: someone else changed the ticket first. It names who and what, shows the ticket as
it is now, says the user's action was not done, and offers to redo it on the fresh state with one click.
Nothing is ever overwritten silently. GUI thread; opened with ``open()`` and awaited."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from console.domain.enums import TicketStatus, Urgency
from console.domain.errors import ConflictError
from console.queries.rows import QueueRow
from ui.i18n import t
from ui.prompts import run_dialog


class ConflictDialog(QDialog):
    """Accepted = redo on the fresh state; rejected = give up (the action stays undone)."""

    def __init__(self, conflict: ConflictError, action: str, fresh: QueueRow | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(t("工单已被他人修改"))
        who = conflict.changed_by or t("另一位用户")
        what = t(conflict.changed_action) if conflict.changed_action else t("修改")
        layout = QVBoxLayout(self)
        self.headline = QLabel(t("工单 {number} 在您操作之前已被 <b>{who}</b> 修改：<b>{what}</b>。")
                               .format(number=conflict.ticket_number, who=who, what=what))
        self.versions = QLabel(t("您看到的是第 {seen} 版，当前为第 {now} 版。您的操作「{action}」没有执行。")
                               .format(seen=conflict.expected_version, now=conflict.actual_version, action=action))
        self.fresh = QLabel(_fresh_text(fresh))
        for label in (self.headline, self.versions, self.fresh):
            label.setWordWrap(True)
            layout.addWidget(label)
        buttons = QDialogButtonBox()
        self.redo = buttons.addButton(t("在最新状态上重做"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.redo.setObjectName("redoButton")
        self.give_up = buttons.addButton(t("放弃"), QDialogButtonBox.ButtonRole.RejectRole)
        self.give_up.setObjectName("giveUpButton")
        self.redo.setEnabled(fresh is not None)
        self.redo.setDefault(fresh is not None)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


def _fresh_text(row: QueueRow | None) -> str:
    if row is None:
        return t("该工单已不在您的队列中（已办结、合并或不在您的范围内），无法重做。")
    holder = row.claimed_by_name or t("无人认领")
    return t("现在：状态「{status}」，紧急程度「{urgency}」，认领人 {holder}，承办单位 {unit}。").format(
        status=t(TicketStatus(row.status).label), urgency=t(Urgency(row.urgency).label), holder=holder,
        unit=row.lead_unit or "—")


async def ask_redo(parent: QWidget | None, conflict: ConflictError, action: str, fresh: QueueRow | None) -> bool:
    """Show the dialog; True when the user chose to redo on the fresh state."""
    dialog = ConflictDialog(conflict, action, fresh, parent)
    try:
        return await run_dialog(dialog) == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
