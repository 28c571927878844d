"""The live hot-spot dock (热点聚集) for supervisors: clusters of tickets about one place and problem, refreshed
incrementally on the DB worker every few seconds; select a cluster to see its tickets (double-click focuses
a ticket in the queue), link the cluster as one incident, export the list to Excel.

``HotspotPanel(window)`` is a ``QDockWidget``; ``start()`` begins the refresh timer, ``stop()`` ends it (the
window's ``closed`` signal stops it too). The tracker is only ever touched on the worker thread.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.analytics.hotspots import Hotspot, HotspotTracker, TicketSnap, hotspot_changes
from console.domain.clock import format_room_time
from console.domain.enums import Kind, TicketStatus
from console.domain.errors import DomainError, ValidationError
from ui.analytics import jobs
from ui.analytics.hotspot_model import HotspotModel
from ui.i18n import N_, t

INTERVAL_MS = 5000
TICKET_HEADERS = (N_("工单编号"), N_("受理时间"), N_("状态"), N_("类型"), N_("地址"), N_("诉求"))


def _label(enum: Any, value: str) -> str:
    try:
        return t(enum(value).label)
    except ValueError:
        return value


class HotspotPanel(QDockWidget):
    """Signals: ``refreshed`` after every refresh, ``appeared(str)`` with the title of each new hot spot."""

    refreshed = Signal()
    appeared = Signal(str)

    def __init__(self, window: Any, *, window_hours: float = 6, min_size: int = 3):
        super().__init__(t("热点聚集"), window)
        self.setObjectName("hotspotDock")
        self.window_ = window
        self.session = window.session
        self.ctx = window.session.backend.ctx
        self.tracker = HotspotTracker(window=timedelta(hours=window_hours), min_size=min_size)
        self.busy = False
        self.refreshes = 0
        self.current: Hotspot | None = None
        self.tickets: list[TicketSnap] = []
        self.model = HotspotModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.refresh_soon)
        window.closed.connect(self.stop)

    def _build(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("hotspotTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 130, 48, 48, 84, 84, 52)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._select(current))
        self.tickets_table = QTableWidget()
        self.tickets_table.setObjectName("hotspotTickets")
        self.tickets_table.setColumnCount(len(TICKET_HEADERS))
        self.tickets_table.setHorizontalHeaderLabels([t(h) for h in TICKET_HEADERS])
        self.tickets_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tickets_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tickets_table.verticalHeader().setVisible(False)
        self.tickets_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tickets_table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 84, 64, 48, 120)):
            self.tickets_table.setColumnWidth(column, width)
        self.tickets_table.cellDoubleClicked.connect(lambda row, _column: self.focus_ticket(row))
        self.summary = QLabel(t("正在读取…"))
        self.summary.setObjectName("hotspotSummary")
        self.link_button = QPushButton(t("关联为一个事件…"))
        self.link_button.setObjectName("hotspotLink")
        self.link_button.setEnabled(False)
        self.link_button.clicked.connect(lambda: self.session.tasks.spawn(self.link_current()))
        export = QPushButton(t("导出 Excel…"))
        export.setObjectName("hotspotExport")
        export.clicked.connect(self._ask_export)
        refresh = QPushButton(t("刷新"))
        refresh.clicked.connect(self.refresh_soon)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(refresh)
        bar.addWidget(self.link_button)
        bar.addWidget(export)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.tickets_table)
        split.setSizes([700, 600])
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.setWidget(body)

    # ---------------------------------------------------------------- refreshing
    def start(self, interval_ms: int | None = None) -> None:
        if interval_ms is not None:
            self.timer.setInterval(interval_ms)
        self.timer.start()
        self.refresh_soon()

    def stop(self) -> None:
        self.timer.stop()

    def refresh_soon(self) -> None:
        """Spawn a refresh unless one is running (a slow one is never stacked)."""
        if not self.busy:
            self.session.tasks.spawn(self.refresh())

    async def refresh(self) -> tuple[Hotspot, ...]:
        """Read the tickets the tracker has not seen (worker), then update rows in place."""
        if self.busy:
            return tuple(self.model.rows)
        self.busy = True
        try:
            spots = await self.session.worker.run(jobs.refresh_hotspots, self.ctx, self.tracker)
        finally:
            self.busy = False
        changes = hotspot_changes(self.model.spots(), spots)
        if not changes.nothing or self.model.fresh:
            self.model.apply(changes)
        for spot in changes.added:
            self.appeared.emit(spot.title)
            if not self.isVisible():
                self.window_.status.showMessage(t("新热点：{title}").format(title=spot.title), 15000)
        if self.current is not None:
            now = next((s for s in spots if s.key == self.current.key), None)
            if now is None or now != self.current:
                self.current = now
                self.session.tasks.spawn(self._load_tickets(now))
        self.refreshes += 1
        self.summary.setText(t("热点 {n} 处（近 {hours:g} 小时，每 {seconds:g} 秒更新，{time}）").format(
            n=len(spots), hours=self.tracker.window.total_seconds() / 3600, seconds=self.timer.interval() / 1000,
            time=format_room_time(self.ctx.clock.now(), with_seconds=True)[-8:]))
        self.refreshed.emit()
        return spots

    # ---------------------------------------------------------------- selection
    def select_key(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def _select(self, current: QModelIndex) -> None:
        spot = self.model.spot(self.proxy.mapToSource(current).row()) if current.isValid() else None
        self.current = spot
        self.link_button.setEnabled(spot is not None)
        self.session.tasks.spawn(self._load_tickets(spot))

    async def _load_tickets(self, spot: Hotspot | None) -> None:
        snaps = await self.session.worker.run(jobs.cluster_tickets, self.ctx, spot.ticket_ids) if spot else []
        if spot is not self.current:
            return
        self.tickets = snaps
        table = self.tickets_table
        table.setRowCount(len(snaps))
        for row, s in enumerate(snaps):
            values = (s.number, format_room_time(s.received_at)[5:], _label(TicketStatus, s.status),
                      _label(Kind, s.kind), s.address or f"{s.district or ''}{s.street or ''}", s.text)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(s.text)
                table.setItem(row, column, cell)

    def focus_ticket(self, row: int) -> None:
        if 0 <= row < len(self.tickets):
            self.window_.focus_ticket(self.tickets[row].id)

    # ---------------------------------------------------------------- actions
    async def link_current(self) -> Any:
        """Ask for a title (the cluster's by default) and link every ticket of the cluster as one incident."""
        spot = self.current
        if spot is None:
            return None
        prompter = self.window_.prompter
        title = spot.title
        if spot.incident_id is None:
            answer = await prompter.text(t("关联为一个事件"), t("事件标题："), spot.title)
            if not answer:
                return None
            title = answer
        try:
            info = await self.session.worker.run(jobs.link, self.ctx, self.session.actor, spot, title)
        except ValidationError as error:
            if not await prompter.confirm(t("关联事件"), f"{error}\n\n" + t("把这些工单改为关联到本事件？")):
                return None
            info = await self.session.worker.run(lambda: jobs.link(self.ctx, self.session.actor, spot, title,
                                                                   move=True))
        except DomainError as error:
            prompter.error(t("关联失败"), str(error))
            return None
        self.window_.status.showMessage(t("已关联事件 #{id}：{title}（{n} 张工单）").format(
            id=info.id, title=info.title, n=info.ticket_count), 10000)
        await self.refresh()
        return info

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, t("导出热点"), t("热点聚集.xlsx"), "Excel (*.xlsx)")
        if path:
            self.session.tasks.spawn(self.export_to(Path(path)))

    async def export_to(self, path: Path) -> Path:
        written = await self.session.worker.run(jobs.export, path, [tuple(self.model.rows)])
        self.window_.status.showMessage(t("已导出到 {path}").format(path=written), 10000)
        return written
