"""A read-only table for the panels: rows of strings with an object per row. GUI thread."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?%?$")  # counts and rates: right-aligned
MAX_COLUMN = 320
MIN_NUMBER_COLUMN = 56


class RowTable(QTableWidget):
    """``set_rows(objects, cells)``; ``current_object()`` is the object of the selected row.

    Columns are sized to their contents (headers included). ``stretch`` names the column that takes the
    table's spare width (``None``: none does; -1, the default: the last one)."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None, *, stretch: int | None = -1):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.stretch = None if stretch is None else stretch % len(headers)
        self.horizontalHeader().setStretchLastSection(self.stretch == len(headers) - 1)
        if self.stretch is not None and self.stretch != len(headers) - 1:
            self.horizontalHeader().setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(False)
        self.objects: list[Any] = []

    def set_rows(self, objects: Sequence[Any], cells: Sequence[Sequence[str]],
                 colours: Sequence[str | None] | None = None) -> None:
        keep = self.current_object()
        self.objects = list(objects)
        self.setRowCount(len(cells))
        for r, row in enumerate(cells):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if NUMBER.match(text):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, r)
                if colours is not None and colours[r]:
                    item.setForeground(QColor(colours[r]))
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        for c in range(self.columnCount()):
            numeric = bool(cells) and all(NUMBER.match(row[c]) or not row[c] or row[c] == "—"
                                          for row in cells if c < len(row))
            width = min(self.columnWidth(c), MAX_COLUMN)
            self.setColumnWidth(c, max(width, MIN_NUMBER_COLUMN) if numeric else width)
        if keep is not None and keep in self.objects:
            self.selectRow(self.objects.index(keep))
        elif self.objects:
            self.selectRow(0)

    def current_object(self) -> Any:
        row = self.currentRow()
        return self.objects[row] if 0 <= row < len(self.objects) else None
