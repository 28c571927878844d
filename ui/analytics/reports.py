"""The room's analytics (分析报表): the week's top problems by district, category and unit; recurrence after
closing (回潮) per unit and item; the suggestions digest by topic and district with representative texts.
Each tab exports its sheet to Excel (the core's sheet writers), or all three in one workbook.

``AnalyticsDialog(window)`` loads on the DB worker when opened and when the period changes; non-modal.
Exports run on the dialog's own ``ExportRunner`` thread (as the handover composer's), never the GUI thread:
a progress bar with 取消 shows while one runs, a cancelled export leaves no file, and the status line says
where the workbook went (or that it was cancelled, or why it failed).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.analytics.recurrence import RecurrenceReport
from console.analytics.suggestions import SuggestionDigest, SuggestionTopic
from console.analytics.top import ProblemGroup, TopProblems
from console.domain.clock import format_room_time
from console.domain.errors import DomainError
from console.exports.service import export_analytics
from ui.admin.preview_panel import fill_table, read_only_table
from ui.analytics import jobs
from ui.handover.progress import ExportProgress
from ui.handover.runner import ExportRunner
from ui.i18n import N_, t

DIMENSIONS = (("by_district", N_("按区")), ("by_category", N_("按类别")), ("by_unit", N_("按单位")),
              ("overall", N_("全市")))
TABS = ("top", "recurrence", "suggestions")
EXPORT_NAMES = {"top": N_("本周突出问题"), "recurrence": N_("回潮统计"), "suggestions": N_("建议汇总")}
ALL_DISTRICTS = N_("（全部区）")


class AnalyticsDialog(QDialog):
    """Signals: ``loaded`` after each load; ``exported(str)`` with the written file's path;
    ``export_finished(object)`` after every export with the path, or ``None`` when it was cancelled or failed.
    ``reports`` holds the last ``jobs.Reports``."""

    loaded = Signal()
    exported = Signal(str)
    export_finished = Signal(object)

    def __init__(self, window: Any):
        super().__init__(window)
        self.window_ = window
        self.session = window.session
        self.ctx = window.session.backend.ctx
        self.reports: jobs.Reports | None = None
        self.runner = ExportRunner(self)
        self.runner.failed.connect(self._export_failed)
        self.runner.cancelled.connect(self._export_cancelled)
        self.runner.busy_changed.connect(self._export_busy)
        self.setWindowTitle(t("分析报表"))
        self.setObjectName("analyticsDialog")
        self.resize(1320, 820)
        self._build()
        self.reload()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.days = QSpinBox()
        self.days.setObjectName("analyticsDays")
        self.days.setRange(1, 90)
        self.days.setValue(7)
        self.days.setSuffix(t(" 天"))
        self.within = QSpinBox()
        self.within.setRange(1, 30)
        self.within.setValue(7)
        self.within.setSuffix(t(" 天"))
        reload_button = QPushButton(t("刷新"))
        reload_button.clicked.connect(self.reload)
        export_tab = self.export_tab_button = QPushButton(t("导出本页 Excel…"))
        export_tab.setObjectName("analyticsExportTab")
        export_tab.clicked.connect(lambda: self._ask_export(TABS[self.tabs.currentIndex()]))
        export_all = self.export_all_button = QPushButton(t("导出全部 Excel…"))
        export_all.setObjectName("analyticsExportAll")
        export_all.clicked.connect(lambda: self._ask_export("all"))
        self.period = QLabel("")
        self.period.setObjectName("analyticsPeriod")
        top = QHBoxLayout()
        top.addWidget(QLabel(t("统计最近")))
        top.addWidget(self.days)
        top.addWidget(QLabel(t("回潮：办结后")))
        top.addWidget(self.within)
        top.addWidget(QLabel(t("内再有同类诉求")))
        top.addWidget(reload_button)
        top.addWidget(self.period, 1)
        top.addWidget(export_tab)
        top.addWidget(export_all)

        self.tabs.setObjectName("analyticsTabs")
        # top problems
        top_page = QWidget()
        top_layout = QVBoxLayout(top_page)
        self.dimension = QComboBox()
        self.dimension.setObjectName("topDimension")
        for key, label in DIMENSIONS:
            self.dimension.addItem(t(label), key)
        self.dimension.currentIndexChanged.connect(lambda _i: self._show_top())
        self.top_tree = QTreeWidget()
        self.top_tree.setObjectName("topTree")
        self.top_tree.setHeaderLabels([t("名称 / 事项"), t("类别"), t("件数"), t("上期"), t("增减")])
        self.top_tree.setColumnWidth(0, 360)
        self.top_tree.setColumnWidth(1, 200)
        row = QHBoxLayout()
        row.addWidget(QLabel(t("维度：")))
        row.addWidget(self.dimension)
        row.addStretch(1)
        top_layout.addLayout(row)
        top_layout.addWidget(self.top_tree)
        self.tabs.addTab(top_page, t("本周突出问题"))
        # recurrence
        self.recurrence_summary = QLabel("")
        self.recurrence_units = read_only_table("recurrenceUnits")
        self.recurrence_rows = read_only_table("recurrenceRows")
        self.recurrence_units.currentCellChanged.connect(lambda row, *_: self._show_recurrence_rows(row))
        rec_page = QWidget()
        rec_layout = QVBoxLayout(rec_page)
        rec_layout.addWidget(self.recurrence_summary)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.recurrence_units)
        split.addWidget(self.recurrence_rows)
        split.setSizes([520, 760])
        rec_layout.addWidget(split, 1)
        self.tabs.addTab(rec_page, t("回潮"))
        # suggestions
        self.district = QComboBox()
        self.district.setObjectName("suggestionDistrict")
        self.district.currentIndexChanged.connect(lambda _i: self._show_suggestions())
        self.suggestion_summary = QLabel("")
        self.topics = read_only_table("suggestionTopics")
        self.topics.currentCellChanged.connect(lambda row, *_: self._show_topic(row))
        self.representatives = QPlainTextEdit()
        self.representatives.setObjectName("suggestionTexts")
        self.representatives.setReadOnly(True)
        sug_page = QWidget()
        sug_layout = QVBoxLayout(sug_page)
        sug_row = QHBoxLayout()
        sug_row.addWidget(QLabel(t("区：")))
        sug_row.addWidget(self.district)
        sug_row.addWidget(self.suggestion_summary, 1)
        sug_layout.addLayout(sug_row)
        sug_split = QSplitter(Qt.Orientation.Horizontal)
        sug_split.addWidget(self.topics)
        sug_split.addWidget(self.representatives)
        sug_split.setSizes([760, 520])
        sug_layout.addWidget(sug_split, 1)
        self.tabs.addTab(sug_page, t("建议汇总"))
        self.status = QLabel("")
        self.status.setObjectName("analyticsStatus")
        self.progress = ExportProgress(self.runner)
        self.progress.cancel_button.setObjectName("analyticsExportCancel")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

    # ---------------------------------------------------------------- loading
    def reload(self) -> Any:
        return self.session.tasks.spawn(self.load())

    async def load(self) -> jobs.Reports | None:
        self.status.setText(t("正在统计…"))
        try:
            reports = await self.session.worker.run(jobs.load_reports, self.ctx, float(self.days.value()),
                                                    self.within.value())
        except DomainError as error:
            self.status.setText(str(error))
            return None
        self.reports = reports
        self.period.setText(t("统计期 {since} 至 {until}").format(since=format_room_time(reports.since),
                                                             until=format_room_time(reports.until)))
        self._show_top()
        self._show_recurrence(reports.recurrence)
        self._fill_districts(reports.suggestions)
        self._show_suggestions()
        self.status.setText("")
        self.loaded.emit()
        return reports

    def _show_top(self) -> None:
        self.top_tree.clear()
        if self.reports is None:
            return
        top: TopProblems = self.reports.top
        key = self.dimension.currentData()
        groups: tuple[ProblemGroup, ...]
        if key == "overall":
            groups = (ProblemGroup("all", t("全市"), top.total, top.previous_total, top.overall, top.unrouted),)
        else:
            groups = getattr(top, key)
        for group in groups:
            node = QTreeWidgetItem([group.label, "", str(group.total), str(group.previous_total),
                                    f"{group.total - group.previous_total:+d}"])
            font = node.font(0)
            font.setBold(True)
            node.setFont(0, font)
            for rank, p in enumerate(group.problems, 1):
                node.addChild(QTreeWidgetItem([f"{rank}. {p.item_name}", p.category, str(p.count), str(p.previous),
                                               f"{p.change:+d}"]))
            if group.unrouted:  # not a problem: intake not yet routed to a duty item, shown apart, unranked
                apart = QTreeWidgetItem([t("（未定事项，不参与排名）"), "", str(group.unrouted), "", ""])
                for column in range(apart.columnCount()):
                    apart.setForeground(column, QBrush(QColor("#777777")))
                node.addChild(apart)
            self.top_tree.addTopLevelItem(node)
        for i in range(min(5, self.top_tree.topLevelItemCount())):
            first = self.top_tree.topLevelItem(i)
            if first is not None:
                first.setExpanded(True)

    def _show_recurrence(self, report: RecurrenceReport) -> None:
        self.recurrence_summary.setText(t("办结后 {days} 天内再有同类诉求 {back} 张，重新打开 {reopened} 张").format(
            days=report.days, back=report.total_came_back, reopened=report.total_reopened))
        fill_table(self.recurrence_units, (t("单位"), t("办结"), t("再诉"), t("重开"), t("回潮率")),
                   [(u.unit_name, u.closed, u.came_back, u.reopened, f"{u.rate:.1%}") for u in report.units])
        self._show_recurrence_rows(-1)

    def _show_recurrence_rows(self, unit_row: int) -> None:
        if self.reports is None:
            return
        report = self.reports.recurrence
        unit = report.units[unit_row].unit if 0 <= unit_row < len(report.units) else None
        rows = [r for r in report.rows if unit is None or r.unit == unit]
        fill_table(self.recurrence_rows, (t("单位"), t("事项"), t("办结"), t("再诉"), t("后续工单"), t("重开"),
                                          t("回潮率"), t("示例")),
                   [(r.unit_name, r.item_name, r.closed, r.came_back, r.follow_ups, r.reopened, f"{r.rate:.1%}",
                     t("、").join(r.examples)) for r in rows])

    def _fill_districts(self, digest: SuggestionDigest) -> None:
        current = self.district.currentText()
        names = sorted({d for topic in digest.topics for d, _ in topic.districts})
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(t(ALL_DISTRICTS), "")
        for name in names:
            self.district.addItem(name, name)
        index = self.district.findText(current)
        self.district.setCurrentIndex(max(0, index))
        self.district.blockSignals(False)

    def visible_topics(self) -> list[tuple[SuggestionTopic, int]]:
        """Topics with their count in the chosen district (all districts: the whole count)."""
        if self.reports is None:
            return []
        district = self.district.currentData() or ""
        out = []
        for topic in self.reports.suggestions.topics:
            count = topic.count if not district else dict(topic.districts).get(district, 0)
            if count:
                out.append((topic, count))
        out.sort(key=lambda pair: -pair[1])
        return out

    def _show_suggestions(self) -> None:
        if self.reports is None:
            return
        topics = self.visible_topics()
        self.suggestion_summary.setText(t("建议 {total} 件，{n} 个主题").format(
            total=self.reports.suggestions.total, n=len(topics)))
        fill_table(self.topics, (t("主题"), t("类别"), t("件数"), t("分布（区）")),
                   [(topic.label, topic.category, count, t("、").join(f"{d} {n}" for d, n in topic.districts[:6]))
                    for topic, count in topics])
        self._show_topic(0 if topics else -1)
        if topics:
            self.topics.selectRow(0)

    def _show_topic(self, row: int) -> None:
        topics = self.visible_topics()
        if not 0 <= row < len(topics):
            self.representatives.setPlainText("")
            return
        topic = topics[row][0]
        text = [t("{label}（{category}）{n} 件").format(label=topic.label, category=topic.category, n=topic.count), ""]
        text += [f"{n}. {r}" for n, r in enumerate(topic.representatives, 1)]
        text += ["", t("工单：") + t("、").join(topic.numbers[:10])]
        self.representatives.setPlainText("\n".join(text))

    # ---------------------------------------------------------------- export
    def results_for(self, which: str) -> list[Any]:
        assert self.reports is not None
        r = self.reports
        chosen: dict[str, list[Any]] = {"top": [r.top], "recurrence": [r.recurrence], "suggestions": [r.suggestions]}
        return chosen.get(which, [r.top, r.recurrence, r.suggestions])

    def _ask_export(self, which: str) -> None:
        if self.reports is None:
            return
        suggested = t(EXPORT_NAMES.get(which, N_("分析报表"))) + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(self, t("导出 Excel"), suggested, "Excel (*.xlsx)")
        if path:
            self.start_export(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"), which)

    def start_export(self, path: Path, which: str = "all") -> bool:
        """Write the sheet(s) of ``which`` (top, recurrence, suggestions or all) to ``path`` on the export thread,
        with progress and 取消; False when nothing is loaded or an export already runs."""
        if self.reports is None or self.runner.busy:
            return False
        results = self.results_for(which)
        ctx, actor = self.ctx, self.session.actor
        logged = {"sheets": which, "days": float(self.days.value())}

        def job(progress: Any, token: Any) -> Path:
            return export_analytics(ctx, actor, path, results, filter=logged, progress=progress, token=token).path

        started = self.runner.start(job, self._exported)
        if started:
            self.progress.begin(t("正在导出…"))
            self.status.setText(t("正在导出到 {path}…").format(path=path))
        return started

    async def export_to(self, path: Path, which: str = "all") -> Path | None:
        """``start_export`` and wait: the written path, or ``None`` when cancelled, failed or not started."""
        future: asyncio.Future[Path | None] = asyncio.get_running_loop().create_future()

        def finished(written: Any) -> None:
            if not future.done():
                future.set_result(written)

        self.export_finished.connect(finished)
        try:
            if not self.start_export(path, which):
                return None
            return await future
        finally:
            self.export_finished.disconnect(finished)

    def _exported(self, written: Path) -> None:
        self.status.setText(t("已导出到 {path}").format(path=written))
        self.exported.emit(str(written))
        self.export_finished.emit(written)

    def _export_failed(self, message: str) -> None:
        self.status.setText(t("操作失败：{message}").format(message=message))
        self.export_finished.emit(None)

    def _export_cancelled(self) -> None:
        self.status.setText(t("导出已取消，未生成文件"))
        self.export_finished.emit(None)

    def _export_busy(self, busy: bool) -> None:
        self.export_tab_button.setEnabled(not busy)
        self.export_all_button.setEnabled(not busy)

    def done(self, result: int) -> None:
        """Closing cancels a running export (its file is not written) and stops the export thread."""
        self.runner.shutdown()
        super().done(result)
