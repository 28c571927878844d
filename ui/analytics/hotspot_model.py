"""The hot-spot table: one row per cluster, updated in place from ``hotspot_changes`` (rows keep their
identity by ``Hotspot.key``, so the selection stays while clusters grow). GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from console.analytics.hotspots import Hotspot, HotspotChanges
from console.domain.clock import to_room_time
from ui.i18n import N_, t

Index = QModelIndex | QPersistentModelIndex
NEW_BRUSH = QBrush(QColor("#fde7e7"))
HEADERS = (N_("地点"), N_("问题"), N_("件数"), N_("在办"), N_("首张"), N_("最近"), N_("事件"), N_("代表诉求"))


def _problem(h: Hotspot) -> str:
    return h.item_name or t("、").join(h.terms[:3]) or t("（文字相近）")


def _time(value: Any) -> str:
    return to_room_time(value).strftime("%m-%d %H:%M")


class HotspotModel(QAbstractTableModel):
    """Rows in the order of arrival; the view sorts through a proxy if asked. ``fresh`` keys (added in the last
    refresh) are tinted until the next one."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[Hotspot] = []
        self.fresh: set[str] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        h = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (h.place, _problem(h), h.size, h.open_count, _time(h.first_at), _time(h.last_at),
                    f"#{h.incident_id}" if h.incident_id else "", h.sample_text)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{h.title}\n{h.sample_text}"
        if role == Qt.ItemDataRole.BackgroundRole and h.key in self.fresh:
            return NEW_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return h.key
        return None

    def spot(self, row: int) -> Hotspot | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, key: str) -> int:
        return next((i for i, h in enumerate(self.rows) if h.key == key), -1)

    def apply(self, changes: HotspotChanges) -> None:
        """Remove gone rows, update grown ones in place, append new ones (biggest first among them)."""
        self.fresh = {h.key for h in changes.added}
        for key in changes.gone:
            row = self.row_of(key)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
        for spot in changes.grown:
            row = self.row_of(spot.key)
            if row >= 0:
                self.rows[row] = spot
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        if changes.added:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(changes.added) - 1)
            self.rows.extend(changes.added)
            self.endInsertRows()

    def spots(self) -> Sequence[Hotspot]:
        return tuple(self.rows)
