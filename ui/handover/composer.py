"""The handover composer (交接班): a supervisor reviews what the ending shift leaves behind, writes notes,
names the incoming supervisor, saves, exports the workbook; the incoming supervisor acknowledges.

``HandoverComposer(backend, actor, parent=None)``: ``backend`` is ``console.backend.Backend``, ``actor``
the signed-in ``console.domain.ticket.Actor``. Every database or file operation runs on the composer's
``ExportRunner`` thread, never the GUI thread; the dialog shows progress and can cancel an export.
The lists are the workbook's lists (same columns), so what is seen is what is exported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import format_room_time
from console.domain.enums import Role
from console.domain.shifts import Shift, calendar_for
from console.domain.ticket import Actor
from console.exports.handover_book import FIGURE_NOTES, FIGURES, list_sheets
from console.exports.handover_model import HandoverData
from console.exports.handover_store import (
    SavedHandover,
    Supervisor,
    acknowledge,
    compose,
    incoming_for,
    latest_for_shift,
    save_handover,
)
from console.exports.service import ExportResult, export_handover
from console.exports.sheets import Column
from ui.handover.progress import ExportProgress
from ui.handover.runner import ExportRunner
from ui.i18n import t
from ui.shift_text import shift_text

RECENT_SHIFTS = 12
URGENCY_BRUSH = {"urgent": ("#fdecec", "#c62828"), "fast": ("#fff6e5", "#a86400")}


def cell_text(value: Any) -> str:
    """A list cell as shown: times in room time, the workbook's Chinese labels in the UI language."""
    if isinstance(value, datetime):
        return format_room_time(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return t(value) if isinstance(value, str) else str(value)


@dataclass(frozen=True, slots=True)
class Loaded:
    """What one load brings back from the worker thread (immutable values only)."""

    shift: Shift
    data: HandoverData
    saved: SavedHandover | None
    incoming: list[Supervisor]


class HandoverComposer(QDialog):
    """The 交接班 dialog. Signals: ``saved(int)`` with the handover id, ``exported(str)`` with the file path."""

    saved = Signal(int)
    exported = Signal(str)
    loaded = Signal()

    def __init__(self, backend: Any, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.backend = backend
        self.ctx = backend.ctx
        self.actor = actor
        self.calendar = calendar_for(self.ctx.settings)
        self.current: Loaded | None = None
        self.last_export: ExportResult | None = None
        self.runner = ExportRunner(self)
        self.setWindowTitle(t("交接班"))
        self.resize(1180, 760)
        self._build()
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(lambda: self.status.setText(t("导出已取消，未生成文件")))
        self.runner.busy_changed.connect(self._busy)
        self.shift_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.shift_box = QComboBox()
        self.shift_box.setObjectName("handoverShift")
        now = self.ctx.clock.now()
        last_finished = self.calendar.last_finished(now)
        for shift in self.calendar.recent(now, RECENT_SHIFTS):
            suffix = t("（进行中）") if shift.contains(now) else ""
            self.shift_box.addItem(shift_text(shift) + suffix, shift)
        self.shift_box.blockSignals(True)
        self.shift_box.setCurrentIndex(max(0, self.shift_box.findText(shift_text(last_finished))))
        self.shift_box.blockSignals(False)
        self.refresh_button = QPushButton(t("刷新"))
        self.refresh_button.clicked.connect(self.reload)
        self.status = QLabel("")
        self.status.setObjectName("handoverStatus")
        top = QHBoxLayout()
        top.addWidget(QLabel(t("班次：")))
        top.addWidget(self.shift_box, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.status, 2)

        self.figure_labels: dict[str, QLabel] = {}
        figures = QGroupBox(t("关键指标"))
        grid = QGridLayout(figures)
        for index, (name, attr, _kind, _red) in enumerate(FIGURES):
            value = QLabel("—")
            value.setObjectName(f"figure_{attr}")
            value.setStyleSheet("font-size: 15px; font-weight: bold;")
            self.figure_labels[attr] = value
            cell = QVBoxLayout()
            caption = QLabel(t(name))
            note = FIGURE_NOTES.get(attr)
            if note:
                caption.setToolTip(t(note))
            caption.setStyleSheet("color: #555;")
            cell.addWidget(caption)
            cell.addWidget(value)
            grid.addLayout(cell, index // 7, index % 7)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("handoverTabs")
        self.tables: dict[str, QTableWidget] = {}

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("handoverNotes")
        self.notes.setTabChangesFocus(True)  # Tab goes on to the incoming supervisor and the buttons
        self.notes.setPlaceholderText(t("交接备注：需要接班关注的事项、未结的协调、设备与系统情况……"))
        self.incoming_box = QComboBox()
        self.incoming_box.setObjectName("handoverIncoming")
        self.saved_label = QLabel(t("尚未保存"))
        self.ack_label = QLabel(t("未确认"))
        form = QFormLayout()
        form.addRow(t("接班值班长："), self.incoming_box)
        form.addRow(t("交接单："), self.saved_label)
        form.addRow(t("确认接班："), self.ack_label)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(t("交接备注")))
        side_layout.addWidget(self.notes, 1)
        side_layout.addLayout(form)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tabs)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([860, 320])

        self.save_button = QPushButton(t("保存交接单"))
        self.save_button.setObjectName("handoverSave")
        self.ack_button = QPushButton(t("确认接班"))
        self.ack_button.setObjectName("handoverAck")
        self.export_button = QPushButton(t("导出 Excel…"))
        self.export_button.setObjectName("handoverExport")
        close_button = QPushButton(t("关闭"))
        self.save_button.clicked.connect(self.save)
        self.ack_button.clicked.connect(self.acknowledge)
        self.export_button.clicked.connect(self._ask_export)
        close_button.clicked.connect(self.reject)
        self.progress = ExportProgress(self.runner)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        for button in (self.save_button, self.ack_button, self.export_button, close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(figures)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # ---------------------------------------------------------------- loading
    def selected_shift(self) -> Shift:
        shift: Shift = self.shift_box.currentData()
        return shift

    def reload(self) -> None:
        """Gather the selected shift (worker thread) and show it."""
        shift = self.selected_shift()
        ctx = self.ctx

        def job(_progress: Any, _token: Any) -> Loaded:
            return Loaded(shift, compose(ctx, shift), latest_for_shift(ctx, shift.start), incoming_for(ctx, shift))

        if self.runner.start(job, self._show):
            self.progress.begin(t("正在汇总本班数据…"))
            self.status.setText(t("正在汇总…"))

    def _show(self, loaded: Loaded) -> None:
        self.current = loaded
        data = loaded.data
        red_when_positive = {attr for _name, attr, _kind, red in FIGURES if red}
        for attr, label in self.figure_labels.items():
            value = getattr(data.figures, attr)
            label.setText("—" if value is None else (f"{value:.1%}" if isinstance(value, float) else str(value)))
            bad = (attr in red_when_positive and isinstance(value, int) and value > 0) or (
                attr == "on_time_rate" and isinstance(value, float) and value < 0.95)
            label.setStyleSheet(f"font-size: 15px; font-weight: bold; color: {'#c62828' if bad else '#1f1f1f'};")
        self.tabs.clear()
        self.tables.clear()
        for title, columns, items, to_row in list_sheets(data):
            table = self._table(columns, [to_row(item) for item in items])
            self.tables[title] = table
            self.tabs.addTab(table, t("{title}（{n}）").format(title=t(title), n=len(items)))
        self.incoming_box.clear()
        self.incoming_box.addItem(t("（未指定）"), None)
        for supervisor in loaded.incoming:
            if supervisor.id != self.actor.staff_id:
                self.incoming_box.addItem(supervisor.name, supervisor.id)
        saved = loaded.saved
        if saved is not None:
            self.notes.setPlainText(saved.notes)
            index = self.incoming_box.findData(saved.incoming_supervisor_id)
            self.incoming_box.setCurrentIndex(max(0, index))
            self.saved_label.setText(t("#{id}，{author} 于 {time} 保存").format(
                id=saved.id, author=saved.author, time=format_room_time(saved.created_at)))
            self.ack_label.setText(f"{saved.incoming_supervisor} {format_room_time(saved.acknowledged_at)}"
                                   if saved.acknowledged_at else t("未确认"))
        else:
            self.notes.clear()
            if self.incoming_box.count() > 1:
                self.incoming_box.setCurrentIndex(1)
            self.saved_label.setText(t("尚未保存"))
            self.ack_label.setText(t("未确认"))
        self.status.setText(t("统计时点 {time}").format(time=format_room_time(data.as_of)))
        self._update_buttons()
        self.loaded.emit()

    @staticmethod
    def _table(columns: list[Column], rows: list[tuple[list[Any], str | None]]) -> QTableWidget:
        """The workbook's columns (Chinese headers, shown in the UI language) and rows."""
        table = QTableWidget(len(rows), len(columns))
        table.setHorizontalHeaderLabels([t(c.header) for c in columns])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setSortingEnabled(False)
        for r, (values, urgency) in enumerate(rows):
            brushes = URGENCY_BRUSH.get(urgency or "")
            for c, value in enumerate(values):
                item = QTableWidgetItem(cell_text(value))
                if brushes is not None:
                    item.setBackground(QBrush(QColor(brushes[0])))
                    if columns[c].kind == "urgency":
                        item.setForeground(QBrush(QColor(brushes[1])))
                table.setItem(r, c, item)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)  # by click only; rows start in the workbook's order
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.resizeColumnsToContents()
        return table

    # ---------------------------------------------------------------- actions
    def _update_buttons(self) -> None:
        busy = self.runner.busy
        loaded = self.current is not None
        saved = self.current.saved if self.current else None
        may_write = self.actor.role in (Role.SUPERVISOR, Role.ADMIN)
        may_ack = (self.actor.role is Role.SUPERVISOR and saved is not None and saved.acknowledged_at is None
                   and saved.incoming_supervisor_id in (None, self.actor.staff_id))
        self.save_button.setEnabled(not busy and loaded and may_write)
        self.save_button.setToolTip("" if may_write else t("只有值班长可以保存交接单"))
        self.ack_button.setEnabled(not busy and may_ack)
        self.export_button.setEnabled(not busy and loaded)
        self.refresh_button.setEnabled(not busy)
        self.shift_box.setEnabled(not busy)

    def _busy(self, _busy: bool) -> None:
        self._update_buttons()

    def save(self) -> None:
        """Save the shown lists with the notes and the incoming supervisor, then reload."""
        if self.current is None:
            return
        ctx, actor, data = self.ctx, self.actor, self.current.data
        notes, incoming = self.notes.toPlainText(), self.incoming_box.currentData()

        def job(_progress: Any, _token: Any) -> int:
            return save_handover(ctx, actor, data, notes=notes, incoming_supervisor_id=incoming)

        def done(handover_id: int) -> None:
            self.saved.emit(handover_id)
            self.status.setText(t("交接单 #{id} 已保存").format(id=handover_id))
            self.reload()

        if self.runner.start(job, done):
            self.progress.begin(t("正在保存…"))

    def acknowledge(self) -> None:
        saved = self.current.saved if self.current else None
        if saved is None:
            return
        ctx, actor = self.ctx, self.actor

        def job(_progress: Any, _token: Any) -> datetime:
            return acknowledge(ctx, actor, saved.id)

        def done(at: datetime) -> None:
            self.status.setText(t("已于 {time} 确认接班").format(time=format_room_time(at)))
            self.reload()

        if self.runner.start(job, done):
            self.progress.begin(t("正在确认接班…"))

    def _ask_export(self) -> None:
        if self.current is None:
            return
        start = self.current.shift.start
        suggested = t("交接单_{time}.xlsx").format(time=format_room_time(start).replace(" ", "_").replace(":", ""))
        path, _ = QFileDialog.getSaveFileName(self, t("导出交接单"), suggested, t("Excel 工作簿 (*.xlsx)"))
        if path:
            self.export_to(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> bool:
        """Export the selected shift's handover (the saved one when it exists) to ``path``; False when busy."""
        if self.current is None:
            return False
        ctx, actor, shift = self.ctx, self.actor, self.current.shift
        notes = self.notes.toPlainText()  # an unsaved handover prints what the composer shows
        incoming = self.incoming_box.currentText() if self.incoming_box.currentData() is not None else ""

        def job(progress: Any, token: Any) -> ExportResult:
            return export_handover(ctx, actor, path, shift=shift, draft_notes=notes,
                                   draft_incoming_supervisor=incoming, progress=progress, token=token)

        def done(result: ExportResult) -> None:
            self.last_export = result
            self.status.setText(t("已导出 {name}（{n} 行）").format(name=result.path.name, n=result.row_count))
            self.exported.emit(str(result.path))

        started = self.runner.start(job, done)
        if started:
            self.progress.begin(t("正在导出…"))
        return started

    def _failed(self, message: str) -> None:
        self.status.setText(t("操作失败：{message}").format(message=message))
        box = QMessageBox(QMessageBox.Icon.Warning, t("交接班"), message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, never a nested event loop

    def done(self, result: int) -> None:
        """Closing cancels a running export and stops the worker thread."""
        self.runner.shutdown()
        super().done(result)
