"""The queue table: rows of the ``QueueModel`` (sorted by the model itself on header clicks), one row
selected at a time, selection kept by ticket id across resets. GUI thread; no database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from console.queries.rows import QueueRow
from ui.column_fit import fit_width
from ui.queue_columns import Column
from ui.queue_model import QueueModel

ROW_HEIGHT = 24
CELL_PADDING = 14  # the style's cell margins and a little air
HEADER_PADDING = 28  # margins and the sort indicator
ICON_WIDTH = 22  # the urgency column's icon and its spacing
MAX_FITTED_WIDTH = 320


class QueueView(QTableView):
    currentTicketChanged = Signal(object)  # int | None

    def __init__(self, model: QueueModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.queue = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the queue (for the detail pane); arrows move in it
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # triage order
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicatorShown(True)
        self.horizontalHeader().setSectionsMovable(True)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(False)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        self.fit_columns()
        self._fitted_on_show = False
        self._kept_id: int | None = None
        self._kept_offset = 0
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(self._restore)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def fitted_width(self, column: Column) -> int:
        """The column's width in the current language and font: its default, widened so that its header and
        the longest of its ``samples`` (translated labels) fit; measured once, never per row."""
        cells, header = self.fontMetrics(), self.horizontalHeader().fontMetrics()
        icon = ICON_WIDTH if column.key == "urgency" else 0
        fitted = fit_width(cells, header, column.header, column.samples, cell_padding=CELL_PADDING,
                           header_padding=HEADER_PADDING, icon=icon)
        return max(column.width, min(fitted, MAX_FITTED_WIDTH))

    def fit_columns(self, widen_only: bool = False) -> None:
        """Every column at its fitted width; ``widen_only``: only the columns narrower than that (widths
        restored from an earlier session, perhaps in another language, keep what the user widened)."""
        for i, column in enumerate(self.queue.columns):
            fitted = self.fitted_width(column)
            if not widen_only or self.columnWidth(i) < fitted:
                self.setColumnWidth(i, fitted)

    def showEvent(self, event: Any) -> None:
        if not self._fitted_on_show:  # after the window restored its saved column widths
            self._fitted_on_show = True
            self.fit_columns(widen_only=True)
        super().showEvent(event)

    def current_row(self) -> QueueRow | None:
        index = self.currentIndex()
        return self.queue.row_at(index.row()) if index.isValid() else None

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row is not None else None

    def select_ticket(self, ticket_id: int) -> bool:
        row = self.queue.row_of(ticket_id)
        if row < 0:
            return False
        index = self.queue.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.queue.row_at(current.row()) if current.isValid() else None
        self.currentTicketChanged.emit(row.id if row is not None else None)

    def _remember(self) -> None:
        self._kept_id = self.current_id()
        self._kept_offset = (self.currentIndex().row() - self.rowAt(0)) if self._kept_id is not None else 0

    def _restore(self) -> None:
        if self._kept_id is None:
            return
        row = self.queue.row_of(self._kept_id)
        if row < 0:
            self.currentTicketChanged.emit(None)
            return
        index = self.queue.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.verticalScrollBar().setValue(max(0, row - self._kept_offset))
