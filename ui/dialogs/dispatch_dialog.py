"""Dispatch / review (人工复核) of one ticket: the citizen's words, the routing suggestion prefilled, any duty
item searchable by code or name, and a live preview of the lead and co-units. Enter dispatches.

GUI thread; the preview is awaited from the caller-supplied coroutine function (run on the DB worker).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from console.queries.reference import Directory
from console.queries.rows import RoutingHint, TicketDetail
from ui.i18n import t
from ui.prompts import DispatchChoice, hint_text


class DispatchDialog(QDialog):
    def __init__(self, detail: TicketDetail, directory: Directory, preview: Callable[[str], Any],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.detail = detail
        self._preview = preview
        self._preview_task: asyncio.Future[Any] | None = None
        self.setWindowTitle(t("分拨 / 人工复核") + f" — {detail.number}")
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        title = QLabel(f"<b>{detail.title}</b>")
        title.setWordWrap(True)
        form.addRow(t("诉求"), title)
        text = QLabel(detail.text[:600])
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("", text)
        form.addRow(t("位置"), QLabel(f"{detail.district} {detail.street} {detail.address}".strip() or t("未知")))
        form.addRow(t("建议"), QLabel(hint_text(detail.hint)))
        self.item = QComboBox()
        self.item.setEditable(True)
        self.item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for choice in directory.items:
            self.item.addItem(f"{choice.code} {choice.name}", choice.code)
        completer = QCompleter(self.item.model(), self.item)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.item.setCompleter(completer)
        initial = detail.hint.item_code if detail.hint else detail.item_code
        position = self.item.findData(initial) if initial else -1
        self.item.setCurrentIndex(position)
        if position < 0:
            self.item.setEditText("")
        form.addRow(t("职责事项(&I)"), self.item)
        self.units = QLabel()
        self.units.setWordWrap(True)
        form.addRow(t("承办单位"), self.units)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(t("可选：分拨说明"))
        form.addRow(t("说明(&R)"), self.reason)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828")
        form.addRow("", self.problem)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(t("分拨"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.item.currentIndexChanged.connect(self._item_changed)
        if detail.hint is not None and detail.hint.item_code == initial:
            self._show_preview(detail.hint)
        elif initial:
            self._item_changed()
        box.button(QDialogButtonBox.StandardButton.Ok).setFocus()

    def item_code(self) -> str:
        data = self.item.currentData()
        if data and self.item.currentText().startswith(str(data)):
            return str(data)
        return self.item.currentText().strip().split(" ")[0]

    def _item_changed(self) -> None:
        code = self.item_code()
        if not code:
            return
        if self._preview_task is not None:
            self._preview_task.cancel()
        self.units.setText(t("正在计算…"))
        self._preview_task = asyncio.ensure_future(self._load_preview(code))

    async def _load_preview(self, code: str) -> None:
        try:
            hint = await self._preview(code)
        except Exception as exc:  # shown in the dialog; dispatch itself reports typed errors
            self.units.setText(str(exc))
            return
        self._show_preview(hint)

    def _show_preview(self, hint: RoutingHint) -> None:
        if hint.problem:
            self.units.setText(hint.problem)
            return
        co = t("、").join(hint.co_unit_names) or t("无")
        self.units.setText(f"{t('主办')}{t('：')}{hint.lead_unit_name}\n{t('协办')}{t('：')}{co}")

    def _accept(self) -> None:
        if not self.item_code():
            self.problem.setText(t("请选择职责事项"))
            self.item.setFocus()
            return
        self.accept()

    def choice(self) -> DispatchChoice:
        return DispatchChoice(self.item_code(), self.reason.text().strip())

    def done(self, result: int) -> None:
        if self._preview_task is not None:
            self._preview_task.cancel()
        super().done(result)
