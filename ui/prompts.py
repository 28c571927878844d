"""Asking the user from a coroutine without nesting event loops: dialogs are opened with ``open()`` and
their ``finished`` signal is awaited (never ``exec()`` inside a coroutine). GUI thread only.

Controllers depend on the ``Prompter`` protocol; tests substitute a scripted one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from console.queries.rows import RoutingHint, TicketDetail
from console.review_desk.item_search import ItemIndex
from ui.i18n import t


@dataclass(frozen=True)
class DispatchChoice:
    item_code: str
    reason: str


@dataclass(frozen=True)
class UrgencyChoice:
    urgency: str
    reason: str


class Prompter(Protocol):
    async def confirm(self, title: str, text: str) -> bool: ...
    async def text(self, title: str, label: str, default: str = "", multiline: bool = False) -> str | None:
        """The trimmed, non-blank text the user entered; None when cancelled."""
    async def urgency(self, current: str) -> UrgencyChoice | None: ...
    async def dispatch(self, detail: TicketDetail, items: ItemIndex,
                       preview: Callable[[str], Any]) -> DispatchChoice | None:
        """The review-and-dispatch dialog: ``items`` are the duty items in effect (searched like the review
        desk's picker), ``preview(code)`` awaits the RoutingHint of an item. None when cancelled."""
    def error(self, title: str, text: str) -> None: ...


async def run_dialog(dialog: QDialog) -> int:
    """Open ``dialog`` window-modally and await its result code."""
    future: asyncio.Future[int] = asyncio.get_event_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    return await future


class QtPrompter:
    """The real prompter: Qt dialogs parented to ``parent``."""

    def __init__(self, parent: QWidget):
        self.parent = parent
        self.current: QDialog | None = None

    async def _run(self, dialog: QDialog) -> int:
        self.current = dialog
        try:
            return await run_dialog(dialog)
        finally:
            self.current = None
            dialog.deleteLater()

    async def confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.parent)
        box.button(QMessageBox.StandardButton.Yes).setText(t("确定"))
        box.button(QMessageBox.StandardButton.No).setText(t("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return await self._run(box) == QMessageBox.StandardButton.Yes

    async def text(self, title: str, label: str, default: str = "", multiline: bool = False) -> str | None:
        """The trimmed text, never blank (the dialog refuses a blank one); None when cancelled."""
        from ui.dialogs.text_dialog import TextDialog

        dialog = TextDialog(title, label, default, multiline, self.parent)
        if await self._run(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.text()

    async def urgency(self, current: str) -> UrgencyChoice | None:
        from ui.dialogs.urgency_dialog import UrgencyDialog

        dialog = UrgencyDialog(current, self.parent)
        if await self._run(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    async def dispatch(self, detail: TicketDetail, items: ItemIndex,
                       preview: Callable[[str], Any]) -> DispatchChoice | None:
        from ui.dialogs.dispatch_dialog import DispatchDialog

        dialog = DispatchDialog(detail, items, preview, self.parent)
        if await self._run(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def error(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def hint_text(hint: RoutingHint | None) -> str:
    """One line describing a routing hint, for dialogs and the detail pane."""
    if hint is None:
        return t("无分拨建议")
    if hint.confidence is not None:
        text = t("{code} {name}（{source}，置信度 {confidence}）").format(
            code=hint.item_code, name=hint.item_name, source=t(hint.source_label), confidence=f"{hint.confidence:.2f}")
    else:
        text = t("{code} {name}（{source}）").format(code=hint.item_code, name=hint.item_name,
                                                   source=t(hint.source_label))
    if hint.problem:
        return text + " — " + hint.problem
    if hint.lead_unit_name:
        text += " → " + t("主办：{unit}").format(unit=hint.lead_unit_name)
        if hint.co_unit_names:
            text += t("；") + t("协办：{units}").format(units=t("、").join(hint.co_unit_names))
    return text
