"""Routing quality as the reviewers judged it, for supervisors and admins: overall precision of the
router's suggestions, the share dispatched without review, per-item precision (most corrected first)
and the most frequent corrections (suggested → chosen). A window of its own; GUI thread, the report is
read on the DB worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import format_room_time
from console.review_desk.quality import QualityReport, quality_report, window_bounds
from ui.i18n import N_, t

WINDOW_LABELS = (("today", N_("今天")), ("shift", N_("本班")), ("week", N_("近 7 天")))


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


class QualityView(QWidget):
    """``await load()`` reads the report of the chosen window (also on F5 and on a window change)."""

    def __init__(self, window: Any):
        super().__init__(window, Qt.WindowType.Window)
        self.window_ = window
        self.session = window.session
        self.report: QualityReport | None = None
        self.setWindowTitle(t("分拨质量（人工复核结果）"))
        self.resize(1100, 760)
        self.choice = QComboBox()
        for key, label in WINDOW_LABELS:
            self.choice.addItem(t(label), key)
        self.period = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(t("统计时段")))
        top.addWidget(self.choice)
        top.addWidget(self.period, 1)
        self.figures: dict[str, QLabel] = {}
        figures = QGroupBox(t("总体"))
        grid = QGridLayout(figures)
        names = (("precision", N_("建议准确率（接受 / 已复核）")), ("automatic", N_("免复核直接分拨占比")),
                 ("dispatched", N_("分拨工单")), ("reviewed", N_("人工复核")), ("accepted", N_("接受建议")),
                 ("corrected", N_("更正建议")))
        for i, (key, label) in enumerate(names):
            value = QLabel("—")
            value.setStyleSheet("font-size:20px; font-weight:600;")
            grid.addWidget(QLabel(t(label)), (i // 3) * 2, i % 3)
            grid.addWidget(value, (i // 3) * 2 + 1, i % 3)
            self.figures[key] = value
        self.items = self._table((N_("事项编码"), N_("事项"), N_("建议次数"), N_("接受"), N_("更正"), N_("准确率")))
        self.corrections = self._table((N_("建议事项"), N_("改为"), N_("次数")))
        items_box = QGroupBox(t("各事项准确率（按更正次数排序）"))
        QVBoxLayout(items_box).addWidget(self.items)
        corrections_box = QGroupBox(t("最常见的更正"))
        QVBoxLayout(corrections_box).addWidget(self.corrections)
        tables = QHBoxLayout()
        tables.addWidget(items_box, 3)
        tables.addWidget(corrections_box, 2)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(figures)
        layout.addLayout(tables, 1)
        layout.addWidget(self.status)
        self.choice.currentIndexChanged.connect(lambda _i: self.reload())
        refresh = QAction(t("刷新"), self)
        refresh.setShortcut(QKeySequence("F5"))
        refresh.triggered.connect(self.reload)
        self.addAction(refresh)
        close = QAction(t("关闭"), self)
        close.setShortcut(QKeySequence("Escape"))
        close.triggered.connect(self.close)
        self.addAction(close)

    @staticmethod
    def _table(headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels([t(h) for h in headers])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def set_window(self, key: str) -> None:
        self.choice.setCurrentIndex(max(0, self.choice.findData(key)))

    def reload(self) -> None:
        self.session.tasks.spawn(self.load())

    async def load(self) -> QualityReport:
        key = str(self.choice.currentData())
        ctx = self.session.backend.ctx
        now = ctx.clock.now()
        since, until = window_bounds(key, now, self.session.shift(now))
        self.status.setText(t("正在统计…"))
        report = await self.session.worker.run(quality_report, ctx.db, since, until)
        self.show_report(report)
        return report

    def show_report(self, report: QualityReport) -> None:
        self.report = report
        q = report.quality
        self.period.setText(f"{format_room_time(q.since)} — {format_room_time(q.until)}")
        judged = q.accepted + q.corrected
        self.figures["precision"].setText(percent(q.overall_precision) if judged else "—")
        self.figures["automatic"].setText(percent(q.automatic_share) if q.dispatched else "—")
        self.figures["dispatched"].setText(str(q.dispatched))
        self.figures["reviewed"].setText(str(q.reviewed))
        self.figures["accepted"].setText(str(q.accepted))
        self.figures["corrected"].setText(str(q.corrected))
        self._fill(self.items, [(r.code, r.name, r.suggested, r.accepted, r.corrected, percent(r.precision))
                                for r in report.items])
        self._fill(self.corrections, [(f"{c.suggested_code} {c.suggested_name}", f"{c.chosen_code} {c.chosen_name}",
                                       c.count) for c in report.corrections])
        self.status.setText(t("共 {n} 个事项有复核记录").format(n=len(report.items)) if report.items
                            else t("该时段没有人工复核记录"))

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[Any, ...]]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int) or (isinstance(value, str) and value.endswith("%")):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if table.columnCount() == 3:  # suggested → chosen: both names matter
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
