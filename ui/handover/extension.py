"""Plugs the handover composer into the main window (值班 → 交接班)."""

from __future__ import annotations

from typing import Any

from console.domain.enums import Role
from ui.actions import ActionSpec
from ui.extensions import ExtensionCommand


def open_composer(window: Any) -> None:
    from ui.handover.composer import HandoverComposer

    composer = HandoverComposer(window.session.backend, window.session.actor, window)
    composer.setModal(False)
    composer.show()


COMMANDS = (
    ExtensionCommand(ActionSpec("handover", "交接班…", "Ctrl+H", "值班", "handover",
                                "汇总本班数据、填写交接说明、导出交接单（Excel）",
                                frozenset({Role.SUPERVISOR, Role.ADMIN}), needs_ticket=False), open_composer),
)
