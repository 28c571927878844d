"""A read-only table for the panels: rows of strings with an object per row. GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget


class RowTable(QTableWidget):
    """``set_rows(objects, cells)``; ``current_object()`` is the object of the selected row."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
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
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, r)
                if colours is not None and colours[r]:
                    item.setForeground(QColor(colours[r]))
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        for c in range(self.columnCount()):
            self.setColumnWidth(c, min(self.columnWidth(c), 320))
        if keep is not None and keep in self.objects:
            self.selectRow(self.objects.index(keep))
        elif self.objects:
            self.selectRow(0)

    def current_object(self) -> Any:
        row = self.currentRow()
        return self.objects[row] if 0 <= row < len(self.objects) else None
