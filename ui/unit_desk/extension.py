"""Plugs the unit desk into the window: 工单 menu commands for unit handlers (签收 A, 开始处置 Shift+A,
反馈 Ctrl+Return, 退单 Shift+T, 申请延期 E) and, for every role, the 承办进度 dock that shows which unit a
ticket is waiting for."""

from __future__ import annotations

from typing import Any

from console.domain.enums import Role
from ui.actions import ActionSpec
from ui.extensions import ExtensionCommand

HANDLERS = frozenset({Role.UNIT_HANDLER})


def desk(window: Any) -> Any:
    """The window's unit-desk controller (created on first use)."""
    controller = getattr(window, "unit_desk", None)
    if controller is None:
        from ui.unit_desk.controller import UnitDeskController

        controller = window.unit_desk = UnitDeskController(window)
    return controller


def install(window: Any) -> None:
    from ui.unit_desk.holdup_dock import install_holdup_dock

    install_holdup_dock(window)
    if window.session.role is Role.UNIT_HANDLER:
        desk(window)


def _spec(id: str, label: str, shortcut: str, help: str) -> ActionSpec:
    return ActionSpec(id, label, shortcut, "工单", id, help, HANDLERS)


COMMANDS = (
    ExtensionCommand(_spec("unit_accept", "签收", "A", "本单位签收选中工单（主办签收后工单进入已签收）"),
                     lambda w: desk(w).accept()),
    ExtensionCommand(_spec("unit_start", "开始处置", "Shift+A", "主办单位开始处置（已签收 → 处置中）"),
                     lambda w: desk(w).start_handling()),
    ExtensionCommand(_spec("unit_reply", "反馈…", "Ctrl+Return", "填写办理结果；主办单位可引用协办单位意见汇总答复"),
                     lambda w: desk(w).reply()),
    ExtensionCommand(_spec("unit_return", "退单…", "Shift+T",
                           "主办单位退回分拨室：职能不符 / 属地不符 / 权属不清 / 其他（需说明）"),
                     lambda w: desk(w).return_ticket()),
    ExtensionCommand(_spec("unit_extension", "申请延期…", "E", "申请延长反馈时限（填写时长和理由，值班长审批）"),
                     lambda w: desk(w).request_extension()),
)
