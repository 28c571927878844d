"""The bar above the queue: the view picker (built-in and saved views), district / category / line
pickers, and the search box. Emits the composed ``ViewSpec`` and the search text; no database (GUI thread).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from console.queries.reference import Choice, Directory
from console.queries.views import NamedView, ViewSpec
from ui.i18n import t


class FilterBar(QWidget):
    specChanged = Signal(object)  # ViewSpec
    searchChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.views: list[NamedView] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.view = QComboBox()
        self.view.setMinimumWidth(150)
        self.view.setToolTip(t("视图（Ctrl+1…Ctrl+9）"))
        self.district = self._picker(t("全部区"))
        self.category = self._picker(t("全部类别"))
        self.line = self._picker(t("全部条线"))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(t("搜索 工单编号 / 电话 / 内容（Ctrl+F）"))
        self.search.setMinimumWidth(260)
        layout.addWidget(QLabel(t("视图")))
        layout.addWidget(self.view)
        layout.addWidget(self.district)
        layout.addWidget(self.category)
        layout.addWidget(self.line)
        layout.addStretch(1)
        layout.addWidget(self.search)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(lambda: self.searchChanged.emit(self.search.text()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        for combo in (self.view, self.district, self.category, self.line):
            combo.currentIndexChanged.connect(self._emit_spec)

    def clear_search(self) -> None:
        """Empty the search box and emit the empty search at once (no debounce), so the rows are back on return."""
        self.search.clear()
        self._debounce.stop()
        self.searchChanged.emit("")

    @staticmethod
    def _picker(everything: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        combo.setMinimumWidth(110)
        return combo

    def set_directory(self, directory: Directory) -> None:
        for combo, choices in ((self.district, directory.districts), (self.category, directory.categories),
                               (self.line, directory.lines)):
            self._fill(combo, choices)

    def _fill(self, combo: QComboBox, choices: tuple[Choice, ...]) -> None:
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for choice in choices:
            combo.addItem(choice.name if choice.name == choice.code else f"{choice.code} {choice.name}",
                          choice.code)
        combo.blockSignals(False)

    def set_views(self, views: list[NamedView], keep: str | None = None) -> None:
        current = keep if keep is not None else self.view.currentText()
        self.views = views
        self.view.blockSignals(True)
        self.view.clear()
        for v in views:
            prefix = "★ " if v.saved_id is not None and v.shared else ("☆ " if v.saved_id is not None else "")
            self.view.addItem(prefix + t(v.name) if v.key else prefix + v.name)
        found = next((i for i, v in enumerate(views) if v.name == current or t(v.name) == current), 0)
        self.view.setCurrentIndex(found)
        self.view.blockSignals(False)
        self._emit_spec()

    def select_view(self, index: int) -> None:
        if 0 <= index < self.view.count():
            self.view.setCurrentIndex(index)

    def current_view(self) -> NamedView | None:
        index = self.view.currentIndex()
        return self.views[index] if 0 <= index < len(self.views) else None

    def spec(self) -> ViewSpec:
        view = self.current_view()
        spec = view.spec if view is not None else ViewSpec()
        changes = {}
        for name, combo in (("districts", self.district), ("categories", self.category), ("lines", self.line)):
            if combo.currentData():
                changes[name] = (combo.currentData(),)
        return dataclasses.replace(spec, **changes) if changes else spec

    def _emit_spec(self) -> None:
        self.specChanged.emit(self.spec())
