"""Keyboard-first pickers of the review desk: a search box over a result list (type, ↑/↓, Enter).

- ``SearchPicker``: one choice or, with ``multi``, several (Space ticks the current row, Enter accepts);
  used for duty items (keywords, code, pinyin initials), lead unit, co-units and merge targets.
- ``ReasonDialog``: a correction reason from a short list (keys 1…n) or free text.

Dialogs are opened with ``ui.prompts.run_dialog`` and awaited, never ``exec()``. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import RECORD_SEPARATOR, record, t

KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class PickerRow:
    key: str
    text: str
    tooltip: str = ""


class PickerResults(list[PickerRow]):
    """The rows a search lists plus ``total``, how many matched in all (more than listed when capped)."""

    def __init__(self, rows: Sequence[PickerRow] = (), total: int | None = None):
        super().__init__(rows)
        self.total = len(self) if total is None else max(total, len(self))


class SearchPicker(QDialog):
    """``choice()`` is the picked key (single) or ``choices()`` the ticked keys (multi)."""

    def __init__(self, title: str, prompt: str, search: Callable[[str], Sequence[PickerRow]],
                 parent: QWidget | None = None, *, multi: bool = False, ticked: Sequence[str] = (),
                 initial: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 520)
        self._search = search
        self.multi = multi
        self.ticked: list[str] = list(ticked)
        self.total = 0  # matches of the last search; the list may show fewer (see ``PickerResults``)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt))
        self.query = QLineEdit(initial)
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(t("输入关键词、编码或拼音首字母"))
        layout.addWidget(self.query)
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        layout.addWidget(self.results, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        hint = (t("↑/↓ 选择 · 输入后回车 勾选/取消该项 · 空格 勾选/取消 · 搜索框为空时回车 确定 · Esc 取消") if multi
                else t("↑/↓ 选择 · 回车 确定 · Esc 取消"))
        layout.addWidget(QLabel(f"<span style='color:#607d8b'>{hint}</span>"))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(t("确定"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.query.textChanged.connect(self._refresh)
        self.query.installEventFilter(self)
        self.results.itemActivated.connect(lambda _item: self._accept())
        self.results.itemChanged.connect(self._item_ticked)
        self._refresh()
        self.query.setFocus()

    # ------------------------------------------------------------------ results
    def _refresh(self) -> None:
        self.results.blockSignals(True)
        self.results.clear()
        rows = self._search(self.query.text())
        self.total = rows.total if isinstance(rows, PickerResults) else len(rows)
        for row in rows:
            item = QListWidgetItem(row.text)
            item.setData(KEY_ROLE, row.key)
            if row.tooltip:
                item.setToolTip(row.tooltip)
            if self.multi:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if row.key in self.ticked else Qt.CheckState.Unchecked)
            self.results.addItem(item)
        self.results.blockSignals(False)
        if self.results.count():
            self.results.setCurrentRow(0)
        self._show_summary()

    def _item_ticked(self, item: QListWidgetItem) -> None:
        key = str(item.data(KEY_ROLE))
        if item.checkState() == Qt.CheckState.Checked and key not in self.ticked:
            self.ticked.append(key)
        elif item.checkState() == Qt.CheckState.Unchecked and key in self.ticked:
            self.ticked.remove(key)
        self._show_summary()

    def _show_summary(self) -> None:
        shown = self.results.count()
        if self.total > shown:
            found = t("找到 {n} 项，显示前 {shown} 项").format(n=self.total, shown=shown)
        else:
            found = t("找到 {n} 项").format(n=shown)
        if self.multi:
            found += " · " + t("已选 {n} 个").format(n=len(self.ticked))
        self.summary.setText(found)

    def toggle_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    # ------------------------------------------------------------------ keyboard in the search box
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}
            step = next((n for k, n in steps.items() if k == key), 0)
            if step:
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
            if key == Qt.Key.Key_Space and self.multi and not self.query.text():
                self.toggle_current()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._accept()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._accept()
            return
        if event.key() == Qt.Key.Key_Space and self.multi:
            self.toggle_current()
            return
        super().keyPressEvent(event)

    def _accept(self) -> None:
        """Single: take the current row. Multi: with a search typed, tick/untick the current row and clear
        the search (type the next one); with an empty search, done."""
        if self.multi and self.query.text().strip():
            self.toggle_current()
            self.query.clear()
            return
        if self.multi or self.results.currentItem() is not None:
            self.accept()

    # ------------------------------------------------------------------ result
    def choice(self) -> str | None:
        item = self.results.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else None

    def choices(self) -> list[str]:
        return list(self.ticked)


# Stored as they are (canonical Chinese) in the dispatch event's review reason; shown through t().
CORRECTION_REASONS = (
    record("建议事项不准确"),
    record("诉求涉及其他职责事项"),
    record("承办单位需调整"),
    record("属地（区/街道）判断有误"),
    record("紧急程度或诉求类型需另行处理"),
)


class ReasonDialog(QDialog):
    """Why the reviewer corrected the suggestion: keys 1…5 pick a listed reason, or type one."""

    def __init__(self, summary: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("更正原因"))
        self.resize(520, 360)
        layout = QVBoxLayout(self)
        label = QLabel(summary)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reasons = QListWidget()
        for number, reason in enumerate(CORRECTION_REASONS, start=1):
            item = QListWidgetItem(f"{number}  {t(reason)}")
            item.setData(KEY_ROLE, reason)
            self.reasons.addItem(item)
        self.reasons.setCurrentRow(0)
        layout.addWidget(self.reasons)
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(t("补充说明（可选；只填这里也可以）"))
        layout.addWidget(self.detail)
        layout.addWidget(QLabel("<span style='color:#607d8b'>" + t("数字键 选择原因 · 回车 确定 · Esc 取消")
                                + "</span>"))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(t("确定"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.reasons.installEventFilter(self)
        self.detail.installEventFilter(self)
        self.reasons.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if watched is self.reasons and text.isdigit() and 1 <= int(text) <= self.reasons.count():
                self.reasons.setCurrentRow(int(text) - 1)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            if watched is self.reasons and text and text.isprintable() and not text.isdigit() and text.strip():
                self.detail.setFocus()
                self.detail.insert(text)
                return True
        return super().eventFilter(watched, event)

    def reason(self) -> str:
        """The reason as recorded: the listed reason in Chinese (whatever the UI language), then the
        reviewer's own words."""
        listed = self.reasons.currentItem()
        chosen = str(listed.data(KEY_ROLE)) if listed is not None else ""
        extra = self.detail.text().strip()
        if chosen and extra:
            return chosen + RECORD_SEPARATOR + extra
        return extra or chosen
