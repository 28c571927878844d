"""The live queue model: immutable ``QueueRow`` objects, sorted and filtered in Python by the model itself.

Contract (GUI thread only):
- rows are kept in one ascending list by the current sort key; a descending sort shows it reversed, so a
  row's place is found by bisection and a live change costs O(log n) plus one list insert;
- ``apply`` takes fresh rows and gone ids from the change feed and updates in place with
  ``beginInsertRows`` / ``beginMoveRows`` / ``dataChanged`` / ``beginRemoveRows`` — never a reset, so
  selection and scroll stay;
- ``tick(now)`` only moves the model's clock and emits ``dataChanged``: countdowns and SLA colours are
  computed in ``data()`` from the stored due times, without any query;
- ``set_filter`` applies small membership changes in place and larger ones (a new view) with a reset
  whose selection the view restores by ticket id.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from console.queries.queue import RowRefresh
from console.queries.rows import QueueRow
from console.queries.views import compile_search, search_needles
from ui.countdown import sla_state
from ui.palette import row_brushes, urgency_icon
from ui.queue_columns import TRIAGE_ORDER, Column
from ui.search_index import SearchIndex

RowRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
SlaRole = Qt.ItemDataRole.UserRole + 3

Predicate = Callable[[QueueRow], bool]
Index = QModelIndex | QPersistentModelIndex
INCREMENTAL_LIMIT = 300
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class QueueModel(QAbstractTableModel):
    """See the module docstring. ``urgentArrived`` fires for each new urgent ticket seen by ``apply``."""

    urgentArrived = Signal(object)
    countsChanged = Signal()

    def __init__(self, columns: list[Column], warning_fraction: float = 0.8, parent: Any = None):
        super().__init__(parent)
        self.columns = columns
        self.warning_fraction = warning_fraction
        self.now = time.time()
        self._attrs: tuple[str, ...] = TRIAGE_ORDER
        self._key: Callable[[QueueRow], Any] = attrgetter(*TRIAGE_ORDER, "id")
        self._sort_column = -1
        self._descending = False
        self._predicate: Predicate | None = None
        self._by_id: dict[int, QueueRow] = {}
        self._all: list[QueueRow] = []
        self._by_id_order: list[QueueRow] = []  # every row by ticket id: the base of stable sorts
        self._index = SearchIndex()
        self._visible: list[QueueRow] = []
        self._brushes: dict[tuple[str, str], tuple[Any, Any]] = {}
        self._icons: dict[str, Any] = {}

    # ------------------------------------------------------------------ Qt model contract
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row, self.now)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            key = (row.urgency, self.state_of(row))
            brushes = self._brushes.get(key)
            if brushes is None:
                brushes = self._brushes[key] = row_brushes(*key)
            background, foreground = brushes
            return background if role == Qt.ItemDataRole.BackgroundRole else foreground
        if role == Qt.ItemDataRole.DecorationRole and column.key == "urgency":
            icon = self._icons.get(row.urgency)
            if icon is None:
                icon = self._icons[row.urgency] = urgency_icon(row.urgency)
            return icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.number}\n{row.title}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key == "countdown":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RowRole:
            return row
        if role == IdRole:
            return row.id
        if role == SlaRole:
            return self.state_of(row)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (-1: triage order — urgency, then next deadline). Keeps selection."""
        attrs = self.columns[column].sort_attrs if 0 <= column < len(self.columns) else TRIAGE_ORDER
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [self.row_at(p.row()) for p in persistent]
        self._set_key(attrs)
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._all = _sorted_from_id_order(self._by_id_order, attrs)
        self._visible = _select(self._all, self._predicate)
        if persistent:
            self.changePersistentIndexList(persistent, [
                self.index(self._display_row(self._position(self._visible, r)), p.column()) if r is not None
                else QModelIndex() for p, r in zip(persistent, kept, strict=True)])
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ reading
    def row_at(self, row: int) -> QueueRow | None:
        n = len(self._visible)
        if not 0 <= row < n:
            return None
        return self._visible[n - 1 - row] if self._descending else self._visible[row]

    def id_at(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found is not None else None

    def row_of(self, ticket_id: int) -> int:
        """The display row of a ticket, or -1 when it is not shown."""
        found = self._by_id.get(ticket_id)
        if found is None or not self._shows(found):
            return -1
        return self._display_row(self._position(self._visible, found))

    def get(self, ticket_id: int) -> QueueRow | None:
        return self._by_id.get(ticket_id)

    def all_rows(self) -> list[QueueRow]:
        return self._all

    def visible_rows(self) -> list[QueueRow]:
        return self._visible[::-1] if self._descending else self._visible

    def state_of(self, row: QueueRow) -> str:
        return sla_state(row.due_start_ts, row.due_ts, self.now, self.warning_fraction)

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    # ------------------------------------------------------------------ writing
    def set_rows(self, rows: Iterable[QueueRow]) -> None:
        """Replace everything (the initial snapshot): a model reset."""
        self.beginResetModel()
        self._by_id = {r.id: r for r in rows}
        self._by_id_order = sorted(self._by_id.values(), key=_ID)
        self._index.invalidate()
        self._all = _sorted_from_id_order(self._by_id_order, self._attrs)
        self._visible = _select(self._all, self._predicate)
        self.endResetModel()
        self.countsChanged.emit()

    def set_filter(self, predicate: Predicate | None, search: str = "") -> None:
        """Show only rows passing ``predicate`` and containing every word of ``search`` (both optional).

        Small membership changes are applied in place, large ones (a new view) by a reset."""
        view = predicate
        needles = search_needles(search)
        if needles:
            text = compile_search(search)
            predicate = text if view is None else (lambda r: view(r) and text(r))  # type: ignore[misc]
        old_visible = self._visible
        new_visible = self._searched(needles, view) if needles else _select(self._all, predicate)
        small = abs(len(new_visible) - len(old_visible)) <= INCREMENTAL_LIMIT
        leaving: list[QueueRow] = []
        entering: list[QueueRow] = []
        if small:
            now_shown = {r.id for r in new_visible}
            was_shown = {r.id for r in old_visible}
            leaving = [r for r in old_visible if r.id not in now_shown]
            entering = [r for r in new_visible if r.id not in was_shown]
        small = small and len(leaving) + len(entering) <= INCREMENTAL_LIMIT
        if not small:
            self.beginResetModel()
            self._predicate, self._visible = predicate, new_visible
            self.endResetModel()
        else:
            for r in leaving:
                self._remove_visible(r)
            self._predicate = predicate
            for r in entering:
                self._insert_visible(r)
        self.countsChanged.emit()

    def _searched(self, needles: list[str], view: Predicate | None) -> list[QueueRow]:
        """Rows containing every needle (through the substring index) and passing ``view``, in order."""
        if not self._index.built:
            self._index.build(self._by_id_order)
        ids = self._index.matching_ids(needles, self._by_id)
        if len(ids) * 8 > len(self._all):
            return _select([r for r in self._all if r.id in ids], view)
        found = _select([self._by_id[i] for i in ids], view)
        found.sort(key=self._key)
        return found

    def apply(self, refresh: RowRefresh) -> None:
        """Apply fresh rows and gone ids in place (see the module docstring)."""
        self._index.touched(r.id for r in refresh.rows)
        self._index.touched(refresh.gone)
        for row in refresh.rows:
            self._upsert(row)
        for ticket_id in refresh.gone:
            old = self._by_id.pop(ticket_id, None)
            if old is not None:
                if self._shows(old):
                    self._remove_visible(old)
                del self._all[self._position(self._all, old)]
                del self._by_id_order[bisect_left(self._by_id_order, old.id, key=_ID)]
        if refresh.rows or refresh.gone:
            self.countsChanged.emit()

    def tick(self, now: float) -> None:
        """Move the model's clock: countdowns and colours are recomputed by the view's repaint."""
        self.now = now
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, len(self.columns) - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                                   Qt.ItemDataRole.ForegroundRole])

    # ------------------------------------------------------------------ internals
    def _set_key(self, attrs: tuple[str, ...]) -> None:
        self._attrs = attrs
        self._key = attrgetter(*attrs, "id")

    def _shows(self, row: QueueRow) -> bool:
        """Whether ``row`` (as stored) is in the visible list: it passes the current predicate."""
        return self._predicate is None or self._predicate(row)

    def _position(self, rows: list[QueueRow], row: QueueRow) -> int:
        position = bisect_left(rows, self._key(row), key=self._key)
        if position >= len(rows) or rows[position].id != row.id:
            raise LookupError(f"row {row.id} is not where its sort key says")
        return position

    def _display_row(self, position: int, length: int | None = None) -> int:
        n = len(self._visible) if length is None else length
        return n - 1 - position if self._descending else position

    def _upsert(self, new: QueueRow) -> None:
        old = self._by_id.get(new.id)
        self._by_id[new.id] = new
        if old is None:
            self._by_id_order.insert(bisect_left(self._by_id_order, new.id, key=_ID), new)
        else:
            self._by_id_order[bisect_left(self._by_id_order, new.id, key=_ID)] = new
        was_visible = old is not None and self._shows(old)
        show = self._shows(new)
        same_place = old is not None and self._key(old) == self._key(new)
        if old is not None and same_place:
            self._all[self._position(self._all, old)] = new
        else:
            if old is not None:
                del self._all[self._position(self._all, old)]
            self._all.insert(bisect_left(self._all, self._key(new), key=self._key), new)
        if was_visible and show:
            assert old is not None
            self._move_visible(old, new)
        elif was_visible:
            assert old is not None
            self._remove_visible(old)
        elif show:
            self._insert_visible(new)
        if old is None and new.urgency == "urgent":
            self.urgentArrived.emit(new)

    def _insert_visible(self, row: QueueRow) -> None:
        position = bisect_left(self._visible, self._key(row), key=self._key)
        display = self._display_row(position, len(self._visible) + 1)
        self.beginInsertRows(QModelIndex(), display, display)
        self._visible.insert(position, row)
        self.endInsertRows()

    def _remove_visible(self, row: QueueRow) -> None:
        position = self._position(self._visible, row)
        display = self._display_row(position)
        self.beginRemoveRows(QModelIndex(), display, display)
        del self._visible[position]
        self.endRemoveRows()

    def _move_visible(self, old: QueueRow, new: QueueRow) -> None:
        source_position = self._position(self._visible, old)
        source = self._display_row(source_position)
        key = self._key(new)
        if self._key(old) == key:
            self._visible[source_position] = new
            self.dataChanged.emit(self.index(source, 0), self.index(source, len(self.columns) - 1))
            return
        target_position = bisect_left(self._visible, key, key=self._key)
        if target_position > source_position:
            target_position -= 1  # its place once the old row is out of the list
        final = self._display_row(target_position)
        if final != source:
            destination = final if final < source else final + 1  # in the numbering before the move
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
            del self._visible[source_position]
            self._visible.insert(target_position, new)
            self.endMoveRows()
        else:
            self._visible[source_position] = new
        self.dataChanged.emit(self.index(final, 0), self.index(final, len(self.columns) - 1))

_ID = attrgetter("id")


def _sorted_from_id_order(by_id: list[QueueRow], attrs: tuple[str, ...]) -> list[QueueRow]:
    """Rows ordered by ``attrs`` then id: successive stable single-field sorts starting from id order
    (several times faster than one sort on tuple keys)."""
    rows = by_id[:]
    for attr in reversed(attrs):
        rows.sort(key=attrgetter(attr))
    return rows


def _select(rows: list[QueueRow], predicate: Predicate | None) -> list[QueueRow]:
    """A new list of the rows passing ``predicate``, in order (bulk path for ``RowFilter``)."""
    if predicate is None:
        return rows[:]
    bulk = getattr(predicate, "select", None)
    return bulk(rows) if bulk is not None else [r for r in rows if predicate(r)]
