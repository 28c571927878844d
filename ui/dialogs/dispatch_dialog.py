"""Dispatch / review (人工复核) of one ticket: the citizen's words, the routing suggestion prefilled, any duty
item searchable by keyword, code, name or pinyin initials (the review desk's ``ItemIndex`` search), and a
live preview of the lead and co-units of the item currently in the field. Enter dispatches — only while the
field holds a valid duty item (otherwise the 分拨 button is disabled and the problem is shown).

GUI thread; the preview is awaited from the caller-supplied coroutine function (run on the DB worker).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from console.queries.rows import RoutingHint, TicketDetail
from console.review_desk.item_search import ItemEntry, ItemIndex
from ui.i18n import t
from ui.prompts import DispatchChoice, hint_text

COMPLETIONS = 30
PROBLEM_STYLE = "color: #c62828"


def item_label(entry: ItemEntry) -> str:
    """How an item reads in the field and in the list: ``code name``."""
    return f"{entry.code} {entry.name}"


class _SearchCompleter(QCompleter):
    """Shows the rows of its model as they are: the model already holds ``ItemIndex.search`` results, so
    Qt's own prefix/substring filter is switched off (every row matches the empty path)."""

    def splitPath(self, path: str) -> list[str]:
        return [""]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data())


class DispatchDialog(QDialog):
    def __init__(self, detail: TicketDetail, items: ItemIndex, preview: Callable[[str], Any],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.detail = detail
        self.items = items
        self._preview = preview
        self._preview_task: asyncio.Future[Any] | None = None
        self._previewed: str | None = None  # the item code the units label shows (or is loading)
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
        suggestion = QLabel(hint_text(detail.hint))
        suggestion.setWordWrap(True)
        form.addRow(t("建议"), suggestion)
        self.item = QComboBox()
        self.item.setEditable(True)
        self.item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for entry in items.entries:
            self.item.addItem(item_label(entry), entry.code)
        self.matches = QStringListModel(self)
        completer = _SearchCompleter(self.matches, self.item)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.item.setCompleter(completer)
        line = self.item.lineEdit()
        assert line is not None
        line.setPlaceholderText(t("输入关键词、编码或拼音首字母"))
        initial = detail.hint.item_code if detail.hint and detail.hint.item_code else detail.item_code
        position = self.item.findData(initial) if initial else -1
        self.item.setCurrentIndex(position)
        if position < 0:
            self.item.setEditText(initial or "")
        form.addRow(t("职责事项(&I)"), self.item)
        self.units = QLabel()
        self.units.setWordWrap(True)
        form.addRow(t("承办单位"), self.units)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(t("可选：分拨说明"))
        form.addRow(t("说明(&R)"), self.reason)
        self.problem = QLabel()
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        form.addRow("", self.problem)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok: QPushButton = ok
        self.ok.setText(t("分拨"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        line.textEdited.connect(self._search)
        self.item.editTextChanged.connect(self._item_changed)
        entry = self.entry()
        if entry is not None and detail.hint is not None and detail.hint.item_code == entry.code:
            self._previewed = entry.code
            self._show_preview(detail.hint)
        self._item_changed()
        if self.ok.isEnabled():
            self.ok.setFocus()
        else:
            self.item.setFocus()
            line.selectAll()

    # ------------------------------------------------------------------ the item in the field
    def entry(self) -> ItemEntry | None:
        """The duty item the field holds: ``code name`` as listed, a bare code, or an exact item name;
        None for anything else (a search still being typed, an unknown or inactive code)."""
        text = self.item.currentText().strip()
        words = text.split()
        if not words:
            return None
        entry = self.items.by_code.get(words[0])
        if entry is not None and (len(words) == 1 or " ".join(words[1:]) == entry.name):
            return entry
        named = [e for e in self.items.entries if e.name == text]
        return named[0] if len(named) == 1 else None

    def item_code(self) -> str:
        """The code of the valid duty item in the field, or "" when there is none."""
        entry = self.entry()
        return entry.code if entry is not None else ""

    def _search(self, text: str) -> None:
        """Typing: offer the review desk's search results (code, name, keywords, pinyin initials)."""
        found = self.items.search(text, COMPLETIONS) if text.strip() else []
        self.matches.setStringList([item_label(e) for e in found])
        completer = self.item.completer()
        if found:
            completer.setCompletionPrefix(text)
            completer.complete()
        else:
            completer.popup().hide()

    def _item_changed(self) -> None:
        """Whatever the field holds now: preview its units, or say why it cannot be dispatched."""
        entry = self.entry()
        self.ok.setEnabled(entry is not None)
        if entry is None:
            self._cancel_preview()
            self._previewed = None
            self.units.setStyleSheet(PROBLEM_STYLE)
            text = self.item.currentText().strip()
            if text:
                self.units.setText(t("「{text}」不是有效的职责事项，请从列表中选择（可输入关键词、编码或拼音首字母）")
                                   .format(text=text))
            else:
                self.units.setText(t("请选择职责事项"))
            return
        self.problem.clear()
        if entry.code == self._previewed:
            return
        self._cancel_preview()
        self._previewed = entry.code
        self.units.setStyleSheet("")
        self.units.setText(t("正在计算…"))
        self._preview_task = asyncio.ensure_future(self._load_preview(entry.code))

    def _cancel_preview(self) -> None:
        if self._preview_task is not None:
            self._preview_task.cancel()
            self._preview_task = None

    async def _load_preview(self, code: str) -> None:
        try:
            hint = await self._preview(code)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # shown in the dialog; dispatch itself reports typed errors
            if code == self._previewed:
                self.units.setStyleSheet(PROBLEM_STYLE)
                self.units.setText(str(exc))
            return
        if code == self._previewed:
            self._show_preview(hint)

    def _show_preview(self, hint: RoutingHint) -> None:
        if hint.problem:
            self.units.setStyleSheet(PROBLEM_STYLE)
            self.units.setText(hint.problem)
            return
        self.units.setStyleSheet("")
        co = t("、").join(hint.co_unit_names) or t("无")
        self.units.setText(f"{t('主办')}{t('：')}{hint.lead_unit_name}\n{t('协办')}{t('：')}{co}")

    # ------------------------------------------------------------------ result
    def _accept(self) -> None:
        if self.entry() is None:
            self.problem.setText(t("请先从列表中选择有效的职责事项"))
            self.item.setFocus()
            return
        self.accept()

    def choice(self) -> DispatchChoice:
        return DispatchChoice(self.item_code(), self.reason.text().strip())

    def done(self, result: int) -> None:
        self._cancel_preview()
        super().done(result)
