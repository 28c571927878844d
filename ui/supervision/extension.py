"""Plugs the supervision panels and the citizen loop into the window.

值班 (supervisors): 延期审批 Ctrl+Shift+A · 退单仲裁 Ctrl+Shift+J · 本班工作量 Ctrl+Shift+W · 退单统计.
工单: 批量改派 Ctrl+Shift+B (supervisors) · 催办 Ctrl+Shift+U · 督办 Ctrl+Shift+D · 市民评价 Ctrl+Shift+G ·
办结 Ctrl+Shift+K · 回潮重启 Ctrl+Shift+O · 疑似重复/并案 Ctrl+Shift+M · 撤销并案 (supervisors).
A supervisor's queue allows selecting several rows (Shift/Ctrl+click) for bulk reassignment.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView

from console.domain.enums import Role
from ui.actions import ActionSpec
from ui.extensions import ExtensionCommand

SUP = frozenset({Role.SUPERVISOR})
ROOM = frozenset({Role.DISPATCHER, Role.SUPERVISOR})
CALLERS = frozenset({Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR})


def supervision_of(window: Any) -> Any:
    """The window's supervision controller (created on first use)."""
    controller = getattr(window, "supervision", None)
    if controller is None:
        from ui.supervision.controller import SupervisionController

        controller = window.supervision = SupervisionController(window)
    return controller


def install(window: Any) -> None:
    if window.session.role is Role.SUPERVISOR:
        window.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    if window.session.role in CALLERS:
        supervision_of(window)


def _panel(key: str) -> Any:
    def run(window: Any) -> Any:
        from ui.supervision.panels import open_panel

        if key == "approvals":
            from ui.supervision.approvals import ApprovalsPanel as factory
        elif key == "arbitration":
            from ui.supervision.arbitration import ArbitrationPanel as factory  # type: ignore[assignment]
        elif key == "workload":
            from ui.supervision.workload import WorkloadPanel as factory  # type: ignore[assignment]
        else:
            from ui.supervision.returns_report import ReturnCountsPanel as factory  # type: ignore[assignment]
        return open_panel(window, key, factory)
    return run


def _command(id: str, label: str, shortcut: str, menu: str, roles: frozenset[Role], needs_ticket: bool,
             run: Any, help: str) -> ExtensionCommand:
    return ExtensionCommand(ActionSpec(id, label, shortcut, menu, id, help, roles, needs_ticket), run)


def _do(method: str, **kwargs: Any) -> Any:
    return lambda window: getattr(supervision_of(window), method)(**kwargs)


COMMANDS = (
    _command("approvals", "延期审批…", "Ctrl+Shift+A", "值班", SUP, False, _panel("approvals"),
             "待审批的延期申请：批准（时限顺延）或驳回（填写理由）"),
    _command("arbitration", "退单仲裁…", "Ctrl+Shift+J", "值班", SUP, False, _panel("arbitration"),
             "多次退单的工单：查看各单位退单理由，裁定主办和协办单位（最终）"),
    _command("workload", "本班工作量…", "Ctrl+Shift+W", "值班", SUP, False, _panel("workload"),
             "本班每人在办工单数、紧急和超时件数；可改派某人的全部工单"),
    _command("return_counts", "退单统计…", "", "值班", SUP | {Role.ADMIN}, False, _panel("returns"),
             "各单位在本班、今日、近 7 天或近 30 天的退单次数和原因"),
    _command("bulk_reassign", "批量改派…", "Ctrl+Shift+B", "工单", SUP, False, _do("bulk_reassign"),
             "把选中的工单（或某人持有的全部工单）改派给其他人员或单位"),
    _command("remind", "催办…", "Ctrl+Shift+U", "工单", ROOM, True, _do("remind"), "向仍在办理的单位发催办"),
    _command("supervise", "督办…", "Ctrl+Shift+D", "工单", SUP, True, _do("remind", supervise=True),
             "向仍在办理的单位发督办通知"),
    _command("rate", "市民评价…", "Ctrl+Shift+G", "工单", CALLERS, False, _do("rate"),
             "记录满意 / 基本满意 / 不满意；不满意自动回退主办单位"),
    _command("close", "办结…", "Ctrl+Shift+K", "工单", ROOM, True, _do("close"), "办结已反馈的工单"),
    _command("reopen", "回潮重启…", "Ctrl+Shift+O", "工单", CALLERS, False, _do("reopen"),
             "已办结工单的问题再次出现：按编号找到并重启，回到主办单位"),
    _command("merge", "疑似重复 / 并案…", "Ctrl+Shift+M", "工单", ROOM, True, _do("merge"),
             "查看选中工单的疑似重复工单并并案（保留每位市民的联系方式和轨迹）"),
    _command("unmerge", "撤销并案…", "", "工单", SUP, False, _do("unmerge"), "按编号撤销错误的并案，工单回到待复核"),
)
