"""Plugs the duty-list editor into the main window (管理 → 职责清单维护…, Ctrl+Shift+L, admins)."""

from __future__ import annotations

from typing import Any

from console.domain.enums import Role
from ui.actions import ActionSpec
from ui.extensions import ExtensionCommand


def open_editor(window: Any) -> Any:
    """Show the window's editor (one per window; raised if already open)."""
    from ui.admin.editor import DutyListEditor

    editor = getattr(window, "duty_list_editor", None)
    if editor is None:
        editor = DutyListEditor(window)
        editor.setModal(False)
        window.duty_list_editor = editor
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


COMMANDS = (
    ExtensionCommand(ActionSpec("duty_list", "职责清单维护…", "Ctrl+Shift+L", "管理", "duty_list",
                                "浏览、修改职责清单；检查与影响预览后保存为新版本；版本差异；Excel 导入导出",
                                frozenset({Role.ADMIN}), needs_ticket=False), open_editor),
)
