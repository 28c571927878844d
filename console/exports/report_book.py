"""The statistics report workbook: summary, figures by unit or by category (with a chart), unit ranking
(with a chart), trend over the period (with a chart) and the ticket detail sheet, streamed.

Contract: one pass over the period's tickets (``stream_tickets``), written row by row into a write-only
workbook while per-group counters accumulate, so memory stays flat whatever the period's size.
Returns the number of detail rows written. Cancellable between rows.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference

from console.domain.clock import format_room_time
from console.domain.masking import masker
from console.exports.cells import clean_text
from console.exports.labels import status_label, urgency_label
from console.exports.progress import CancelToken, ProgressCallback, Throttle
from console.exports.report_data import (
    NO_CATEGORY,
    NO_UNIT,
    Stats,
    category_names,
    count_tickets,
    day_window,
    stream_tickets,
    trend_key,
    unit_names,
    unit_returns,
)
from console.exports.sheets import Column, Footer, TableSheet, setup_print
from console.exports.styles import StyleBook
from console.services.context import ServiceContext

KIND = {"consultation": "咨询", "complaint": "投诉", "suggestion": "建议", "help": "求助"}
CHANNEL = {"hotline": "热线", "app": "APP", "web": "网站", "wechat": "微信", "letter": "信件", "email": "邮件"}
RATING = {"satisfied": "满意", "basically_satisfied": "基本满意", "unsatisfied": "不满意"}
METRICS: list[tuple[str, str, str]] = [
    ("受理量", "received", "int"),
    ("分拨按时率", "dispatch_rate", "pct"),
    ("办结按时率", "close_rate", "pct"),
    ("平均办理时长(小时)", "avg_hours", "hours"),
    ("满意率", "satisfaction", "pct"),
    ("不满意回退率", "rollback_rate", "pct"),
    ("退单率", "return_rate", "pct"),
    ("重启率", "reopen_rate", "pct"),
]
DEFINITIONS = [
    ("受理量", "统计期内受理的诉求件数（按受理时间，北京时间自然日）"),
    ("分拨按时率", "首次分拨在分拨时限内完成的件数 ÷ 已分拨件数（紧急30分钟、快速2小时、常态8小时）"),
    ("办结按时率", "在主办单位办结时限内办结的件数 ÷ 已办结件数"),
    ("平均办理时长", "已办结工单从受理到办结的平均小时数"),
    ("满意率", "（满意＋基本满意）÷ 已评价件数"),
    ("不满意回退率", "因不满意被回退过的件数 ÷ 评价过的件数"),
    ("退单率", "按单位：该单位作为主办被退回的次数 ÷ 作为主办接收的次数；其他：退单过的件数 ÷ 已分拨件数"),
    ("重启率", "回潮重启过的件数 ÷ 办结过的件数"),
    ("综合得分", "办结按时率×40% ＋ 满意率×40% ＋（1−退单率）×20%（缺项按其余权重折算）；"
                 "仅对统计期内有办结工单的单位排名"),
]
DETAIL_COLUMNS = [
    Column("工单编号", 17), Column("受理时间", 16, "time"), Column("紧急程度", 9, "urgency"), Column("类型", 6),
    Column("渠道", 6), Column("类别", 12), Column("事项", 8), Column("诉求标题", 32), Column("区域", 13),
    Column("主办单位", 24), Column("当前状态", 9), Column("分拨时间", 16, "time"), Column("分拨按时", 8),
    Column("办结时间", 16, "time"), Column("办结按时", 8), Column("办理时长(小时)", 10, "hours"),
    Column("评价", 8), Column("退单次数", 8, "int"), Column("回退次数", 8, "int"), Column("重启次数", 8, "int"),
    Column("市民", 8), Column("联系电话", 15),
]
RANKING_COLUMNS = [Column("排名", 6, "int"), Column("单位", 30), Column("受理量", 9, "int"),
                   Column("办结按时率", 11, "pct"), Column("满意率", 9, "pct"),
                   Column("退单率", 9, "pct"), Column("综合得分", 10, "pct")]
TOP = 15


def _flag(ok: bool | None) -> str:
    return "" if ok is None else ("按时" if ok else "超时")


class _Summary:
    """Free-form sheets (summary) written cell by cell."""

    def __init__(self, workbook: Workbook, title: str, widths: list[float], footer: Footer):
        self.sheet = workbook.create_sheet(title)
        self.styles = StyleBook(self.sheet)
        for index, width in enumerate(widths):
            self.sheet.column_dimensions[chr(ord("A") + index)].width = width
        setup_print(self.sheet, footer, title_rows=None, landscape=False)

    def cell(self, value: Any, style: Any) -> Any:
        c = WriteOnlyCell(self.sheet)
        if isinstance(value, str):
            c.value = clean_text(value)
            c.data_type = "s"
        else:
            c.value = value
        c._style = style
        return c

    def row(self, *cells: Any) -> None:
        self.sheet.append(list(cells))


def _metric_values(stats: Stats) -> list[Any]:
    return [getattr(stats, attr) for _, attr, _ in METRICS]


def write_report_book(ctx: ServiceContext, path: Path, *, first_day: date, last_day: date, by: str,
                      exported_by: str, mask: bool = True, progress: ProgressCallback | None = None,
                      token: CancelToken | None = None, exported_at: datetime | None = None) -> int:
    """Write the report for ``first_day``..``last_day`` grouped ``by`` (``unit`` or ``category``)."""
    if by not in ("unit", "category"):
        raise ValueError(f"分组方式须为 unit 或 category，收到 {by!r}")
    start, end = day_window(first_day, last_day)
    span = (last_day - first_day).days + 1
    exported_at = exported_at or ctx.clock.now()
    period = f"{first_day:%Y-%m-%d} 至 {last_day:%Y-%m-%d}"
    group_title = "按单位" if by == "unit" else "按类别"
    footer = Footer(left=f"统计期：{period}（{group_title}）",
                    right=f"导出：{exported_by} {format_room_time(exported_at)}", header="诉求办理统计报表 · &A")
    workbook = Workbook(write_only=True)
    summary = _Summary(workbook, "报表摘要", [24, 18, 70], footer)
    group_sheet = TableSheet(workbook, group_title, [Column("单位" if by == "unit" else "类别", 30)] +
                             [Column(name, 12 if kind != "int" else 9, kind) for name, _, kind in METRICS], footer,
                             empty_text="（统计期内无工单）")
    ranking = TableSheet(workbook, "单位排名", RANKING_COLUMNS, footer,
                         empty_text="（统计期内没有单位办结工单，暂不排名）")
    trend = TableSheet(workbook, "趋势", [Column("日期" if span <= 62 else "周期", 12)] +
                       [Column(name, 12 if kind != "int" else 9, kind) for name, _, kind in METRICS[:3]] +
                       [Column("满意率", 10, "pct")], footer, empty_text="（统计期内无工单）")
    detail = TableSheet(workbook, "明细", DETAIL_COLUMNS, footer, empty_text="（统计期内无工单）")

    total = Stats()
    by_unit: dict[int | None, Stats] = defaultdict(Stats)
    by_category: dict[str, Stats] = defaultdict(Stats)
    by_period: dict[str, Stats] = defaultdict(Stats)
    with ctx.db.reader() as session:
        units = unit_names(session)
        categories = category_names(session)
        returns = unit_returns(session, start, end)
        throttle = Throttle(progress, token, count_tickets(session, start, end), step=1000)
        shown_name, shown_phone, _, shown_text = masker(mask)
        for t in stream_tickets(session, start, end):
            total.add(t)
            by_unit[t.unit_id].add(t)
            category = t.item_code[:2] if t.item_code else ""
            by_category[category].add(t)
            by_period[trend_key(t.received_at, span)].add(t)
            name, phone = shown_name(t.citizen_name or ""), shown_phone(t.citizen_phone or "")
            title = shown_text(t.title)
            closed_ok = (t.closed_at <= t.close_due_at) if t.closed_at and t.close_due_at else None
            hours = (t.closed_at - t.received_at).total_seconds() / 3600 if t.closed_at else None
            detail.append([
                t.number, t.received_at, urgency_label(t.urgency), KIND.get(t.kind, t.kind),
                CHANNEL.get(t.channel, t.channel), categories.get(category, NO_CATEGORY) if category else NO_CATEGORY,
                t.item_code or "", title, " ".join(p for p in (t.district, t.street) if p),
                units.get(t.unit_id, NO_UNIT) if t.unit_id else NO_UNIT, status_label(t.status), t.dispatched_at,
                _flag(t.dispatched_at <= t.dispatch_due_at if t.dispatched_at else None), t.closed_at,
                _flag(closed_ok), hours, RATING.get(t.rating or "", ""), t.return_count, t.rollback_count,
                t.reopen_count, name, phone], t.urgency)
            throttle.tick()
        throttle.finish()
    for unit_id, (n, returned) in returns.items():
        if unit_id in by_unit:
            by_unit[unit_id].lead_assignments, by_unit[unit_id].lead_returned = n, returned
    detail.close()

    # by unit / by category, largest first, with a bar chart of the top groups
    groups: list[tuple[str, Stats]]
    if by == "unit":
        groups = [(units.get(k, NO_UNIT) if k else NO_UNIT, s) for k, s in by_unit.items()]
    else:
        groups = [(categories.get(k, k) if k else NO_CATEGORY, s) for k, s in by_category.items()]
    groups.sort(key=lambda g: (-g[1].received, g[0]))
    for name, stats in groups:
        group_sheet.append([name, *_metric_values(stats)])
    group_sheet.close()
    if groups:
        _bar(group_sheet.sheet, f"受理量（前{min(TOP, len(groups))}）", 2, len(groups), "L2", "受理量")

    rankable = [(units.get(k, NO_UNIT), s) for k, s in by_unit.items() if k and s.closed and s.score() is not None]
    ranked = sorted(rankable,
                    key=lambda g: (-(g[1].score() or 0), -g[1].received, g[0]))
    for rank, (name, stats) in enumerate(ranked, 1):
        ranking.append([rank, name, stats.received, stats.close_rate, stats.satisfaction, stats.return_rate,
                        stats.score()])
    ranking.close()
    if ranked:
        _bar(ranking.sheet, f"单位综合得分（前{min(TOP, len(ranked))}）", 7, len(ranked), "I2", "综合得分",
             categories_col=2, percent=True)

    for key in sorted(by_period):
        s = by_period[key]
        trend.append([key, s.received, s.dispatch_rate, s.close_rate, s.satisfaction])
    trend.close()
    if by_period:
        _trend_chart(trend.sheet, len(by_period))

    _write_summary(summary, total, period, group_title, exported_by, exported_at, mask, len(groups))
    workbook.save(path)
    return total.received


def _bar(sheet: Any, title: str, value_col: int, rows: int, anchor: str, axis: str, *, categories_col: int = 1,
         percent: bool = False) -> None:
    count = min(TOP, rows)
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = title
    chart.y_axis.title = axis
    chart.y_axis.numFmt = "0%" if percent else "0"
    if percent:
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # largest on top
    chart.add_data(Reference(sheet, min_col=value_col, min_row=1, max_row=count + 1), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=categories_col, min_row=2, max_row=count + 1))
    chart.legend = None
    chart.height, chart.width = 9 + count * 0.35, 18
    sheet.add_chart(chart, anchor)


def _trend_chart(sheet: Any, rows: int) -> None:
    volume = BarChart()
    volume.title = "受理量与按时率趋势"
    volume.add_data(Reference(sheet, min_col=2, min_row=1, max_row=rows + 1), titles_from_data=True)
    volume.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows + 1))
    volume.y_axis.title = "受理量"
    volume.y_axis.majorGridlines = None
    rates = LineChart()
    rates.add_data(Reference(sheet, min_col=3, max_col=5, min_row=1, max_row=rows + 1), titles_from_data=True)
    rates.y_axis.axId = 200
    rates.y_axis.title = "比率"
    rates.y_axis.numFmt = "0%"
    rates.y_axis.scaling.min = 0
    rates.y_axis.scaling.max = 1
    rates.y_axis.crosses = "max"
    volume += rates
    volume.height, volume.width = 9, 20
    sheet.add_chart(volume, "H2")


def _write_summary(s: _Summary, total: Stats, period: str, group_title: str, exported_by: str,
                   exported_at: datetime, mask: bool, groups: int) -> None:
    st = s.styles
    label, text = st.label(), st.style("text")
    s.sheet.row_dimensions[1].height = 26
    s.row(s.cell("诉求办理统计报表", st.title()))
    s.row(s.cell(f"统计期：{period}（北京时间）  分组：{group_title}", st.subtitle()))
    s.row()
    s.row(s.cell("基本信息", st.section()))
    for name, value in (("统计期", period), ("分组方式", f"{group_title}（{groups} 组）"),
                        ("导出", f"{exported_by}  {format_room_time(exported_at)}"),
                        ("个人信息", "已脱敏" if mask else "未脱敏（已记录导出日志）")):
        s.row(s.cell(name, label), s.cell(value, text))
    s.row()
    s.row(s.cell("全量指标", st.section()))
    s.row(s.cell("指标", st.header()), s.cell("数值", st.header()))
    for (name, _, kind), value in zip(METRICS, _metric_values(total), strict=True):
        s.row(s.cell(name, label), s.cell(value if value is not None else "—",
                                          st.figure(kind if value is not None else "text")))
    s.row()
    s.row(s.cell("指标说明", st.section()))
    for name, meaning in DEFINITIONS:
        s.row(s.cell(name, label), s.cell(meaning, st.note()))
