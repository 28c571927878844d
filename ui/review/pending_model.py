"""The desk's left list: tickets waiting for review (status ``pending_review``), the dispatch deadline
first, taken from the window's live queue model (no query of its own). GUI thread.

``set_rows`` keeps the model exact: an unchanged order only refreshes cells; a changed order resets the
(small) list and the desk restores its selection by ticket id.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics

from console.queries.rows import QueueRow
from ui.column_fit import fit_width
from ui.countdown import format_remaining, sla_state
from ui.i18n import N_, t
from ui.palette import row_brushes, urgency_icon

PENDING = "pending_review"
Index = QModelIndex | QPersistentModelIndex
ESCALATED_MARK = "⚑ "  # before the title of a ticket escalated to the shift supervisor
# Widest cells the columns are sized for (the list is small and ticks every second: no resizing to contents).
_WIDEST_REMAINING = -(9 * 3600 + 59 * 60 + 59)  # 超 9:59:59
_WIDEST_NUMBER = "MY20260000000000"
_WIDEST_PLACE = "龙岗区南湾街"
_WIDEST_NAME = "欧阳晓明"
_CELL_PADDING = 16
_ICON_WIDTH = 22


def pending_reviews(rows: Iterable[QueueRow], escalated: frozenset[int] = frozenset(),
                    only_escalated: bool = False, hidden: frozenset[int] = frozenset()) -> list[QueueRow]:
    """Pending reviews by dispatch deadline (then urgency, then id); ``hidden`` ids are left out."""
    chosen = [r for r in rows if r.status == PENDING and r.id not in hidden
              and (not only_escalated or r.id in escalated)]
    chosen.sort(key=lambda r: (r.due_ts, r.urgency_rank, r.id))
    return chosen


class PendingModel(QAbstractTableModel):
    """Columns: remaining time (urgency icon), number, title (⚑ when escalated), place, claimed by."""

    HEADERS = (N_("剩余"), N_("工单编号"), N_("诉求"), N_("区/街道"), N_("认领人"))
    TITLE, CLAIMED_BY = 2, 4

    def __init__(self, warning_fraction: float = 0.8, parent: Any = None):
        super().__init__(parent)
        self.rows: list[QueueRow] = []
        self.escalated: frozenset[int] = frozenset()
        self.now = time.time()
        self.warning_fraction = warning_fraction
        self._icons: dict[str, Any] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return t(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            if row.urgency not in self._icons:
                self._icons[row.urgency] = urgency_icon(row.urgency)
            return self._icons[row.urgency]
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and column == 0:
            background, foreground = row_brushes(row.urgency, self.state(row))
            return background if role == Qt.ItemDataRole.BackgroundRole else foreground
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            if row.id in self.escalated:
                return t("已转值班长") + t("：") + row.title
            return row.title
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _text(self, row: QueueRow, column: int) -> str:
        if column == 0:
            if not row.has_deadline:
                return ""
            return format_remaining(row.due_ts - self.now, t("超 "), t("天"), t("时"))
        if column == 1:
            return row.number
        if column == self.TITLE:
            return (ESCALATED_MARK if row.id in self.escalated else "") + row.title
        if column == 3:
            return f"{row.district}{row.street}"
        return row.claimed_by_name or ""

    def column_widths(self, cells: QFontMetrics, header: QFontMetrics) -> dict[int, int]:
        """Widths of the fixed columns (all but the title, which stretches) in the current UI language:
        the header or the widest expected cell, whichever is wider, so neither wraps nor is cut."""
        widest = {
            0: format_remaining(_WIDEST_REMAINING, t("超 "), t("天"), t("时")),
            1: _WIDEST_NUMBER,
            3: _WIDEST_PLACE,
            self.CLAIMED_BY: _WIDEST_NAME,
        }
        return {column: fit_width(cells, header, t(self.HEADERS[column]), (sample,), cell_padding=_CELL_PADDING,
                                  header_padding=_CELL_PADDING, icon=_ICON_WIDTH if column == 0 else 0)
                for column, sample in widest.items()}

    def state(self, row: QueueRow) -> str:
        return sla_state(row.due_start_ts, row.due_ts, self.now, self.warning_fraction)

    # ------------------------------------------------------------------ updates
    def set_rows(self, rows: list[QueueRow], escalated: frozenset[int]) -> bool:
        """Replace the list; True when the order or membership changed (the view must restore selection)."""
        same_order = [r.id for r in rows] == [r.id for r in self.rows]
        changed = rows != self.rows or escalated != self.escalated
        self.escalated = escalated
        if same_order:
            self.rows = rows
            if changed:
                self._all_changed()
            return False
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()
        return True

    def set_escalated(self, escalated: frozenset[int]) -> None:
        if escalated != self.escalated:
            self.escalated = escalated
            self._all_changed()

    def tick(self, now: float) -> None:
        self.now = now
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def _all_changed(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))

    # ------------------------------------------------------------------ lookups
    def id_at(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def row_of(self, ticket_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == ticket_id), -1)

    def ids(self) -> list[int]:
        return [r.id for r in self.rows]
