"""Shows a ``jobs.Preview``: the impact on tickets (lead shifts per unit old → new, with examples), the list
checks and the diff from the base version. GUI thread; the preview is computed on the worker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.catalog_admin.checks import KINDS
from console.domain.clock import format_room_time
from console.domain.enums import TicketStatus
from ui.admin.jobs import Preview
from ui.i18n import t


def fill_table(table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Replace the table's contents (read-only cells, numbers right-aligned)."""
    from PySide6.QtCore import Qt

    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int | float):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, cell)
    table.resizeColumnsToContents()


def read_only_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def _status(value: str) -> str:
    try:
        return t(TicketStatus(value).label)
    except ValueError:
        return value


class PreviewPanel(QTabWidget):
    """Three tabs: 影响预览, 清单检查, 修改差异. ``show_preview(None)`` clears them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dutyPreview")
        impact = QWidget()
        layout = QVBoxLayout(impact)
        self.summary = QLabel(t("尚未预览：记入修改后点「检查与影响预览」"))
        self.summary.setObjectName("impactSummary")
        self.summary.setWordWrap(True)
        self.shifts = read_only_table("impactShifts")
        self.examples = read_only_table("impactExamples")
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(t("按单位：原主办 → 新主办")))
        layout.addWidget(self.shifts, 2)
        layout.addWidget(QLabel(t("示例工单")))
        layout.addWidget(self.examples, 1)
        self.addTab(impact, t("影响预览"))
        checks = QWidget()
        checks_layout = QVBoxLayout(checks)
        self.check_summary = QLabel("")
        self.check_summary.setWordWrap(True)
        self.findings = read_only_table("checkFindings")
        checks_layout.addWidget(self.check_summary)
        checks_layout.addWidget(self.findings)
        self.addTab(checks, t("清单检查"))
        self.diff_lines = QListWidget()
        self.diff_lines.setObjectName("draftDiff")
        self.addTab(self.diff_lines, t("修改差异"))

    def show_preview(self, preview: Preview | None) -> None:
        if preview is None:
            self.summary.setText(t("修改已变化，请重新预览"))
            for table in (self.shifts, self.examples, self.findings):
                table.setRowCount(0)
            self.check_summary.setText("")
            self.diff_lines.clear()
            return
        impact = preview.impact
        self.summary.setText(
            t("在办工单 {open_all} 张中 {open} 张、近 {days} 天工单 {recent_all} 张中 {recent} 张将改由其他单位主办"
              "（另有 {without} 张在办工单未定事项）。测算 {seconds:.2f} 秒。").format(
                open_all=impact.open_with_item, open=impact.open_changed, days=impact.days,
                recent_all=impact.recent_with_item, recent=impact.recent_changed,
                without=impact.open_without_item, seconds=impact.seconds))
        names = {s.old_unit: s.old_name for s in impact.shifts} | {s.new_unit: s.new_name for s in impact.shifts}
        recent_header = t("近 {n} 天工单").format(n=impact.days)
        fill_table(self.shifts, (t("原主办单位"), t("新主办单位"), t("在办工单"), recent_header),
                   [(s.old_name, s.new_name, s.open_count, s.recent_count) for s in impact.shifts])
        fill_table(self.examples, (t("工单编号"), t("受理时间"), t("状态"), t("事项"), t("地点"), t("原主办"),
                                   t("新主办"), t("标题")),
                   [(e.number, format_room_time(e.received_at), _status(e.status), e.item_code,
                     f"{e.district or ''}{e.street or ''}", names.get(e.old_unit, e.old_unit or t("（待复核）")),
                     names.get(e.new_unit, e.new_unit or t("（待复核）")), e.title) for e in impact.examples])
        counts = preview.checks.counts()
        summary = t("，").join(f"{t(KINDS[k])} {n}" for k, n in counts.items())
        self.check_summary.setText(t("清单检查") + t("：") + summary)
        fill_table(self.findings, (t("类型"), t("对象"), t("说明")),
                   [(t(f.label), f.subject, f.message) for f in preview.checks.findings])
        self.diff_lines.clear()
        self.diff_lines.addItems(preview.diff.lines())
        self.setTabText(1, t("清单检查（{n}）").format(n=len(preview.checks.findings)))
